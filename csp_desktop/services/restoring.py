"""Putting a backup back: refused while another program holds the register, and never without first
keeping the register as it is now, so a restore can itself be undone by restoring that copy."""
from __future__ import annotations

import logging
import shutil
from datetime import datetime, timezone
from pathlib import Path

from ..domain import backup_policy as policy
from ..domain.dates import show
from ..errors import UserError
from ..store import RegisterError
from ..store.copying import copy_file, write_over
from ..store.maintenance import changes_not_in
from ..store.writer_lock import current_holder
from .backups import Backup, Restored, backups_folder, check_backup, list_backups, prune, _names
from .workspace import read_file

log = logging.getLogger(__name__)


def held_by(register: Path) -> str | None:
    """Who holds the register's writer lock now, in words; None when nobody (alive) does."""
    holder = current_holder(Path(register))
    if holder is None or holder.is_stale():
        return None
    return holder.sentence()


def find_backup(register: Path, backup: str | Path) -> Backup:
    """The backup named `backup` (its file name, or a path into the backups folder)."""
    name = Path(backup).name
    for found in list_backups(register):
        if found.path.name == name:
            return found
    raise UserError(f"There is no backup {name} of {Path(register).name} in {backups_folder(register)}; "
                    f"see `csp-desktop backups {Path(register).name}`.")


def restore(register: Path, backup: str | Path, now: datetime | None = None) -> Restored:
    """Make `register` what `backup` holds. The caller must have closed its own connections to it."""
    register = Path(register)
    chosen = find_backup(register, backup)
    holder = held_by(register)
    if holder:
        raise RegisterError(f"{register.name} is open in another program ({holder}); close it there, then "
                            "restore. Nothing was changed.")
    chosen.problems = check_backup(chosen.path)
    if not chosen.passes:
        raise RegisterError(f"The backup {chosen.path.name} fails its check ({chosen.problems[0]}); choose "
                            "another. Nothing was changed.")
    kept = keep_current(register, now or datetime.now()) if register.exists() else None
    write_over(chosen.path, register)
    prune(register)
    log.info("Restored %s from %s (kept the previous state as %s)", register, chosen.path.name, kept)
    return Restored(chosen, kept)


def keep_current(register: Path, now: datetime) -> Path:
    """The register as it is now, as a backup of its own (reason "restore")."""
    folder = backups_folder(register)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise RegisterError(f"The register as it is now could not be kept in {folder} ({exc.strerror or exc}), "
                            "so nothing was restored.") from exc
    target = folder / policy.new_name(register.stem, policy.RESTORE, now, _names(folder))
    try:
        return copy_file(register, target)
    except RegisterError:
        # Too damaged for SQLite to read: keep its bytes as they are. No connection of ours is open on
        # it (the caller closed them), so reading it with open() drops no lock of ours.
        try:
            shutil.copyfile(register, target)
        except OSError as exc:
            raise RegisterError(f"{register.name} could not be kept before the restore ({exc.strerror or exc}), "
                                "so nothing was restored.") from exc
        return target


def what_is_lost(register: Path, backup: Backup) -> str:
    """In plain words: what restoring `backup` throws away, and that the present is kept first."""
    when = f"{show(backup.made_at)} at {backup.made_at:%H:%M}"
    head = f"Restoring puts the register back as it was on {when} ({backup.why})."
    tail = "The register as it is now is kept as a backup first, so you can go back to it."
    try:
        with read_file(register) as now:
            n, last, who = changes_not_in(now, backup.path)
    except UserError:
        return f"{head} The register as it is now cannot be read, so its changes cannot be counted. {tail}"
    if n == 0 or last is None:  # (a save always has a time: last is None only when n is 0)
        return f"{head} Nothing has been saved since then, so nothing will be lost. {tail}"
    at = datetime.fromisoformat(last)
    at = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()
    saves = "change saved" if n == 1 else "changes saved"
    return (f"{head} The {n} {saves} since then will be lost, the last on {show(at)} at {at:%H:%M} by {who}. "
            f"{tail}")
