"""Working out a file's scales, one axis at a time, from the level cells that can be read.

Each axis (likelihood, impact) may have 3, 4 or 5 levels. The size that reads the most cells wins;
a cell no size can read is left for the reader to report at its own place, and never sways the others.
Labelled numbers ("3 - Likely", "4 (Major)") give their labels to a new register's scheme.
"""
from __future__ import annotations

import re
from dataclasses import replace
from collections import Counter

from ..domain.scoring import (DEFAULT_LABELS, IMPACT, LIKELIHOOD, LevelError, Scheme, sized_scheme, split_labelled)
from . import headers as h

SIZES = (3, 4, 5)
_GENERIC = {"low", "medium", "med", "high", "very high", "v high", "vh", "moderate", "mod", "very low", "vl", "hi",
            "lo", "h", "m", "l"}
_HINT = re.compile(r"\(\s*1\s*(?:-|to|–)\s*([3-5])\s*\)")


def infer_scheme(tables) -> Scheme:
    """The scheme a set of (sheet, layout) risk tables is scored on."""
    sizes, labels, numbers_only = {}, {}, True
    for axis in (LIKELIHOOD, IMPACT):
        values, hint = _level_cells(tables, axis)
        sizes[axis] = _best_size(values, hint, axis)
        labels[axis] = _labels(values, sizes[axis], axis)
        numbers_only = numbers_only and all(_is_number(v) for v in values)
    if numbers_only:  # the file named no words for its levels: "1" to "5", and no appetite it never set
        digits = {axis: tuple(str(n) for n in range(1, sizes[axis] + 1)) for axis in (LIKELIHOOD, IMPACT)}
        return replace(sized_scheme(digits[LIKELIHOOD], digits[IMPACT]), appetite="")
    return sized_scheme(labels[LIKELIHOOD], labels[IMPACT])


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().replace(".", "", 1).isdigit())


def _level_cells(tables, axis: str) -> tuple[list, int | None]:
    values, hint = [], None
    for table, layout in tables:
        if layout.kind != h.RISKS:
            continue
        for field, col in layout.columns.items():
            if field.endswith(f"_{axis}"):
                found = _HINT.search(layout.headers[col] if col < len(layout.headers) else "")
                hint = int(found.group(1)) if found else hint
                values += [row[col] for row in table.rows[layout.data_from:]
                           if col < len(row) and row[col] is not None and str(row[col]).strip()]
    return values, hint


def _best_size(values: list, hint: int | None, axis: str) -> int:
    if hint:
        return hint
    # The sizes that read the most cells; among them, the one whose own labels agree most with the labels
    # the file writes beside its numbers ("3 (Major)" is 3 of 4 levels, but 4 of 5).
    distinct = Counter(v if isinstance(v, (int, float, str)) else str(v) for v in values)  # 10,000 rows, few values
    counts = {n: sum(k for v, k in distinct.items() if _readable(v, n, axis)) for n in SIZES}
    conflicts = {n: sum(k for v, k in distinct.items() if _label_disagrees(v, n, axis)) for n in SIZES}
    best = max(counts.values())
    fewest = min(conflicts[n] for n in SIZES if counts[n] == best)
    words = [" ".join(str(v).lower().split()) for v in distinct if _is_word(v)]
    # Low / Medium / High read on the smallest scale that has them all; named levels ("Likely") and
    # numbers on the largest, where "Likely" is 4 of 5, as in most published matrices.
    generic = words and all(w in _GENERIC for w in words)
    order = SIZES if generic else (5, 4, 3)
    return next(n for n in order if counts[n] == best and conflicts[n] == fewest)


def _label_disagrees(value, size: int, axis: str) -> bool:
    found = split_labelled(value) if isinstance(value, str) else None
    if not found:
        return False
    try:
        return _probe(size, axis).parse_level(found[1], axis) != found[0]
    except LevelError:
        return False  # a label this size does not know says nothing either way


def _is_word(value) -> bool:
    return isinstance(value, str) and not value.strip().replace(".", "", 1).isdigit() \
        and split_labelled(value) is None


def _readable(value, size: int, axis: str) -> bool:
    try:
        _probe(size, axis).parse_level(value, axis)
        return True
    except LevelError:
        return False


_PROBES: dict = {}


def _probe(size: int, axis: str) -> Scheme:
    """A scheme with this axis at `size` levels, to try cells on."""
    key = (size, axis)
    if key not in _PROBES:
        other = IMPACT if axis == LIKELIHOOD else LIKELIHOOD
        labels = {axis: DEFAULT_LABELS[axis][size], other: DEFAULT_LABELS[other][5]}
        _PROBES[key] = sized_scheme(labels[LIKELIHOOD], labels[IMPACT])
    return _PROBES[key]


def _labels(values: list, size: int, axis: str) -> tuple[str, ...]:
    """The default labels for that size, with any the file gives beside its numbers in their place."""
    labels = list(DEFAULT_LABELS[axis][size])
    given: dict[int, str] = {}
    for value in dict.fromkeys(v for v in values if isinstance(v, str)):
        found = split_labelled(value)
        if found and 1 <= found[0] <= size:
            given.setdefault(found[0], _label_case(value, found[1]))
    for level, label in given.items():
        labels[level - 1] = label
    if len(set(x.lower() for x in labels)) != len(labels):
        return DEFAULT_LABELS[axis][size]  # the file's labels clash with the defaults; keep the defaults
    return tuple(labels)


def _label_case(original: str, lowered: str) -> str:
    """The label as the file writes it ("Very likely"), not lowered."""
    text = " ".join(original.split())
    start = text.lower().find(lowered)
    return text[start:start + len(lowered)] if start >= 0 else lowered.capitalize()
