"""The import preview driven by mouse and keyboard: change a column, a sheet's kind and the scale, a file
with errors, a kept mapping reused, undoing an import and a cancelled one; the register checked after."""
import threading

import pytest
from PySide6.QtCore import Qt

from csp_desktop.store import Register
from tests.conftest import FIXTURES, snapshot
from tests.ui.windows import SCREEN, messages, qsettings  # noqa: F401
from tests.conftest import known

# A combo box's popup asks the offscreen platform to raise it and grab the keyboard, which it cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")
REGISTERS = FIXTURES / "registers"
HEADINGS = "Risk,Likelihood,Impact,Residual likelihood,Residual impact,Probability (net)\n"


@pytest.fixture
def win(qtbot, tmp_path, qsettings, messages):  # noqa: F811
    from csp_desktop.ui.shell.main_window import MainWindow
    path = tmp_path / "r.cspreg"
    Register.create(path, "Test").close()
    window = MainWindow(qsettings)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    with qtbot.waitSignal(known(window.data).loaded if window.open_register(path) else None, timeout=10000):
        pass
    yield window
    window.close()


def quarter(tmp_path, name, *titles):
    """A CSV whose 'Probability (net)' repeats the residual likelihood: the reader cannot take it in."""
    path = tmp_path / name
    path.write_text(HEADINGS + "".join(f"{t},2,3,2,2,1\n" for t in titles), encoding="utf-8")
    return path


def open_preview(qtbot, win, file):
    win.files.preview(file)
    dialog = win.import_preview
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.checked and dialog.status.isHidden(),
                    timeout=15000)
    return dialog


def reread(qtbot, dialog, change):
    before = dialog.preview
    change()
    qtbot.waitUntil(lambda: dialog.preview is not before and dialog.preview.checked and dialog.status.isHidden(),
                    timeout=15000)


def choose_by_mouse(qtbot, combo, data):
    combo.showPopup()
    view = combo.view()
    index = view.model().index(combo.findData(data), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def choose_by_keyboard(qtbot, combo, data):
    combo.setFocus()
    while combo.currentData() != data:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def do_import(qtbot, win, dialog):
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: win.session is not None and not win.progress.isVisible(), timeout=15000)


def audit(path, table):
    with Register.open(path, read_only=True) as reg:
        return reg.query("SELECT change FROM audit WHERE tbl = ?", [table])


def test_a_column_fixed_by_mouse_imports_and_is_kept_for_next_quarter(qtbot, win, tmp_path):
    path = win.session.register.path
    dialog = open_preview(qtbot, win, quarter(tmp_path, "q1.csv", "Flooding", "Fire"))
    assert not dialog.import_button.isEnabled()  # column F names a likelihood that was not taken in
    assert dialog.preview.errors and "--" not in str(dialog.preview.errors[0])
    reread(qtbot, dialog, lambda: choose_by_mouse(qtbot, dialog.table.combos[5], "ignore"))
    assert dialog.preview.choices.columns == {"Probability (net)": "ignore"}
    assert dialog.table.combos[5].accessibleDescription() == "Read as left out: chosen by you"
    assert dialog.import_button.isEnabled() and dialog.summary.text().startswith("Adds 2 risks")
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
    dialog.keep_name.setText("Quarterly register")
    do_import(qtbot, win, dialog)
    with Register.open(path, read_only=True) as reg:
        assert sorted(r["title"] for r in reg.query("SELECT title FROM risks")) == ["Fire", "Flooding"]
        kept = reg.query("SELECT name, columns FROM import_mappings")
        assert kept == [{"name": "Quarterly register", "columns": '{"Probability (net)": "ignore"}'}]
        assert len(reg.query("SELECT * FROM import_runs")) == 1
    assert len(audit(path, "risks")) == 2 and len(audit(path, "import_mappings")) == 1
    # Next quarter: the same headings open with the kept choice applied, and say so.
    dialog = open_preview(qtbot, win, quarter(tmp_path, "q2.csv", "Drought"))
    assert dialog.preview.kept_applied == "Quarterly register" and dialog.notice.isVisible()
    assert "Quarterly register" in dialog.notice.text()
    assert dialog.import_button.isEnabled() and not dialog.preview.errors
    do_import(qtbot, win, dialog)
    assert len(audit(path, "risks")) == 3
    with Register.open(path, read_only=True) as reg:
        assert len(reg.query("SELECT * FROM import_runs")) == 2


