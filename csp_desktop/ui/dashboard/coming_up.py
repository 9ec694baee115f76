"""The "Coming up" panel: what falls due before the next meeting, and who is late.

Read straight from the register's date indexes when shown (not through the risk loader), so it
appears with the window even on a register of tens of thousands of actions.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...domain.dates import show
from ...errors import UserError
from ...services.changes import Kind
from ...services.coming_up import (ACTION, KIND_WORDS, Item, Overview, OwnerGroup, by_organisation, due_between,
                                   overdue_of, overview)
from ..common.accessible import named
from ..common.exempt_mark import EXEMPT_SUFFIX
from ..common.text import plain_tooltip

ITEM_ROLE = Qt.ItemDataRole.UserRole
WINDOWS = (("Before the next meeting", None), ("Next 7 days", 7), ("Next 14 days", 14), ("Next 28 days", 28),
           ("Next 60 days", 60), ("Next 90 days", 90))
LATE = QColor("#C00000")
EXPAND_ALL_UP_TO = 300
MORE = "more"
REFRESH_ON = (Kind.RISKS, Kind.ACTIONS, Kind.MEETINGS, Kind.OWNERS, Kind.CHASE, Kind.CADENCE)
RECOUNT_AFTER_MS = 300


class ComingUpPanel(QWidget):
    risk_chosen = Signal(str)
    action_chosen = Signal(str)
    chase_chosen = Signal()
    counted = Signal(str)  # the one-line summary for the window's status bar

    def __init__(self, session, parent=None, *, today=date.today):
        super().__init__(parent)
        self.session, self.today = session, today
        self.found: Overview | None = None
        self.setAccessibleName("Coming up")
        self.window_combo = named(QComboBox(), "Show what falls due",
                                  "Before the next meeting, or within a number of days")
        for text, days in WINDOWS:
            self.window_combo.addItem(text, days)
        # the longest choice whole, with room for the arrow (it is the first one shown)
        longest = max(self.window_combo.fontMetrics().horizontalAdvance(text) for text, _d in WINDOWS)
        self.window_combo.setMinimumWidth(longest + 40)
        self.window_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.heading = named(QLabel(), "What is shown")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.chase_button = named(QPushButton("&Chase owners\u2026"), "Chase owners",
                                  "Write an email draft for each owner with items due or overdue")
        self.chase_button.clicked.connect(self.chase_chosen)
        self.tree = self._tree()
        top = QHBoxLayout()
        caption = QLabel("&Show:")
        caption.setBuddy(self.window_combo)
        for widget in (caption, self.window_combo):
            top.addWidget(widget)
        top.addWidget(self.heading, 1)
        top.addWidget(self.chase_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self._later = QTimer(self, singleShot=True, interval=RECOUNT_AFTER_MS)
        self._later.timeout.connect(self.reload)
        session.changed.connect(self._on_changed)
        self.reload()

    def _tree(self) -> QTreeWidget:
        tree = named(QTreeWidget(), "Items coming up and overdue: press Enter to open one")
        tree.setColumnCount(5)
        tree.setHeaderLabels(("Item", "What", "Due", "Owner", "Organisation"))
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setUniformRowHeights(True)  # quick to lay out with thousands of rows
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 90), (3, 170), (4, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            tree.setColumnWidth(column, width)
        tree.itemActivated.connect(self._open)
        tree.itemExpanded.connect(self._fill_owner)
        return tree

    # -- showing ---------------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.session.workspace.closed:
            return  # a recount due just as the register closed (a restore, File > Close) has nothing to count
        try:
            self.found = overview(self.session.register, self.today(), self.window_combo.currentData())
        except UserError as exc:
            self.heading.setText(str(exc))
            return
        self._show(self.found)
        self.counted.emit(self.found.status_text())

    def _on_changed(self, changes) -> None:
        # Counted again a moment after the last change, not inside it: an edit's own row repaints first,
        # and a run of edits (an import, a remap, typing in the editor) is counted once.
        if changes.touches(*REFRESH_ON):
            self._later.start()

    def _show(self, found: Overview) -> None:
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        meeting = (f"the {found.meeting['board']} on {show(found.meeting_date)}"
                   if found.meeting and self.window_combo.currentData() is None else "")
        self.heading.setText(f"Due by {show(found.until)}" + (f", {meeting}" if meeting else "")
                             + f". Today is {show(found.today)}.")
        due = self._section(f"Due by {show(found.until)} ({found.due_total:,})")
        self._add_rows(due, found.due)
        if found.due_total > len(found.due):
            more = QTreeWidgetItem([f"\u2026 {found.due_total - len(found.due):,} more: press Enter to show them all"])
            more.setData(0, ITEM_ROLE, MORE)
            due.addChild(more)
        late_count = sum(g.count for g in found.overdue)
        late = self._section(f"Overdue ({late_count:,}), by organisation and owner")
        # Every owner's items open at a glance, unless there are so many that owners are the useful view:
        # then an owner's items are made when the owner is opened, so a big register shows at once.
        eager = late_count <= EXPAND_ALL_UP_TO
        for organisation, groups in by_organisation(found.overdue).items():
            org = QTreeWidgetItem([f"{organisation} ({sum(g.count for g in groups):,})"])
            late.addChild(org)
            for group in groups:
                chased = f" \u2013 chased on {group.chased_at:%d/%m}" if group.chased_at else ""
                owner = QTreeWidgetItem([f"{group.owner_name}: {group.count:,} overdue{chased}"])
                owner.setToolTip(0, plain_tooltip(owner.text(0)) or "")
                owner.setData(0, ITEM_ROLE, group)
                owner.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                org.addChild(owner)
                if eager:
                    self._fill_owner(owner)
        self.tree.expandAll() if eager else self.tree.expandToDepth(1)
        self.tree.setUpdatesEnabled(True)

    def _add_rows(self, parent: QTreeWidgetItem, items: list[Item]) -> None:
        parent.addChildren([self._row(item) for item in items])

    def _fill_owner(self, owner: QTreeWidgetItem) -> None:
        """An owner's overdue items, read from the register the first time the owner is opened."""
        group = owner.data(0, ITEM_ROLE)
        if isinstance(group, OwnerGroup) and owner.childCount() == 0 and self.found is not None:
            self._add_rows(owner, overdue_of(self.session.register, group.owner_id, self.found.today))

    def _section(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        font = QFont(self.tree.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        return item

    def _row(self, item: Item) -> QTreeWidgetItem:
        label = item.label + (EXEMPT_SUFFIX if item.exempt else "")
        row = QTreeWidgetItem([label, KIND_WORDS[item.kind], show(item.due), item.owner_name or "(no owner)",
                               item.organisation])
        row.setData(0, ITEM_ROLE, item)
        row.setToolTip(0, plain_tooltip(label) or "")
        if item.overdue:
            row.setForeground(2, QBrush(LATE))
        return row

    def _open(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE)
        if item == MORE and self.found is not None:
            parent = row.parent()
            assert parent is not None  # the "more" row sits under its group
            parent.takeChildren()
            self._add_rows(parent, due_between(self.session.register, self.found.today, self.found.until))
        elif isinstance(item, Item):
            (self.action_chosen if item.kind == ACTION else self.risk_chosen).emit(item.id)
