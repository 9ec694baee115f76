"""Turning a returned workbook into proposed changes, each flagged with anything the coordinator must know.

Flags: conflict (the row changed in the register after sending; both values shown), invalid (the owner's
value cannot be read; never applied), added / deleted (rows the owner added or removed), identity (a
hidden identity cell was edited or rows were moved without it), formula (a formula's cached value was read),
comment (words written outside the columns taken back; kept, never applied: see update_comments).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from ..domain.dates import parse_date, show
from ..domain.model import ACTION_STATUSES
from ..domain.scoring import IMPACT, LIKELIHOOD, LevelError, Rating, Scheme
from ..interchange.owner_layout import LABEL_KEYS, MAX_CELL_TEXT, SHEETS
from ..interchange.owner_returns import CellValue, ReturnedRow, ReturnedWorkbook, day_from_serial
from ..store import Register
from ..store.returns import NOT_TAKEN, PENDING, Current, current_values
from .update_comments import loose_comments, row_comments
from .update_indicators import indicator_proposals
from .update_send import rating_text

CONFLICT, INVALID, ADDED, DELETED, IDENTITY, FORMULA = "conflict", "invalid", "added", "deleted", "identity", "formula"
NO_VALUE = "the formula"  # how a problem about a formula with no calculated value begins


@dataclass
class Proposal:
    """One field's proposed change before the row checks add their flags."""
    field: str
    new_value: str
    old_value: str = ""
    apply: dict | None = None
    problem: str = ""
    formula: str = ""


def compare(reg: Register, book: ReturnedWorkbook, items: list[dict]) -> list[dict]:
    """Every proposed change (and every row that cannot be matched) as rows for the returns log."""
    scheme = reg.scheme
    sent = {i["row_id"]: i for i in items}
    current = {tbl: current_values(reg, tbl, [i["row_id"] for i in items if i["tbl"] == tbl])
               for tbl, _ in SHEETS.values()}
    changes, seen = [], set[str]()
    for row in book.rows:
        item = sent.get(row.row_id)
        trouble = _identity_trouble(row, item, seen)
        seen.add(row.row_id)
        if trouble:
            changes += _unmatched(row, item, trouble)
            # An added row's cells are all the owner's; a moved or copied row's locked cells were sent (elsewhere).
            changes += row_comments(row, None, _label(row), locked=not row.row_id)
            continue
        assert item is not None  # a row matching nothing sent is trouble (above)
        now = current[row.tbl].get(row.row_id)
        shown = json.loads(item["sent"])
        found = indicator_proposals(reg, row, shown) if row.tbl == "indicators" else _proposals(row, shown, scheme)
        for proposal in found:
            changes.append(_flagged(proposal, row, item, now, scheme))
        changes += row_comments(row, item, item["label"])
    # A sheet refused whole (its hidden identity lost) says so once; its rows were not deleted.
    changes += [_deleted(item) for item in items if item["row_id"] not in seen and item["tbl"] not in book.unread]
    return changes + loose_comments(book)


def _identity_trouble(row: ReturnedRow, item: dict | None, seen: set) -> tuple[str, str] | None:
    where = f"{row.sheet} row {row.number}"
    if not row.row_id:
        return ADDED, f"{where} was added by the owner; added rows are not taken in (add the item in the register)"
    if item is None or item["tbl"] != row.tbl:
        return IDENTITY, (f"{where}: its hidden row ID was edited or it was copied from another workbook, so it "
                          "matches nothing sent")
    if row.row_id in seen:
        return IDENTITY, f"{where} repeats a row that appears earlier on the sheet (copied rows are not taken)"
    if _number(row.version) != item["row_version"]:
        return IDENTITY, f"{where}: its hidden row version was edited ({row.version!r}, sent {item['row_version']})"
    shown = json.loads(item["sent"])
    for key in LABEL_KEYS[row.tbl]:
        if key in row.lost:
            continue  # its heading was changed, so it was not read; the hidden ID and version still match
        if _plain(row.cells[key].value) != _plain(shown.get(key)):
            return IDENTITY, (f"{where} shows {_plain(row.cells[key].value)!r} but its hidden identity belongs to "
                              f"{_plain(shown.get(key))!r}: rows were sorted or moved without their hidden columns")
    return None


