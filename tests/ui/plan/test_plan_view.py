"""The Plan view on the shared Herefordshire and South Worcestershire tables: tree, panels, undoable edits."""
import pytest
from PySide6.QtCore import Qt

from csp_desktop.services.changes import Changes, Kind
from csp_desktop.services.plan import load_plan
from csp_desktop.ui.plan.plan_tree import ITEM_ROLE
from csp_desktop.ui.plan.plan_view import PlanView
from csp_desktop.ui.shell.session import Session
from tests.conftest import snapshot
from tests.services.test_plan import both_plans  # noqa: F401  (the fixture)
from tests.ui.windows import on_screen, screenshot

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def session(both_plans):  # noqa: F811
    from csp_desktop.services.plan_editing import set_plan_info
    from csp_desktop.services.risk_editing import set_risk_fields
    set_plan_info(both_plans, title="Community Safety Strategy", start_year=2011, end_year=2014, year_number=2)
    priority = next(p for p in load_plan(both_plans).priorities if p.priority.ref == "2").priority
    risk = both_plans.query("SELECT id FROM risks WHERE ref = '2'")[0]["id"]
    set_risk_fields(both_plans, risk, {"priority_id": priority.id}, None)  # the plan shows the risks that threaten it
    return Session(both_plans)


@pytest.fixture
def view(session, qtbot):
    return on_screen(qtbot, PlanView(session), show=True)


def _top(view, title):
    for n in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(n)
        if title in item.text(0):
            return item
    raise AssertionError(title)


def _indicator(session, ref):
    summary = load_plan(session.register)
    return next(i for line in summary.priorities for i in line.indicators if i.indicator.ref == ref)


def test_each_priority_shows_lead_agency_rag_and_children(view):
    assert view.heading.text() == "Community Safety Strategy 2011-2014, year two"
    alcohol = _top(view, "Alcohol Harm Reduction")
    assert alcohol.text(1) == "West Mercia Police and Herefordshire Public Health"
    assert "Actions: 12 no date" in alcohol.text(2) and "PIs: 1 green" in alcohol.text(2)
    assert alcohol.childCount() == 0  # its rows are made when it is first opened
    alcohol.setExpanded(True)
    kinds = [alcohol.child(n).data(0, ITEM_ROLE)[0] for n in range(alcohol.childCount())]
    assert kinds.count("action") == 12 and kinds.count("indicator") == 1
    risk = alcohol.child(alcohol.childCount() - 1)
    assert risk.data(0, ITEM_ROLE)[0] == "risk" and risk.text(3) == "residual 6"
    assert "Risks: 2 (6)" in alcohol.text(3)
    action = alcohol.child(0)
    assert action.text(1) == "West Mercia Police and Herefordshire Public Health"  # no owner: the lead agency
    assert action.text(2) == "No date" and action.background(2).style() == Qt.BrushStyle.NoBrush  # undated: no colour


def test_indicator_panel_charts_values_and_screenshots(view, session, qtbot):
    crime = _indicator(session, "1.4")
    assert view.select("indicator", crime.indicator.id)
    panel = view.indicator_panel
    assert view.panels.currentWidget() is panel
    assert panel.target.text() == "9632" and "RAG: Green" in panel.status.text()
    assert panel.values.item(0, 1).text() == "8031" and panel.values.item(0, 0).text() == "to 31/01/12"
    for period, value in (("2011/12 Q4", "9,100"), ("2012/13 Q1", "2,310")):
        panel.new_period.setText(period)
        qtbot.keyClicks(panel.new_value, value)
        qtbot.keyClick(panel.new_value, "\r")
    assert [v.text for v in _indicator(session, "1.4").values] == ["8031", "9,100", "2,310"]
    assert view.panels.currentWidget() is panel and panel.values.rowCount() == 3
    assert panel.chart.renderer().isValid()
    screenshot(view.window(), "plan-view-indicator")
    screenshot(panel.chart, "plan-indicator-chart")
    alcohol = _top(view, "Alcohol Harm Reduction")
    alcohol.setExpanded(True)
    view.tree.setCurrentItem(alcohol)
    screenshot(view.window(), "plan-view-priority")


def test_new_value_is_one_undo_step_and_a_refusal_changes_nothing(view, session):
    crime = _indicator(session, "1.4")
    view.select("indicator", crime.indicator.id)
    panel = view.indicator_panel
    panel.new_period.setText("2011/12 Q4")
    panel.new_value.setText("9,100")
    panel.add.click()
    assert len(_indicator(session, "1.4").values) == 2
    before = snapshot(session.register)
    panel.new_period.setText("2011/12 Q4")
    panel.new_value.setText("9,999")
    panel.add.click()
    assert view.message.isVisible() and "already a value for 2011/12 Q4" in view.message.text()
    assert snapshot(session.register) == before
    session.undo_stack.undo()
    assert len(_indicator(session, "1.4").values) == 1
    session.undo_stack.redo()
    assert [v.text for v in _indicator(session, "1.4").values] == ["8031", "9,100"]


