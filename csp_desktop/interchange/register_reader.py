"""Reading a real spreadsheet (CSV or XLSX) into an Contents, or a precise list of what was wrong."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..domain.dates import parse_date
from ..domain.model import OWNER_KINDS, Action, Indicator, Mitigation, Risk
from ..domain.response import parse_response
from ..domain.scoring import IMPACT, LIKELIHOOD, LevelError, Rating, Scheme, numbered, preset
from ..domain.vocab import parse_action_status, parse_risk_status, parse_yes_no
from . import headers as h
from .contents import Contents
from .plan_cells import read_indicators
from .problems import ERROR, WARNING, Problem, ReadError, column_name
from .scheme_sheet import SCHEME_SHEET, read_scheme_sheet
from .tables import MAX_CELL_CHARS, Sheet, read_tables

MAX_TITLE_CHARS = 2_000
_LEVEL_FIELDS = [f"{p}_{a}" for p in ("inherent", "residual", "target") for a in (LIKELIHOOD, IMPACT)]
_KIND_ORDER = (h.OWNERS, h.PRIORITIES, h.RISKS, h.MITIGATIONS, h.ACTIONS, h.INDICATORS)


def read_spreadsheet(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                     scheme: Scheme | None = None) -> Contents:
    book = read_tables(path, sheet)
    plan = Contents(book.file, warnings=list(book.warnings))
    tables = [(s, h.find_layout(s.rows, mapping)) for s in book.sheets if s.name != SCHEME_SHEET]
    tables = [(s, layout) for s, layout in tables if layout is not None]
    if not tables:
        raise ReadError([_nothing_found(book)])
    _check_mapped_columns_exist(book.file, tables, mapping or {})
    scheme_sheet = next((s for s in book.sheets if s.name == SCHEME_SHEET), None)
    if any(layout.kind == h.RISKS for _, layout in tables):
        plan.scheme = scheme or (read_scheme_sheet(scheme_sheet, book.file) if scheme_sheet else None) \
            or infer_scheme(tables)
    problems: list[Problem] = [_unread_columns(book.file, table, layout) for table, layout in tables]
    problems = [p for p in problems if p is not None]
    for kind in _KIND_ORDER:
        for table, layout in tables:
            if layout.kind == kind:
                _READERS[kind](_SheetReader(plan, table, layout, problems))
    errors = [p for p in problems if p.severity == ERROR]
    plan.warnings += [p for p in problems if p.severity == WARNING]
    if errors:
        raise ReadError(errors)
    return plan


def _unread_columns(file: str, table: Sheet, layout: h.Layout) -> Problem | None:
    """Say which headed columns were not taken in, so nothing is dropped without a word."""
    used = set(layout.columns.values())
    unread = [name for col, name in enumerate(layout.headers)
              if name and col not in used and h.SYNONYMS[layout.kind].get(h.normalise(name)) != h.IGNORE]
    if not unread:
        return None
    names = ", ".join(repr(n) for n in unread)
    return Problem(file, f"these columns were not imported: {names} (name what they hold with --map)", WARNING,
                   table.name, layout.header_row + 1)


def _check_mapped_columns_exist(file: str, tables, mapping: dict[str, str]) -> None:
    found = {h.normalise(header) for _, layout in tables for header in layout.headers}
    missing = [column for column in mapping if h.normalise(column) not in found]
    if missing:
        raise ReadError([Problem(file, f"has no column {missing[0]!r} to map (its header row has "
                                       f"{', '.join(repr(x) for x in tables[0][1].headers if x)})")])


def _nothing_found(book) -> Problem:
    if all(not any(_filled(c) for row in s.rows for c in row) for s in book.sheets):
        return Problem(book.file, "is empty: it holds no rows to import")
    return Problem(book.file, "has no column of risks, actions, priorities or indicators (looked for headings "
                              "such as 'Risk', 'Risk description', 'Action', 'Title'); name the columns with --map")


def _filled(value) -> bool:
    return value is not None and str(value).strip() != ""


def infer_scheme(tables) -> Scheme:
    """Words (High / Med / Low) mean the 3-level scale; numbers mean 1 to 5."""
    values = [row[col] for table, layout in tables if layout.kind == h.RISKS
              for field, col in layout.columns.items() if field in _LEVEL_FIELDS
              for row in table.rows[layout.header_row + 1:] if col < len(row) and _filled(row[col])]
    words = [v for v in values if not _is_number(v)]
    if not words:
        return numbered(5)
    for name in ("3x3", "5x5"):
        candidate = preset(name)
        if all(_parses(candidate, w) for w in words):
            return candidate
    return preset("3x3")


def _is_number(value) -> bool:
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False


def _parses(scheme: Scheme, value) -> bool:
    try:
        scheme.parse_level(value, LIKELIHOOD)
        return True
    except LevelError:
        return False


class _SheetReader:
    """Walks the data rows of one table, reading cells and noting problems with their place."""

    def __init__(self, plan: Contents, sheet: Sheet, layout: h.Layout, problems: list[Problem]):
        self.plan, self.sheet, self.layout, self.problems = plan, sheet, layout, problems
        self.row_index = layout.header_row
        self.row: list = []

    def rows(self):
        for index in range(self.layout.header_row + 1, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            if any(_filled(c) for c in row):
                self.row_index, self.row = index, row
                yield index

    def raw(self, field: str):
        col = self.layout.columns.get(field)
        if col is None or col >= len(self.row):
            return None
        value = self.row[col]
        if (self.row_index, col) in self.sheet.formulas:
            if value is None:
                derived = field.endswith("_score")  # worked out from the levels anyway
                self.note(field, "holds a formula whose result was never saved; type the value in instead",
                          WARNING if derived else ERROR)
            else:
                self.note(field, "holds a formula; the value its program last saved was used", WARNING)
        return value

    def text(self, field: str, limit: int = MAX_CELL_CHARS) -> str:
        value = self.raw(field)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime):
            value = value.date()
        text = value.isoformat() if isinstance(value, date) else str(value).strip()
        if len(text) > limit:
            self.note(field, f"is {len(text):,} characters long, more than the {limit:,} allowed")
            return text[:limit]
        return text

    def parsed(self, field: str, parse, default=None):
        try:
            return parse(self.raw(field))
        except (ValueError, LevelError) as exc:
            self.note(field, str(exc))
            return default

    def level(self, field: str) -> int | None:
        axis = LIKELIHOOD if field.endswith(LIKELIHOOD) else IMPACT
        return self.parsed(field, lambda v: self.plan.scheme.parse_level(v, axis))

    def rating(self, prefix: str) -> Rating | None:
        likelihood, impact = self.level(f"{prefix}_likelihood"), self.level(f"{prefix}_impact")
        if (likelihood is None) != (impact is None):
            missing = f"{prefix}_impact" if impact is None else f"{prefix}_likelihood"
            if f"{prefix}_{'impact' if impact is None else 'likelihood'}" in self.layout.columns:
                self.note(missing, f"is empty while its pair is filled; the {prefix} score was left out", WARNING)
            return None
        return Rating(likelihood, impact) if likelihood is not None else None

    def check_score(self, prefix: str, rating: Rating | None) -> None:
        field = f"{prefix}_score"
        stated = self.raw(field)
        if not _filled(stated):
            return
        if not _is_number(stated):
            self.note(field, f"{str(stated)!r} is not a number; the score is worked out from likelihood x impact",
                      WARNING)
        elif rating is not None and float(stated) != rating.score:
            self.note(field, f"states {_num(stated)} but likelihood {rating.likelihood} x impact {rating.impact} = "
                             f"{rating.score}; the register keeps {rating.score}", WARNING)

    def note(self, field: str, message: str, severity: str = ERROR) -> None:
        col = self.layout.columns.get(field)
        column = column_name(col, self.layout.headers[col] if col < len(self.layout.headers) else None) \
            if col is not None else None
        self.problems.append(Problem(self.plan.file, message, severity, self.sheet.name, self.row_index + 1, column))


def _num(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number)


def _read_owners(r: _SheetReader) -> None:
    for _ in r.rows():
        name, kind = r.text("name", MAX_TITLE_CHARS), r.text("kind").lower()
        if kind and kind not in OWNER_KINDS:
            r.note("kind", f"{kind!r} is not an owner kind (use person or body)")
            continue
        if not name:
            r.note("name", "has no owner name, though the row has other text")
            continue
        owner_id = r.plan.owner(name, kind or None)
        owner = next(o for o in r.plan.owners if o.id == owner_id)
        owner.email = r.text("email")
        organisation = r.text("organisation")
        if organisation:
            owner.organisation_id = r.plan.organisation(organisation)


def _read_priorities(r: _SheetReader) -> None:
    for _ in r.rows():
        ref, title = r.text("ref"), r.text("title", MAX_TITLE_CHARS)
        if not title:
            r.note("title", "has no priority title")
            continue
        r.plan.priority(ref, title, r.text("lead_agency"))


def _read_risks(r: _SheetReader) -> None:
    for _ in r.rows():
        title = r.text("title", MAX_TITLE_CHARS)
        if not title:
            r.note("title", "has no risk title, though the row has other text")
            continue
        inherent, residual = r.rating("inherent"), r.rating("residual")
        r.check_score("inherent", inherent)
        r.check_score("residual", residual)
        risk = Risk(title=title, ref=r.text("ref"), description=r.text("description"), category=r.text("category"),
                    priority_id=r.plan.priority(r.text("priority")), owner_id=r.plan.owner(r.text("owner")),
                    status=r.parsed("status", parse_risk_status, "open"), inherent=inherent, residual=residual,
                    target=r.rating("target"), next_review=r.parsed("next_review", parse_date),
                    exempt=r.parsed("exempt", parse_yes_no, False),
                    response=r.parsed("response", parse_response, ""), response_reason=r.text("response_reason"),
                    accepted_by=r.text("accepted_by", MAX_TITLE_CHARS), accepted_on=r.parsed("accepted_on", parse_date),
                    accepted_until=r.parsed("accepted_until", parse_date))
        if risk.ref and r.plan.risk_by_ref(risk.ref):
            r.note("ref", f"repeats risk reference {risk.ref!r}; both risks were kept", WARNING)
        r.plan.risks.append(risk)
        mitigation = r.text("mitigation")
        if mitigation:
            owner = r.plan.owner(r.text("mitigation_owner")) or risk.owner_id
            r.plan.mitigations.append(Mitigation(risk_id=risk.id, description=mitigation, owner_id=owner,
                                                 expected=residual))


def _read_mitigations(r: _SheetReader) -> None:
    for _ in r.rows():
        ref, description = r.text("risk_ref"), r.text("description")
        risk = r.plan.risk_by_ref(ref)
        if risk is None:
            r.note("risk_ref", f"names risk {ref!r}, which is not in the file")
            continue
        if not description:
            r.note("description", "has no mitigation text")
            continue
        likelihood, impact = r.level("expected_likelihood"), r.level("expected_impact")
        expected = Rating(likelihood, impact) if likelihood and impact else None
        position = sum(1 for m in r.plan.mitigations if m.risk_id == risk.id)
        r.plan.mitigations.append(Mitigation(risk_id=risk.id, description=description,
                                             owner_id=r.plan.owner(r.text("owner")), expected=expected,
                                             position=position))


def _read_actions(r: _SheetReader) -> None:
    for _ in r.rows():
        title = r.text("title", MAX_TITLE_CHARS)
        if not title:
            r.note("title", "has no action text, though the row has other text")
            continue
        status = r.parsed("status", parse_action_status, "not started")
        risk_ref = r.text("risk_ref")
        risk = r.plan.risk_by_ref(risk_ref)
        r.plan.actions.append(Action(
            title=title, ref=r.text("ref"), owner_id=r.plan.owner(r.text("owner")),
            due=r.parsed("due", parse_date), status=status, progress=r.text("progress"),
            priority_id=r.plan.priority(r.text("priority"), r.text("priority_title"), r.text("lead_agency")),
            risk_id=risk.id if risk else None, risk_ref=risk_ref, exempt=r.parsed("exempt", parse_yes_no, False),
            completed_on=r.parsed("completed_on", parse_date)))


def _read_indicators(r: _SheetReader) -> None:
    read_indicators(r)  # the plan's performance table: interchange/plan_cells.py


_READERS = {h.OWNERS: _read_owners, h.PRIORITIES: _read_priorities, h.RISKS: _read_risks, h.MITIGATIONS: _read_mitigations,
            h.ACTIONS: _read_actions, h.INDICATORS: _read_indicators}
