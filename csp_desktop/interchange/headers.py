"""Finding the header row of a real sheet and what each column holds, by the names people use."""
from __future__ import annotations

from dataclasses import dataclass, field

from .columns import (ASSESSMENTS, AXES, ColumnReading, SheetReading, assessment_of, axis_of, clean, letters,
                      similarity, words_of)
from .heading_words import (ACTIONS, IGNORE, INDICATORS, KEYWORDS, MEETINGS, MITIGATIONS, NOTES,  # noqa: F401
                            OWNERS, PRIORITIES, REVIEWS, RISKS, SYNONYMS)

HEADER_SEARCH_ROWS = 30
# The column that makes a sheet a table of that kind, in the order kinds are tried.
KEY_FIELDS = ((OWNERS, "name"), (RISKS, "title"), (MITIGATIONS, "risk_ref"), (INDICATORS, "title"), (ACTIONS, "title"),
              (PRIORITIES, "title"), (REVIEWS, "reviewed_on"), (NOTES, "action_ref"), (MEETINGS, "held_on"))
_SCORE_FIELDS = {f"{a}_{x}" for a in ASSESSMENTS for x in AXES}
FIELDS = {kind: sorted(set(v for v in SYNONYMS[kind].values() if v != IGNORE)
                       | (_SCORE_FIELDS if kind == RISKS else set()))
          for kind in SYNONYMS}
_PHRASES = {kind: {clean(k): v for k, v in table.items()} for kind, table in SYNONYMS.items()}


def _loose(kind: str, name: str) -> str | None:
    """Headings that carry a date or year, such as "2011/12 Target" or "Performance to 31/01/12"."""
    if kind == INDICATORS:
        if "target" in name.split():
            return "target"
        if name.startswith("performance") and "indicator" not in name:
            return "latest"
    return None


@dataclass
class Layout:
    kind: str
    header_row: int                 # 0-based index of the (last) header row in the sheet
    columns: dict[str, int]         # field -> 0-based column
    headers: list[str]              # the header texts, for naming columns in problems
    readings: list[ColumnReading] = field(default_factory=list)
    data_from: int = 0              # 0-based index of the first data row

    def reading(self, sheet: str | None, why: str) -> SheetReading:
        return SheetReading(sheet, self.kind, self.header_row + 1, tuple(self.readings), why)


def find_layout(rows: list[list], mapping: dict[str, str] | None = None, only: str | None = None) -> Layout | None:
    """The first row, among the first rows of the sheet, that names a known key column.

    Where a row would do for several kinds of table, the kind that explains most of its columns wins.
    A row just below it that only names likelihood / impact / score columns is its second header row.
    `only` reads the sheet as that kind of table and no other (the user said what it holds).
    """
    mapping = {clean(k): v for k, v in (mapping or {}).items()}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        above = rows[index - 1] if index else []
        below = rows[index + 1] if index + 1 < len(rows) else []
        if _is_sub_header(below):
            above, row, last = row, _combined(row, below), index + 1
        else:
            last = index
        best = None
        for kind, key in KEY_FIELDS:
            if only and kind != only:
                continue
            readings = match_columns(kind, row, above, mapping)
            columns = {r.field: r.index for r in readings if r.field and r.field != IGNORE}
            if key not in columns and kind == RISKS and "description" in columns:
                readings = _description_as_title(readings)
                columns = {r.field: r.index for r in readings if r.field and r.field != IGNORE}
            weight = sum(r.confidence for r in readings if r.field and r.field != IGNORE)
            if key in columns and len(columns) >= 2 and (best is None or weight > best[0] + 1e-9):
                best = (weight, kind, columns, readings)
        if best:
            _, kind, columns, readings = best
            headers = [_heading(c) for c in row]
            return Layout(kind, last, columns, headers, readings, last + 1)
    return None


def _heading(cell) -> str:
    return " ".join(str(cell).split()) if cell is not None else ""


