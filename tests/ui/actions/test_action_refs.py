"""An action made in the app gets the next free reference, as an imported one does (it had none)."""
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from csp_desktop.services import updates
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.ui.actions.action_editor import ActionEditor
from csp_desktop.ui.actions.actions_view import ActionsView
from tests.ui.tracker_data import TODAY
from tests.conftest import known

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_a_typed_new_action_gets_the_next_free_ref_in_tracker_workbook_and_pack(qtbot, filled_session, data,
                                                                                 tmp_path):
    session, reg = filled_session, filled_session.register
    view = ActionsView(session, today=lambda: TODAY)
    qtbot.addWidget(view)
    editor = ActionEditor(session, today=TODAY)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title_edit, "Leaflet the estate about bike marking")
    editor.owner_combo.setFocus()
    qtbot.keyClicks(editor.owner_combo, "Sgt")  # the owner's name, typed into the picker
    assert editor.ref_edit.text() == ""  # the person leaves the reference empty
    qtbot.mouseClick(known(editor.findChild(QDialogButtonBox)).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert editor.saved is not None and editor.saved.ref == "A-011"  # ... are taken
    refs = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert "A-011" in refs
    sent = updates.send_round(reg, tmp_path / "out")
    book = next(f.path for f in sent.files if f.owner == "Sgt Ffion Jones")
    cells = [c.value for row in load_workbook(book)["Actions"].iter_rows() for c in row]
    assert "A-011" in cells
    pack = build_pack(reg, tmp_path / "pack.pdf", PackOptions(), TODAY)
    assert "A-011" in "".join(page.extract_text() for page in PdfReader(pack.path).pages)
    session.undo_stack.undo()
    session.undo_stack.redo()  # the redone add is the same action, with the same reference
    assert [a.ref for a in updates_actions(reg) if a.title.startswith("Leaflet")] == ["A-011"]


def updates_actions(reg):
    from csp_desktop.store.actions import list_actions
    return list_actions(reg)
