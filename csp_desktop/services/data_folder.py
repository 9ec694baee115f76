"""Moving the user's files from the old data folder to the new one, once.

Earlier versions kept registers in Qt's AppDataLocation with both an organisation and an application
name, which doubled the folder (~/.local/share/CSP Desktop/CSP Desktop) and on Windows put it in the
roaming profile, which councils often redirect to a network share. The app now uses
AppLocalDataLocation without the doubling; this moves what was in the old folder across.
"""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)
SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's files that must travel with their register


@dataclass
class Moved:
    old: Path
    new: Path
    files: dict[Path, Path] = field(default_factory=dict)  # old path -> new path, for every file moved
    left: list[Path] = field(default_factory=list)          # what could not be moved

    def new_path(self, old: Path) -> Path | None:
        return self.files.get(Path(old))

    def summary(self) -> str:
        """What happened, for the one message the user sees about it."""
        registers = sorted(p.name for p in self.files.values() if p.suffix in (".cspreg", ".sqlite", ".db"))
        named = f" ({', '.join(registers[:6])}{' ...' if len(registers) > 6 else ''})" if registers else ""
        text = (f"CSP Desktop now keeps your registers on this computer's own disk, in {self.new}. "
                f"{len(self.files)} file(s) were moved there from {self.old}{named}; nothing else has changed.")
        if self.left:
            text += f" {len(self.left)} could not be moved and are still in {self.old}."
        return text


def move_old_data(old: Path, new: Path) -> Moved | None:
    """Move everything in `old` into `new` (which may be `old`'s parent). None when there was nothing."""
    old, new = Path(old), Path(new)
    if old == new or not old.is_dir():
        return None
    moved = Moved(old, new)
    new.mkdir(parents=True, exist_ok=True)
    _move_folder(old, new, moved)
    _remove_if_empty(old)
    return moved if moved.files or moved.left else None


def _move_folder(source: Path, target: Path, moved: Moved) -> None:
    entries = sorted(source.iterdir(), key=lambda p: p.name)
    names = {p.name for p in entries}
    for entry in entries:
        if _is_sidecar(entry.name, names):
            continue  # moves with its register, under the register's new name
        if entry.is_dir() and not entry.is_symlink():
            _move_dir(entry, target / entry.name, moved)
            continue
        dest = _free_name(target, entry.name)
        _move_file(entry, dest, moved)
        for extra in SIDECARS:
            sidecar = entry.with_name(entry.name + extra)
            if sidecar.exists():
                _move_file(sidecar, dest.with_name(dest.name + extra), moved)


def _move_dir(source: Path, target: Path, moved: Moved) -> None:
    if target == moved.old or moved.old in target.parents:
        return
    if not target.exists():
        try:
            shutil.move(source, target)
            for path in target.rglob("*"):
                moved.files[source / path.relative_to(target)] = path
            return
        except OSError as exc:
            log.warning("Could not move %s: %s", source, exc)
    target.mkdir(exist_ok=True)
    _move_folder(source, target, moved)  # both have it (backups/): merge
    _remove_if_empty(source)


def _move_file(source: Path, dest: Path, moved: Moved) -> None:
    try:
        shutil.move(source, dest)
        moved.files[source] = dest
    except OSError as exc:
        log.warning("Could not move %s: %s", source, exc)
        moved.left.append(source)


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or "name (moved).ext", "name (moved 2).ext" if that is taken."""
    dest = folder / name
    n = 1
    while dest.exists() or any(dest.with_name(dest.name + s).exists() for s in SIDECARS):
        stem, suffix = Path(name).stem, Path(name).suffix
        dest = folder / f"{stem} (moved{'' if n == 1 else f' {n}'}){suffix}"
        n += 1
    return dest


def _is_sidecar(name: str, names: set[str]) -> bool:
    return any(name.endswith(s) and name[:-len(s)] in names for s in SIDECARS)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty (something could not be moved), or already gone