def _is_sub_header(row: list) -> bool:
    """"L", "I", "Score" under a merged "Inherent risk": every filled cell names an axis, two at least."""
    cells = [c for c in row if c is not None and str(c).strip()]
    return len(cells) >= 2 and all(isinstance(c, str) and axis_of(assessment_of(clean(c))[1]) for c in cells)


def _combined(upper: list, lower: list) -> list:
    width = max(len(upper), len(lower))
    cell = lambda r, i: r[i] if i < len(r) and r[i] is not None and str(r[i]).strip() else None  # noqa: E731
    return [cell(lower, i) if cell(lower, i) is not None else cell(upper, i) for i in range(width)]


def _description_as_title(readings: list[ColumnReading]) -> list[ColumnReading]:
    return [ColumnReading(r.index, r.column, r.heading, "title", r.why + "; the sheet has no risk-title column, "
                          "so the description is the risk's title", r.confidence * 0.9)
            if r.field == "description" else r for r in readings]


def match_columns(kind: str, row: list, above: list, mapping: dict[str, str]) -> list[ColumnReading]:
    """What each column of `row` holds, as a table of `kind`."""
    groups = _carried_groups(above, row) if kind == RISKS else [""] * len(row)
    taken: dict[str, int] = {}
    says_impact = any({"impact", "severity", "i"} & set(clean(c).split()) for c in row)
    readings = []
    for col, cell in enumerate(row):
        heading = _heading(cell)
        shown = f"{groups[col]} / {heading}" if groups[col] and heading else heading
        field, why, confidence = _read_heading(kind, heading, groups[col], taken, _for_column(mapping, col, shown),
                                               not says_impact)
        if field == "description" and field in taken:
            field, why = f"description_{col}", f"{why}; another part of the description, kept beside the first"
        if field and field != IGNORE and field in taken:
            why = f"{why}, but column {letters(taken[field])} was already taken as {field}"
            field, confidence = None, 0.0
        if field and field != IGNORE:
            taken[field] = col
        readings.append(ColumnReading(col, letters(col), shown, field, why, round(confidence, 2)))
    return _per_action_status(kind, readings)


def column_key(col: int) -> str:
    """How a mapping names one column by its letters ("column D"), where its heading is repeated."""
    return f"column {letters(col).lower()}"


def _for_column(mapping: dict, col: int, shown: str) -> dict:
    """A mapping naming this very column (by letters, or by its heading with the group above it) wins
    over one naming its heading alone, which would take every column so headed."""
    for key in (column_key(col), clean(shown)):
        if key in mapping:
            return {**mapping, clean(shown.split(" / ")[-1]): mapping[key]}
    return mapping


def _read_heading(kind: str, heading: str, group: str, taken: dict, mapping: dict,
                  consequence: bool = True) -> tuple[str | None, str, float]:
    words = clean(heading)
    if not words:
        return None, "no heading", 0.0
    if words in mapping:
        wanted = mapping[words]
        if wanted != IGNORE and wanted not in FIELDS[kind]:
            return None, f"--map names {wanted!r}, which a table of {kind} has no place for", 0.0
        return wanted, "named with --map", 1.0
    if kind == RISKS:
        scored = _score_column(words, group, taken, consequence)
        if scored:
            return scored
    phrases = _PHRASES[kind]
    if words in phrases and phrases[words] == IGNORE:
        return IGNORE, f"the heading {words!r} names a colour band, worked out from the scores", 1.0
    if words in phrases:
        return phrases[words], f"the heading {words!r} is a known name for it", 1.0
    loose = _loose(kind, words)
    if loose:
        return loose, "the heading carries a date or year beside that name", 0.8
    return _by_words(kind, words)


