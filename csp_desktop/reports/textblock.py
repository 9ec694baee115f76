"""Pre-wrapped plain text for table cells: a few styles, no markup, a fraction of a Paragraph's cost.

User text goes in as it was typed and is drawn with drawString, so `<b>` or `&` can never become markup.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from . import scripts
from .fonts import BOLD, REGULAR
from .styles import INK, MUTED

LEADING = 1.22


@dataclass(frozen=True)
class Run:
    """Text in one style, wrapped as a block of its own."""
    text: str
    size: float = 8
    bold: bool = False
    muted: bool = False


class TextBlock(Flowable):
    def __init__(self, runs: list[Run] | None, width: float, lines: list | None = None):
        super().__init__()
        self.block_width = width
        self.lines = lines if lines is not None else [line for run in runs or () for line in _lines(run, width)]

    def wrap(self, available_width, available_height):
        self.width, self.height = self.block_width, sum(size * LEADING for _, _, size, _ in self.lines)
        return self.width, self.height

    def split(self, available_width, available_height):
        used, cut = 0.0, 0
        for _, _, size, _ in self.lines:
            if used + size * LEADING > available_height:
                break
            used += size * LEADING
            cut += 1
        if cut == 0 or cut == len(self.lines):
            return []
        return [TextBlock(None, self.block_width, self.lines[:cut]),
                TextBlock(None, self.block_width, self.lines[cut:])]

    def draw(self):
        """One text object for the whole block, its font and colour set only where they change: far fewer PDF
        operators than a drawString per line."""
        text_object = self.canv.beginText()
        y, colour_now, font_now = self.height, None, None
        for text, font, size, colour in self.lines:
            y -= size * LEADING
            if colour != colour_now:
                text_object.setFillColor(colour)
                colour_now = colour
            text_object.setTextOrigin(0, y + size * 0.22)
            if scripts.has_rtl(text):
                scripts.draw(text_object, text, font, size)
                font_now = None
            else:
                if (font, size) != font_now:
                    text_object.setFont(font, size)
                    font_now = (font, size)
                text_object.textLine(text)   # the next line sets its own origin: nothing is measured
        self.canv.drawText(text_object)


def _lines(run: Run, width: float) -> list[tuple[str, str, float, Color]]:
    font = BOLD if run.bold else REGULAR
    colour = MUTED if run.muted else INK
    found = []
    for line in str(run.text).splitlines() or [""]:
        found += [(piece, font, run.size, colour) for piece in scripts.split(line, font, run.size, width) or [""]]
    return found
