"""Taking a file into a register: all of it in one transaction, or none of it."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.backup_policy import IMPORT
from ..domain.scoring import Scheme, preset
from ..errors import UserError
from ..interchange.contents import Contents, same_priority
from ..interchange.problems import Problem
from ..store import Register, RegisterError
from ..store import bulk
from ..store.partners import list_organisations, list_owners, list_priorities
from ..store.actions import list_actions
from ..store.risks import list_risks
from .backups import make_backup


@dataclass
class ImportResult:
    file: str
    counts: dict[str, int]                      # what was added
    matched: dict[str, int] = field(default_factory=dict)  # what the register already had (by name)
    warnings: list[Problem] = field(default_factory=list)
    scheme: Scheme | None = None
    scheme_changed: bool = False
    dry_run: bool = False


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back after every check has passed."""


def read_file(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
              scheme: str | None = None) -> Contents:
    path = Path(path)
    if path.suffix.lower() == ".json":
        if sheet or mapping:
            raise UserError(f"{path.name} is a register export; --sheet and --map apply only to spreadsheets.")
        from ..interchange.register_json import read_json
        return read_json(path)
    from ..interchange.register_reader import read_spreadsheet
    return read_spreadsheet(path, sheet=sheet, mapping=mapping, scheme=preset(scheme) if scheme else None)


def import_file(reg: Register, path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                scheme: str | None = None, dry_run: bool = False) -> ImportResult:
    _refuse_the_register_itself(reg, Path(path))
    if not dry_run:
        reg.quick_check()  # an import writes much: never into a damaged file
    contents = read_file(path, sheet=sheet, mapping=mapping, scheme=scheme)
    if not dry_run:  # an import cannot be undone: keep the register as it was (once the file has been read)
        make_backup(reg, IMPORT)
    return apply_contents(reg, contents, dry_run=dry_run)


def _refuse_the_register_itself(reg: Register, path: Path) -> None:
    """Reading the register (or its -wal or -shm) as a spreadsheet would open it outside SQLite, and
    closing that handle drops this process's SQLite locks on it (howtocorrupt 2.2)."""
    names = {reg.path.name, reg.path.name + "-wal", reg.path.name + "-shm"}
    try:
        same = path.name in names and path.resolve().parent == reg.path.resolve().parent
    except OSError:
        same = False
    if same:
        raise UserError(f"{path.name} is the register itself (or part of it), not a file to import.")


def apply_contents(reg: Register, contents: Contents, *, dry_run: bool = False) -> ImportResult:
    result = ImportResult(contents.file, {}, list(contents.warnings), dry_run=dry_run)
    try:
        with reg.transaction():
            result.scheme_changed = _adopt_scheme(reg, contents)
            result.scheme = reg.scheme
            writer = _Writer(reg, contents)
            writer.write()
            result.counts, result.matched = contents.counts(), writer.matched
            result.warnings = list(contents.warnings)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


def _adopt_scheme(reg: Register, contents: Contents) -> bool:
    """A register with no risks yet takes the file's matrix; one with risks must already match it."""
    incoming, current = contents.scheme, reg.scheme
    if incoming is None or not contents.risks or _settings(incoming) == _settings(current):
        return False
    if list_risks(reg):
        if _same_matrix(incoming, current):
            return False
        raise RegisterError(f"{contents.file} is scored on a {incoming.size} matrix but {reg.path.name} uses "
                            f"{current.size}; import it into a new register or choose --scheme {current.size}.")
    if _same_matrix(incoming, current) and not contents.keeps_ids:
        return False  # a spreadsheet names no bands: keep the register's own
    reg.set_scheme(incoming)
    return True


def _settings(scheme: Scheme) -> dict:
    return {k: v for k, v in scheme.to_dict().items() if k != "name"}


def _same_matrix(a: Scheme, b: Scheme) -> bool:
    return a.likelihood_labels == b.likelihood_labels and a.impact_labels == b.impact_labels


def _identity(item) -> tuple[str, str]:
    return ("ref", item.ref) if item.ref else ("title", " ".join(item.title.split()).lower())


