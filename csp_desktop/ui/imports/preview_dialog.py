"""The import preview: how the file was read, sheet by sheet and column by column, what is wrong with
it and what importing it will do. Every change re-reads the file on the background worker; Import runs
there too, with its steps shown and a Cancel that rolls it all back."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QProgressBar, QPushButton, QSplitter, QVBoxLayout, QWidget)

from ...services.import_mappings import Choices
from ...services.import_preview import KINDS, Preview, scale_words, scales
from ..common.accessible import named
from ..shell.workers import Worker
from .problem_list import ProblemList
from .sheet_table import SheetTable

AS_READ = ""
LEFT_OUT = "__left_out__"


class Told:
    """What a job told last (its progress, and the preview's first part), set from the worker's thread
    and read by a GUI-thread timer: a burst of reports becomes at most one repaint per tick."""

    def __init__(self):
        self.latest: tuple[int, int, str] | None = None
        self.read = None    # the preview's first part (how the file was read), once it is known
        self.shown = False  # ... and whether the window shows it yet

    def __call__(self, n: int, of: int, words: str) -> None:
        self.latest = (n, of, words)

    def was_read(self, preview) -> None:
        self.read = preview


class PreviewDialog(QDialog):
    imported = Signal(object)              # ImportResult, after a successful import
    go_to_updates = Signal()
    new_register = Signal()

    def __init__(self, register, file: Path, parent=None):
        super().__init__(parent)
        self.register, self.file = register, Path(file)  # the open workspace (or, in scripts, a path)
        self.preview: Preview | None = None
        self.choices: Choices | None = None   # None: the first reading looks for a kept mapping
        self.worker = Worker(self)
        self.worker.finished.connect(self._finished)
        self._reading = self._importing = 0
        self._cancel = threading.Event()
        self._closing = threading.Event()   # the window is closing: stop any reading at once
        self._generation = 0
        self.told = Told()
        self.told_timer = QTimer(self)
        self.told_timer.setInterval(50)
        self.told_timer.timeout.connect(self._show_told)
        self.setWindowTitle(f"Import {self.file.name}")
        self._build()
        self.resize(1300, 720)
        self.reread()

    # -- building -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #E2EFDA; color: #000000; padding: 4px; border: 1px solid #548235")
        named(self.notice, "Kept choices")
        self.notice.hide()
        self.status = QLabel(f"Reading {self.file.name}\u2026")
        named(self.status, "Reading")
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._sheets_panel())
        self.table = SheetTable()
        self.table.field_chosen.connect(self.choose_field)
        top.addWidget(self.table)
        top.setStretchFactor(1, 1)
        top.setSizes([280, 1000])
        splitter.addWidget(top)
        self.problems = ProblemList()
        self.problems.chosen.connect(self._show_problem)
        splitter.addWidget(self.problems)
        splitter.setSizes([470, 130])
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        named(self.summary, "What will happen")
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())

    def _sheets_panel(self) -> QWidget:
        panel = QWidget()
        form = QVBoxLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(QLabel("Sheets found:"))
        self.sheets = named(QListWidget(), "Sheets found")
        self.sheets.currentRowChanged.connect(self._show_sheet)
        form.addWidget(self.sheets, 1)
        fields = QFormLayout()
        self.kind = named(QComboBox(), "This sheet holds", "What the chosen sheet holds; change it to read it so.")
        self.kind.addItem("As read", AS_READ)
        for kind in KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.kind.addItem("Leave it out", LEFT_OUT)
        self.kind.activated.connect(self._kind_chosen)
        fields.addRow("This sheet holds:", self.kind)
        form.addLayout(fields)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        named(self.why, "Why it was read so")
        # Wrapped labels sit in the column itself: a QFormLayout row gave them one line's height at 768 px.
        form.addWidget(self.why)
        scale_row = QFormLayout()
        self.scale = named(QComboBox(), "Scale", "The scale the file's levels are read on.")
        self.scale.addItem("As read from the file", "")
        for size in scales():
            self.scale.addItem(size, size)
        self.scale.activated.connect(self._scale_chosen)
        scale_row.addRow("Scale:", self.scale)
        form.addLayout(scale_row)
        self.scale_labels = QLabel()
        self.scale_labels.setWordWrap(True)
        self.scale_labels.setTextFormat(Qt.TextFormat.PlainText)
        named(self.scale_labels, "Scale labels")
        form.addWidget(self.scale_labels)
        return panel

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.keep = named(QCheckBox("Keep these choices for the next file with the same headings, as:"),
                          "Keep these choices")
        self.keep_name = named(QLineEdit(self.file.stem), "Name of the kept choices")
        self.keep_name.setMaximumWidth(220)
        self.updates = named(QPushButton("Go to Owner updates"), "Go to Owner updates",
                             "Send these risks to their owners and take their returns back, change by change.")
        self.updates.clicked.connect(lambda: self._close_with(self.go_to_updates))
        self.fresh = named(QPushButton("New register\u2026"), "New register",
                           "Import the file into a fresh register instead.")
        self.fresh.clicked.connect(lambda: self._close_with(self.new_register))
        self.bar = named(QProgressBar(), "Progress", "Rows checked, or rows imported.")
        self.bar.setMaximumWidth(220)
        self.bar.hide()
        self.import_button = named(QPushButton("Import"), "Import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel = named(QPushButton("Cancel"), "Cancel")
        self.cancel.clicked.connect(self._cancel_clicked)
        w: QWidget
        for w in (self.keep, self.keep_name):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.updates, self.fresh, self.bar, self.import_button, self.cancel):
            row.addWidget(w)
        self.updates.hide()
        self.fresh.hide()
        self.import_button.setEnabled(False)
        return row

    # -- reading ----------------------------------------------------------------------------------------

    def reread(self) -> None:
        """Read the file again with the choices made so far, then check every row, in a child process (so
        the window never waits for the parsing). How it was read is shown as soon as the child tells it
        (`told.read`); a reading overtaken by a later choice, or by closing, is stopped."""
        from ...services.import_preview import build_preview_apart
        register, file, choices = self.register, self.file, self.choices
        self.import_button.setEnabled(False)
        self.status.setText(f"Reading {self.file.name}\u2026")
        self.status.show()
        stale, told = self._stale_after_this(), self._new_told()
        self._reading = self.worker.start(lambda: build_preview_apart(
            register, file, choices, on_read=told.was_read, progress=told, cancelled=stale))

    def _stale_after_this(self):
        """Asked from the worker's thread: whether this reading is no longer wanted (a later one began, or
        the window is closing)."""
        self._generation += 1
        generation, closing = self._generation, self._closing
        return lambda: closing.is_set() or self._generation != generation

    def choose_field(self, heading: str, field: str) -> None:
        choices = self._current_choices()
        choices.columns[heading] = field
        self._apply(choices)

    def _kind_chosen(self) -> None:
        view = self._current_view()
        if view is None:
            return
        choices = self._current_choices()
        value = self.kind.currentData()
        if value == AS_READ:
            choices.sheets.pop(view.key, None)
        else:
            choices.sheets[view.key] = None if value == LEFT_OUT else value
        self._apply(choices)

    def _scale_chosen(self) -> None:
        choices = self._current_choices()
        choices.scheme = self.scale.currentData()
        self._apply(choices)

    def _current_choices(self) -> Choices:
        now = self.preview.choices if self.preview is not None else Choices()
        return Choices(dict(now.columns), dict(now.sheets), now.scheme, now.name)

    def _apply(self, choices: Choices) -> None:
        self.choices = choices
        self.reread()

    def _finished(self, ticket: int, outcome) -> None:
        if ticket == self._importing:
            return self._import_done(outcome)
        if ticket != self._reading:
            return  # an older reading, overtaken by a later choice
        self._show_told()  # how it was read, if the timer had not shown it yet
        self.told_timer.stop()
        self.status.hide()
        self.bar.hide()
        if not outcome.ok:
            from ...services.import_preview import in_app_words
            self.status.setText(in_app_words(outcome.error or f"The file could not be read ({outcome.bug})."))
            self.status.show()
            self.problems.show_problems([], message=self.status.text())
            return
        self.show_checked(outcome.value)

    def show_checked(self, preview) -> None:
        self.preview = preview
        self.scale_labels.setText(scale_words(preview.result) or f"The register's scale is {preview.register_scale}.")
        for n, view in enumerate(preview.sheets):  # a guidance or matrix sheet the scale was read from
            if preview.result is not None and view.key in preview.result.scale_sheets and self.sheets.item(n):
                self.sheets.item(n).setText(f"{view.name}: read for the scale")
        self.problems.show_problems(preview.problems)
        self.summary.setText(preview.summary())
        self.updates.setVisible(bool(preview.already))
        self.fresh.setVisible(bool(preview.already))
        self.import_button.setEnabled(preview.can_import)
        self._show_sheet(self.sheets.currentRow())  # rows a problem names further down are added

    def show_preview(self, preview) -> None:
        keep_sheet = self.sheets.currentRow()
        self.preview = preview
        if preview.kept_applied:
            self.notice.setText(f"Opened with the choices kept as {preview.kept_applied!r}: this file has the same "
                                "headings as one imported before.")
            self.notice.show()
            self.keep.setChecked(True)
            self.keep_name.setText(preview.kept_applied)
        self.sheets.blockSignals(True)
        self.sheets.clear()
        for view in preview.sheets:
            self.sheets.addItem(f"{view.name}: {view.reading.kind or 'not read'}")
        first = next((n for n, v in enumerate(preview.sheets) if v.reading.kind), 0)
        self.sheets.setCurrentRow(keep_sheet if 0 <= keep_sheet < len(preview.sheets) else first)
        self.sheets.blockSignals(False)
        self._show_sheet(self.sheets.currentRow())  # once (a changed row would also have built it)
        if self.scale.findText(f"The register's own ({preview.register_scale})") < 0:
            self.scale.insertItem(1, f"The register's own ({preview.register_scale})", preview.register_scale)
        self._select(self.scale, preview.choices.scheme)
        self.scale_labels.setText(f"The register's scale is {preview.register_scale}.")
        self.problems.show_problems([], message="Checking every row: any problems found will be listed here.")
        self.summary.setText(preview.summary())
        self.import_button.setEnabled(False)

    def _current_view(self):
        row = self.sheets.currentRow()
        if self.preview is None or not 0 <= row < len(self.preview.sheets):
            return None
        return self.preview.sheets[row]

    def _show_sheet(self, _row: int) -> None:
        view = self._current_view()
        if view is None:
            return
        self.table.show_sheet(view)
        chosen = self.preview.choices.sheets.get(view.key, AS_READ) if self.preview else AS_READ
        self._select(self.kind, LEFT_OUT if chosen is None else chosen)
        from ...services.import_preview import in_app_words
        self.why.setText(in_app_words(view.reading.why if view.reading.kind is None else
                                      f"Read as {view.reading.kind}: {view.reading.why}."))

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _show_problem(self, problem) -> None:
        from ...services.import_preview import column_index
        for n, view in enumerate(self.preview.sheets if self.preview else []):
            if view.key == (problem.sheet or ""):
                self.sheets.setCurrentRow(n)
                break
        self.table.highlight(problem.row, column_index(problem.column))

    # -- importing ----------------------------------------------------------------------------------------

    def start_import(self) -> None:
        from ...services.import_preview import import_chosen
        if self.preview is None or not self.preview.can_import:
            return
        register, file, choices = self.register, self.file, self._current_choices()
        keep_as = self.keep_name.text().strip() if self.keep.isChecked() else ""
        self._cancel.clear()
        cancelled, told, book = self._cancel.is_set, self._new_told(), self.preview.book
        self.import_button.setEnabled(False)
        self._show_bar()
        self._importing = self.worker.start(lambda: import_chosen(
            register, file, choices, keep_as=keep_as, cancelled=cancelled, book=book,
            progress=told))

    def _show_bar(self) -> None:
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.show()

    def _new_told(self) -> Told:
        """A fresh holder per job, so a stopped job's last word is never shown for the next."""
        self.told = Told()
        self.told_timer.start()
        return self.told

    def _show_told(self) -> None:
        told = self.told
        if told.read is not None and not told.shown and not self._importing:
            told.shown = True
            self.show_preview(told.read)
            self.status.setText("Checking every row\u2026")
            self._show_bar()
        if told.latest is not None and self.bar.isVisible():
            self._step(*told.latest)

    def _step(self, n: int, of: int, words: str) -> None:
        """Progress of the check (rows read and tried) or of the import (rows read and written)."""
        self.bar.setRange(0, of)
        self.bar.setValue(n)
        if not self._importing:  # the check is a dry run: of its steps, only its rows mean anything to the user
            words = "Checking every row" + (f": {words[0].lower()}{words[1:]}" if "rows" in words else "")
        self.status.setText(f"{words}\u2026")
        self.status.show()

    def _close_with(self, signal) -> None:
        """Tell the window where the user goes instead of importing, then close."""
        signal.emit()
        self.reject()

    def _cancel_clicked(self) -> None:
        if self._importing:
            self._cancel.set()  # the import stops at its next step and rolls back
            self.status.setText("Cancelling\u2026")
        else:
            self.reject()

    def _import_done(self, outcome) -> None:
        from ..common.text import tell
        self._importing = 0
        self.told_timer.stop()
        self.bar.hide()
        if outcome.ok:
            self.imported.emit(outcome.value)
            self.accept()
            return
        self.import_button.setEnabled(bool(self.preview and self.preview.can_import))
        from ...services.import_preview import in_app_words
        message = in_app_words(outcome.error or f"The import failed ({outcome.bug}); see the log.")
        self.status.setText(message)
        if not self._cancel.is_set():
            tell(self, "Import", message)

    def done(self, result: int) -> None:
        if self._importing:
            self._cancel.set()  # closing the window mid-import cancels it (it rolls back)
        self._closing.set()
        self.worker.wait()  # no reading or import may outlive the dialog
        super().done(result)
