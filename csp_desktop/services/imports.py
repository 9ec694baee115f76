"""Taking a file into a register: all of it in one transaction, or none of it."""
from __future__ import annotations

import dataclasses
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ClassVar

from ..domain.backup_policy import IMPORT
from ..domain.model import Action, Risk
from ..domain.refs import next_free
from ..domain.scoring import Scheme, preset
from ..errors import UserError
from ..interchange.contents import Contents, same_priority
from ..interchange.problems import Problem
from ..domain.schedule12a import PARAGRAPHS
from ..store import Register, RegisterError
from ..store.import_rows import add_all, ids_already_in
from ..store.partners import list_organisations, list_owners, list_priorities
from ..store.actions import list_actions
from ..store.meetings import list_meetings
from ..store.risks import list_risks
from . import plan_import
from .backups import make_backup
from .cadence import cadence
from .changes import Changes, Kind
from ..interchange.writers import meeting_key


@dataclass
class ImportResult:
    file: str
    counts: dict[str, int]                      # what was added
    matched: dict[str, int] = field(default_factory=dict)  # what the register already had (by name)
    warnings: list[Problem] = field(default_factory=list)
    scheme: Scheme | None = None
    scheme_changed: bool = False
    scale_note: str = ""   # how the file's scale was read (interchange Contents.scale_note)
    scale_guessed: bool = False
    scale_sheets: set = field(default_factory=set)
    dry_run: bool = False
    review_note: str = ""  # the next review dates the import set, in one line ("" when it set none)

    @property
    def changes(self) -> Changes:
        """The kinds of rows the import added (none on a dry run); which ones is not kept, so views read all."""
        if self.dry_run:
            return Changes()
        kinds = [_COUNTED_KINDS[name] for name in self.counts if self.counts[name]]
        return Changes.of(*kinds, *([Kind.SCHEME] if self.scheme_changed else []))


