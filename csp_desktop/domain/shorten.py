"""Cutting a long text to a length for display, ending it in "…" so the reader can see it goes on."""
from __future__ import annotations

ELLIPSIS = "\u2026"


def shorten(text: str, limit: int, *, flat: bool = True) -> str:
    """`text` in at most `limit` characters, the last one "…" when anything was cut. `flat` first puts
    it on one line (runs of spaces, tabs and line breaks become one space), as a table cell or a menu
    entry needs; a tooltip keeps its lines with flat=False."""
    if flat:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[:max(limit - 1, 0)] + ELLIPSIS


def quoted(text: object) -> str:
    """A cell's text in quotes for a message, as the user typed it: a non-breaking space or line break shows
    as a space (repr would print "\\xa0"), and only a control character is escaped, so none reaches a terminal."""
    flat = " ".join(str(text).split())
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in flat) + "'"
