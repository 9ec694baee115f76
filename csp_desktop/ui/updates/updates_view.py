"""The update round in the app: send workbooks, review every change owners propose, apply, see the log.

Decisions are held in the review table until "Apply decisions", which writes them all in one transaction.
Applying returns is not on the undo stack: it is recorded for good in the returns log and the audit trail.
"""
from __future__ import annotations

import contextlib
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
                               QProgressBar,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from ...domain.dates import show
from ...errors import UserError
from ...services import updates
from ...services import lookups
from ...services.changes import Changes, Kind
from .updates_models import RETURN_COLUMNS, ChangesModel, ProgressModel, RowsModel
from .send_dialog import SendChoice, SendDialog
from ..shell.session import Session
from ..shell.workers import Cancelled, Worker

REVIEW_TAB, LOG_TAB, PROGRESS_TAB = 0, 1, 2
SHOWN_KINDS = (Kind.RETURNS, Kind.RISKS, Kind.MITIGATIONS, Kind.ACTIONS, Kind.OWNERS)
COLUMN_WIDTHS = {"decision": 80, "outcome": 80, "flag": 70, "owner_name": 120, "item": 210, "field": 120,
                 "old_value": 170, "register_value": 170, "new_value": 230, "file_name": 160, "received": 120,
                 "owner": 170, "file": 320, "email": 220}


