"""The Meetings view: the board's meetings, add and edit them, and build, show, save and print their packs."""
from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QProgressBar, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from ...domain.model import Meeting
from ...domain.pack_names import PART_WORDS, pack_file_name
from ...errors import UserError
from ...services.changes import Changes
from ...services.meetings import meeting_rows, meetings_of, new_meeting
from ...services.packs import PackOptions, issue
from .meeting_commands import AddMeetingCommand, EditMeetingCommand
from .meeting_dialogs import MeetingDialog, PackOptionsDialog
from .pack_build import PackJob
from ..shell.workers import Worker
from .pdf_pane import PdfPane
from ..history.history_tab import HistoryTab
from ..common.status import say
from ..common.text import tell
from ..shell.undoable import push

COLUMNS = (("board", "Board"), ("date", "Date"), ("time", "Time"), ("venue", "Venue"), ("marking", "Marking"),
           ("issued", "Pack issued"))


class MeetingsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = COLUMNS[index.column()][0]
        value = self.rows[index.row()][key]
        if key in ("date", "issued") and value:
            return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        return value

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None


class MeetingsView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.build: int | None = None  # the ticket of the pack being built
        self.worker = Worker(self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        # Built packs wait in a private temporary folder until saved; not kept after the view goes.
        self.output_dir = Path(tempfile.mkdtemp(prefix="csp-packs-"))
        folders = self._folders = [str(self.output_dir)]
        self.destroyed.connect(lambda *_: _remove(folders))
        self.model = MeetingsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Meetings")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _: self.edit_meeting())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_history())
        self.add_button = QPushButton("Add meeting\u2026", self)
        self.edit_button = QPushButton("Edit meeting\u2026", self)
        self.pack_button = QPushButton("Build pack\u2026", self)
        self.add_button.clicked.connect(lambda: self.add_meeting())
        self.edit_button.clicked.connect(lambda: self.edit_meeting())
        self.pack_button.clicked.connect(lambda: self.build_pack())
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel_build)
        self.pdf = PdfPane(self)
        self.changes = HistoryTab(session, "meetings")
        self._layout()
        self._set_building(False)
        session.changed.connect(self._changed)
        self.refresh()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.pack_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.cancel_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setAccessibleName("Meeting pack and history")
        self.lower_tabs.addTab(self.pdf, "&Pack")
        self.lower_tabs.addTab(self.changes, "Histor&y")
        splitter.addWidget(self.lower_tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([160, 480])  # the pack gets most of the height; the meetings list scrolls
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- meetings ---------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.meetings_changed:
            self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(meeting_rows(self.session.register))
        self.table.resizeColumnsToContents()
        self._show_history()

    def _show_history(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.changes.show_item(self.model.rows[rows[0].row()]["id"] if rows else None)

    def selected_meeting(self) -> Meeting | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        wanted = self.model.rows[rows[0].row()]["id"]
        return next((m for m in meetings_of(self.session.register) if m.id == wanted), None)

    def add_meeting(self, dialog: MeetingDialog | None = None) -> None:
        dialog = dialog or MeetingDialog(parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._push(lambda: AddMeetingCommand(self.session, new_meeting(**dialog.values())))

    def edit_meeting(self, dialog: MeetingDialog | None = None) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        dialog = dialog or MeetingDialog(meeting, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def command():
            typed = new_meeting(**dialog.values())
            typed.id, typed.version = meeting.id, meeting.version
            return EditMeetingCommand(self.session, meeting, typed)
        self._push(command)

    def _push(self, make_command) -> None:
        """Check what was typed (new_meeting), then save it as one undoable step; say why if refused."""
        try:
            error = push(self.session, make_command())
        except UserError as exc:
            error = str(exc)
        if error:
            tell(self, "Meeting", error)

    # -- packs ------------------------------------------------------------------------------------

    def build_pack(self, dialog: PackOptionsDialog | None = None) -> None:
        meeting = self.selected_meeting()
        issued = bool(meeting and next(r for r in self.model.rows if r["id"] == meeting.id)["issued"])
        dialog = dialog or PackOptionsDialog(meeting, issued, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_build(dialog.options())

    def start_build(self, options: PackOptions) -> int | None:
        """Issue first on this thread if asked (a write), then build read-only in the background."""
        if self.build is not None:
            return None
        today = date.today()
        if options.issue and options.meeting_id:  # (the dialog offers issuing only for a meeting)
            try:
                issued = issue(self.session.register, options.meeting_id, today)
            except UserError as exc:
                tell(self, "Pack", str(exc))
                return None
            self.session.notify(issued)
        out = self._pack_folder() / f"pack-{options.part}-{today:%Y%m%d}-{id(options):x}.pdf"
        self._offered_name = self._pack_name(options)
        self.pdf.close_document()
        job = PackJob(self.session.workspace, out, PackOptions(
            meeting_id=options.meeting_id, part=options.part, marking=options.marking, sections=options.sections),
            today)
        self._set_building(True)
        self.build = self.worker.start(job, controlled=True)
        return self.build

    def _pack_folder(self) -> Path:
        """The private folder, made again for each build: a temp cleaner (or a long-open app) may have
        removed it, and a build must not fail over a folder the user never chose."""
        try:
            self.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.output_dir = Path(tempfile.mkdtemp(prefix="csp-packs-"))
            self._folders.append(str(self.output_dir))
        return self.output_dir

    def cancel_build(self) -> None:
        if self.build is not None:
            self.worker.cancel(self.build)

    def _progressed(self, ticket: int, done: int, total: int) -> None:
        if ticket == self.build:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _pack_name(self, options: PackOptions) -> str:
        """The name Save as offers: the meeting's board (short) and date, and the part."""
        row = next((r for r in self.model.rows if r["id"] == options.meeting_id), None)
        held_on = date.fromisoformat(row["date"]) if row else None
        return pack_file_name(row["board"] if row else None, held_on, PART_WORDS.get(options.part, "Parts I and II"))

    def _failed(self, message: str) -> None:
        if str(self.output_dir) in message:  # the user never chose this folder: do not name it
            message = ("The pack could not be written to the app's working folder for packs; "
                       "build it again, or check the disk has space.")
        tell(self, "Pack", message)

    def _finished(self, ticket: int, outcome) -> None:
        if ticket != self.build:
            return
        self.build = None
        self._set_building(False)
        if outcome.ok:
            self._built(outcome.value.path, outcome.value.pages)
        elif not outcome.cancelled:
            self._failed(outcome.message)

    def _built(self, path, pages: int) -> None:
        part = "Part II (exempt)" if "-exempt-" in Path(path).name else "Part I (public)"
        self.pdf.show_pdf(Path(path), f"{part}: {pages} pages", self._offered_name)
        say(self, f"Pack built: {part}, {pages} pages.")

    def _set_building(self, building: bool) -> None:
        self.progress.setVisible(building)
        self.cancel_button.setVisible(building)
        self.progress.setValue(0)
        for button in (self.add_button, self.edit_button, self.pack_button):
            button.setEnabled(not building)

    def closeEvent(self, event) -> None:
        if self.build is not None:
            self.worker.cancel()
            self.worker.wait()
        self.pdf.close_document()
        super().closeEvent(event)


def _remove(folders: list[str]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
