"""The embedded Unicode font: DejaVu Sans covers Welsh, Polish, the pound sign, dashes and curly quotes
(reportlab's built-in Helvetica prints w and y with a circumflex as black boxes)."""
from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ARABIC = "NotoSansArabic-Regular"
ARABIC_BOLD = "NotoSansArabic-Bold"


class _Font(TTFont):
    """A TTFont whose text is split into subsets by str.translate when every character of it already has a
    code in the first subset (nearly every line after the first page): reportlab's splitString walks each
    character in Python, which was the largest single cost of a long pack. The bytes written are the same."""

    def splitString(self, text, doc, encoding="utf-8"):
        state = self.state.get(doc)
        if state is None or not isinstance(text, str) or not text:
            return super().splitString(text, doc, encoding)
        fast = state.__dict__.get("_first_subset")
        if fast is None or fast[0] != len(state.assignments):
            fast = state._first_subset = _first_subset(state.assignments)
        if not fast[2].issuperset(text):
            return super().splitString(text, doc, encoding)
        return [(0, text.translate(fast[1]).encode("latin-1"))]


def _first_subset(assignments: dict[int, int]) -> tuple[int, dict[int, str], frozenset[str]]:
    """(how many assignments it was made from, translation to first-subset codes, the characters it covers)."""
    table = {code: chr(n) for code, n in assignments.items() if n < 256}
    if 32 in table:
        table[0xA0] = table[32]  # reportlab prints a no-break space as a space
    return len(assignments), table, frozenset(map(chr, table))


@cache
def register_fonts() -> None:
    """Register the shipped fonts once per process. reportlab's own shaping stays off (it needs uharfbuzz and
    an unpublished bidi package, and its bidi step crashed on a line mixing Latin and Arabic letters);
    scripts.py prepares Urdu and Arabic."""
    for name in (REGULAR, BOLD, ARABIC, ARABIC_BOLD):
        pdfmetrics.registerFont(_Font(name, str(resource("fonts", f"{name}.ttf")), shapable=False))
    for family, bold in ((REGULAR, BOLD), (ARABIC, ARABIC_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)
