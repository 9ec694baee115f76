"""The plan edited in two windows: a correction, a retirement or the plan's settings saved from what this
window shows, after the other window changed that row, is refused in one sentence and changes nothing;
this window's own edits one after another are not."""
import pytest

from csp_desktop.services import plan_editing as editing
from csp_desktop.store import Register
from tests.conftest import snapshot
from tests.ui.plan.test_plan_view import _indicator, _top, session, view  # noqa: F401  (the fixtures)
from tests.services.test_plan import both_plans  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def other_window(session):  # noqa: F811
    other = Register.open(session.register.path)
    yield other
    other.close()


def _refused(view, session, edit) -> None:  # noqa: F811
    before, steps = snapshot(session.register), session.undo_stack.count()
    edit()
    assert "changed since" in view.message.text()
    assert snapshot(session.register) == before and session.undo_stack.count() == steps


def test_a_value_corrected_after_the_other_window_corrected_it_is_refused(view, session, other_window):  # noqa: F811
    crime = _indicator(session, "1.4")
    view.select("indicator", crime.indicator.id)
    editing.correct_value(other_window, crime.values[0].id, note="checked in the other window")
    _refused(view, session, lambda: view.indicator_panel.values.item(0, 1).setText("8,013"))
    assert _indicator(session, "1.4").values[0].text == "8031"


def test_this_windows_corrections_one_after_another_go_through(view, session):  # noqa: F811
    crime = _indicator(session, "1.4")
    view.select("indicator", crime.indicator.id)
    view.indicator_panel.values.item(0, 1).setText("8,013")
    view.indicator_panel.values.item(0, 1).setText("8,014")
    assert _indicator(session, "1.4").latest.value == 8014 and session.undo_stack.count() == 2


def test_retiring_a_priority_the_other_window_renamed_is_refused(view, session, other_window):  # noqa: F811
    road = _top(view, "Road Safety")
    view.tree.setCurrentItem(road)
    priority_id = view._current_key()[1]
    editing.set_fields(other_window, "priority", priority_id, {"outcomes": "Fewer people hurt on the roads"})
    _refused(view, session, lambda: view.retire_priority("Road safety becomes a cross-cutting theme"))


def test_plan_settings_the_other_window_changed_are_refused(view, session, other_window):  # noqa: F811
    editing.set_plan_info(other_window, title="Their title")
    _refused(view, session, lambda: view.apply_settings({"amber_tolerance": 0.5}))
    view.reload()  # read again, the same change goes through
    view.apply_settings({"amber_tolerance": 0.5})
    assert editing.plan_info(session.register).amber_tolerance == 0.5
