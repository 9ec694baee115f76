"""Undoing the last import: putting back the backup made just before it (services/imports.py records
which backup that was, in the import's own transaction)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..domain.dates import show
from ..errors import UserError
from ..store import Register
from .workspace import read_file
from ..store.import_records import last_run, list_mappings, put_mapping, saves_since
from .backups import backups_folder
from .restoring import Restored, restore


@dataclass
class LastImport:
    file: str
    backup: Path
    imported_at: str
    counts: dict
    later_changes: int      # saves since the import, the import itself not counted
    kept_choices: int = 0   # column choices kept in the register: they stay kept after the undo

    @property
    def words(self) -> str:
        """What undoing it throws away, in a coordinator's words."""
        at = datetime.fromisoformat(self.imported_at)
        at = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()
        added = ", ".join(f"{n} {name}" for name, n in self.counts.items() if n) or "nothing"
        head = (f"Undoing the import of {self.file} ({show(at)} at {at:%H:%M}) puts the register back as it was "
                f"just before it: the {added} it added go.")
        if self.later_changes:
            s = "" if self.later_changes == 1 else "s"
            head += (f" {self.later_changes} other change{s} saved since the import will be lost as well.")
        if self.kept_choices:
            head += " The column choices kept for the next file stay kept."
        return head + " The register as it is now is kept as a backup first."


def last_import(reg: Register) -> LastImport | None:
    """The newest import whose backup is still there; None when there is none to undo."""
    run = last_run(reg)
    if run is None:
        return None
    backup = backups_folder(reg.path) / run["backup"]
    if not backup.is_file():
        return None
    return LastImport(run["file"], backup, run["imported_at"], run["counts"], saves_since(reg, run["audit_rows"]),
                      len(list_mappings(reg)))


def undo_last_import(register: Path, *, even_if_changed: bool = False) -> tuple[LastImport, Restored]:
    """Restore the backup made before the last import. The caller must have closed its own connections.

    Refused while anything else was saved since the import, unless `even_if_changed`.
    """
    register = Path(register)
    with read_file(register) as reg:  # the caller has closed its own: read it as any other file
        found = last_import(reg)
        mappings = list_mappings(reg)
    if found is None:
        raise UserError(f"{register.name} has no import to undo (or the backup made before it is gone).")
    if found.later_changes and not even_if_changed:
        raise UserError(f"{found.later_changes} change(s) were saved in {register.name} since the import of "
                        f"{found.file}; undoing it would lose them too. Confirm to undo anyway.")
    restored = restore(register, found.backup)
    _keep_again(register, mappings)
    return found, restored


def _keep_again(register: Path, mappings: list[dict]) -> None:
    """The column choices kept with the import (or since) are the user's, not the import's: put back in
    a save of their own (audited), after the restore took them away with the import."""
    from .workspace import Workspace
    if not mappings:
        return
    with Workspace.open(register) as workspace:
        reg = workspace.register
        there = {m["name"]: m for m in list_mappings(reg)}
        missing = [m for m in mappings if _content(there.get(m["name"])) != _content(m)]
        if missing:
            with reg.transaction():
                for m in missing:
                    put_mapping(reg, m["name"], m["headings"], m["columns"], m["sheets"], m["scheme"])


def _content(mapping: dict | None) -> tuple | None:
    if mapping is None:
        return None
    return mapping["headings"], mapping["columns"], mapping["sheets"], mapping["scheme"]