def test_a_sheet_left_out_by_keyboard_and_a_scale_chosen(qtbot, win):
    path = win.session.register.path
    dialog = open_preview(qtbot, win, REGISTERS / "csp-plan-workbook.xlsx")
    assert [v.name for v in dialog.preview.sheets] == ["Guidance", "Priorities", "Actions", "Performance"]
    assert "1 indicator." in dialog.summary.text()
    dialog.sheets.setFocus()
    qtbot.keyClick(dialog.sheets, Qt.Key.Key_End)
    assert dialog.sheets.currentRow() == 3
    reread(qtbot, dialog, lambda: choose_by_keyboard(qtbot, dialog.kind, "__left_out__"))
    assert dialog.preview.choices.sheets == {"Performance": None}
    assert "indicators" not in dialog.summary.text() and dialog.sheets.item(3).text() == "Performance: not read"
    do_import(qtbot, win, dialog)
    with Register.open(path, read_only=True) as reg:
        assert reg.query("SELECT count(*) AS n FROM indicators")[0]["n"] == 0
        assert reg.query("SELECT count(*) AS n FROM actions")[0]["n"] == 5
    assert len(audit(path, "actions")) == 5 and audit(path, "indicators") == []


def test_the_preview_shows_the_scale_the_files_matrix_sheet_states(qtbot, win):
    dialog = open_preview(qtbot, win, REGISTERS / "bracknell-unmitigated-current.xlsx")
    shown = dialog.scale_labels.text()
    assert shown.startswith("4x4") and "the Matrix sheet's grid runs 1 to 4" in shown and "guess" not in shown
    assert not any("'Matrix'" in p.place() for p in dialog.preview.problems)  # read, so not "not read"
    listed = [dialog.sheets.item(n).text() for n in range(dialog.sheets.count())]
    assert listed[:3] == ["Cover: not read", "Guidance: read for the scale", "Matrix: read for the scale"]
    assert "the register takes the file's 4x4 scale" in dialog.summary.text()


def test_the_scale_chosen_in_the_preview_is_the_registers(qtbot, win):
    path = win.session.register.path
    dialog = open_preview(qtbot, win, REGISTERS / "south-kesteven-gross-net.csv")
    shown = dialog.scale_labels.text()  # numbers 1-4 and nothing saying so: a guess, said to be one
    assert shown.startswith("5x5") and "a guess" in shown and "choose the 4x4 scale above" in shown
    assert "--" not in shown and "the register takes a guessed 5x5 scale" in dialog.summary.text()
    reread(qtbot, dialog, lambda: choose_by_mouse(qtbot, dialog.scale, "4x4"))
    assert dialog.scale_labels.text().startswith("4x4") and dialog.import_button.isEnabled()
    do_import(qtbot, win, dialog)
    with Register.open(path, read_only=True) as reg:
        assert reg.scheme.size == "4x4"
        assert reg.query("SELECT count(*) AS n FROM risks")[0]["n"] == 2
    assert any(a["change"] == "update" for a in audit(path, "register_info"))


def test_a_file_with_errors_cannot_be_imported_and_a_problem_finds_its_cell(qtbot, win):
    path = win.session.register.path
    before = snapshot(win.session.register)
    dialog = open_preview(qtbot, win, REGISTERS / "bad-wrong-level.csv")
    assert not dialog.import_button.isEnabled()
    errors = dialog.preview.errors
    assert len(errors) == 2 and all(p.severity == "error" for p in errors)
    item = dialog.problems.item(1)
    assert item.text().startswith("Error: row 4, column C") and not item.icon().isNull()
    qtbot.mouseClick(dialog.problems.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.problems.visualItemRect(item).center())
    assert dialog.table.currentColumn() == 2
    assert dialog.table.verticalHeaderItem(dialog.table.currentRow()).text() == "4"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == before


def test_undo_last_import_restores_the_register_after_saying_what_is_lost(qtbot, win, messages, tmp_path):  # noqa: F811
    path = win.session.register.path
    before = snapshot(win.session.register)
    dialog = open_preview(qtbot, win, REGISTERS / "csp-words-3x3.csv")
    do_import(qtbot, win, dialog)
    assert len(audit(path, "risks")) == 3
    # The same risks again: refused, naming them, with the way to update them offered.
    dialog = open_preview(qtbot, win, REGISTERS / "csp-words-3x3.csv")
    assert not dialog.import_button.isEnabled() and dialog.preview.already == ["1", "2", "3"]
    assert dialog.updates.isVisible() and "Owner updates" in dialog.preview.errors[0].message
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    win.files.undo_import.trigger()
    title, text = messages[-1]
    assert title == "Undo last import" and "csp-words-3x3.csv" in text and "3 risks" in text
    qtbot.waitUntil(lambda: win.session is not None, timeout=10000)
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == before
        assert reg.query("SELECT count(*) AS n FROM audit WHERE tbl = 'risks'")[0]["n"] == 0