# What each count of an import is, as a kind of change (notes are an action's; indicators the plan's).
_COUNTED_KINDS = {"priorities": Kind.PLAN, "owners": Kind.OWNERS, "risks": Kind.RISKS, "mitigations": Kind.MITIGATIONS,
                  "reviews": Kind.REVIEWS, "actions": Kind.ACTIONS, "notes": Kind.ACTIONS, "indicators": Kind.PLAN,
                  "meetings": Kind.MEETINGS}


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back after every check has passed."""


class ImportCancelled(UserError):
    """The user cancelled: raised inside the transaction, so it rolls back and nothing is changed."""

    def __init__(self):
        super().__init__("The import was cancelled; nothing was changed.")


class AlreadyInRegister(RegisterError):
    """A second import of the same risks or actions; `found` names the first few."""

    def __init__(self, message: str, found: list[str]):
        super().__init__(message)
        self.found = found


@dataclass
class Steps:
    """How an import reports its progress (`progress(done, of, words)`, out of 100) and asks whether to
    stop: at each of its four steps, and every few hundred rows while it reads and writes them."""
    progress: Callable[[int, int, str], object] | None = None
    cancelled: Callable[[], bool] | None = None
    # Where each step starts on the bar: reading the rows and writing them are nearly all of an import.
    STARTS: ClassVar[tuple[int, ...]] = (0, 45, 50, 95, 100)

    def step(self, n: int, words: str) -> None:
        self._tell(self.STARTS[n], words)

    def rows(self, n: int, done: int, total: int, words: str) -> None:
        """`done` of `total` rows through step `n` ("Reading rows", "Writing rows")."""
        start, end = self.STARTS[n], self.STARTS[n + 1]
        self._tell(start + (end - start) * done // max(total, 1), f"{words}: {done:,} of {total:,}")

    def _tell(self, at: int, words: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(at, 100, words)


def read_file(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
              scheme: str | None = None, register_scheme: Scheme | None = None,
              kinds: dict[str, str | None] | None = None, book=None, progress=None) -> Contents:
    path = Path(path)
    if path.suffix.lower() == ".json":
        if sheet or mapping or kinds:
            raise UserError(f"{path.name} is a register export; --sheet and --map apply only to spreadsheets.")
        from ..interchange.register_json import read_json
        return read_json(path)
    from ..interchange.register_reader import read_spreadsheet
    return read_spreadsheet(path, sheet=sheet, mapping=mapping, scheme=preset(scheme) if scheme else None,
                            register_scheme=register_scheme, kinds=kinds, book=book, progress=progress)


def explain_file(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                 kinds: dict[str, str | None] | None = None):
    """How a spreadsheet would be read, sheet by sheet and column by column (a list of SheetReading),
    without reading its rows or touching any register."""
    from ..interchange.register_reader import explain_spreadsheet
    path = Path(path)
    if path.suffix.lower() == ".json":
        raise UserError(f"{path.name} is a register export; it is read whole, not column by column.")
    return explain_spreadsheet(path, sheet=sheet, mapping=mapping, kinds=kinds)


def import_file(reg: Register, path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                scheme: str | None = None, dry_run: bool = False, kinds: dict[str, str | None] | None = None,
                steps: Steps | None = None, keep_as: str = "", book=None) -> ImportResult:
    """`keep_as` keeps the mapping, sheets and scale under that name, in the import's own transaction;
    `book` is the spreadsheet already read (the preview's), so it is not read twice."""
    steps = steps or Steps()
    _refuse_the_register_itself(reg, Path(path))
    steps.step(0, f"Reading {Path(path).name}")
    if not dry_run:
        reg.quick_check()  # an import writes much: never into a damaged file
    contents = read_file(path, sheet=sheet, mapping=mapping, scheme=scheme, register_scheme=reg.scheme, kinds=kinds,
                         book=book, progress=lambda done, total: steps.rows(0, done, total, "Reading rows"))
    steps.step(1, "Backing up the register")
    # An import is undone by restoring the backup made just before it (File > Undo last import).
    backup = None if dry_run else make_backup(reg, IMPORT)
    try:
        steps.step(2, "Writing")
        return apply_contents(reg, contents, dry_run=dry_run, steps=steps, before_commit=lambda result: _finish(
            reg, path, result, backup, steps, keep_as, (mapping, kinds, scheme, sheet)))
    except ImportCancelled:
        if backup is not None:
            backup.unlink(missing_ok=True)  # nothing was imported, so nothing to undo
        raise


def _finish(reg: Register, path: Path, result: ImportResult, backup, steps: Steps, keep_as: str, chosen) -> None:
    """Inside the import's transaction: record it beside its backup, keep the mapping, last chance to cancel."""
    if keep_as:
        from .import_mappings import Choices, keep
        mapping, kinds, scheme, sheet = chosen
        keep(reg, keep_as, explain_file(path, sheet=sheet, kinds=kinds),
             Choices(dict(mapping or {}), dict(kinds or {}), scheme or ""))
    if backup is not None:  # last: the record marks where the import's audit rows end
        from ..store.import_records import record_run
        record_run(reg, Path(path).name, backup.name, result.counts)
    steps.step(3, "Saving")


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


def apply_contents(reg: Register, contents: Contents, *, dry_run: bool = False, before_commit=None,
                   steps: Steps | None = None) -> ImportResult:
    result = ImportResult(contents.file, {}, warnings=list(contents.warnings), dry_run=dry_run,
                          scale_note=contents.scale_note, scale_guessed=contents.scale_guessed,
                          scale_sheets=set(contents.scale_sheets))
    try:
        with reg.transaction():
            result.scheme_changed = _adopt_scheme(reg, contents)
            result.scheme = reg.scheme
            writer = _Writer(reg, contents, steps)
            writer.write()
            result.counts, result.matched = contents.counts(), writer.matched
            result.review_note = writer.review_note
            result.warnings = list(contents.warnings)
            if before_commit is not None:
                before_commit(result)
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
        if _same_matrix(incoming, current) or ((_numbered(incoming) or _numbered(current))
                                               and incoming.size == current.size):
            return False   # levels in numbers on one side, same size: the register keeps its own scheme
        raise RegisterError(f"{contents.file} is scored on a {incoming.size} matrix but {reg.path.name} uses "
                            f"{current.size}; import it into a new register or choose --scheme {current.size}.")
    if _same_matrix(incoming, current) and not contents.keeps_ids:
        return False  # a spreadsheet names no bands: keep the register's own
    reg.set_scheme(incoming)
    return True


def _numbered(scheme: Scheme) -> bool:
    """A scheme inferred from a file scored in numbers only, which named no words for its levels."""
    return all(label.isdigit() for label in scheme.likelihood_labels + scheme.impact_labels)


def _settings(scheme: Scheme) -> dict:
    return {k: v for k, v in scheme.to_dict().items() if k != "name"}


def _same_matrix(a: Scheme, b: Scheme) -> bool:
    return a.likelihood_labels == b.likelihood_labels and a.impact_labels == b.impact_labels


def _name_key(name: str) -> str:
    """Names match ignoring case and spacing: "Community Safety  Team" is "community safety team"."""
    return "".join(name.lower().split())


def _identity(item) -> tuple[str, str]:
    return ("ref", item.ref) if item.ref else ("title", " ".join(item.title.split()).lower())


class _Writer:
    """Writes the contents, reusing owners and priorities the register already has (matched by name)."""

    WRITE_CHUNK = 1000  # rows per insert, so the progress bar moves and a cancel is heard while writing

    def __init__(self, reg: Register, contents: Contents, steps: Steps | None = None):
        self.reg, self.c, self.steps = reg, contents, steps
        self.written, self.to_write = 0, 0
        self.ids: dict[str, str] = {}
        self.matched: dict[str, int] = {}
        self.review_note = ""
        # What the register already holds, read once for every check below.
        self.existing_risks, self.existing_actions = list_risks(reg), list_actions(reg)

    def ref(self, old_id: str | None) -> str | None:
        return self.ids.get(old_id, old_id) if old_id is not None else None

    def write(self) -> None:
        same_name = lambda a, b: _name_key(a.name) == _name_key(b.name)  # noqa: E731
        self._reuse("organisations", self.c.organisations, list_organisations(self.reg), same_name)
        self._reuse("owners", self.c.owners, list_owners(self.reg), same_name)
        self._owners_that_are_partners(list_organisations(self.reg))
        known_priorities = list_priorities(self.reg)
        self._reuse("priorities", self.c.priorities, known_priorities, same_priority)
        plan_import.prepare(self.c, known_priorities, self.ids)
        self._check_new_ids()
        self._check_not_already_imported()
        self._check_scores()
        self._number_unreferenced()
        self._link_actions_to_register_risks()
        self._link_to_register()
        self._date_next_reviews()
        self.to_write = sum(self.c.counts().values()) + len(self.c.organisations)
        self._link_to_matched()
        for part in ("organisations", "owners", "priorities", "meetings", "risks", "mitigations", "reviews"):
            self._add(part, getattr(self.c, part))
        plan_import.write_objectives(self.reg, self.c, self.ids)  # actions may serve an objective
        self._add("actions", self.c.actions)
        self._add("notes", self.c.notes)
        self._add("indicators", self.c.indicators)
        plan_import.write_plan_rows(self.reg, self.c, self.ids)

    def _owners_that_are_partners(self, organisations: list) -> None:
        """An owner named as a partner organisation ("west mercia police") is that body."""
        by_name = {_name_key(o.name): o for o in organisations}
        for owner in self.c.owners:
            partner = by_name.get(_name_key(owner.name))
            if partner is not None and owner.organisation_id is None:
                owner.name, owner.kind, owner.organisation_id = partner.name, "body", partner.id

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
        for part, items in (("risks", self.c.risks), ("actions", self.c.actions), ("meetings", self.c.meetings)):
            held = set(ids_already_in(self.reg, part, [item.id for item in items]))
            item = next((item for item in items if item.id in held), None)
            if item is not None:
                raise RegisterError(f"{self.c.file} holds {part} already in {self.reg.path.name} "
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
                raise AlreadyInRegister(
                    f"{self.c.file}: {len(repeated)} of its {table} are already in {self.reg.path.name} ({shown}); "
                    "nothing was imported. To bring in newer words and scores for them, send them to their owners "
                    "and take the returns back in Owner updates (its review screen shows each change), or import "
                    "the file into a fresh register.", [x[:60] for x in repeated[:3]])

    def _number_unreferenced(self) -> None:
        """Give risks and actions without a reference the next free R-NN / A-NNN, as a coordinator would."""
        for items, existing, prefix, width in ((self.c.risks, self.existing_risks, "R-", 2),
                                               (self.c.actions, self.existing_actions, "A-", 3)):
            taken = {x.ref for x in existing} | {x.ref for x in items}
            # One above the highest in use, then counting up: asking next_free for each row scanned every
            # reference each time (20,000 risks without a reference took minutes).
            number = int(next_free(taken, prefix, width)[len(prefix):])
            for item in items:
                if not item.ref:
                    item.ref = f"{prefix}{number:0{width}d}"
                    number += 1

    def _check_scores(self) -> None:
        scheme = self.reg.scheme
        for risk in self.c.risks:
            for name in ("inherent", "residual", "target"):
                if not scheme.fits(getattr(risk, name)):
                    raise RegisterError(f"{self.c.file}: the {name} score of risk {risk.ref or risk.title!r} is "
                                        f"outside the register's {scheme.size} matrix.")
        items: tuple[Risk | Action, ...] = (*self.c.risks, *self.c.actions)
        for one in items:
            paragraph = getattr(one, "exempt_paragraph", None)
            if paragraph is not None and paragraph not in PARAGRAPHS:
                raise RegisterError(f"{self.c.file}: {one.ref or one.title[:40]!r} names Schedule 12A paragraph "
                                    f"{paragraph}, which does not exist (England 1-7, Wales 12-18).")
        for item, ratings in [(m, (m.expected,)) for m in self.c.mitigations] + [(v, (v.before, v.after))
                                                                              for v in self.c.reviews]:
            if not all(scheme.fits(x) for x in ratings):
                raise RegisterError(f"{self.c.file}: a score of a {type(item).__name__.lower()} is outside the "
                                    f"register's {scheme.size} matrix; nothing was imported.")

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

    def _link_to_register(self) -> None:
        """Mitigations, reviews, notes and meetings the file names by ref, found in the register."""
        if not self.c.links:
            return
        keys = {"risks": {x.ref: x.id for x in self.existing_risks if x.ref},
                "actions": {x.ref: x.id for x in self.existing_actions if x.ref},
                "meetings": {meeting_key(m): m.id for m in list_meetings(self.reg)}}
        for item, attribute, table, key, where in self.c.links:
            found = keys[table].get(key)
            if found is None and table == "meetings":  # an action stands without its meeting
                self.c.warnings.append(Problem(self.c.file, f"{where}: names meeting {key!r}, which is not in "
                                                            "the register; the action was imported without it",
                                               "warning"))
                continue
            if found is None:
                raise RegisterError(f"{self.c.file}, {where}: names {table[:-1]} {key!r}, which is neither in the "
                                    f"file nor in {self.reg.path.name}; nothing was imported.")
            setattr(item, attribute, found)

    def _date_next_reviews(self, today: date | None = None) -> None:
        """An open risk the file gives no next review is due its band's cycle after its last review in the
        file (overdue, if that is past), else after today: as `risk add` does, so Coming up counts it."""
        undated = [r for r in self.c.risks if r.next_review is None and r.status != "closed"]
        if not undated:
            return
        last: dict[str, date] = {}
        for review in self.c.reviews:
            if review.risk_id and review.reviewed_on > last.get(review.risk_id, date.min):
                last[review.risk_id] = review.reviewed_on
        cycle, scheme, today = cadence(self.reg), self.reg.scheme, today or date.today()
        for risk in undated:
            rating = risk.current
            risk.next_review = cycle.next_review(scheme, rating.score if rating else None,
                                                 last.get(risk.id, today))
        dated = sum(1 for r in undated if r.next_review is not None)
        if dated:
            reviewed = sum(1 for r in undated if r.next_review is not None and r.id in last)
            since = f" ({reviewed} from their last review in the file)" if reviewed else ""
            self.review_note = (f"{dated} {'risk' if dated == 1 else 'risks'} had no next review date: each is "
                                f"due after its band's review cycle{since}.")

    def _add(self, part: str, items: list) -> None:
        for start in range(0, len(items), self.WRITE_CHUNK):
            chunk = items[start:start + self.WRITE_CHUNK]
            add_all(self.reg, part, chunk)
            self.written += len(chunk)
            if self.steps is not None:
                self.steps.rows(2, min(self.written, self.to_write), self.to_write, "Writing rows")

    def _link_to_matched(self) -> None:
        """Items naming an owner, priority or organisation the register already had name the register's one."""
        for item in (*self.c.owners, *self.c.risks, *self.c.mitigations, *self.c.actions, *self.c.indicators):
            for name in ("owner_id", "priority_id", "organisation_id"):
                if hasattr(item, name):
                    setattr(item, name, self.ref(getattr(item, name)))
