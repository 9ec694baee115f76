"""Opening a register for the app: writable when it can be, else read-only with the reason why."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..store import NotARegisterError, Register, RegisterError
from ..store.access import write_blocked
from ..store.maintenance import backup


@dataclass
class Opened:
    register: Register
    read_only_reason: str | None = None  # one sentence for the banner; None when edits can be saved


def open_for_editing(path: Path) -> Opened:
    """Open `path`; a locked or read-only file opens read-only with the reason, a non-register is refused."""
    path = Path(path)
    if path.exists() and path.is_file() and not os.access(path, os.W_OK):
        return _read_only(path, f"Opened read-only: {path.name} is a read-only file, so changes cannot be saved.")
    try:
        reg = Register.open(path)
    except NotARegisterError:
        raise
    except RegisterError as exc:
        if not path.is_file():
            raise
        return _read_only(path, f"Opened read-only: {exc}")
    reason = write_blocked(reg)
    if reason is None:
        return Opened(reg)
    reg.close()
    return _read_only(path, f"Opened read-only: {reason}")


def _read_only(path: Path, reason: str) -> Opened:
    return Opened(Register.open(path, read_only=True), reason)


def import_into(register_path: Path, file: Path, *, dry_run: bool, backup_folder: Path | None = None):
    """Import `file` through a connection of its own (so it can run off the GUI thread).

    A real import first backs the register up into `backup_folder`, since it cannot be undone.
    """
    from .imports import import_file
    with Register.open(register_path) as reg:
        if not dry_run and backup_folder is not None:
            backup(reg, backup_folder)
        return import_file(reg, Path(file), dry_run=dry_run)


def export_from(register_path: Path, out: Path, part: str = "all") -> Path:
    from .exports import export_register
    with Register.open(register_path, read_only=True) as reg:
        return export_register(reg, Path(out), part=part)


def backup_to(reg: Register, folder: Path) -> Path:
    return backup(reg, Path(folder))
