"""A built pack shown in the app: zoom, pages and find (pdf_controls), Save as, Print and Open in the system viewer."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..common.status import say
from ..common.text import tell
from .pdf_controls import PdfControls


class PdfPane(QWidget):
    saved = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: Path | None = None
        self.suggested = ""  # the name Save as proposes ("PEG 2027-03-15 Part I.pdf")
        self.caption = QLabel("Build a pack to see it here.", self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("The pack")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # The document's parent is this pane, not the view: QtPdf 6.12 crashes when a QPdfView destroys a
        # QPdfDocument it is still showing (seen on closing the window); we also close it before the pane goes.
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.destroyed.connect(self.document.close)
        self.search = QPdfSearchModel(self)  # also the pane's, for the same reason
        self.search.setDocument(self.document)
        self.view.setSearchModel(self.search)
        self.controls = PdfControls(self.view, self.search, self)
        self.save_button = QPushButton("Save as\u2026", self)
        self.print_button = QPushButton("Print\u2026", self)
        self.open_button = QPushButton("Open in system viewer", self)
        for button, slot in ((self.save_button, self.save_as), (self.print_button, self.print_pack),
                             (self.open_button, self.open_external)):
            button.clicked.connect(slot)
            button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.caption, 1)
        for button in (self.save_button, self.print_button, self.open_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.controls)
        layout.addWidget(self.view, 1)

    def show_pdf(self, path: Path, caption: str, suggested: str = "") -> bool:
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            tell(self, "Pack", f"The pack was written to {path} but cannot be shown here ({error.name}).")
            return False
        self.path = Path(path)
        self.suggested = suggested or self.path.name
        self.caption.setText(caption)
        self.controls.set_pages(self.document.pageCount())
        self.controls.zoom_fit_width()
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(True)
        return True

    def close_document(self) -> None:
        self.document.close()
        self.controls.set_pages(0)

    def save_as(self, target: str | None = None) -> None:
        if self.path is None:  # no pack shown yet
            return
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, "Save pack as", str(Path.home() / self.suggested),
                                                    "PDF (*.pdf)")
        if not target:
            return
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            tell(self, "Pack", f"The pack could not be saved to {target} ({exc.strerror}).")
            return
        self.saved.emit(target)
        say(self, f"Pack saved to {target}")

    def print_pack(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution, fitted to its page."""
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport().size()
                size = self.document.pagePointSize(page).toSize().scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, self.document.render(page, size))
        finally:
            painter.end()

    def open_external(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