def _unmatched(row: ReturnedRow, item: dict | None, trouble: tuple[str, str]) -> list[dict]:
    """Keep the owner's words from a row that cannot be matched; none of it is applied."""
    flag, detail = trouble
    owner_cells = [c for c in SHEETS[row.sheet][1] if c.for_owner]
    words = [(c.heading, _words(row.cells[c.key])) for c in owner_cells if _words(row.cells[c.key])]
    label = _label(row)
    base = {"tbl": row.tbl, "row_id": row.row_id, "item": label, "flag": flag, "detail": detail,
            "outcome": NOT_TAKEN, "apply_value": None, "sent_version": item["row_version"] if item else None}
    if not words:
        return [{**base, "field": "row"}]
    return [{**base, "field": heading, "new_value": text} for heading, text in words]


def _label(row: ReturnedRow) -> str:
    return " ".join(_plain(row.cells[k].value) for k in LABEL_KEYS[row.tbl]).strip()


def _deleted(item: dict) -> dict:
    return {"tbl": item["tbl"], "row_id": item["row_id"], "item": item["label"], "field": "row",
            "old_value": item["label"], "flag": DELETED, "outcome": NOT_TAKEN, "apply_value": None,
            "sent_version": item["row_version"],
            "detail": "this row was deleted from the returned workbook, so nothing was taken for it"}


def _flagged(p: Proposal, row: ReturnedRow, item: dict, now: Current | None, scheme: Scheme) -> dict:
    change = {"tbl": row.tbl, "row_id": row.row_id, "item": item["label"], "field": p.field,
              "old_value": p.old_value, "new_value": p.new_value, "sent_version": item["row_version"],
              "register_version": now.version if now else None,
              "register_value": _register_value(p.field, now.values, scheme) if now else "(deleted)",
              "apply_value": json.dumps(p.apply, ensure_ascii=False) if p.apply is not None else None,
              "flag": "", "detail": ""}
    notes = []
    if p.formula and not p.problem.startswith(NO_VALUE):
        notes.append(f"the cell holds the formula {p.formula}; its last calculated value (the owner's value "
                     "shown) was read and the formula was not evaluated")
    if now is None:
        notes.append("the item was deleted from the register after the workbook was sent")
        change["apply_value"] = None
    elif now.version != item["row_version"]:
        notes.append("the item was changed in the register after the workbook was sent: compare the register's "
                     "value with the owner's")
    if p.problem:
        change.update(flag=INVALID, apply_value=None)
        notes.insert(0, p.problem)
    elif now is None or now.version != item["row_version"]:
        change["flag"] = CONFLICT
    elif p.formula:
        change["flag"] = FORMULA
    change["detail"] = "; ".join(notes)
    change["outcome"] = PENDING if change["apply_value"] is not None else NOT_TAKEN
    return change


YES = ("yes", "y")


def _proposals(row: ReturnedRow, shown: dict, scheme: Scheme) -> list[Proposal]:
    cells = row.cells
    if row.tbl == "risks":
        likelihood, impact = cells["new_likelihood"], cells["new_impact"]
        if _blank(likelihood) and _blank(impact) and _words(cells.get("no_change", CellValue(None))).lower() in YES:
            # "Reviewed, no change": the score as sent, confirmed, which the register keeps as a review
            likelihood, impact = CellValue(shown.get("likelihood")), CellValue(shown.get("impact"))
        found = [_score("score", likelihood, impact, shown, "likelihood", "impact", scheme),
                 _text("commentary", cells["commentary"], "")]
    elif row.tbl == "mitigations":
        found = [_text("description", cells["new_description"], shown.get("description") or ""),
                 _score("expected score", cells["new_expected_likelihood"], cells["new_expected_impact"], shown,
                        "expected_likelihood", "expected_impact", scheme)]
    else:
        found = [_status(cells["new_status"], shown.get("status") or ""),
                 _text("progress", cells["new_progress"], shown.get("progress") or ""),
                 _due(cells["new_due"], shown.get("due"))]
    return [p for p in found if p is not None]