def _score_column(words: str, group: str, taken: dict, consequence: bool = True) -> tuple[str, str, float] | None:
    assessment, rest = assessment_of(words)
    axis = axis_of(rest, consequence)
    if axis is None and assessment and not [w for w in rest.split() if w not in ("risk", "assessment")]:
        return f"{assessment}_score", f"the heading {words!r} names only the assessment: taken as its score", 0.6
    if axis is None:
        return None
    if assessment:
        return f"{assessment}_{axis}", f"{axis} of the {assessment} assessment (the heading says {words!r})", 0.95
    group_assessment = assessment_of(clean(group))[0] if group else None
    if group_assessment and f"{group_assessment}_{axis}" not in taken:
        return f"{group_assessment}_{axis}", f"{axis} under the group heading {group!r}", 0.9
    for number, name in enumerate(ASSESSMENTS):
        if f"{name}_{axis}" not in taken:
            why = (f"{axis}; the first such column is the {name} assessment" if number == 0 else
                   f"{axis}; repeat number {number + 1} of this heading is by convention the {name} assessment")
            return f"{name}_{axis}", why, 0.85 if number == 0 else 0.7
    return None


def _by_words(kind: str, words: str) -> tuple[str | None, str, float]:
    mine = words_of(words)
    best, best_score, best_phrase = None, 0.0, ""
    for phrase, field_name in _PHRASES[kind].items():
        score = similarity(mine, words_of(phrase))
        if score > best_score:
            best, best_score, best_phrase = field_name, score, phrase
    if best_score >= 0.6:
        return best, f"most of its words match {best_phrase!r}", round(0.5 + best_score / 3, 2)
    hits = {KEYWORDS[kind][w] for w in words.split() if w in KEYWORDS[kind]}
    if len(hits) == 1:
        field_name = hits.pop()
        word = next(w for w in words.split() if KEYWORDS[kind].get(w) == field_name)
        return field_name, f"the word {word!r} points to it", 0.6
    if len(hits) > 1:
        return None, f"its words point to several fields ({', '.join(sorted(hits))}); name it with --map", 0.0
    return None, "no field of this kind of table uses these words", 0.0


def _per_action_status(kind: str, readings: list[ColumnReading]) -> list[ColumnReading]:
    """Fields that depend on whether a risk table holds one row per action (an action, due date or status
    column): then "Status", "RAG" and "Progress" are the action's; a "Description" beside action owners
    and dates with no action column is the action; and without any of those, "Actions" are mitigations
    and "Progress" is more of the risk's description."""
    if kind != RISKS:
        return readings
    fields = {r.field for r in readings}
    per_action = bool(fields & {"action_due", "action_status"}) or ("action_title" in fields and "mitigation" in fields)
    swap = {}
    if per_action:
        swap.update({"status": "action_status", IGNORE: "action_rag"})
        if "mitigation" not in fields and "action_title" not in fields and "title" in fields:
            swap["description"] = "mitigation"  # "Description" beside "Action owner", "Target date"
    else:
        swap.update({"action_title": "mitigation", "action_progress": "description"})
    out, taken = [], set(fields)
    for r in readings:
        new = swap.get(r.field) if r.field else None
        if r.field == IGNORE and "rag" not in clean(r.heading).split():
            new = None
        if new and (new not in taken or new == "description"):
            if new == "description" and "description" in taken:
                new = f"description_{r.index}"
            taken.add(new)
            why = "the table has one row per action, so it is the action's" if per_action else \
                "the table has no action columns, so it is read with the risk"
            out.append(ColumnReading(r.index, r.column, r.heading, new, f"{r.why}; {why}", r.confidence))
        else:
            out.append(r)
    return out


def _carried_groups(above: list, row: list) -> list[str]:
    """Labels of a merged group heading carried across the score columns beneath it."""
    groups, current = [], ""
    for col in range(len(row)):
        cell = above[col] if col < len(above) else None
        if cell not in (None, "") and str(cell).strip():
            current = _heading(cell)
            if assessment_of(clean(current))[0] is None:
                current = ""
        elif not axis_of(assessment_of(clean(row[col]))[1]):
            current = ""  # the merge ends where the columns stop being scores
        groups.append(current if axis_of(assessment_of(clean(row[col]))[1]) else "")
    return groups
