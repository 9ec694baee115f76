"""Reading what each column of a real register holds, by the words of its heading.

A heading is cleaned of scale hints ("(1-5)"), footnote marks and punctuation, then read in turn as:
a phrase the vocabulary knows; a likelihood / impact / score column of one of the three assessments
(named in the heading, in a merged group heading above it, or by its position among repeats); a
heading sharing most of its words with a known phrase; or a heading holding a word only one field uses.
Every column gets a `ColumnReading` saying what it was taken as, why, and how sure the reader is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ASSESSMENTS = ("inherent", "residual", "target")
AXES = ("likelihood", "impact", "score")
# Words that name an assessment, longest first so "pre mitigation" wins over "mitigation".
_ASSESSMENT_WORDS = (
    ("pre mitigation", "inherent"), ("before controls", "inherent"), ("before mitigation", "inherent"),
    ("post mitigation", "residual"), ("after controls", "residual"), ("after mitigation", "residual"),
    ("with controls", "residual"), ("without controls", "inherent"),
    ("gross", "inherent"), ("original", "inherent"), ("inherent", "inherent"), ("unmitigated", "inherent"),
    ("initial", "inherent"), ("raw", "inherent"), ("premitigation", "inherent"), ("uncontrolled", "inherent"),
    ("net", "residual"), ("current", "residual"), ("residual", "residual"), ("postmitigation", "residual"),
    ("mitigated", "residual"), ("revised", "residual"), ("controlled", "residual"),
    ("target", "target"), ("desired", "target"), ("future", "target"), ("tolerance", "target"),
    ("tolerable", "target"), ("planned", "target"))
_AXIS_WORDS = {
    "likelihood": {"likelihood", "probability", "l", "chance", "likeliness", "prob", "p", "occurrence"},
    "impact": {"impact", "severity", "i", "consequence", "magnitude", "imp"},
    "score": {"score", "rating", "total", "overall", "rr", "lxi", "ixl", "product", "rank", "level"},
}
_NOISE = {"of", "the", "and", "in", "to", "for", "a", "an", "on", "x", "risk", "assessment", "by"}
_HINT = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b\d+\s*(?:-|to|–)\s*\d+\b|[*†‡§¹²³⁴⁵#]+")


_PARENS = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")


def _kept_if_assessment(match: re.Match) -> str:
    """ "(net)" names an assessment and is kept; "(1-5)" or "(Cause / Event / Effect)" is a hint and goes."""
    inner = " ".join(re.sub(r"[^0-9a-z]+", " ", match.group(1) or match.group(2) or "").split())
    return f" {inner} " if inner and assessment_of(inner)[0] and assessment_of(inner)[1] == "" else " "


@dataclass(frozen=True)
class ColumnReading:
    """One column of a sheet and what the reader made of it (field None: not taken in)."""
    index: int                  # 0-based
    column: str                 # spreadsheet letters, e.g. "C"
    heading: str                # as written (with the group heading above it, if any, first)
    field: str | None
    why: str
    confidence: float           # 1.0 for a known phrase or a --map, lower the more it was inferred


@dataclass(frozen=True)
class SheetReading:
    """How one sheet was taken: as a table of `kind` (None: not read), with its header row and columns."""
    sheet: str | None
    kind: str | None
    header_row: int | None      # 1-based, as a spreadsheet shows it
    columns: tuple[ColumnReading, ...]
    why: str


def letters(index: int) -> str:
    text, n = "", index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        text = chr(65 + rem) + text
    return text


def clean(heading) -> str:
    """A heading's words: lower case, without scale hints, footnote marks or punctuation."""
    text = str(heading or "").replace("\u00a0", " ").lower().replace("&", " and ")
    text = re.sub(r"\bl\s*[x*×]\s*i\b", " lxi ", text)
    text = re.sub(r"\bi\s*[x*×]\s*l\b", " lxi ", text)
    text = re.sub(r"\b(likelihood|probability)\s*[x*×]\s*(impact|severity|consequence)\b", " lxi ", text)
    text = _PARENS.sub(_kept_if_assessment, text)
    text = _HINT.sub(" ", text)
    text = re.sub(r"[^0-9a-z]+", " ", text)
    words = text.split()
    while words and words[-1].isdigit() and len(words) > 1 and words[-2] not in ("no", "number"):
        words.pop()  # a footnote number: "Impact 2"
    return " ".join(words)


def assessment_of(words: str) -> tuple[str | None, str]:
    """The assessment a heading names, and its words without that name."""
    padded = f" {words} "
    for phrase, assessment in _ASSESSMENT_WORDS:
        if f" {phrase} " in padded:
            return assessment, " ".join(padded.replace(f" {phrase} ", " ", 1).split())
    return None, words


def axis_of(words: str, consequence: bool = True) -> str | None:
    """Likelihood, impact or score, when that is all a heading says. "Consequence" is an impact level
    only where no column of the table says "Impact" (else it is the risk's consequences, in words)."""
    rest = [w for w in words.split() if w not in _NOISE]
    if not consequence and "consequence" in rest:
        return None
    if not rest or len(rest) > 3:
        return None
    found = {axis for axis, names in _AXIS_WORDS.items() if names.intersection(rest)}
    if "likelihood" in found and "impact" in found:
        return "score"  # "L x I", "Likelihood x Impact"
    if len(found) != 1:
        return None
    axis = found.pop()
    known = set().union(*_AXIS_WORDS.values())
    if any(w not in known for w in rest):
        return None  # "Impact on the partnership" is text, not a level
    return axis


def similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_LINKING = {"of", "the", "and", "in", "to", "for", "a", "an", "on", "by"}


def words_of(text: str) -> set[str]:
    """A heading's words that carry meaning ("Date of next review": date, next, review)."""
    return {w for w in text.split() if w not in _LINKING} or set(text.split())
