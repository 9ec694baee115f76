"""Rolling backups as plain rules: how a backup is named, and which ones to let go.

A backup lives in a `backups/` folder beside its register, named
`<register>_<YYYY-MM-DD>_<HH-MM-SS>_<reason>.cspreg` (local time, so a person reading the folder
sees the time they remember). Several registers may share one folder, so every rule here works
only on the backups of one register, found by its name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

FOLDER = "backups"
SUFFIX = ".cspreg"
# Why a backup was made. "upgrade" ones are kept for good; the others roll.
OPENING, UPGRADE, IMPORT, OWNER_RETURN, MATRIX, RESTORE = "opening", "upgrade", "import", "owner-return", "matrix", \
    "restore"
REASONS = {OPENING: "made on opening (once a day)", UPGRADE: "before a schema upgrade", IMPORT: "before an import",
           OWNER_RETURN: "before an owner's return", MATRIX: "before a matrix change",
           RESTORE: "before a restore"}
KEPT_FOR_GOOD = {UPGRADE}
DEFAULT_KEEP = 10
DEFAULT_MAX_MB = 500
# A second backup for the same reason within this time adds nothing (several returns taken at once).
SAME_REASON_WINDOW = timedelta(seconds=60)

_NAME = re.compile(r"^(?P<stem>.+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<time>\d{2}-\d{2}-\d{2})(?:-(?P<n>\d+))?"
                   r"_(?P<reason>[a-z-]+)" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class BackupName:
    stem: str
    made_at: datetime
    reason: str
    n: int = 0  # 0, or 2, 3 ... for a second backup within the same second

    @property
    def file_name(self) -> str:
        extra = f"-{self.n}" if self.n else ""
        return f"{self.stem}_{self.made_at:%Y-%m-%d_%H-%M-%S}{extra}_{self.reason}{SUFFIX}"

    @property
    def kept_for_good(self) -> bool:
        return self.reason in KEPT_FOR_GOOD


def parse(file_name: str) -> BackupName | None:
    """The parts of a backup's file name, or None for a file that is not one of ours."""
    match = _NAME.match(file_name)
    if not match:
        return None
    try:
        made_at = datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H-%M-%S")
    except ValueError:
        return None
    return BackupName(match["stem"], made_at, match["reason"], int(match["n"] or 0))


def folder_for(register: Path) -> Path:
    return Path(register).parent / FOLDER


def new_name(stem: str, reason: str, now: datetime, taken: set[str]) -> str:
    """A name for a backup made now that no file in the folder has yet. Two backups made in the same
    second (for any reason) are numbered, so the order they were made in is never lost."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    name = BackupName(stem, now.replace(microsecond=0), reason)
    same_second = {(b.made_at, b.n) for b in of_register(stem, list(taken))}
    n = 1
    while (name.made_at, name.n) in same_second:
        n += 1
        name = BackupName(stem, name.made_at, reason, n)
    return name.file_name


def of_register(stem: str, names: list[str]) -> list[BackupName]:
    """This register's backups among the file names, newest first."""
    found = [b for b in map(parse, names) if b is not None and b.stem == stem]
    return sorted(found, key=lambda b: (b.made_at, b.n), reverse=True)


def made_today(backups: list[BackupName], reason: str, now: datetime) -> bool:
    return any(b.reason == reason and b.made_at.date() == now.date() for b in backups)


def made_just_now(backups: list[BackupName], reason: str, now: datetime) -> bool:
    return any(b.reason == reason and timedelta(0) <= now - b.made_at <= SAME_REASON_WINDOW for b in backups)


def to_prune(backups: list[BackupName], sizes: dict[str, int], *, keep: int = DEFAULT_KEEP,
             max_bytes: int | None = DEFAULT_MAX_MB * 1024 * 1024) -> list[BackupName]:
    """The automatic backups to delete: beyond the newest `keep`, then the oldest until the rolling
    ones fit in `max_bytes`. Backups made before an upgrade are never pruned, and the newest rolling
    backup always stays (one restore point beats none, however large)."""
    rolling = sorted((b for b in backups if not b.kept_for_good), key=lambda b: (b.made_at, b.n), reverse=True)
    kept, pruned = rolling[:max(keep, 1)], rolling[max(keep, 1):]
    if max_bytes is not None:
        total = sum(sizes.get(b.file_name, 0) for b in kept)
        while len(kept) > 1 and total > max_bytes:
            oldest = kept.pop()
            total -= sizes.get(oldest.file_name, 0)
            pruned.append(oldest)
    return pruned
