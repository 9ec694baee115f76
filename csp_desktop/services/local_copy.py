"""Working on a local copy of a register that sits on a network share or in a synced folder.

The copy is taken and written back with SQLite's backup API, so the file on the share is always a
whole, consistent register: never a half-written one a sync client could pick up. The register on
the share is written in the rollback-journal mode (never WAL, which does not work there).
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain import backup_policy as policy
from ..errors import UserError
from ..placement import Placement, placement_of
from ..store import Register
from ..store.copying import copy_file, write_over
from ..store.maintenance import backup_as
from .backups import backups_folder, prune

FOLDER = "Local copies"


@dataclass
class LocalCopy:
    original: Path
    local: Path
    stamp: tuple[int, int]  # the original's (modified time, size) when copied or last written back

    def changed_elsewhere(self) -> bool:
        """Whether someone else wrote the original since we copied it (we would write over their work)."""
        return _stamp(self.original) != self.stamp


def where(path: Path) -> Placement:
    """Whether `path` is on a local disk, a network share or in a synced folder."""
    return placement_of(Path(path))


def take_local_copy(original: Path, data_folder: Path) -> LocalCopy:
    """A copy of `original` in the user's own folder, one per original path (so two shares' files
    with the same name do not meet)."""
    original = Path(original)
    key = hashlib.sha256(str(original.resolve()).encode("utf-8")).hexdigest()[:10]
    folder = Path(data_folder) / FOLDER / key
    folder.mkdir(parents=True, exist_ok=True)
    local = folder / original.name
    if local.exists():
        _keep_earlier_copy(local)
    for extra in ("", "-wal", "-shm"):
        local.with_name(local.name + extra).unlink(missing_ok=True)
    stamp = _stamp(original)
    copy_file(original, local)
    return LocalCopy(original, local, stamp)


def write_back(copy: LocalCopy, reg: Register) -> None:
    """Write the open local copy over the original, as one consistent copy.

    Refused when the original was changed by someone else since it was copied: their work would be
    lost; the local copy keeps ours.
    """
    if copy.changed_elsewhere():
        raise UserError(f"{copy.original.name} was changed by someone else since you opened it, so your changes "
                        f"were not written over theirs. Your work is safe in {copy.local}.")
    # Through a flat (rollback-journal) copy first: the backup API copies the source's header, and a
    # header saying WAL must never reach the share.
    with tempfile.TemporaryDirectory(dir=copy.local.parent) as folder:
        flat = backup_as(reg, Path(folder) / copy.local.name)
        write_over(flat, copy.original, journal="DELETE")
    copy.stamp = _stamp(copy.original)


def _keep_earlier_copy(local: Path) -> None:
    """An earlier local copy may hold work that could not be written back: keep it among its backups."""
    folder = backups_folder(local)
    folder.mkdir(exist_ok=True)
    taken = {p.name for p in folder.iterdir()}
    copy_file(local, folder / policy.new_name(local.stem, policy.RESTORE, datetime.now(), taken))
    prune(local)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)  # stat only: the file is never opened outside SQLite
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)
