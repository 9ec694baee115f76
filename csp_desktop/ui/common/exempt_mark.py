"""How the views mark an exempt (Part II) item: the same words in Coming up, the risks and the actions tables.

Which items are exempt is never decided here: that is `domain.exemption.exempt_ids`, the one rule.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

EXEMPT_MARK = "Part II"
EXEMPT_SUFFIX = f"  [{EXEMPT_MARK}]"  # after the title, so sorting by title is unchanged
TEXT_MARGINS = 8  # what the style leaves either side of a cell's text, with room to spare


def marked(title: str, exempt: bool) -> str:
    return title + EXEMPT_SUFFIX if exempt else title


def exempt_note(paragraph: int | None) -> str:
    """The tooltip's first line: the paragraph when one is recorded."""
    return f"Exempt information (Schedule 12A, paragraph {paragraph})" if paragraph else \
        "Exempt information (Schedule 12A)"


class MarkKeepingDelegate(QStyledItemDelegate):
    """A title cell cut short keeps its mark: the title is elided, never the "[Part II]" after it (a long
    exempt title would otherwise look like any other in a meeting)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        text, metrics = option.text, option.fontMetrics
        room = option.rect.width() - TEXT_MARGINS
        if not text.endswith(EXEMPT_SUFFIX) or metrics.horizontalAdvance(text) <= room:
            return
        title = metrics.elidedText(text[:-len(EXEMPT_SUFFIX)], Qt.TextElideMode.ElideRight,
                                   max(0, room - metrics.horizontalAdvance(EXEMPT_SUFFIX)))
        option.text = title + EXEMPT_SUFFIX
