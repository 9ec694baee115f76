"""The views in the window's stack: each built the first time it is shown, the Dashboard's jumps into the
Risks and Actions views, and the splitter widths each view had when the register was last closed."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from .view_table import row_of


class ViewPages:
    def __init__(self, window):
        self.window = window
        self.built: dict[str, QWidget] = {}

    def page(self, title: str) -> QWidget:
        """The view called `title`, built on first use."""
        if title not in self.built:
            window = self.window
            view = window.views[row_of(window.views, title)]
            page = view.make(window.session, window.data)
            self.built[title] = page
            self._restore_splitter(view.name, page)
            window.stack.addWidget(page)
            if title == "Dashboard":
                self._connect_dashboard(page)
        return self.built[title]

    def show(self, row: int) -> None:
        window = self.window
        if window.session is None or not 0 <= row < len(window.views):
            return
        window.stack.setCurrentWidget(self.page(window.views[row].title))
        window.settings.setValue("view", row)

    def close_all(self) -> None:
        """Before the register closes: widths remembered, then every view closed and let go."""
        self._remember_splitters()
        for page in self.built.values():
            page.close()  # lets a view finish or cancel its background work (a pack being built)
            for timer in page.findChildren(QTimer):
                timer.stop()  # a count due after the last edit must not read the closed register
            self.window.stack.removeWidget(page)
            page.deleteLater()
        self.built = {}

    # -- the Dashboard's links -------------------------------------------------------------------------

    def _connect_dashboard(self, page) -> None:
        page.cell_chosen.connect(self.open_cell)
        page.risk_chosen.connect(self.open_risk)
        page.overdue_reviews_chosen.connect(self.open_overdue_reviews)
        page.action_chosen.connect(self.open_action)
        page.chase_chosen.connect(self.chase_owners)
        due_counts = self.window.due_counts
        page.coming_up.counted.connect(due_counts.setText)
        due_counts.setText(page.coming_up.found.status_text() if page.coming_up.found else "")

    def _go_to(self, title: str) -> Any:  # the view, with its own methods
        self.window.nav.setCurrentRow(row_of(self.window.views, title))
        return self.page(title)

    def open_cell(self, axis: str, rating) -> None:
        self._go_to("Risks").show_cell(axis, rating)

    def open_risk(self, risk_id: str) -> None:
        risks = self._go_to("Risks")
        risks.clear_filters()
        risks.select_risk(risk_id)

    def open_overdue_reviews(self) -> None:
        risks = self._go_to("Risks")
        risks.clear_filters()
        risks.overdue.setChecked(True)

    def open_action(self, action_id: str) -> None:
        self._go_to("Actions").show_action(action_id)

    def chase_owners(self) -> None:
        from ..dashboard.chase_dialog import chase_owners
        chase_owners(self.window, self.window.session)

    # -- remembered widths -----------------------------------------------------------------------------

    def _restore_splitter(self, name: str, page: QWidget) -> None:
        """A view with a `splitter` (the Risks view's table and editor) gets back the widths last left."""
        state = self.window.settings.value(f"splitter/{name}")
        splitter = getattr(page, "splitter", None)
        if splitter is not None and state is not None:
            splitter.restoreState(state)
            if hasattr(page, "editor_moved"):
                page.editor_moved()

    def _remember_splitters(self) -> None:
        for page in self.built.values():
            splitter = getattr(page, "splitter", None)
            if splitter is not None:
                self.window.settings.setValue(f"splitter/{type(page).__name__}", splitter.saveState())
