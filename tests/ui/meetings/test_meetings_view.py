"""The Meetings view: add and edit meetings, build a pack off the GUI thread, show it, save it, cancel."""
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtWidgets import QDialog

from csp_desktop.services.workspace import Workspace
from csp_desktop.services.packs import PackOptions
from csp_desktop.store.meetings import list_meetings
from csp_desktop.ui.meetings.meeting_dialogs import MeetingDialog, PackOptionsDialog
from csp_desktop.ui.meetings.meetings_view import MeetingsView
from csp_desktop.ui.meetings.pack_build import PackJob
from csp_desktop.ui.shell.workers import Worker
from csp_desktop.ui.shell.session import Session
from tests.pack_register import EXEMPT_REF, fill


@pytest.fixture
def view(qtbot, register):
    ids = fill(register)
    session = Session(register)
    widget = MeetingsView(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.ids = ids  # type: ignore[attr-defined]  # the filled ids ride on the view for the tests
    yield widget
    widget.worker.wait()
    widget.pdf.close_document()


class Answer:
    """A dialog stand-in whose exec() accepts, so the view's own code path runs without a modal loop."""

    def __init__(self, dialog):
        self.dialog = dialog
        dialog.exec = lambda: QDialog.DialogCode.Accepted


def test_lists_meetings(view):
    assert view.model.rowCount() == 2
    assert view.model.data(view.model.index(1, 0)) == "Partnership Executive Group"
    assert view.model.data(view.model.index(1, 1)) == "01/12/2026"


def test_add_meeting_through_the_dialog(view, register):
    dialog = MeetingDialog(parent=view)
    dialog.board.setText("Safer Ynys Môn Board")
    dialog.venue.setText("Llangefni <Room 2> & annex")
    dialog.sections["changes"].setChecked(False)
    Answer(dialog)
    view.add_meeting(dialog)
    added = [m for m in list_meetings(register) if m.board == "Safer Ynys Môn Board"]
    assert len(added) == 1 and added[0].venue == "Llangefni <Room 2> & annex"
    assert "changes" not in added[0].sections
    assert view.model.rowCount() == 3


def test_add_meeting_without_a_board_is_refused(view, register, monkeypatch):
    shown = []
    monkeypatch.setattr("csp_desktop.ui.meetings.meetings_view.tell", lambda *a: shown.append(a[2]))
    dialog = MeetingDialog(parent=view)
    Answer(dialog)
    view.add_meeting(dialog)
    assert shown == ["A meeting needs the name of the board that meets."]
    assert len(list_meetings(register)) == 2


def test_edit_meeting(view, register):
    view.table.selectRow(1)
    dialog = MeetingDialog(view.selected_meeting(), parent=view)
    dialog.chair.setText("Cllr Llŷr")
    Answer(dialog)
    view.edit_meeting(dialog)
    assert list_meetings(register)[1].chair == "Cllr Llŷr"


def test_build_pack_in_the_background_and_show_it(view, qtbot, tmp_path):
    view.table.selectRow(1)
    meeting = view.selected_meeting()
    dialog = PackOptionsDialog(meeting, issued=False, parent=view)
    dialog.part.setCurrentIndex(1)  # exempt
    Answer(dialog)
    view.build_pack(dialog)
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    assert view.pdf.document.pageCount() >= 3  # empty sections take a line, not a page
    assert view.pdf.save_button.isEnabled()
    target = tmp_path / "saved.pdf"
    view.pdf.save_as(str(target))
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert EXEMPT_REF in text and "NOT FOR PUBLICATION" in text
    assert list(view.output_dir.glob("*.pdf"))  # the shown pack, in the view's own temporary folder


def test_issue_from_the_dialog_marks_the_meeting_issued(view, qtbot):
    view.table.selectRow(1)
    dialog = PackOptionsDialog(view.selected_meeting(), issued=False, parent=view)
    dialog.issue.setChecked(True)
    Answer(dialog)
    view.build_pack(dialog)
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    assert view.model.data(view.model.index(1, 5))  # "Pack issued" shows a date
    again = PackOptionsDialog(view.selected_meeting(), issued=True, parent=view)
    assert not again.issue.isEnabled()


def _run(job):
    """Run a pack job on a worker of the shared pool and return its outcome."""
    worker, outcomes = Worker(), []
    worker.finished.connect(lambda _ticket, outcome: outcomes.append(outcome))
    worker.start(job, controlled=True)
    worker.wait()
    return outcomes[0]


def test_cancelled_build_writes_no_file(register, tmp_path, qtbot):
    fill(register)
    out = tmp_path / "never.pdf"
    worker = Worker()
    outcomes = []
    worker.finished.connect(lambda _t, outcome: outcomes.append(outcome))
    ticket = worker.start(lambda control: (control.cancel(), PackJob(Workspace.adopt(register), out, PackOptions(),
                                                                      date(2026, 11, 23))(control)),
                          controlled=True)
    worker.wait()
    assert ticket == 1 and outcomes[0].cancelled and not outcomes[0].ok
    assert not out.exists() and not list(tmp_path.glob("*.pdf"))


def test_cancel_from_the_view_stops_the_build(view, qtbot):
    import threading
    gate = threading.Event()
    view.worker.start(gate.wait)  # holds the view's worker, so the build cannot begin before Cancel
    view.start_build(PackOptions(meeting_id=view.ids["this"]))
    view.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    assert view.pdf.document.pageCount() == 0 and not list(view.output_dir.glob("*.pdf"))


def test_failed_build_reports_one_sentence(register, tmp_path, qtbot):
    workspace = Workspace.adopt(register)
    register.path.unlink()  # gone while open: the build's own connection cannot be made
    outcome = _run(PackJob(workspace, tmp_path / "x.pdf", PackOptions(), date(2026, 11, 23)))
    assert outcome.error.startswith("There is no register at")


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform, on show()
def test_the_built_pack_is_shown_and_saved_as_a_screenshot(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    view.table.selectRow(1)
    view.start_build(PackOptions(meeting_id=view.ids["this"]))
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    qtbot.waitUntil(lambda: _dark_pixels(view.pdf.view) > 50, timeout=10000)  # QPdfView renders asynchronously
    folder = Path(__file__).resolve().parents[3] / "test-screenshots"
    folder.mkdir(exist_ok=True)
    view.grab().save(str(folder / "meetings_view.png"))


def _dark_pixels(widget) -> int:
    image = widget.grab().toImage()
    return sum(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 6) for y in range(0, image.height(), 6))


def test_print_renders_every_page(view, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    view.start_build(PackOptions(meeting_id=view.ids["this"], sections=("summary", "key")))
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    view.pdf.print_to(printer)
    # cover and contents, summary, key
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == view.pdf.document.pageCount() == 3


def test_dialog_screenshots(view):
    view.table.selectRow(1)
    folder = Path(__file__).resolve().parents[3] / "test-screenshots"
    folder.mkdir(exist_ok=True)
    meeting = MeetingDialog(view.selected_meeting(), parent=view)
    options = PackOptionsDialog(view.selected_meeting(), issued=False, parent=view)
    assert meeting.board.text() == "Partnership Executive Group" and meeting.chair.text() == "Cllr Siân Ŵyn"
    assert options.options().sections == meeting.values()["sections"]
    meeting.grab().save(str(folder / "meeting_dialog.png"))
    options.grab().save(str(folder / "pack_options_dialog.png"))


def test_adding_and_editing_meetings_can_be_undone_and_redone(view, register, qtbot):
    stack = view.session.undo_stack
    dialog = MeetingDialog(parent=view)
    dialog.board.setText("Undo Board")
    dialog.when.line.selectAll()
    qtbot.keyClicks(dialog.when.line, "01/01/2030 10:00")  # listed last, after the two meetings of the fixture
    Answer(dialog)
    view.add_meeting(dialog)
    view.table.selectRow(1)
    edit = MeetingDialog(view.selected_meeting(), parent=view)
    edit.venue.setText("Moved venue")
    Answer(edit)
    view.edit_meeting(edit)
    assert stack.count() == 2
    stack.undo()
    assert [m.venue for m in list_meetings(register)][1] == "Council Chamber, Pwllheli"
    stack.undo()
    assert "Undo Board" not in [m.board for m in list_meetings(register)]
    assert view.model.rowCount() == 2
    stack.redo()
    stack.redo()
    boards = [m.board for m in list_meetings(register)]
    assert "Undo Board" in boards and list_meetings(register)[1].venue == "Moved venue"


def test_built_packs_go_with_the_view(register):
    from shiboken6 import Shiboken
    view = MeetingsView(Session(register))
    folder = view.output_dir
    (folder / "pack.pdf").write_bytes(b"%PDF")
    view.pdf.close_document()
    Shiboken.delete(view)
    assert not folder.exists()


def test_editing_a_meeting_changed_meanwhile_is_refused(view, register, monkeypatch):
    from csp_desktop.services.meetings import set_meeting
    shown = []
    monkeypatch.setattr("csp_desktop.ui.meetings.meetings_view.tell", lambda *a: shown.append(a[2]))
    view.table.selectRow(1)
    dialog = MeetingDialog(view.selected_meeting(), parent=view)
    elsewhere = list_meetings(register)[1]
    elsewhere.venue = "Changed on another laptop"
    set_meeting(register, elsewhere.id, elsewhere)
    dialog.venue.setText("Mine")
    monkeypatch.setattr(view, "selected_meeting", lambda: dialog.meeting)  # the meeting as it was read
    Answer(dialog)
    view.edit_meeting(dialog)
    assert shown and "changed since you started editing" in shown[0]
    assert list_meetings(register)[1].venue == "Changed on another laptop"
    assert view.session.undo_stack.count() == 0


def test_a_pack_builds_after_its_temporary_folder_was_removed(view, qtbot, monkeypatch):
    """The view's private folder, made once, vanished (a temp cleaner, a long-open app): the next build
    used to fail with "The folder csp-packs-... does not exist", naming a folder the user never chose."""
    import shutil
    warned = []
    monkeypatch.setattr("csp_desktop.ui.meetings.meetings_view.tell", lambda *a: warned.append(a[2]))
    shutil.rmtree(view.output_dir)
    view.table.selectRow(1)
    dialog = PackOptionsDialog(view.selected_meeting(), issued=False, parent=view)
    Answer(dialog)
    view.build_pack(dialog)
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    assert warned == [] and view.pdf.document.pageCount() >= 1
    view._failed(f"The folder {view.output_dir} does not exist, so the pack was not written.")
    assert warned and "csp-packs" not in warned[-1] and str(view.output_dir) not in warned[-1]
