"""Right-to-left scripts (Urdu, Arabic) in the pack, without a shaping engine.

reportlab draws glyphs left to right, one per character, and its own shaping needs uharfbuzz plus a
bidi package that is not on PyPI (and that path crashed on a line mixing Latin and Arabic letters). So a line with
Arabic-script letters is turned into what should be seen: arabic-reshaper picks each letter's joined
form, python-bidi puts the line in visual order, and those letters are drawn in Noto Sans Arabic (DejaVu
lacks some Urdu forms). Lines without such letters take none of this path.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape as _html_escape

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import ARABIC, ARABIC_BOLD, BOLD, REGULAR

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_RUNS = re.compile("([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+"
                   "(?:[ \u00a0]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)*)")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@lru_cache(maxsize=4096)
def visual(line: str) -> str:
    """One line as it should be seen: joined letter forms, in left-to-right drawing order."""
    import arabic_reshaper
    from bidi import get_display
    return get_display(arabic_reshaper.reshape(line))


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """(segment, font) pieces of a visual line: Arabic-script letters in Noto Sans Arabic, the rest in `font`."""
    arabic = ARABIC_BOLD if font == BOLD else ARABIC
    pieces = []
    for n, segment in enumerate(_RUNS.split(text)):
        if segment:
            pieces.append((segment, arabic if n % 2 else font))
    return pieces


def width(text: str, font: str, size: float) -> float:
    if not has_rtl(text):
        return stringWidth(text, font, size)
    return sum(stringWidth(segment, f, size) for segment, f in runs(visual(text), font))


def split(text: str, font: str, size: float, available: float) -> list[str]:
    """Wrap one line of logical text to `available` points; a word longer than a line (a web address, a
    run of characters) is broken wherever it must be, so no text ever runs out of its cell."""
    if not has_rtl(text):
        lines = _fill(text, font, size, available)
        if lines is not None:
            return lines
        lines = simpleSplit(text, font, size, available)
    else:
        lines = _split_words(text, font, size, available)
    if all(width(line, font, size) <= available for line in lines):
        return lines
    return [piece for line in lines for piece in _break(line, font, size, available)]


def _fill(text: str, font: str, size: float, available: float) -> list[str] | None:
    """reportlab's simpleSplit with each word measured once (a pack repeats its words thousands of times), or
    None when a word alone is wider than the line and must be broken."""
    widths = _word_widths(font, size)
    if len(widths) > 100_000:  # a long-running app builds many packs: keep the memory bounded
        widths.clear()
    space = widths.get(" ") or widths.setdefault(" ", stringWidth(" ", font, size))
    lines: list[str] = []
    words: list[str] = []
    used = -space
    for word in text.split():
        wide = widths.get(word)
        if wide is None:
            wide = widths[word] = stringWidth(word, font, size)
        if wide > available:
            return None
        if used + space + wide <= available or not words:
            words.append(word)
            used = used + space + wide  # summed in simpleSplit's order, so lines break where it breaks them
        else:
            lines.append(" ".join(words))
            words, used = [word], wide
    return lines + [" ".join(words)] if words else lines


@lru_cache(maxsize=64)
def _word_widths(font: str, size: float) -> dict[str, float]:
    return {}


def _break(line: str, font: str, size: float, available: float) -> list[str]:
    pieces, current = [], ""
    for char in line:
        if current and width(current + char, font, size) > available:
            pieces.append(current)
            current = ""
        current += char
    return pieces + [current]


def _split_words(text: str, font: str, size: float, available: float) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and width(trial, font, size) > available:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + [current]


def draw(text_object, text: str, font: str, size: float) -> None:
    """Write a logical line into a reportlab text object at its current position."""
    if not has_rtl(text):
        text_object.setFont(font, size)
        text_object.textOut(text)
        return
    for segment, segment_font in runs(visual(text), font):
        text_object.setFont(segment_font, size)
        text_object.textOut(segment)


def escape(text: str) -> str:
    """&, < and > as entities, as xml.sax.saxutils.escape does (that module pulls in urllib, http and ssl)."""
    return _html_escape(text, quote=False)


def markup(text: str, bold: bool = False) -> str:
    """Escaped Paragraph markup of one line of user text, its Arabic-script runs in visual order and font
    (`bold` when the paragraph's own style is bold, which a <font name> would otherwise undo)."""
    if not has_rtl(text):
        return escape(text)
    base = BOLD if bold else REGULAR
    return "".join(escape(segment) if f == base else f'<font name="{f}">{escape(segment)}</font>'
                   for segment, f in runs(visual(text), base))
