"""Rolling backups beside a register, listing them, and putting one back.

The naming and pruning rules are in domain/backup_policy.py; this module applies them to files. Every
copy goes through SQLite's backup API (store/copying.py), so it is consistent even while the app
has the register open.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..domain import backup_policy as policy
from ..domain.dates import show
from ..errors import UserError
from ..store import Register, RegisterError
from ..store import backup_settings
from ..store.maintenance import backup_as, check
from ..store.migrations import latest_version
from .changes import Changes
from .workspace import read_file

log = logging.getLogger(__name__)
MB = 1024 * 1024
# A backup is made before a change only when one for the same reason was not made moments ago.
DEDUPED = {policy.OWNER_RETURN, policy.MATRIX}


@dataclass
class Backup:
    path: Path
    made_at: datetime
    reason: str
    size: int
    kept_for_good: bool
    problems: list[str] | None = field(default=None)  # None until checked

    @property
    def passes(self) -> bool:
        return self.problems == []

    @property
    def why(self) -> str:
        return policy.REASONS.get(self.reason, self.reason)

    @property
    def when(self) -> str:
        return f"{show(self.made_at)} {self.made_at:%H:%M:%S}"


@dataclass
class Restored:
    backup: Backup
    kept: Path | None  # the register as it was just before, kept as a backup of its own

    @property
    def changes(self) -> Changes:
        """The whole file was replaced: every view reads again."""
        return Changes.everything()


# -- listing ------------------------------------------------------------------------------------------

def backups_folder(register: Path) -> Path:
    return policy.folder_for(Path(register))


def list_backups(register: Path, *, checked: bool = False) -> list[Backup]:
    """The register's backups, newest first; with `checked`, each is opened and checked."""
    register, folder = Path(register), backups_folder(register)
    names = _names(folder)
    found = []
    for name in policy.of_register(register.stem, list(names)):
        path = folder / name.file_name
        try:
            size = path.stat().st_size
        except OSError:
            continue  # pruned or moved while we looked
        backup = Backup(path, name.made_at, name.reason, size, name.kept_for_good)
        if checked:
            backup.problems = check_backup(path)
        found.append(backup)
    return found


def check_backup(path: Path) -> list[str]:
    """What is wrong with a backup file; empty when it would restore a healthy register.

    A backup from before an upgrade has an older schema on purpose: opening it after a restore
    upgrades it, so that is not a problem here.
    """
    try:
        with read_file(path) as reg:
            older = reg.schema_version() < latest_version()
            return [p for p in check(reg) if not (older and p.startswith("schema version"))]
    except UserError as exc:
        return [str(exc)]


def newest_good_backup(register: Path) -> Backup | None:
    """The newest backup that passes `check`: what a damaged register is offered."""
    for backup in list_backups(register):
        backup.problems = check_backup(backup.path)
        if backup.passes:
            return backup
    return None


def damaged_help(register: Path) -> str:
    """One sentence for a register that cannot be used: which backup would bring it back."""
    good = newest_good_backup(register)
    if good is None:
        return "No backup of it that passes the check was found."
    return (f"The newest backup that passes the check was made {good.when} ({good.why}): restore it with "
            f"File > Backups... or `csp-desktop restore {Path(register).name} \"{good.path.name}\"`.")


def _names(folder: Path) -> set[str]:
    try:
        return {p.name for p in folder.iterdir()}
    except OSError:
        return set()


# -- making -----------------------------------------------------------------------------------------------

def make_backup(reg: Register, reason: str, now: datetime | None = None) -> Path | None:
    """A backup of the open register into its backups folder, then the old ones pruned.

    Returns None when one for the same reason was made moments ago. Raises RegisterError when no
    backup could be made, so the change it was to precede is not made either.
    """
    now = now or datetime.now()
    folder = backups_folder(reg.path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise RegisterError(f"No backup could be made in {folder} ({exc.strerror or exc}), so nothing was "
                            "changed.") from exc
    names = _names(folder)
    if reason in DEDUPED and policy.made_just_now(policy.of_register(reg.path.stem, list(names)), reason, now):
        return None
    target = backup_as(reg, folder / policy.new_name(reg.path.stem, reason, now, names))
    prune(reg.path, *backup_settings.get(reg))
    return target


def daily_backup(reg: Register, now: datetime | None = None) -> Path | None:
    """The backup made on opening, at most once a day. Never stops the register opening."""
    now = now or datetime.now()
    if policy.made_today(policy.of_register(reg.path.stem, list(_names(backups_folder(reg.path)))),
                         policy.OPENING, now):
        return None
    try:
        return make_backup(reg, policy.OPENING, now)
    except UserError as exc:
        log.warning("No backup on opening %s: %s", reg.path, exc)
        return None


def prune(register: Path, keep: int = policy.DEFAULT_KEEP, max_mb: int = policy.DEFAULT_MAX_MB) -> list[Path]:
    """Delete the rolling backups the policy lets go; returns what was deleted."""
    register = Path(register)
    folder = backups_folder(register)
    backups = policy.of_register(register.stem, list(_names(folder)))
    sizes = {}
    for b in backups:
        try:
            sizes[b.file_name] = (folder / b.file_name).stat().st_size
        except OSError:
            pass
    gone = []
    for b in policy.to_prune(backups, sizes, keep=keep, max_bytes=max_mb * MB):
        try:
            (folder / b.file_name).unlink()
            gone.append(folder / b.file_name)
        except OSError as exc:  # in use or read-only: try again next time
            log.warning("Could not prune %s: %s", b.file_name, exc)
    return gone


# -- settings ---------------------------------------------------------------------------------------------

def settings(reg: Register) -> tuple[int, int]:
    return backup_settings.get(reg)


def change_settings(reg: Register, keep: int, max_mb: int) -> None:
    if not 1 <= keep <= 1000:
        raise UserError(f"Keep between 1 and 1000 backups, not {keep}.")
    if not 1 <= max_mb <= 1_000_000:
        raise UserError(f"The size cap is between 1 and 1000000 MB, not {max_mb}.")
    backup_settings.put(reg, keep, max_mb)
    prune(reg.path, keep, max_mb)
