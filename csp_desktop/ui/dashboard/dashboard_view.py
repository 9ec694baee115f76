"""The Dashboard: inherent and residual heat maps, counts per band, what needs attention, the top ten."""
from __future__ import annotations


from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ...domain.derived import ARROWS
from ...domain.model import Risk
from ...services.changes import Changes
from ...services.dashboard import Dashboard
from ..common.accessible import named
from ..common.colours import text_colour_on
from ..common.matrix_grid import COUNTS, MatrixGrid
from ..risks.risk_loader import RiskData
from ..risks.risk_table_model import TRAVEL_WORDS
from ..common.text import plain_tooltip
from .coming_up import ComingUpPanel

TOP_ROWS = 10  # the "ten highest" list shows all ten without scrolling


class DashboardView(QWidget):
    cell_chosen = Signal(str, object)     # "inherent" | "residual", Rating
    risk_chosen = Signal(str)             # risk id
    overdue_reviews_chosen = Signal()
    action_chosen = Signal(str)           # action id (from Coming up)
    chase_chosen = Signal()

    def __init__(self, session, data: RiskData | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.data = data or RiskData(session, self)
        self.summary = Dashboard()
        self._travel: dict[str, str] = {}
        self.maps = {axis: MatrixGrid(session.scheme, COUNTS, f"{axis.title()} risks (open)") for axis in
                     ("inherent", "residual")}
        for axis, grid in self.maps.items():
            grid.setAccessibleName(f"{axis.title()} heat map: press Enter on a cell to list its risks")
            grid.cellActivated.connect(lambda rating, axis=axis: self.cell_chosen.emit(axis, rating))
        self.top = self._top_table()
        # "Coming up" is the first tab, so it is what a coordinator sees when a register opens.
        self.coming_up = ComingUpPanel(session)
        self.coming_up.risk_chosen.connect(self.risk_chosen)
        self.coming_up.action_chosen.connect(self.action_chosen)
        self.coming_up.chase_chosen.connect(self.chase_chosen)
        overview = QWidget()
        self.tabs = named(QTabWidget(), "Dashboard sections")
        self.tabs.addTab(self.coming_up, "Coming &up")
        self.tabs.addTab(overview, "&Heat maps and figures")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)  # the tab frame is margin enough: the maps need the width at 150%
        outer.addWidget(self.tabs)
        layout = QVBoxLayout(overview)
        upper = QHBoxLayout()
        for grid in self.maps.values():
            upper.addWidget(grid, 1)
        upper.addWidget(self._figures_box())
        layout.addLayout(upper, 3)
        box = QGroupBox("Ten highest residual risks")
        inner = QVBoxLayout(box)
        inner.addWidget(self.top)
        layout.addWidget(box, 2)
        self.data.loaded.connect(self.show_listing)
        self.data.updated.connect(self._rows_updated)
        self._stale = False
        session.changed.connect(self._on_changed)
        self._size_maps()
        if self.data.listing is not None:
            self.show_listing(self.data.listing)

    def _size_maps(self) -> None:
        for grid in self.maps.values():
            hint = grid.sizeHint()
            grid.setMinimumSize(hint)

    def _figures_box(self) -> QGroupBox:
        box = QGroupBox("Open risks, by current score")
        self.figures_box = box
        self.figures_panel = QWidget()
        QVBoxLayout(box).addWidget(self.figures_panel)
        self.overdue_button = QPushButton("Show reviews &overdue")
        self.overdue_button.setAccessibleName("Show the risks whose review is overdue")
        self.overdue_button.clicked.connect(self.overdue_reviews_chosen)
        return box

    def _top_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setAccessibleName("Ten highest residual risks: press Enter to open one")
        table.setHorizontalHeaderLabels(("Ref", "Title", "Owner", "Residual", "Travel"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        # Compact rows, and room for all ten of them: at the default height only seven showed at 1366x768.
        row = self.fontMetrics().height() + 6
        table.verticalHeader().setDefaultSectionSize(row)
        table.verticalHeader().setMinimumSectionSize(row)
        # Not a minimum: on a small scaled screen the list scrolls rather than push the window off it.
        self._top_height = TOP_ROWS * row + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        # this one table's height hint, known only now; an instance attribute rather than a subclass
        table.sizeHint = lambda: QSize(table.width(), self._top_height)  # type: ignore[method-assign]
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda index: self._open_top(index.row()))
        table.doubleClicked.connect(lambda index: self._open_top(index.row()))
        return table

    # -- showing --------------------------------------------------------------------------------------

    def show_listing(self, listing) -> None:
        self._stale = False
        self._travel = listing.travel
        self.summary = self.data.summary(self.session.scheme)  # counted off the GUI thread after a full load
        self._show()

    def _rows_updated(self, _update) -> None:
        """A few risks changed: count again now if the dashboard is on screen, else when it is next shown."""
        if self.isVisible():
            self.show_listing(self.data.listing)
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale and self.data.listing is not None:
            self.show_listing(self.data.listing)
        super().showEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if changes.scheme_changed:
            for grid in self.maps.values():
                grid.set_scheme(self.session.scheme)
            self._size_maps()
            if self.data.listing is not None:
                self.show_listing(self.data.listing)

    def _show(self) -> None:
        summary = self.summary
        self.maps["inherent"].set_counts(summary.inherent_cells)
        self.maps["residual"].set_counts(summary.residual_cells)
        self._show_figures(summary)
        self._show_top(summary.top)

    def _show_figures(self, summary: Dashboard) -> None:
        """A fresh panel of figures swapped in whole (the rows differ by scheme), the old one gone at once."""
        old = self.figures_panel
        self.figures_panel = QWidget()
        self.figures = QGridLayout(self.figures_panel)
        self.figures.setContentsMargins(0, 0, 0, 0)
        self._fill_figures(summary)
        box_layout = self.figures_box.layout()
        assert box_layout is not None  # made with the box
        box_layout.replaceWidget(old, self.figures_panel)
        old.hide()
        old.deleteLater()
        self.figures_panel.show()

    def _fill_figures(self, summary: Dashboard) -> None:
        rows = [("Open risks", str(summary.open_risks), None)]
        rows += [(band.name, str(summary.band_counts.get(band.name, 0)), band.colour)
                 for band in self.session.scheme.bands]
        if summary.unscored:
            rows.append(("Not yet scored", str(summary.unscored), None))
        if summary.outside_matrix:
            rows.append((f"Scored outside the {self.session.scheme.size} matrix (not in the heat maps)",
                         str(summary.outside_matrix), None))
        rows += [(f"Above appetite ({self.session.scheme.appetite or 'none adopted'})",
                  str(len(summary.above_appetite)), None),
                 ("Reviews overdue", str(len(summary.reviews_overdue)), None),
                 ("Actions overdue", str(summary.overdue_actions), None)]
        for n, (words, figure, colour) in enumerate(rows):
            self._figure_row(n, words, figure, colour)
        self.figures.addWidget(self.overdue_button, len(rows), 0, 1, 2)
        self.figures.setRowStretch(len(rows) + 1, 1)

    def _figure_row(self, n: int, words: str, figure: str, colour: str | None) -> None:
        label, value = QLabel(words), QLabel(figure)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setAccessibleName(f"{words}: {figure}")
        font = value.font()
        font.setBold(True)
        value.setFont(font)
        if colour:
            value.setStyleSheet(f"background: {colour}; color: {text_colour_on(colour).name()}; padding: 2px 8px")
        self.figures.addWidget(label, n, 0)
        self.figures.addWidget(value, n, 1)

    def _show_top(self, risks: list[Risk]) -> None:
        scheme = self.session.scheme
        self.top.setRowCount(len(risks))
        for r, risk in enumerate(risks):
            score = risk.current.score if risk.current else None
            band = scheme.band_for(score)
            travel = self._travel.get(risk.id, "new")
            cells = (risk.ref, risk.title, risk.owner_name, f"{score or ''} {band.name if band else ''}",
                     f"{ARROWS.get(travel, '')} {TRAVEL_WORDS.get(travel, '')}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(risk.description if c == 1 else text) or "")
                item.setData(Qt.ItemDataRole.UserRole, risk.id)
                if c == 3 and band:
                    item.setBackground(QColor(band.colour))
                    item.setForeground(text_colour_on(band.colour))
                self.top.setItem(r, c, item)

    def _open_top(self, row: int) -> None:
        item = self.top.item(row, 0)
        if item is not None:
            self.risk_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
