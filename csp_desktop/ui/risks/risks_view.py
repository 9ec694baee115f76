"""The Risks view: a filter bar, the sortable risks table, and the risk editor beside it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ..common.eliding_combo import ElidingComboBox
from ...domain.model import RISK_STATUSES, Risk
from ...domain.response import WORDS as RESPONSE_WORDS
from ...domain.scoring import Rating
from ...services import risk_editing as editing
from ...services.changes import Changes, Kind
from . import risk_commands as commands
from ..common.column_fit import ColumnFit
from ..common.exempt_mark import MarkKeepingDelegate
from .risk_loader import RiskData
from .risk_editor import RiskEditor
from ..common.text import ask, tell
from .risk_table_model import (COLUMNS, INHERENT, NEXT_REVIEW, PRIORITY, REF, STATUS, TARGET, TITLE, TRAVEL,
                               RiskFilter, RiskFilterProxy, RiskTableModel, travel_column_header)

ANY_OF = {"owner": "Any owner", "band": "Any band", "priority": "Any priority", "status": "Any status"}
EDITOR_WIDTH = 400


def _combo(accessible: str) -> QComboBox:
    combo = ElidingComboBox()
    combo.setAccessibleName(accessible)
    # Long owner and priority names must not make the window wider than a small, scaled screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(5)
    return combo


class RisksView(QWidget):
    filtered = Signal(int)  # how many risks are shown

    def __init__(self, session, data: RiskData | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.data = data or RiskData(session, self)
        self.model = RiskTableModel(session.scheme, self)
        self.proxy = RiskFilterProxy(self.model, self)
        self._cell: tuple[str, Rating] | None = None
        self._build_filters()
        self._build_table()
        self.editor = RiskEditor(session)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._table_side())
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)  # the editor may be folded away to give the titles the width
        splitter.setCollapsible(1, True)
        # Wide enough for every tab's name (none behind scroll arrows) and the details' fields, at any font size.
        self._editor_width = max(EDITOR_WIDTH, self.editor.tabs.tabBar().sizeHint().width() + 16,
                                 self.editor.minimumSizeHint().width())
        splitter.setSizes([880, self._editor_width])
        splitter.splitterMoved.connect(self.editor_moved)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.data.loaded.connect(self.show_listing)
        self.data.updated.connect(self.show_update)
        session.changed.connect(self._on_changed)
        self._load_choices()
        self.proxy.set_filter(self.current_filter())  # closed risks hidden from the start
        if self.data.listing is not None:
            self.show_listing(self.data.listing)

    # -- building ------------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find in ref, title, description, owner (Ctrl+F)")
        self.search.setAccessibleName("Filter risks by text")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filters_changed)
        self.owner, self.band = _combo("Filter by owner"), _combo("Filter by band")
        self.priority, self.status = _combo("Filter by priority"), _combo("Filter by status")
        self.status.addItem(ANY_OF["status"], None)
        for status in RISK_STATUSES:
            self.status.addItem(status, status)
        self.overdue = QCheckBox("Review overd&ue")
        self.overdue.setAccessibleName("Only risks whose review is overdue")
        self.exempt = QCheckBox("E&xempt")
        self.exempt.setAccessibleName("Only exempt (Part II) risks")
        self.response = _combo("Filter by risk response")
        self.response.addItem("Any response", None)
        for value, words in RESPONSE_WORDS.items():
            self.response.addItem(words if value else "Response not decided", value)
        for combo in (self.owner, self.band, self.priority, self.status, self.response):
            combo.currentIndexChanged.connect(self._filters_changed)
        for box in (self.overdue, self.exempt):
            box.toggled.connect(self._filters_changed)
        self.show_closed = QCheckBox("Show &closed")
        self.show_closed.setAccessibleName("Show closed risks too")
        self.show_closed.toggled.connect(self._filters_changed)
        self.clear = QPushButton("C&lear filters")
        self.clear.setAccessibleName("Clear all filters")
        self.clear.clicked.connect(self.clear_filters)
        self.count = QLabel()
        self.count.setAccessibleName("Risks shown")

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName("Risks")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.title_delegate = MarkKeepingDelegate(self.table)
        self.table.setItemDelegateForColumn(TITLE, self.title_delegate)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("R-000") + 12)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        width = self.fontMetrics().horizontalAdvance
        widths = {}
        for column, sample in enumerate(("R-000", "", "Owner name", "Priority", "25", "25", "25", "since 00/00",
                                         "00/00/0000", "closed")):
            if column != TITLE:
                widths[column] = max(width(sample), width(COLUMNS[column])) + 24
        # The Travel header's widest line when there is no earlier meeting: "Travel since" / "first review".
        first = travel_column_header("since first review").split("\n")
        widths[TRAVEL] = max(widths[TRAVEL], *(width(line) + 24 for line in first))
        for column, column_width in widths.items():
            self.table.setColumnWidth(column, column_width)
        # On a narrow window these go first (all are in the editor beside the table), so titles keep their width.
        self.column_fit = ColumnFit(self.table, widths, TITLE,
                                    (STATUS, TARGET, INHERENT, TRAVEL, NEXT_REVIEW, PRIORITY))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # A sort resets the model (see RiskTableModel.sort_rows); the proxy and view have reset by the
        # time this runs (they connected first), so the risk being edited is selected again.
        self.model.modelReset.connect(self._reselect_after_sort)

    def _table_side(self) -> QWidget:
        side = QWidget()
        top = QHBoxLayout()
        self.new_risk = QPushButton("New ris&k")
        self.new_risk.setAccessibleName("Add a new risk")
        self.new_risk.clicked.connect(self.add_risk)
        self.delete_risk = QPushButton("Delete risk")
        self.delete_risk.setAccessibleName("Delete the selected risk")
        self.delete_risk.clicked.connect(self.remove_selected)
        top.addWidget(self.search, 1)
        self.toggle_editor = QPushButton("Hide editor")
        self.toggle_editor.setAccessibleName("Show or hide the risk editor")
        self.toggle_editor.setToolTip("Fold the editor away to give the risks table the whole width")
        self.toggle_editor.clicked.connect(lambda: self.set_editor_shown(not self.editor_shown()))
        widget: QWidget
        for widget in (self.new_risk, self.delete_risk, self.toggle_editor):
            top.addWidget(widget)
        filters, more_filters, flags = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        # each says what it filters in its first item ("Any owner"); two rows so the side fits at 150%
        for row, combos in ((filters, (self.owner, self.band, self.priority)),
                            (more_filters, (self.status, self.response))):
            for combo in combos:
                row.addWidget(combo, 1)
        for widget in (self.overdue, self.exempt, self.show_closed, self.clear):
            flags.addWidget(widget)
        flags.addStretch()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(4, 4, 4, 4)
        for row in (top, filters, more_filters, flags):
            layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        return side

    def _load_choices(self) -> None:
        register = self.session.register
        choices = (("owner", self.owner, [(o.name, o.id) for o in editing.owners(register)]),
                   ("priority", self.priority,
                    [(f"{p.ref} {p.title}".strip(), p.id) for p in editing.priorities(register)]),
                   ("band", self.band, [(b.name, b.name) for b in self.session.scheme.bands]))
        for what, combo, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY_OF[what], None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        read_only = self.session.read_only
        self.new_risk.setEnabled(not read_only)
        self.delete_risk.setEnabled(not read_only)

    # -- data ------------------------------------------------------------------------------------------

    def show_listing(self, listing) -> None:
        selected = self.selected_risk()
        self.model.set_rows(listing.risks, listing.travel, getattr(listing, "rows", None),
                            getattr(listing, "travel_basis", ""))
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._show_count()
        self.select_risk(selected.id if selected else None)

    def show_update(self, update) -> None:
        """Only these risks changed: their rows are repainted in place, nothing else is read or reset."""
        if not update.risks and not update.removed:
            return  # an action edited: the overdue count moved, no row of the table
        if self.model.update_rows(update.risks, update.travel, update.removed):
            self.proxy.refilter()
        self._show_count()

    def _on_changed(self, changes: Changes) -> None:
        if changes.scheme_changed:
            self.model.set_scheme(self.session.scheme)
        if changes.touches(Kind.OWNERS, Kind.SCHEME):
            self._load_choices()

    # -- filtering -----------------------------------------------------------------------------------

    def current_filter(self) -> RiskFilter:
        return RiskFilter(text=self.search.text().strip().casefold(), owner_id=self.owner.currentData(),
                          band=self.band.currentData(), priority_id=self.priority.currentData(),
                          status=self.status.currentData(), review_overdue=self.overdue.isChecked(),
                          exempt_only=self.exempt.isChecked(), cell=self._cell, today=date.today(),
                          response=self.response.currentData(), show_closed=self.show_closed.isChecked())

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_filter(self.current_filter())
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        cell = ""
        if self._cell:
            axis, rating = self._cell
            cell = f" \u2013 {axis} cell likelihood {rating.likelihood} x impact {rating.impact}"
        closed = sum(row.risk.status == "closed" for row in self.model.rows)
        hidden = f" ({closed} closed hidden: tick Show closed)" if closed and not self.show_closed.isChecked() else ""
        self.count.setText(f"{shown} of {total} risks shown{cell}{hidden}")
        self.filtered.emit(shown)

    def clear_filters(self) -> None:
        self._cell = None
        for widget in (self.search, self.owner, self.band, self.priority, self.status, self.overdue, self.exempt,
                       self.response):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.owner, self.band, self.priority, self.status, self.response):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.exempt.setChecked(False)
        for widget in (self.search, self.owner, self.band, self.priority, self.status, self.overdue, self.exempt,
                       self.response):
            widget.blockSignals(False)
        self._filters_changed()

    def show_cell(self, axis: str, rating: Rating) -> None:
        """Only the risks whose inherent or residual score is this cell (from a dashboard heat map)."""
        self.clear_filters()
        self._cell = (axis, rating)
        self._filters_changed()

    def focus_filter(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- selection and edits ----------------------------------------------------------------------------

    def selected_risk(self) -> Risk | None:
        index = self.table.currentIndex()
        return self.proxy.risk_at(index.row()) if index.isValid() else None

    def select_risk(self, risk_id: str | None, refresh_editor: bool = True) -> None:
        row = self.proxy.proxy_row_of(risk_id) if risk_id else None
        if row is None:
            if refresh_editor:
                selected = self.selected_risk()
                self.editor.show_risk(selected.id if selected else None)
            return
        index = self.proxy.index(row, REF)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if refresh_editor:
            self.editor.show_risk(risk_id)

    def _reselect_after_sort(self, *_args) -> None:
        if self.editor.risk is not None:
            self.select_risk(self.editor.risk.id, refresh_editor=False)

    def _current_changed(self, current, _previous) -> None:
        self.editor.commit_pending()
        risk = self.proxy.risk_at(current.row()) if current.isValid() else None
        if (risk.id if risk else None) != (self.editor.risk.id if self.editor.risk else None):
            self.editor.show_risk(risk.id if risk else None)

    def add_risk(self) -> None:
        risks = [row.risk for row in self.model.rows]
        risk = Risk(title="New risk", ref=editing.next_ref(risks), next_review=None)
        error = commands.push(self.session, commands.AddRisk(self.session, risk))
        if error:
            tell(self, "New risk", error)
            return
        self.clear_filters()
        if self.model.row_for_id(risk.id) is None:  # a full load was on its way: take it now
            self.data.load_now()
        self.select_risk(risk.id)
        self.editor.tabs.setCurrentIndex(0)
        self.editor.details.title.setFocus()
        self.editor.details.title.selectAll()

    def record_review_of_selected(self) -> str | None:
        """The toolbar's Record review: the dialog for the selected risk, or why there is none."""
        if self.editor.risk is None:
            return "Choose a risk in the table first, then record its review."
        self.set_editor_shown(True)
        self.editor.open_review_dialog()
        return None

    # -- the editor pane ------------------------------------------------------------------------------

    def editor_shown(self) -> bool:
        return self.splitter.sizes()[1] > 0

    def set_editor_shown(self, shown: bool) -> None:
        """Fold the editor away (the table takes the width) or bring it back at its last width."""
        total = sum(self.splitter.sizes())
        if shown:
            width = min(self._editor_width or EDITOR_WIDTH, total // 2)
            self.splitter.setSizes([total - width, width])
        else:
            self._editor_width = self.splitter.sizes()[1] or self._editor_width
            self.splitter.setSizes([total, 0])
        self.editor_moved()

    def editor_moved(self, *_args) -> None:
        width = self.splitter.sizes()[1]
        if width:
            self._editor_width = width
        self.toggle_editor.setText("Hide editor" if width else "Show editor")

    def remove_selected(self) -> None:
        risk = self.selected_risk()
        if risk is None:
            return
        if ask(self, "Delete risk", f"Delete risk {risk.ref or risk.title} with its mitigations and review "
                                    "history? You can undo this with Ctrl+Z."):
            error = commands.push(self.session, commands.RemoveRisk(self.session, risk))
            if error:
                tell(self, "Delete risk", error)