class ReturnsView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.review = ChangesModel(self)
        self.log = RowsModel(RETURN_COLUMNS, self)
        self.log_changes = ChangesModel(self, with_outcome=True)
        self.progress = ProgressModel(self)
        self.summary = QLabel()
        self.account = QPlainTextEdit(readOnly=True)
        self.account.setAccessibleName("What happened")
        self.account.setMaximumHeight(72)
        self.account.setPlaceholderText("What happened to each file received, and to each decision applied.")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Update round sections")
        self.tabs.addTab(self._review_tab(), "")
        self.tabs.addTab(self._log_tab(), "Returns log")
        self.tabs.addTab(self._progress_tab(), "Round progress")
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.account)
        session.changed.connect(self._register_changed)
        self.worker = Worker(self)  # sending and receiving take seconds: never on the GUI thread
        self.worker.finished.connect(self._finished)
        self.worker.progressed.connect(self._show_step)
        self._pending: dict[int, tuple] = {}
        self._cancelling = False
        self.refresh()

    # -- building ----------------------------------------------------------------------------------------

    def _top_bar(self) -> QHBoxLayout:
        heading = QLabel("<b>Quarterly update round</b>")
        self.send_button = QPushButton("Send workbooks\u2026")
        self.receive_button = QPushButton("Receive returns\u2026")
        self.send_button.clicked.connect(self._ask_send)
        self.receive_button.clicked.connect(self._ask_receive)
        for button in (self.send_button, self.receive_button):
            button.setEnabled(not self.session.read_only)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(self.summary, 1)
        self.busy_bar = QProgressBar()
        self.busy_bar.setFixedWidth(200)  # room for "Sent 30 of 30 owners" on one line
        self.busy_bar.setAccessibleName("Working")
        self.busy_bar.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop sending: the workbooks already written are removed and "
                                      "nothing is recorded.")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        bar.addWidget(self.busy_bar)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.send_button)
        bar.addWidget(self.receive_button)
        return bar

    def _review_tab(self) -> QWidget:
        self.review_table = _table(self.review)
        self.review_table.setAccessibleName("Changes the owners propose")
        self.review_table.selectionModel().selectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setAccessibleName("The selected change in full")
        self.detail.setPlaceholderText("Select a change to read the sent value, the register's value and the "
                                       "owner's words in full.")
        buttons = QHBoxLayout()
        self.apply_button = QPushButton("Apply decisions")
        for text, slot in (("Accept", lambda: self._decide_selected("accept")),
                           ("Reject", lambda: self._decide_selected("reject")),
                           ("Undecide", lambda: self._decide_selected(None)),
                           ("Accept file's clean changes", lambda: self._decide_file("accept")),
                           ("Reject whole file", lambda: self._decide_file("reject"))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setEnabled(not self.session.read_only)
        buttons.addWidget(self.apply_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.review_table)
        splitter.addWidget(self.detail)
        splitter.setSizes([400, 110])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return page

    def _log_tab(self) -> QWidget:
        self.log_table = _table(self.log)
        self.log_table.setAccessibleName("Returns received")
        self.log_table.selectionModel().selectionChanged.connect(self._show_return)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.log_table)
        changes = _table(self.log_changes)
        changes.setAccessibleName("Changes in the selected return")
        splitter.addWidget(changes)
        return splitter

    def _progress_tab(self) -> QWidget:
        export = QPushButton("Export list for chasing\u2026")
        export.clicked.connect(self._ask_export)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(export)
        page = QWidget()
        layout = QVBoxLayout(page)
        progress = _table(self.progress)
        progress.setAccessibleName("Owners and their returns")
        layout.addWidget(progress, 1)
        layout.addLayout(row)
        return page

    # -- showing -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        reg = self.session.register
        self.review.set_rows(updates.under_review(reg))
        self.log.set_rows([_log_row(r) for r in updates.returns_log(reg)])
        self.log_changes.set_rows([])
        self.progress.set_rows(updates.progress(reg))
        self.tabs.setTabText(REVIEW_TAB, f"Review changes ({self.review.waiting()} waiting)")
        self.summary.setText(_summary(self.progress.rows))

    def _register_changed(self, changes: Changes) -> None:
        # A change to what owners update can make a waiting change conflict or its "register now" stale.
        if changes.touches(*SHOWN_KINDS):
            self.refresh()

    def _show_detail(self) -> None:
        rows = self._selected_rows(self.review_table)
        if not rows:
            self.detail.clear()
            return
        c = self.review.rows[rows[0]]
        lines = [f"{c['owner_name']} \u2013 {c['file_name']}", f"{c['item']} \u2013 {c['field']}",
                 f"Sent value: {c['old_value'] or '(empty)'}", f"Register now: {c['register_value'] or '(empty)'}",
                 f"Owner's value: {c['new_value']}"]
        if c["flag"]:
            lines.append(f"Flag \u2013 {c['flag']}: {c['detail']}")
        self.detail.setPlainText("\n".join(lines))

    def _show_return(self) -> None:
        rows = self._selected_rows(self.log_table)
        if rows:
            self.log_changes.set_rows(updates.changes_of(self.session.register, self.log.rows[rows[0]]["id"]))

    # -- acting ------------------------------------------------------------------------------------------

    def send(self, choice: SendChoice) -> int | None:
        """Start writing the owners' workbooks in the background; the account shows when it is done."""
        if not choice.owners:
            self._say("Choose at least one owner to send to.")
            return None
        return self._start("send", lambda reg, control: updates.send_round(
            reg, choice.folder, owner_names=choice.owners, return_by=choice.return_by,
            progress=_send_steps(control)), choice, controlled=True)

    def cancel(self) -> None:
        """Stop every send queued or running at its next owner; the service then removes what it wrote
        and records nothing."""
        self._cancelling = True
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.busy_bar.setFormat("Cancelling\u2026")

    def receive_files(self, paths: list[Path]) -> int:
        """Start taking returned workbooks in the background; each is logged, nothing is applied yet."""
        return self._start("receive", lambda reg: [updates.receive(reg, Path(p)) for p in paths], None)

    def wait(self) -> None:
        """Block until background work is done and its result shown (closing, and tests)."""
        self.worker.wait()

    def _start(self, kind: str, work, detail, *, controlled: bool = False) -> int:
        workspace = self.session.workspace
        if controlled:
            ticket = self.worker.start(lambda control: _with_own_connection(workspace, work, control), controlled=True)
        else:
            ticket = self.worker.start(lambda: _with_own_connection(workspace, work))
        self._pending[ticket] = (kind, detail)
        self._set_working(True)
        return ticket

    def _finished(self, ticket: int, outcome) -> None:
        kind, detail = self._pending.pop(ticket, (None, None))
        self._set_working(bool(self._pending))
        if outcome.cancelled:  # cancelled before its turn came: nothing was written
            self._say(str(updates.SendCancelled()))
        elif not outcome.ok:
            self._say(outcome.message)
        elif kind == "send":
            self._say(*_sent_account(outcome.value, detail))
        elif kind == "receive":
            self._say(*(updates.account(r) for r in outcome.value))
            self.tabs.setCurrentIndex(REVIEW_TAB)
        self.session.notify(Changes.of(Kind.RETURNS))

    def _show_step(self, _ticket: int, done: int, total: int) -> None:
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(done)
        if not self._cancelling:
            self.busy_bar.setFormat(f"Sent {done} of {total} owners")

    def _set_working(self, working: bool) -> None:
        self.busy_bar.setRange(0, 0)  # moving until (and unless) the work reports steps
        self.busy_bar.setVisible(working)
        sending = any(kind == "send" for kind, _ in self._pending.values())
        self.cancel_button.setVisible(working and sending)
        self._cancelling = self._cancelling and working
        self.cancel_button.setEnabled(not self._cancelling)
        for button in (self.send_button, self.receive_button):
            button.setEnabled(not working and not self.session.read_only)

    def closeEvent(self, event) -> None:
        self.wait()
        super().closeEvent(event)

    def apply(self) -> updates.Applied | None:
        accept, reject = self.review.chosen("accept"), self.review.chosen("reject")
        if not accept and not reject:
            self._say("Nothing decided yet: mark changes Accept or Reject first.")
            return None
        with self._busy():
            result = updates.decide(self.session.register, accept, reject)
        lines = [f"Applied {len(result.applied)} change(s) and rejected {len(result.rejected)}."]
        lines += [f"Held back: {why}." for _, why in result.held[:5]]
        self._say(*lines)
        self.session.notify(result.changes)
        return result

    def _decide_selected(self, decision: str | None) -> None:
        rows = self._selected_rows(self.review_table)
        done = self.review.decide(rows, decision)
        if decision == "accept" and done < len(rows):
            self._say(f"{len(rows) - done} change(s) cannot be taken (invalid value or unmatched row); "
                      "they can only be rejected.")

    def _decide_file(self, decision: str) -> None:
        rows = self._selected_rows(self.review_table)
        if not rows:
            self._say("Select a change from the file first.")
            return
        return_id = self.review.rows[rows[0]]["return_id"]
        same = [n for n, c in enumerate(self.review.rows) if c["return_id"] == return_id
                and (decision == "reject" or not c["flag"])]
        self.review.decide(same, decision)

    def _ask_send(self) -> None:
        owners = [o.name for o in lookups.owners(self.session.register)]
        folder = self.session.register.path.parent / f"update round {date.today().isoformat()}"
        dialog = SendDialog(owners, folder, self)
        if dialog.exec() == SendDialog.DialogCode.Accepted:
            self._guarded(self.send, dialog.choice())

    def _ask_receive(self) -> None:
        folder = str(self.session.register.path.parent)
        paths, _ = QFileDialog.getOpenFileNames(self, "Receive returned workbooks", folder,
                                                "Excel workbooks (*.xlsx);;All files (*)")
        if paths:
            self._guarded(self.receive_files, [Path(p) for p in paths])

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the round's progress", "update round progress.csv",
                                              "CSV files (*.csv)")
        if path:
            self._guarded(lambda p: self._say(f"Wrote {updates.export_progress(self.progress.rows, p)}."), Path(path))

    def _guarded(self, action, *args):
        try:
            return action(*args)
        except UserError as exc:
            self._say(str(exc))
            return None

    # -- helpers -----------------------------------------------------------------------------------------

    def _say(self, *lines: str) -> None:
        self.account.setPlainText("\n".join(lines))

    @staticmethod
    def _selected_rows(table: QTableView) -> list[int]:
        return sorted({index.row() for index in table.selectionModel().selectedRows()})

    @contextlib.contextmanager
    def _busy(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    for column, (key, _) in enumerate(model.columns):
        table.setColumnWidth(column, COLUMN_WIDTHS.get(key, 110))
    return table


def _log_row(r: dict) -> dict:
    received = datetime.fromisoformat(r["received_at"]).astimezone()  # stored in UTC, read in local time
    return {**r, "received": f"{show(received)} {received:%H:%M}",
            "state": r["status"] if r["status"] == "taken" else f"refused: {r['account']}",
            **{k: r[k] or 0 for k in ("applied", "pending", "rejected", "not_taken")}}


def _summary(progress: list[dict]) -> str:
    if not progress:
        return "No workbooks sent yet."
    returned = sum(r["state"] == "returned" for r in progress)
    overdue = sum(r["state"] == "overdue" for r in progress)
    text = f"{returned} of {len(progress)} owners have returned their latest workbook"
    return text + (f"; {overdue} overdue." if overdue else ".")


def _with_own_connection(workspace, work, *control):
    """Run `work(register)` on a connection of this thread's own; SQLite connections stay on one thread."""
    with workspace.own_connection() as reg:
        return work(reg, *control)


def _send_steps(control):
    """The send's progress callback (on the pool thread): report the step, or stop as the service expects."""
    def report(done: int, total: int) -> None:
        try:
            control.step(done, total)
        except Cancelled:
            raise updates.SendCancelled() from None
    return report


def _sent_account(sent: updates.RoundSent, choice: SendChoice) -> list[str]:
    lines = [f"Sent {len(sent.files)} workbook(s) to {choice.folder}, to be returned by {show(choice.return_by)}."]
    if sent.skipped:
        lines.append(f"Nothing open to update for {', '.join(sent.skipped)}; no workbook written.")
    return lines
