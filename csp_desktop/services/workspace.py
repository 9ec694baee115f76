"""The open register: its file, who is editing, whether edits can be saved (and why not), and its connections.

Nothing else opens a register file. The app and the command line start here; a background job asks
the workspace for a connection of its own (a SQLite connection is not shared between threads), and
every connection it hands out records changes under the workspace's one identity, so the audit
trail never falls back to the login name because some corner of the code opened the file itself.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..domain.scoring import Scheme
from ..store import NotARegisterError, Register, RegisterError
from ..store.access import write_blocked
from ..store.register import default_who
from ..store.writer_lock import RegisterHeld, WriterLock


class Workspace:
    """One open register. `register` is the main connection, for the thread that opened it; `lock` is
    the writer's lock (store/writer_lock.py) while it is open for writing, let go when it closes."""

    def __init__(self, register: Register, *, read_only_reason: str | None = None, lock: WriterLock | None = None):
        self.register = register
        self.read_only_reason = read_only_reason
        self.lock = lock
        if lock is not None:
            register.writer_lock = lock  # closing the main connection lets the lock go, however it is closed

    # -- opening -------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path, *, who: str | None = None, read_only: bool = False) -> "Workspace":
        """Open `path` as asked. Writable means held for writing until closed: RegisterHeld names whoever
        holds it instead. Any file that cannot be opened so raises its one-sentence error."""
        path, who = Path(path), who or default_who()
        if read_only:
            return cls(Register.open(path, read_only=True, who=who), read_only_reason="Opened read-only, as asked.")
        # The lock is taken before the file is opened, so even an upgrade waits for it. A path that is
        # no file gets no lock: opening it says in one sentence what is wrong.
        lock = WriterLock.acquire(path, who) if path.is_file() else None
        try:
            register = Register.open(path, who=who)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(register, lock=lock)

    @classmethod
    def open_for_editing(cls, path, *, who: str | None = None) -> "Workspace":
        """Writable when it can be; a register someone else holds, a damaged, locked or read-only file
        opens read-only with the reason; a file that is not a register is refused."""
        path, who = Path(path), who or default_who()
        if path.exists() and path.is_file() and not os.access(path, os.W_OK):
            return cls._read_only(path, who, f"{path.name} is a read-only file, so changes cannot be saved.")
        try:
            workspace = cls.open(path, who=who)
        except RegisterHeld as exc:
            return cls._read_only(path, who, str(exc))  # names who holds it, on which machine, since when
        except NotARegisterError:
            raise
        except RegisterError as exc:
            if not path.is_file():
                raise
            return cls._read_only(path, who, str(exc))
        reason = write_blocked(workspace.register)
        if reason is None:
            from .backups import daily_backup  # backups reads other files through this module
            daily_backup(workspace.register)
            return workspace
        workspace.close()
        return cls._read_only(path, who, reason)

    @classmethod
    def _read_only(cls, path: Path, who: str, reason: str) -> "Workspace":
        return cls(Register.open(path, read_only=True, who=who), read_only_reason=f"Opened read-only: {reason}")

    @classmethod
    def create(cls, path, name: str, scheme: Scheme | None = None, *, who: str | None = None) -> "Workspace":
        return cls(create_file(path, name, scheme, who=who))

    @classmethod
    def adopt(cls, register: Register) -> "Workspace":
        """A register already open (made by `create_file`, or by a test)."""
        reason = "Opened read-only, as asked." if register.read_only else None
        return cls(register, read_only_reason=reason)

    # -- what it is ----------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.register.path

    @property
    def who(self) -> str:
        return self.register.who

    @property
    def read_only(self) -> bool:
        return self.register.read_only

    @property
    def closed(self) -> bool:
        return self.register.closed

    def set_who(self, name: str) -> None:
        """From now on every change, on every connection, is recorded under `name`."""
        self.register.who = name

    # -- connections for background jobs -------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[Register]:
        """A read-only connection of the job's own, closed when the job is done."""
        register = Register.open(self.path, read_only=True, who=self.who)
        try:
            yield register
        finally:
            register.close()

    def own_connection(self):
        """A connection of the job's own, writable when the workspace is."""
        return self.reading() if self.read_only else self.writing()

    @contextlib.contextmanager
    def writing(self) -> Iterator[Register]:
        """A writable connection of the job's own, recording under the workspace's identity."""
        if self.read_only:
            raise RegisterError(f"{self.path.name} is open read-only, so nothing was changed.")
        register = Register.open(self.path, who=self.who)
        try:
            yield register
        finally:
            register.close()

    def close(self) -> None:
        self.register.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def create_file(path, name: str, scheme: Scheme | None = None, *, who: str | None = None) -> Register:
    """A new, empty register file, open for writing."""
    return Register.create(Path(path), name, scheme, who=who or default_who())


def read_file(path) -> Register:
    """Some other register file, read-only: a backup being checked, the register as it is before a
    restore. Still only through SQLite."""
    return Register.open(Path(path), read_only=True)
