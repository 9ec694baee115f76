"""One writer per register: a lock file beside it, held with the operating system's locking.

`NAME.cspreg.lock` holds who is writing (name, machine, process, since) as JSON. The lock itself is
the OS's: `flock` on POSIX (per open file, so closing some other descriptor on the lock file, as a
reader does, never drops it; POSIX `fcntl` record locks would be dropped, the very trap this issue is
about), a byte far past the details with `msvcrt.locking` on Windows (a locked range cannot be read
there, so the details stay readable). The kernel lets go when the holder dies, so a crash leaves at
most a file with old details and a free lock, which the next writer simply takes.

A stale holder (its process dead, yet the lock still held, e.g. by a forked child that inherited it)
or a holder on another machine is taken over by removing the file: whoever still holds a lock on the
removed file holds nothing anyone looks at. `acquire` checks the file it locked is still the one at
the path, so that race ends with exactly one writer. Reading never needs this lock.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .errors import RegisterError

LOCK_SUFFIX = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 30  # far past the details, so locking it never blocks reading them
_READ_RETRIES = 20  # the holder writes its details just after locking: wait for them this many times
_READ_PAUSE_S = 0.01
_ACQUIRE_TRIES = 20  # each retry follows a release, a take-over or a reader's brief peek


def lock_path(register_path: Path) -> Path:
    """The lock file beside the register: never the register, its -wal or its -shm."""
    register_path = Path(register_path)
    return register_path.with_name(register_path.name + LOCK_SUFFIX)


def this_machine() -> str:
    return socket.gethostname() or "this computer"


@dataclass(frozen=True)
class Holder:
    """Who holds the register for writing."""
    name: str
    machine: str
    pid: int
    since: str  # ISO-8601 UTC

    def sentence(self) -> str:
        """E.g. "Jo Bloggs on LAPTOP-7 (process 4242) since 09:14 on 27/11/2026" (local time)."""
        return f"{self.name} on {self.machine} (process {self.pid}){_since_words(self.since)}"

    def is_stale(self) -> bool:
        """True when it names a process on this machine that is no longer running."""
        return self.machine == this_machine() and not _process_alive(self.pid)

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "machine": self.machine, "pid": self.pid, "since": self.since})

    @classmethod
    def from_json(cls, text: str) -> "Holder":
        data = json.loads(text)
        return cls(str(data["name"]), str(data["machine"]), int(data["pid"]), str(data["since"]))


UNKNOWN_HOLDER = Holder("another program", "an unknown computer", 0, "")


class RegisterHeld(RegisterError):
    """Another app or command holds the register for writing; str() is one sentence naming them."""

    def __init__(self, holder: Holder, register_path: Path | None = None):
        self.holder = holder
        name = Path(register_path).name if register_path else "The register"
        super().__init__(f"{name} is being edited by {holder.sentence()}.")


class WriterLock:
    """The held lock; `release()` (or leaving a `with` block) lets the next writer in."""

    def __init__(self, register_path: Path, fd: int, holder: Holder):
        self.register_path = Path(register_path)
        self.holder = holder
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, register_path: Path, who: str) -> "WriterLock":
        """Hold the register for writing as `who`; raises RegisterHeld when someone else does.

        A stale holder on this machine (its process has died) is taken over.
        """
        register_path = Path(register_path)
        path = lock_path(register_path)
        for _ in range(_ACQUIRE_TRIES):
            fd = _open_lock_file(path, register_path)
            if not _try_lock(fd):
                os.close(fd)
                holder = current_holder(register_path)
                if holder is None:  # free again: the holder just left, or a reader was peeking
                    time.sleep(_READ_PAUSE_S)
                    continue
                if holder is not UNKNOWN_HOLDER and holder.is_stale():
                    _remove(path)
                    continue
                raise RegisterHeld(holder, register_path)
            if not _same_file(fd, path):
                os.close(fd)  # released or taken over meanwhile: closing drops our lock on the old file
                continue
            holder = Holder(who, this_machine(), os.getpid(), datetime.now(timezone.utc).isoformat(timespec="seconds"))
            try:
                _write_details(fd, holder)
            except OSError as exc:
                _remove(path)
                os.close(fd)
                raise RegisterError(f"{register_path.name} could not be held for editing ({exc.strerror}).") from exc
            return cls(register_path, fd, holder)
        raise RegisterHeld(current_holder(register_path) or UNKNOWN_HOLDER, register_path)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Remove the lock file while still holding it, then let go. Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        path = lock_path(self.register_path)
        try:
            if _same_file(fd, path):
                if sys.platform == "win32":  # Windows cannot remove an open file: empty it instead
                    os.ftruncate(fd, 0)
                else:
                    _remove(path)
        finally:
            os.close(fd)  # the OS drops the lock with the last descriptor of this open file
        if sys.platform == "win32":
            _remove(path)

    def __enter__(self) -> "WriterLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self):  # a lock forgotten by its owner must not outlive it
        if getattr(self, "_fd", None) is not None:
            self.release()


def current_holder(register_path: Path) -> Holder | None:
    """Who holds the register for writing now, or None. Takes no lock that anyone would notice."""
    path = lock_path(register_path)
    try:
        fd = os.open(path, os.O_RDONLY if sys.platform != "win32" else os.O_RDWR)
    except FileNotFoundError:
        return None
    except OSError:
        return UNKNOWN_HOLDER if path.exists() else None
    try:
        if _try_lock(fd, shared=True):
            _unlock(fd)
            return None  # details left by a writer that has gone: nobody holds it
        for _ in range(_READ_RETRIES):
            holder = _read_details(fd)
            if holder is not None:
                return holder
            time.sleep(_READ_PAUSE_S)
        return UNKNOWN_HOLDER
    finally:
        os.close(fd)


def break_lock(register_path: Path) -> None:
    """Take the register from a holder on another machine, after the user has confirmed it.

    A live holder on this machine is never broken (raises RegisterHeld): it really is writing.
    """
    register_path = Path(register_path)
    holder = current_holder(register_path)
    if holder is None:
        return
    if holder.machine == this_machine() and _process_alive(holder.pid):
        raise RegisterHeld(holder, register_path)
    _remove(lock_path(register_path))


# -- the operating system's part ------------------------------------------------------------------

def _open_lock_file(path: Path, register_path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise RegisterError(f"{register_path.name} could not be held for editing: its folder is not writable "
                            f"({exc.strerror}).") from exc


def _try_lock(fd: int, shared: bool = False) -> bool:
    if sys.platform == "win32":
        import msvcrt
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # Windows has no shared variant here; a probe is brief
            return True
        except OSError:
            return False
    import fcntl
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        return True
    except (BlockingIOError, PermissionError):
        return False
    except OSError:  # a filesystem without flock (some network shares): say it is held by someone unknown
        return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl
    fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _write_details(fd: int, holder: Holder) -> None:
    data = holder.to_json().encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.fsync(fd)


def _read_details(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 64 * 1024).decode("utf-8")
        return Holder.from_json(text)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not written yet, half written, or garbage: the caller retries


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # Windows while another process has it open; its details are emptied or stale anyway


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, alive
    except OSError:
        return False
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    """A killed child not yet reaped still answers kill(0); it is dead all the same."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:  # only on Linux; elsewhere assume alive
            return handle.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # only on Windows, where this runs
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _since_words(since: str) -> str:
    try:
        when = datetime.fromisoformat(since)
    except (TypeError, ValueError):
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    local = when.astimezone()
    return f" since {local:%H:%M} on {local:%d/%m/%Y}"
