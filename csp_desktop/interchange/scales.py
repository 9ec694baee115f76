"""Working out a file's scales, one axis at a time, from the level cells that can be read.

Each axis (likelihood, impact) may have 3, 4 or 5 levels. The size that reads the most cells wins;
a cell no size can read is left for the reader to report at its own place, and never sways the others.
Labelled numbers ("3 - Likely", "4 (Major)") give their labels to a new register's scheme.
"""
from __future__ import annotations

import re
from dataclasses import replace
from collections import Counter
from dataclasses import dataclass

from ..domain.scoring import (DEFAULT_LABELS, IMPACT, LIKELIHOOD, LevelError, Scheme, sized_scheme, split_labelled)
from . import headers as h
from .problems import WARNING, Problem
from .scale_key import Stated

SIZES = (3, 4, 5)
_GENERIC = {"low", "medium", "med", "high", "very high", "v high", "vh", "moderate", "mod", "very low", "vl", "hi",
            "lo", "h", "m", "l"}
_HINT = re.compile(r"\(\s*1\s*(?:-|to|–)\s*([3-5])\s*\)")


@dataclass
class ScaleReading:
    """The scheme the file's risks are read on, how that was worked out (in words), and any key not taken."""
    scheme: Scheme
    note: str
    problems: list[Problem]
    sheets: set          # the sheets whose key or matrix gave the scale
    guessed: bool = False  # worked out from numbers that stop short of the scale's top: maybe a smaller one


def infer_scheme(tables) -> Scheme:
    """The scheme a set of (sheet, layout) risk tables is scored on, from the tables alone."""
    return read_scale(tables, [], "").scheme


def read_scale(tables, stated: list[Stated], file: str) -> ScaleReading:
    """The scale as the file states it (a heading "(1-4)", a key or matrix sheet) when every level in the
    file fits it; otherwise as its level cells read, and then the note says it is worked out, not stated."""
    sizes: dict = {}
    labels: dict = {}
    why: dict = {}
    problems: list[Problem] = []
    used: set = set()
    numbers_only = True
    for axis in (LIKELIHOOD, IMPACT):
        values, hint = _level_cells(tables, axis)
        said, where = _stated_size(axis, hint, stated, file, problems)
        sizes[axis] = _best_size(values, None, axis)
        if said and _fits(values, said, axis):
            sizes[axis], why[axis] = said, ("stated", where)
            used |= {x.sheet for x in stated if x.levels.get(axis) == said}
        elif said:
            problems.append(Problem(file, f"{where}, but some {axis} levels in the file do not fit a scale of "
                                          f"{said}, so the scale was worked out from the levels instead", WARNING))
        labels[axis] = _labels(values, sizes[axis], axis)
        numbers_only = numbers_only and all(_is_number(v) for v in values)
        why.setdefault(axis, ("guess", _highest(values)) if all(_is_number(v) for v in values)
                       else ("words", _examples(values)))
    if numbers_only:  # the file named no words for its levels: "1" to "5", and no appetite it never set
        digits = {axis: tuple(str(n) for n in range(1, sizes[axis] + 1)) for axis in (LIKELIHOOD, IMPACT)}
        scheme = replace(sized_scheme(digits[LIKELIHOOD], digits[IMPACT]), appetite="")
    else:
        scheme = sized_scheme(labels[LIKELIHOOD], labels[IMPACT])
    guessed = any(kind == "guess" and what < sizes[axis] for axis, (kind, what) in why.items())
    return ScaleReading(scheme, scale_note(scheme.size, sizes, why), problems, used, guessed)


def _stated_size(axis: str, hint: tuple | None, stated: list[Stated], file: str, problems: list) -> tuple:
    """(levels, where the file says so) for one axis, or (None, "") when it says nothing, or disagrees."""
    if hint:
        return hint[0], f"its heading {hint[1]!r} says 1 to {hint[0]}"
    said = [s for s in stated if axis in s.levels]
    if len({s.levels[axis] for s in said}) > 1:
        problems.append(Problem(file, f"states more than one {axis} scale ({'; '.join(s.where for s in said)}), so "
                                      "the scale was worked out from the levels instead", WARNING))
        return None, ""
    return (said[0].levels[axis], " and ".join(dict.fromkeys(s.where for s in said))) if said else (None, "")