def test_a_wrong_value_is_corrected_in_its_cell_and_undone(view, session):
    crime = _indicator(session, "1.4")
    view.select("indicator", crime.indicator.id)
    view.indicator_panel.values.item(0, 1).setText("8,013")
    assert _indicator(session, "1.4").latest.value == 8013
    session.undo_stack.undo()
    assert _indicator(session, "1.4").latest.text == "8031"


def test_priority_lead_agencies_edited_and_undone(view, session):
    line = next(p for p in load_plan(session.register).priorities if p.priority.ref == "4")
    view.select("priority", line.priority.id)
    panel = view.priority_panel
    panel.leads.setText("West Mercia Police; Herefordshire Council")
    panel.title.setText("Road Safety (cross-cutting)")
    panel.save.click()
    assert _top(view, "Road Safety (cross-cutting)").text(1) == "West Mercia Police and Herefordshire Council"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _top(view, "Road Safety").text(1) == "" and "cross-cutting" not in _top(view, "Road Safety").text(0)


def test_add_priority_and_indicator_undoably(view, session):
    view.add_priority("Reduce reoffending by young adults")
    top = _top(view, "Reduce reoffending by young adults")
    assert top.text(0).startswith("5  ")
    view.tree.setCurrentItem(top)
    view.add_indicator("Increase the number of young adults in training")
    assert load_plan(session.register).priorities[-1].indicators[0].indicator.ref == "5.1"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert not any("young adults" in p.priority.title for p in load_plan(session.register).priorities)


def test_read_only_register_cannot_be_edited(both_plans, qtbot, tmp_path):  # noqa: F811
    from csp_desktop.store import Register
    path = both_plans.path
    reg = Register.open(path, read_only=True)
    view = PlanView(Session(reg))
    qtbot.addWidget(view)
    assert not view.add_priority_button.isEnabled() and not view.indicator_panel.add.isEnabled()
    reg.close()


def test_plan_period_and_amber_tolerance_are_settings_and_undoable(view, session):
    crime = _indicator(session, "1.2")  # 41% against a target of 30%, reduce: red at 5%
    assert crime.rag == "red"
    view.apply_settings({"amber_tolerance": 0.5, "year_number": 3})
    assert view.heading.text() == "Community Safety Strategy 2011-2014, year three"
    assert _indicator(session, "1.2").rag == "amber"
    view.apply_settings({"start_year": 2014, "end_year": 2011})
    assert "not a plan period" in view.message.text()
    session.undo_stack.undo()
    assert _indicator(session, "1.2").rag == "red" and view.heading.text().endswith("year two")


def test_settings_dialog_reads_back_what_was_typed(view, qtbot):
    from csp_desktop.ui.plan.plan_settings import PlanSettingsDialog
    dialog = PlanSettingsDialog(view.summary.info, view)
    qtbot.addWidget(dialog)
    dialog.tolerance.setValue(10)
    assert dialog.changes() == {"title": "Community Safety Strategy", "start_year": 2011, "end_year": 2014,
                                "year_number": 2, "amber_tolerance": 0.1}


def test_objectives_and_themes_in_the_tree(view, session):
    from csp_desktop.domain.plan import Theme
    from csp_desktop.services.plan_editing import add_theme
    view.tree.setCurrentItem(_top(view, "Empowered Localities"))
    view.add_objective("Communities know where and how to report issues")
    top = _top(view, "Empowered Localities")
    assert top.child(0).text(0) == "Objective 3.1 Communities know where and how to report issues"
    add_theme(session.register, Theme("Education", "A programme for 18-24 year olds"))
    session.notify(Changes.of(Kind.PLAN))
    themes = _top(view, "Cross-cutting themes")
    assert themes.child(0).text(0) == "Education"
    session.undo_stack.undo()
    assert not _top(view, "Empowered Localities").child(0).text(0).startswith("Objective")