class _Writer:
    """Writes the contents, reusing owners and priorities the register already has (matched by name)."""

    def __init__(self, reg: Register, contents: Contents):
        self.reg, self.c, self.ids, self.matched = reg, contents, {}, {}
        # What the register already holds, read once for every check below.
        self.existing_risks, self.existing_actions = list_risks(reg), list_actions(reg)

    def ref(self, old_id: str | None) -> str | None:
        return self.ids.get(old_id, old_id)

    def write(self) -> None:
        same_name = lambda a, b: a.name.lower() == b.name.lower()  # noqa: E731
        self._reuse("organisations", self.c.organisations, list_organisations(self.reg), same_name)
        self._reuse("owners", self.c.owners, list_owners(self.reg), same_name)
        self._reuse("priorities", self.c.priorities, list_priorities(self.reg), same_priority)
        self._check_new_ids()
        self._check_not_already_imported()
        self._check_scores()
        self._number_unreferenced()
        self._link_actions_to_register_risks()
        c = self.c
        bulk.insert_new(self.reg, self.ref, organisations=c.organisations, owners=c.owners, priorities=c.priorities,
                        meetings=c.meetings, risks=c.risks, mitigations=c.mitigations, reviews=c.reviews,
                        actions=c.actions, notes=c.notes, indicators=c.indicators)

    def _reuse(self, name: str, incoming: list, existing: list, same) -> None:
        kept = []
        for item in incoming:
            match = next((e for e in existing if same(e, item)), None)
            if match is None:
                kept.append(item)
            else:
                self.ids[item.id] = match.id
        if len(kept) < len(incoming):
            self.matched[name] = len(incoming) - len(kept)
        incoming[:] = kept

    def _check_new_ids(self) -> None:
        found = bulk.ids_already_there(self.reg, self.c.risks, self.c.actions, self.c.meetings)
        if found is not None:
            kind, item = found
            raise RegisterError(f"{self.c.file} holds {kind} already in {self.reg.path.name} "
                                f"(e.g. {getattr(item, 'ref', '') or item.id}); import it into a new register.")

    def _check_not_already_imported(self) -> None:
        """The same sheet imported twice must not double the register: risks and actions are matched by
        their ref, or by their title where they have none."""
        for table, items, existing in (("risks", self.c.risks, self.existing_risks),
                                       ("actions", self.c.actions, self.existing_actions)):
            known = {("ref", x.ref) for x in existing if x.ref} | {_identity(dataclasses.replace(x, ref=""))
                                                                  for x in existing}
            repeated = [item.ref or item.title for item in items if _identity(item) in known]
            if repeated:
                shown = ", ".join(repr(x[:40]) for x in repeated[:3]) + (" ..." if len(repeated) > 3 else "")
                raise RegisterError(f"{self.c.file}: {len(repeated)} of its {table} are already in "
                                    f"{self.reg.path.name} ({shown}); nothing was imported. Change them in "
                                    "the app, or through an owner update round.")

    def _number_unreferenced(self) -> None:
        """Give risks and actions without a reference the next free R-NN / A-NNN, as a coordinator would."""
        for items, existing, prefix, width in ((self.c.risks, self.existing_risks, "R-", 2),
                                               (self.c.actions, self.existing_actions, "A-", 3)):
            taken = {x.ref for x in existing} | {x.ref for x in items}
            number = 0
            for item in items:
                while not item.ref:
                    number += 1
                    candidate = f"{prefix}{number:0{width}d}"
                    if candidate not in taken:
                        item.ref = candidate
                        taken.add(candidate)

    def _check_scores(self) -> None:
        scheme = self.reg.scheme
        for risk in self.c.risks:
            for name in ("inherent", "residual", "target"):
                if not scheme.fits(getattr(risk, name)):
                    raise RegisterError(f"{self.c.file}: the {name} score of risk {risk.ref or risk.title!r} is "
                                        f"outside the register's {scheme.size} matrix.")

    def _link_actions_to_register_risks(self) -> None:
        unlinked = [a for a in self.c.actions if a.risk_ref and not a.risk_id]
        if not unlinked:
            return
        by_ref = {risk.ref: risk.id for risk in self.existing_risks if risk.ref}
        for action in unlinked:
            action.risk_id = by_ref.get(action.risk_ref)
            if action.risk_id is None:
                self.c.warnings.append(Problem(self.c.file, f"action {action.ref or action.title[:40]!r} names risk "
                                                            f"{action.risk_ref!r}, which is not in the register; "
                                                            "it was imported without that link", "warning"))