def test_undo_after_a_later_change_asks_first_and_a_no_keeps_everything(qtbot, win, messages):  # noqa: F811
    path = win.session.register.path
    dialog = open_preview(qtbot, win, REGISTERS / "csp-words-3x3.csv")
    do_import(qtbot, win, dialog)
    win.session.register.rename("Renamed since")
    after = snapshot(win.session.register)
    messages.answer = messages.answer.No
    win.files.undo_import.trigger()
    assert "1 other change saved since the import will be lost" in messages[-1][1]
    assert "anyway" in messages[-1][1]
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == after


def test_a_cancelled_import_changes_nothing(qtbot, win, monkeypatch):
    from csp_desktop.services import imports
    path = win.session.register.path
    before = snapshot(win.session.register)
    backups = set(path.parent.joinpath("backups").iterdir())
    backing_up, go_on = threading.Event(), threading.Event()
    real = imports.make_backup

    def slow_backup(reg, reason):
        made = real(reg, reason)
        backing_up.set()
        go_on.wait(10)
        return made

    monkeypatch.setattr(imports, "make_backup", slow_backup)
    dialog = open_preview(qtbot, win, REGISTERS / "csp-words-3x3.csv")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(backing_up.is_set, timeout=10000)
    assert dialog.bar.isVisible()
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.bar.isVisible(), timeout=10000)
    assert "cancelled; nothing was changed" in dialog.status.text()
    assert dialog.isVisible()
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == before
    assert set(path.parent.joinpath("backups").iterdir()) == backups  # its backup went with it
    dialog.reject()


def test_kept_choices_are_listed_in_settings_and_can_be_deleted(qtbot, win, messages, tmp_path):  # noqa: F811
    from csp_desktop.services.import_mappings import Choices, keep
    from csp_desktop.services.import_preview import build_preview
    file = quarter(tmp_path, "q1.csv", "Flooding")
    readings = [v.reading for v in build_preview(win.session.workspace, file).sheets]
    keep(win.session.register, "Quarterly", readings, Choices({"Probability (net)": "ignore"}))
    win.nav.setCurrentRow(next(n for n in range(win.nav.count()) if win.nav.item(n).text() == "Settings"))
    box = win.page("Settings").mappings
    box.refresh()
    assert box.list.item(0).text().startswith("Quarterly: 1 column")
    first = box.list.visualItemRect(box.list.item(0)).center()
    qtbot.mouseClick(box.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert box.delete_button.isEnabled()
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "Kept import choices"
    assert box.list.item(0).text().startswith("None kept yet")
    with Register.open(win.session.register.path, read_only=True) as reg:
        assert reg.query("SELECT * FROM import_mappings") == []
        assert [a["change"] for a in reg.query("SELECT change FROM audit WHERE tbl = 'import_mappings'")] == \
            ["insert", "delete"]


def test_a_spreadsheet_dropped_on_the_window_opens_the_preview(qtbot, win):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(REGISTERS / "csp-words-3x3.csv"))])
    pos = win.rect().center()  # (QDragEnterEvent's only constructor is deprecated: the drop itself is tested)
    win.dropEvent(QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier))
    dialog = win.import_preview
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.checked and dialog.status.isHidden(),
                    timeout=15000)
    assert dialog.windowTitle() == "Import csp-words-3x3.csv" and dialog.import_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize("name", ["bad-zip-bomb.xlsx", "bad-old-format.xls", "bad-empty-book.xlsx"])
def test_a_broken_file_is_explained_in_the_preview_and_changes_nothing(qtbot, win, name):
    before = snapshot(win.session.register)
    win.files.preview(REGISTERS / name)
    dialog = win.import_preview
    qtbot.waitUntil(lambda: "nothing was imported" in dialog.status.text() or "could not" in dialog.status.text()
                    or dialog.problems.count() and "Checking" not in dialog.problems.item(0).text(), timeout=15000)
    assert not dialog.import_button.isEnabled() and "--" not in dialog.status.text()
    dialog.reject()
    with Register.open(win.session.register.path, read_only=True) as reg:
        assert snapshot(reg) == before