def _score(field: str, l_cell: CellValue, i_cell: CellValue, shown: dict, l_key: str, i_key: str,
           scheme: Scheme) -> Proposal | None:
    if _blank(l_cell) and _blank(i_cell):
        return None
    old = _sent_rating(shown.get(l_key), shown.get(i_key), scheme)
    new_words = f"{_shown(l_cell)} \u00d7 {_shown(i_cell)}"
    p = Proposal(field, new_words, old_value=rating_text(scheme, old), formula=_formula(l_cell, i_cell))
    try:
        likelihood = _level(l_cell, LIKELIHOOD, scheme, old.likelihood if old else None)
        impact = _level(i_cell, IMPACT, scheme, old.impact if old else None)
    except LevelError as exc:
        p.problem = str(exc)
        return p
    if likelihood is None or impact is None:
        p.problem = "give both a likelihood and an impact (there is no current score to keep the other from)"
        return p
    rating = Rating(likelihood, impact)
    p.new_value, p.apply = rating_text(scheme, rating), {"likelihood": likelihood, "impact": impact}
    if rating == old:  # still worth taking: it becomes a review confirming the score
        p.new_value += " (confirmed)"
    return p


def _level(cell: CellValue, axis: str, scheme: Scheme, keep: int | None) -> int | None:
    if _blank(cell):
        return keep
    if not _words(cell):
        raise LevelError(f"{NO_VALUE} {cell.formula} has no calculated value to read")
    return scheme.parse_level(cell.value, axis)


def _sent_rating(l_label, i_label, scheme: Scheme) -> Rating | None:
    if not l_label or not i_label:
        return None
    try:
        likelihood, impact = scheme.parse_level(l_label, LIKELIHOOD), scheme.parse_level(i_label, IMPACT)
    except LevelError:  # the scheme was changed since sending; the old value is then shown as text only
        return None
    return Rating(likelihood, impact) if likelihood is not None and impact is not None else None


def _text(field: str, cell: CellValue, old: str) -> Proposal | None:
    words = _words(cell)
    if _blank(cell) or (words and words == old.strip()):
        return None  # (a formula with no calculated value has no words, yet must be reported)
    p = Proposal(field, words, old_value=old, apply={"text": words}, formula=_formula(cell))
    if not words:
        p.new_value = _formula(cell)  # not blank, so the cell holds a formula
        _no_value(p)
    elif len(words) > MAX_CELL_TEXT:
        p.problem = f"the text is {len(words):,} characters, longer than a spreadsheet cell can hold"
    return p


def _status(cell: CellValue, old: str) -> Proposal | None:
    words = _words(cell)
    if _blank(cell):
        return None
    if not words:
        return _no_value(Proposal("status", _formula(cell), old_value=old, formula=_formula(cell)))
    status = " ".join(words.lower().split())
    if status == old:
        return None
    p = Proposal("status", words, old_value=old, apply={"status": status}, formula=_formula(cell))
    if status not in ACTION_STATUSES:
        p.apply, p.problem = None, f"{words!r} is not an action status (use {', '.join(ACTION_STATUSES)})"
    return p


def _due(cell: CellValue, old_iso: str | None) -> Proposal | None:
    if _blank(cell):
        return None
    old = date.fromisoformat(old_iso) if old_iso else None
    p = Proposal("due", _words(cell), old_value=show(old), formula=_formula(cell))
    try:
        new = _date(cell.value)
    except ValueError as exc:
        p.problem = str(exc)
        return p
    if new is None:
        return _no_value(p)  # only a formula without a calculated value reaches here
    if new == old:
        return None
    p.new_value, p.apply = show(new), {"due": new.isoformat()}
    return p


def _no_value(p: Proposal) -> Proposal:
    p.apply, p.problem = None, f"{NO_VALUE} {p.formula} has no calculated value to read"
    return p


def _date(value) -> date | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 32874 <= value <= 73051:  # 1990 to 2100 as spreadsheet day numbers
            raise ValueError(f"{value!r} is not a date (write it as 22/11/2026)")
        return day_from_serial(value)
    if isinstance(value, (datetime, date)):
        return parse_date(value)
    return parse_date(str(value) if value is not None else None)


def _register_value(field: str, now: dict, scheme: Scheme) -> str:
    """The register's value of a field an owner changed, as the review table shows it."""
    value = now.get(field)
    if isinstance(value, Rating):
        return rating_text(scheme, value)
    if isinstance(value, date):
        return show(value)
    return str(value or "")


def _formula(*cells: CellValue) -> str:
    return " and ".join(c.formula for c in cells if c.formula)


def _words(cell: CellValue) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return show(value.date()) if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(cell: CellValue) -> bool:
    """Nothing typed: no value and no formula (a formula without a calculated value is not blank)."""
    return not _words(cell) and not cell.formula


def _shown(cell: CellValue) -> str:
    if cell.formula and not _words(cell):
        return cell.formula
    return _words(cell) or "unchanged"


def _plain(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value if value is not None else "").split())


def _number(value) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None
