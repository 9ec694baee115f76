"""The lists inside the risk editor: mitigations, linked actions and the review history."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.dates import from_iso, show
from ...domain.derived import ARROWS
from ...domain.model import Mitigation, Review
from ...domain.scoring import Rating, Scheme
from ...domain.shorten import shorten
from ..common.colours import text_colour_on
from .risk_table_model import TRAVEL_WORDS, describe_rating
from ..common.text import plain_tooltip


def score_text(scheme: Scheme, rating: Rating | None) -> str:
    if rating is None:
        return ""
    band = scheme.band_for(rating.score)
    return f"{rating.score} {band.name if band else ''}".strip()


def _score_item(scheme: Scheme, rating: Rating | None, text: str | None = None) -> QTableWidgetItem:
    """A score in its band colour, with the likelihood and impact in words as tooltip."""
    item = QTableWidgetItem(text if text is not None else score_text(scheme, rating))
    item.setToolTip(plain_tooltip(describe_rating(scheme, rating)) or "")
    band = scheme.band_for(rating.score) if rating else None
    if band:
        item.setBackground(QColor(band.colour))
        item.setForeground(text_colour_on(band.colour))
    return item


def _table(accessible: str, headers: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(True)
    # Rows grow to show wrapped text once the columns have their widths.
    header.sectionResized.connect(lambda *_: QTimer.singleShot(0, table, table.resizeRowsToContents))
    return table


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    """Rows of text (cut to a readable length; the tooltip has it all) or ready-made items."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = value if isinstance(value, QTableWidgetItem) else QTableWidgetItem(_cut(value))
            if not isinstance(value, QTableWidgetItem):
                item.setToolTip(plain_tooltip(value) or "")
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def _cut(text: str, limit: int = 300) -> str:
    return shorten(text, limit)


def _button(text: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    return button


class MitigationsList(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[Mitigation] = []
        self.table = _table("Mitigations", ("Mitigation", "Owner", "Expected"), stretch=0)
        self.add = _button("Add mitigation…", "Add mitigation")
        self.edit = _button("&Edit…", "Edit the selected mitigation")
        self.remove = _button("Remove", "Remove the selected mitigation")
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.remove):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_items(self, scheme: Scheme, mitigations: list[Mitigation]) -> None:
        self.items = mitigations
        _fill(self.table, [(m.description, m.owner_name, _score_item(scheme, m.expected)) for m in mitigations])

    def selected(self) -> Mitigation | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None


class LinkedActionsList(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = _table("Linked actions", ("Ref", "Action", "Owner", "Due", "Status"), stretch=1)
        layout = QVBoxLayout(self)
        note = QLabel("Actions are edited in the Actions view.")
        layout.addWidget(self.table)
        layout.addWidget(note)

    def show_items(self, actions: list[dict]) -> None:
        _fill(self.table, [(a["ref"], a["title"], a["owner_name"] or "", show(from_iso(a["due"])), a["status"])
                           for a in actions])


class ReviewHistory(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.travel = QLabel()
        self.travel.setAccessibleName("Direction of travel")
        self.table = _table("Review history", ("Date", "Who", "Before", "After", "Note"), stretch=4)
        # One line a review (the note is cut; its tooltip has it whole): wrapped notes made rows five lines high.
        self.table.setWordWrap(False)
        self.record = _button("Record review…", "Record review")
        layout = QVBoxLayout(self)
        layout.addWidget(self.travel)
        layout.addWidget(self.table)
        layout.addWidget(self.record)

    def show_items(self, scheme: Scheme, reviews: list[Review], travel: str) -> None:
        self.travel.setText(f"Direction of travel: {ARROWS.get(travel, '')} {TRAVEL_WORDS.get(travel, travel)}")
        newest_first = list(reversed(reviews))
        _fill(self.table, [(show(r.reviewed_on), r.reviewer, _short_score(scheme, r.before),
                            _short_score(scheme, r.after), r.note) for r in newest_first])


def _short_score(scheme: Scheme, rating: Rating | None) -> QTableWidgetItem:
    return _score_item(scheme, rating, str(rating.score) if rating else "")