def _fits(values: list, size: int, axis: str) -> bool:
    """Every level cell that any size can read, this size reads too."""
    return all(_readable(v, size, axis) for v in dict.fromkeys(map(str, values))
               if any(_readable(v, n, axis) for n in SIZES))


def _highest(values: list) -> int:
    return max((int(float(v)) for v in values if _is_number(v) and float(v) < 100), default=0)


def _examples(values: list) -> str:
    return ", ".join(repr(v) for v in list(dict.fromkeys(str(v) for v in values if not _is_number(v)))[:3])


def scale_note(size: str, sizes: dict, why: dict) -> str:
    """How the scale was read, in words: stated, written in the levels' words, or a guess from the numbers."""
    kinds = {kind for kind, _ in why.values()}
    if kinds == {"stated"}:
        wheres = " and ".join(dict.fromkeys(where for _, where in why.values()))
        return f"read as {size}: {wheres}, and every likelihood and impact in the file fits it"
    if "guess" in kinds:
        return _guess_note(size, sizes, why)
    parts = [f"{axis} {_reason(sizes[axis], *why[axis])}" for axis in (LIKELIHOOD, IMPACT)]
    return f"read as {size}: " + "; ".join(parts)


def _reason(levels: int, kind: str, what) -> str:
    if kind == "stated":
        return f"of {levels} levels as stated ({what})"
    if kind == "words":
        return f"of {levels} levels from how the file writes them ({what})"
    return f"of {levels} levels, a guess from its highest level, {what}"


def _guess_note(size: str, sizes: dict, why: dict) -> str:
    """A scale worked out from the numbers alone: say so, what was seen, and how to choose otherwise."""
    guessed = [axis for axis in (LIKELIHOOD, IMPACT) if why[axis][0] == "guess"]
    seen = " and ".join(f"its highest {axis} is {why[axis][1]}" if why[axis][1] else f"it writes no {axis}"
                        for axis in guessed)
    known = [f"{axis} {_reason(sizes[axis], *why[axis])}" for axis in (LIKELIHOOD, IMPACT) if axis not in guessed]
    tops = {axis: (why[axis][1] if axis in guessed else sizes[axis]) for axis in (LIKELIHOOD, IMPACT)}
    short = any(tops[a] < sizes[a] for a in guessed)   # levels unused at the top: it may be a smaller scale
    text = (f"read as {size}{', a guess' if short else ' from the levels it uses'}: the file states no scale for "
            f"{' or '.join(guessed)} (no key, matrix sheet or heading such as 'Likelihood (1-5)'), {seen}, and "
            f"{size} is the largest scale that fits")
    text += "".join(f"; {k}" for k in known)
    if short and all(3 <= t for t in tops.values()):
        text += f". If it is scored on fewer levels, choose --scheme {tops[LIKELIHOOD]}x{tops[IMPACT]}"
    return text


def _is_number(value) -> bool:
    if isinstance(value, (int, float)):
        return True
    text = value.strip() if isinstance(value, str) else ""
    # ASCII only: str.isdigit() also takes "¹" or "٣", which float() refuses (found by the fuzzed imports)
    return text.isascii() and text.replace(".", "", 1).isdigit()


def _level_cells(tables, axis: str) -> tuple[list, tuple[int, str] | None]:
    values, hint = [], None
    for table, layout in tables:
        if layout.kind != h.RISKS:
            continue
        for field, col in layout.columns.items():
            if field.endswith(f"_{axis}"):
                found = _HINT.search(layout.headers[col] if col < len(layout.headers) else "")
                hint = (int(found.group(1)), layout.headers[col]) if found else hint
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
