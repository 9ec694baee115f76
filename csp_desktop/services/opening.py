"""Opening a register for the app: writable when it can be, else read-only with the reason why."""
from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..store import NotARegisterError, Register, RegisterDamaged, RegisterError
from ..store.access import write_blocked
from ..store.maintenance import backup
from ..store.register import default_who
from ..store.writer_lock import RegisterHeld, WriterLock
from .backups import daily_backup


@dataclass
class Opened:
    register: Register
    read_only_reason: str | None = None  # one sentence for the banner; None when edits can be saved


def open_for_editing(path: Path, who: str | None = None) -> Opened:
    """Open `path`, holding it for writing (store/writer_lock.py); a register another app or command
    holds, a damaged, locked or read-only file opens read-only with the reason; a non-register is refused."""
    path = Path(path)
    if path.exists() and path.is_file() and not os.access(path, os.W_OK):
        return _read_only(path, f"Opened read-only: {path.name} is a read-only file, so changes cannot be saved.")
    try:
        reg = open_to_write(path, who)
    except (NotARegisterError, RegisterHeld) as exc:
        if isinstance(exc, RegisterHeld):
            return _read_only(path, f"Opened read-only: {exc}")
        raise
    except RegisterError as exc:
        if not path.is_file():
            raise
        return _read_only(path, f"Opened read-only: {exc}")
    reason = write_blocked(reg)
    if reason is None:
        daily_backup(reg)
        return Opened(reg)
    reg.close()
    return _read_only(path, f"Opened read-only: {reason}")


def open_to_write(path: Path, who: str | None = None) -> Register:
    """The register, held for writing by this process until it is closed; RegisterHeld names whoever
    holds it instead. The lock is taken before the file is opened, so even an upgrade waits for it."""
    path = Path(path)
    who = who or default_who()
    if not path.is_file():
        return Register.open(path, who=who)  # says in one sentence what is wrong with the path
    lock = WriterLock.acquire(path, who)
    try:
        reg = Register.open(path, who=who)
    except BaseException:
        lock.release()
        raise
    reg.writer_lock = lock
    return reg


@contextlib.contextmanager
def opened(path: Path, *, read_only: bool = False):
    """For one command: a read-only register, or one held for writing while the command runs."""
    reg = Register.open(path, read_only=True) if read_only else open_to_write(path)
    try:
        yield reg
    finally:
        reg.close()


def _read_only(path: Path, reason: str) -> Opened:
    return Opened(Register.open(path, read_only=True), reason)


def import_into(register_path: Path, file: Path, *, dry_run: bool):
    """Import `file` through a connection of its own (so it can run off the GUI thread).

    A real import first backs the register up into its backups folder (see import_file), since it
    cannot be undone.
    """
    from .imports import import_file
    with Register.open(register_path) as reg:
        return import_file(reg, Path(file), dry_run=dry_run)


def export_from(register_path: Path, out: Path, part: str = "all") -> Path:
    from .exports import export_register
    with Register.open(register_path, read_only=True) as reg:
        return export_register(reg, Path(out), part=part)


def backup_to(reg: Register, folder: Path) -> Path:
    return backup(reg, Path(folder))


__all__ = ["Opened", "RegisterDamaged", "RegisterHeld", "open_for_editing", "open_to_write", "opened"]