def test_an_action_is_moved_under_an_objective_undoably(view, session):
    view.tree.setCurrentItem(_top(view, "Empowered Localities"))
    view.add_objective("Communities know where and how to report issues")
    action = next(a for p in load_plan(session.register).priorities for a in p.all_actions()
                  if a.title == "Ensure that communities know where and how they can report issues")
    assert view.select("action", action.id)
    panel = view.action_panel
    assert view.panels.currentWidget() is panel
    assert "Led by: Herefordshire Council (the priority's lead" in panel.facts.text()
    panel.objective.setCurrentIndex(1)
    panel.objective.activated.emit(1)
    objective = _top(view, "Empowered Localities").child(0)
    assert objective.childCount() == 1 and objective.child(0).data(0, ITEM_ROLE) == ("action", action.id)
    assert view.tree.currentItem() is objective.child(0)  # still the action chosen, now under its objective
    session.undo_stack.undo()
    assert _top(view, "Empowered Localities").child(0).childCount() == 0


def test_retire_a_priority_then_start_the_next_plan_year(view, session):
    from csp_desktop.store.plan_years import list_years
    road = _top(view, "Road Safety")
    view.tree.setCurrentItem(road)
    view.retire_priority("  ")
    assert "Say why" in view.message.text()
    view.retire_priority("Road safety becomes a cross-cutting theme")
    assert "(retired " in _top(view, "Road Safety").text(0)
    session.undo_stack.undo()
    assert "(retired" not in _top(view, "Road Safety").text(0)
    session.undo_stack.redo()
    view.start_next_year(confirmed=True)
    assert view.heading.text().endswith("year three") and "Carried forward" in view.message.text()
    assert [y["year_number"] for y in list_years(session.register)] == [2]
    assert not session.undo_stack.canUndo()


def test_the_owner_who_supplies_an_indicator_is_chosen_in_its_panel(view, session):
    crime = _indicator(session, "1.4")
    view.select("indicator", crime.indicator.id)
    panel = view.indicator_panel
    panel.owner.setCurrentIndex(panel.owner.findText("HPEG"))
    panel.target.setText("9,500")
    panel.save.click()
    saved = _indicator(session, "1.4").indicator
    assert saved.target_value == 9500 and saved.owner_id == panel.owner.currentData()
    session.undo_stack.undo()
    assert _indicator(session, "1.4").indicator.owner_id is None
    assert _indicator(session, "1.4").indicator.target_value == 9632


def test_objectives_and_themes_are_edited_in_place_and_undone(view, session):
    from csp_desktop.domain.plan import Theme
    from csp_desktop.services.plan_editing import add_theme
    view.tree.setCurrentItem(_top(view, "Empowered Localities"))
    view.add_objective("Report issues")
    objective = _top(view, "Empowered Localities").child(0)
    view.tree.setCurrentItem(objective)
    panel = view.item_panel
    assert view.panels.currentWidget() is panel
    panel.editors[("title", True)].setPlainText("Communities know where and how to report issues")
    panel.save.click()
    assert _top(view, "Empowered Localities").child(0).text(0).endswith("where and how to report issues")
    add_theme(session.register, Theme("Education"))
    session.notify(Changes.of(Kind.PLAN))
    view.tree.setCurrentItem(_top(view, "Cross-cutting themes").child(0))
    panel.editors[("description", True)].setPlainText("A programme for 18-24 year olds")
    panel.save.click()
    assert load_plan(session.register).themes[0].description == "A programme for 18-24 year olds"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert load_plan(session.register).priorities[-2].objectives[0].objective.title == "Report issues"


def test_an_edit_elsewhere_is_read_when_the_plan_is_next_shown(view, session, monkeypatch):
    from csp_desktop.services.action_editing import add_action
    from csp_desktop.domain.model import Action
    reloads = []
    real = view.reload

    def counted_reload():
        reloads.append(1)
        real()

    monkeypatch.setattr(view, "reload", counted_reload)
    view.hide()
    session.notify(add_action(session.register, Action("Taxi marshals")).changes)  # made in the tracker
    assert reloads == []  # not while the tracker is on screen
    view.show()
    assert reloads == [1]
    session.notify(Changes.of(Kind.PLAN))
    assert reloads == [1, 1]  # on screen: at once


def test_every_column_and_its_heading_fits_the_tree_at_1366_wide(view, qtbot):
    """The last column's heading was clipped ("Latest / det") behind a sideways scroll, the RAG cut short."""
    qtbot.wait(50)
    tree, header = view.tree, view.tree.header()
    width = header.fontMetrics().horizontalAdvance
    assert sum(header.sectionSize(c) for c in range(header.count())) <= tree.viewport().width()
    assert not tree.horizontalScrollBar().isVisible()
    for column in range(header.count()):
        assert width(tree.headerItem().text(column)) + 8 <= header.sectionSize(column)
    alcohol = _top(view, "Alcohol Harm Reduction")
    assert tree.fontMetrics().horizontalAdvance("Actions: 1 amber  1 green; PIs: 1 green") <= header.sectionSize(2)
    assert header.sectionSize(0) >= header.sectionSize(2) and alcohol.text(2)
