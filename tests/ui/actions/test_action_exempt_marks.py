"""The tracker marks exempt (Part II) actions, as domain.exemption decides, and the marks follow a risk's flag."""
import pytest
from PySide6.QtCore import Qt

from csp_desktop.domain.model import Action, Mitigation, Risk
from csp_desktop.store.actions import add_action
from csp_desktop.store.risks import add_mitigation, add_risk, get_risk
from csp_desktop.ui.actions.action_rows import TITLE
from csp_desktop.ui.actions.actions_view import ActionsView
from csp_desktop.ui.common.exempt_mark import EXEMPT_SUFFIX
from csp_desktop.ui.risks import risk_commands as c
from csp_desktop.ui.shell.session import Session
from tests.ui.tracker_data import TODAY
from tests.ui.windows import on_screen

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(register, qtbot):
    secret = add_risk(register, Risk("Informant at risk", ref="R-1", exempt=True, exempt_paragraph=7))
    public = add_risk(register, Risk("Funding ends", ref="R-2"))
    mitigation = add_mitigation(register, Mitigation(secret, "Move the informant"))
    for action in (Action("Direct", ref="A-1", risk_id=secret), Action("Through mitigation", ref="A-2",
                   mitigation_id=mitigation), Action("Flagged", ref="A-3", exempt=True, exempt_paragraph=2),
                   Action("Public", ref="A-4", risk_id=public), Action("Alone", ref="A-5")):
        add_action(register, action)
    widget = ActionsView(Session(register), today=lambda: TODAY)
    return on_screen(qtbot, widget, widget.model, widget.proxy, show=True)


def titles(view) -> dict[str, str]:
    return {view.proxy.index(r, 0).data(): view.proxy.index(r, TITLE).data() for r in range(view.proxy.rowCount())}


def tip(view, ref: str) -> str:
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == ref)
    return view.proxy.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)


def test_exempt_actions_are_marked_with_their_paragraph(view):
    assert titles(view) == {"A-1": "Direct" + EXEMPT_SUFFIX, "A-2": "Through mitigation" + EXEMPT_SUFFIX,
                            "A-3": "Flagged" + EXEMPT_SUFFIX, "A-4": "Public", "A-5": "Alone"}
    assert "Exempt information (Schedule 12A, paragraph 7)" in tip(view, "A-1")  # its risk's paragraph
    assert "Exempt information (Schedule 12A, paragraph 7)" in tip(view, "A-2")
    assert "Exempt information (Schedule 12A, paragraph 2)" in tip(view, "A-3")
    assert "Exempt" not in tip(view, "A-4")


def test_search_finds_part_ii_and_title_sort_ignores_the_mark(view):
    view.filter_edit.setText("part ii")
    assert sorted(titles(view)) == ["A-1", "A-2", "A-3"]
    view.filter_edit.clear()
    view.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert list(titles(view)) == ["A-5", "A-1", "A-3", "A-4", "A-2"]


def test_flipping_a_risks_flag_moves_the_marks_of_its_actions(view, register):
    session = view.session
    secret = get_risk(register, next(r.action.risk_id for r in view.model.all_rows if r.action.ref == "A-1"))
    public = get_risk(register, next(r.action.risk_id for r in view.model.all_rows if r.action.ref == "A-4"))
    session.undo_stack.push(c.SetRiskField(session, secret, "exempt", False))
    session.undo_stack.push(c.SetRiskField(session, public, "exempt", True))
    marked = {ref for ref, title in titles(view).items() if title.endswith(EXEMPT_SUFFIX)}
    assert marked == {"A-3", "A-4"}
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert {ref for ref, title in titles(view).items() if title.endswith(EXEMPT_SUFFIX)} == {"A-1", "A-2", "A-3"}


def test_an_action_moved_onto_a_new_mitigation_of_an_exempt_risk_is_marked(view, register):
    # The tracker keeps the exempt risks it read; a new mitigation makes it read them again at the next edit.
    from csp_desktop.services import action_editing, risk_editing
    secret = next(r.action.risk_id for r in view.model.all_rows if r.action.ref == "A-1")
    added = risk_editing.add_mitigation(register, Mitigation(secret, "Relocate the meeting place"))
    view.session.notify(added.changes)
    public = next(r.action for r in view.model.all_rows if r.action.ref == "A-5")
    moved = action_editing.update_action(register, public.id, {"mitigation_id": added.value.id}, public.version)
    view.session.notify(moved.changes)
    assert titles(view)["A-5"] == "Alone" + EXEMPT_SUFFIX
    assert "Exempt information (Schedule 12A, paragraph 7)" in tip(view, "A-5")