def test_a_column_changed_from_the_keyboard(qtbot, win, tmp_path):
    dialog = open_preview(qtbot, win, quarter(tmp_path, "q1.csv", "Flooding"))
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Up)          # to the "Taken as" row
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_Right)   # to column F
    assert (table.currentRow(), table.currentColumn()) == (0, 5)
    qtbot.keyClick(table, Qt.Key.Key_Space)       # opens column F's drop-down
    combo = table.combos[5]
    popup = combo.view()
    assert popup.isVisible()
    popup.setCurrentIndex(popup.model().index(combo.findData("ignore"), 0))

    def enter():
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    reread(qtbot, dialog, enter)
    assert dialog.preview.choices.columns == {"Probability (net)": "ignore"} and dialog.import_button.isEnabled()
    do_import(qtbot, win, dialog)
    with Register.open(win.session.register.path, read_only=True) as reg:
        assert [r["title"] for r in reg.query("SELECT title FROM risks")] == ["Flooding"]
        assert reg.query("SELECT count(*) AS n FROM audit WHERE tbl = 'risks'")[0]["n"] == 1


def test_undo_last_import_is_offered_only_after_an_import(qtbot, win):
    from csp_desktop.ui.imports.import_flow import offer_undo
    offer_undo(win, win.files.undo_import)
    assert not win.files.undo_import.isEnabled()
    do_import(qtbot, win, open_preview(qtbot, win, REGISTERS / "csp-words-3x3.csv"))
    offer_undo(win, win.files.undo_import)
    assert win.files.undo_import.isEnabled() and "csp-words-3x3.csv" in win.files.undo_import.text()


def test_closing_the_preview_while_it_reads_stops_the_reading_at_once(qtbot, win, tmp_path):
    import time
    file = tmp_path / "big.csv"
    file.write_text(HEADINGS + "".join(f"Risk {n},2,3,2,2,1\n" for n in range(20000)), encoding="utf-8")
    before = snapshot(win.session.register)
    win.files.preview(file)
    dialog = win.import_preview
    qtbot.waitUntil(lambda: dialog.worker.busy(), timeout=5000)
    start = time.monotonic()
    dialog.reject()
    assert time.monotonic() - start < 3 and not dialog.worker.busy()
    assert snapshot(win.session.register) == before


def test_undoing_an_import_keeps_the_column_choice_made_for_it(qtbot, win, messages, tmp_path):  # noqa: F811
    path = win.session.register.path
    before = snapshot(win.session.register)
    dialog = open_preview(qtbot, win, quarter(tmp_path, "q1.csv", "Flooding"))
    reread(qtbot, dialog, lambda: choose_by_mouse(qtbot, dialog.table.combos[5], "ignore"))
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
    dialog.keep_name.setText("Quarterly")
    do_import(qtbot, win, dialog)
    win.files.undo_import.trigger()
    assert "column choices kept for the next file stay kept" in messages[-1][1]
    qtbot.waitUntil(lambda: win.session is not None, timeout=10000)
    with Register.open(path, read_only=True) as reg:
        assert reg.query("SELECT title FROM risks") == [] and reg.query("SELECT * FROM import_runs") == []
        assert reg.query("SELECT name, columns FROM import_mappings") == \
            [{"name": "Quarterly", "columns": '{"Probability (net)": "ignore"}'}]
        # The import's own insert went with the restore; the choice was saved again, on its own.
        assert [a["change"] for a in reg.query("SELECT change FROM audit WHERE tbl = 'import_mappings'")] == \
            ["insert"]
        assert reg.query("SELECT count(*) AS n FROM audit WHERE tbl = 'risks'")[0]["n"] == 0
        rest = {k: v for k, v in snapshot(reg).items() if k not in ("import_mappings", "audit")}
    assert rest == {k: v for k, v in before.items() if k not in ("import_mappings", "audit")}
    # Next quarter the same headings still open with the choice applied.
    dialog = open_preview(qtbot, win, quarter(tmp_path, "q2.csv", "Drought"))
    assert dialog.preview.kept_applied == "Quarterly" and dialog.import_button.isEnabled()
    dialog.reject()


def test_the_check_shows_the_rows_it_has_read_and_import_follows(qtbot, win, tmp_path):
    file = tmp_path / "big.csv"
    file.write_text("Risk,Likelihood,Impact\n" + "".join(f"Risk {n},2,3\n" for n in range(20000)), encoding="utf-8")
    win.files.preview(file)
    dialog = win.import_preview
    seen = set()

    def checked() -> bool:
        seen.add(dialog.status.text())
        return dialog.preview is not None and dialog.preview.checked and dialog.status.isHidden()

    qtbot.waitUntil(checked, timeout=30000)
    assert any(t.startswith("Checking every row: reading rows: ") and "of 20,000" in t for t in seen), seen
    assert not dialog.bar.isVisible() and dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("Adds 20000 risks")
    do_import(qtbot, win, dialog)
    assert len(audit(win.session.register.path, "risks")) == 20000
