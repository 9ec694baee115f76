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


class Workspace:
    """One open register. `register` is the main connection, for the thread that opened it."""

    def __init__(self, register: Register, *, read_only_reason: str | None = None):
        self.register = register
        self.read_only_reason = read_only_reason

    # -- opening -------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path, *, who: str | None = None, read_only: bool = False) -> "Workspace":
        """Open `path` as asked; a file that cannot be opened so raises its one-sentence error."""
        register = Register.open(Path(path), read_only=read_only, who=who or default_who())
        return cls(register, read_only_reason="Opened read-only, as asked." if read_only else None)

    @classmethod
    def open_for_editing(cls, path, *, who: str | None = None) -> "Workspace":
        """Writable when it can be; a locked or read-only file opens read-only with the reason, and a
        file that is not a register is refused."""
        path, who = Path(path), who or default_who()
        if path.exists() and path.is_file() and not os.access(path, os.W_OK):
            return cls._read_only(path, who, f"{path.name} is a read-only file, so changes cannot be saved.")
        try:
            register = Register.open(path, who=who)
        except NotARegisterError:
            raise
        except RegisterError as exc:
            if not path.is_file():
                raise
            return cls._read_only(path, who, str(exc))
        reason = write_blocked(register)
        if reason is None:
            return cls(register)
        register.close()
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
