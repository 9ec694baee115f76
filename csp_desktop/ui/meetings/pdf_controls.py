"""The pack viewer's own bar: zoom (fit width, fit page, + and -), pages ("Page 3 of 12") and find in the text."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 6.0


def _button(text: str, name: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(name)
    button.clicked.connect(slot)
    return button


class PdfControls(QWidget):
    """Drives a QPdfView; the search model belongs to the pane (the document's parent), not to the view."""

    def __init__(self, view: QPdfView, search: QPdfSearchModel, parent=None):
        super().__init__(parent)
        self.view, self.search = view, search
        self.fit_width = _button("Fit &width", "Zoom to fit the page width", self.zoom_fit_width)
        self.fit_page = _button("Fit pa&ge", "Zoom to show a whole page", self.zoom_fit_page)
        self.zoom_out = _button("\u2212", "Zoom out", lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in = _button("+", "Zoom in", lambda: self.zoom_by(ZOOM_STEP))
        self.page = QSpinBox()
        self.page.setAccessibleName("Page")
        self.page.setMinimum(1)
        self.page.editingFinished.connect(lambda: self.go_to(self.page.value()))
        self.count = QLabel()
        self.page_label = QLabel("Page")
        self.find_box = QLineEdit()
        self.find_box.setAccessibleName("Find in the pack")
        self.find_box.setPlaceholderText("Find in the pack")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.next_result)
        self.find_box.textChanged.connect(self.search.setSearchString)
        self.found = QLabel()
        self.found.setAccessibleName("Matches found")
        self.next = _button("Next", "Next match", self.next_result)
        self.next.setShortcut(QKeySequence.StandardKey.FindNext)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widget: QWidget
        for widget in (self.fit_width, self.fit_page, self.zoom_out, self.zoom_in, self.page_label, self.page,
                       self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.find_box, self.found, self.next):
            layout.addWidget(widget)
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("+") * 3 + 16)
        view.pageNavigator().currentPageChanged.connect(lambda page: self.page.setValue(page + 1))
        search.rowsInserted.connect(self._show_found)
        search.modelReset.connect(self._show_found)
        self.result = -1
        self.set_pages(0)

    def set_pages(self, pages: int) -> None:
        self.page.setMaximum(max(pages, 1))
        self.page.setValue(1)
        # No pack yet: no page box at all, rather than "Page 1 of 0" (the pane already says to build one).
        self.count.setText(f"of {pages}" if pages else "")
        self.page_label.setVisible(pages > 0)
        self.page.setVisible(pages > 0)
        self.setEnabled(pages > 0)

    # -- zoom ------------------------------------------------------------------------------------

    def zoom_fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def zoom_fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def zoom_by(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._shown_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(ZOOM_MAX, max(ZOOM_MIN, current * factor)))

    def _shown_zoom(self) -> float:
        """The zoom a fitted page is shown at, so + and - carry on from what the user sees."""
        document = self.view.document()
        width = document.pagePointSize(max(self.view.pageNavigator().currentPage(), 0)).width() if document else 0
        dpi = self.view.logicalDpiX() / 72.0
        return self.view.viewport().width() / (width * dpi) if width else 1.0

    # -- pages and search -------------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        self.view.pageNavigator().jump(page - 1, QPointF(), self.view.zoomFactor())

    def _show_found(self, *_args) -> None:
        n = self.search.rowCount(QModelIndex())
        self.result = -1
        self.found.setText(f"{n} found" if self.find_box.text() else "")

    def next_result(self) -> None:
        n = self.search.rowCount(QModelIndex())
        if not n:
            return
        self.result = (self.result + 1) % n
        link = self.search.resultAtIndex(self.result)
        self.view.setCurrentSearchResultIndex(self.result)
        self.view.pageNavigator().jump(link.page(), link.location(), self.view.zoomFactor())
        self.found.setText(f"{self.result + 1} of {n}")
