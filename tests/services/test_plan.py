"""The plan as data: the shared Herefordshire and South Worcestershire tables in one register, and edits."""
from datetime import date

import pytest

from csp_desktop.domain.model import Indicator, Priority
from csp_desktop.errors import UserError
from csp_desktop.services import plan_editing as editing
from csp_desktop.services.imports import import_file
from csp_desktop.services.plan import indicator_history, load_plan
from tests.conftest import FIXTURES, snapshot
from tests.conftest import known

SHARED = FIXTURES / "shared-registers"
ALL_SIX = ("herefordshire-2012", "herefordshire-2012-priorities", "herefordshire-2012-actions",
           "herefordshire-2012-performance", "swcsp-2008", "swcsp-2008-actions")


@pytest.fixture
def both_plans(tmp_path):
    from csp_desktop.store import Register
    reg = Register.create(tmp_path / "plans.cspreg", "Two plans")
    results = {name: import_file(reg, SHARED / f"{name}.csv") for name in ALL_SIX[:4]}
    # South Worcestershire scores in words: its own matrix, so in this register its risks are read on 5x5
    results.update({name: import_file(reg, SHARED / f"{name}.csv", scheme="5x5") for name in ALL_SIX[4:]})
    reg.results = results  # type: ignore[attr-defined]  # the imports' results ride on the register for the tests
    yield reg
    reg.close()


def _priority(summary, title):
    return next(line for line in summary.priorities if line.priority.title == title)


def test_each_priority_shows_its_lead_agencies_actions_and_indicators(both_plans):
    summary = load_plan(both_plans, date(2012, 2, 1))
    alcohol = _priority(summary, "Alcohol Harm Reduction")
    assert alcohol.lead_agencies == ["West Mercia Police", "Herefordshire Public Health"]
    assert len(alcohol.all_actions()) == 12 and len(alcohol.indicators) == 1
    iom = _priority(summary, "Integrated Offender Management (IOM)")
    assert iom.lead == "West Mercia Probation Trust" and len(iom.indicators) == 4
    assert [i.indicator.ref for i in iom.indicators] == ["1.1", "1.2", "1.3", "1.4"]
    assert len(_priority(summary, "Criminal damage").all_actions()) > 0  # South Worcestershire's


def test_reduce_all_crime_carries_its_target_and_latest_value_as_text_and_number(both_plans):
    summary = load_plan(both_plans, date(2012, 2, 1))
    iom = _priority(summary, "Integrated Offender Management (IOM)")
    crime = next(i for i in iom.indicators if i.indicator.title.startswith("Reduce all (total) recorded crime"))
    found = crime.indicator
    assert (found.target, found.target_value, found.target_period) == ("9632", 9632, "2011/12")
    assert (crime.latest.text, crime.latest.value, crime.latest.period) == ("8031", 8031, "to 31/01/12")
    assert crime.latest.period_end == date(2012, 1, 31) and crime.rag == "green"
    repeat = next(i for i in iom.indicators if "domestic violence" in i.indicator.title)
    assert (repeat.latest.value, repeat.latest.numerator, repeat.latest.denominator) == (41, 82, 200)
    assert repeat.indicator.unit == "percentage" and repeat.rag == "red"


def test_performance_table_warnings_name_the_cell(both_plans):
    warnings = both_plans.results["herefordshire-2012-performance"].warnings
    texts = [(w.row, w.column, w.message) for w in warnings]
    assert any(row == 2 and column.startswith("E") and "Qtr 1 performance expected February 2012" in message
               for row, column, message in texts)
    assert any(row == 2 and column.startswith("C") and "To achieve a 20% reduction" in message
               for row, column, message in texts)


def test_a_priority_named_only_in_the_performance_table_is_reported_not_silently_created(both_plans):
    warnings = both_plans.results["herefordshire-2012-performance"].warnings
    road = [w for w in warnings if "Road Safety" in w.message]
    assert len(road) == 1 and road[0].row == 8 and "added as a new priority" in road[0].message
    # "Priority 2: Alcohol and the Night-Time Economy" is priority 2 by number: no new priority, no warning
    assert not any("Night-Time" in w.message for w in warnings)
    titles = [line.priority.title for line in load_plan(both_plans).priorities]
    assert "Alcohol and the Night-Time Economy" not in titles


def test_a_quarter_named_in_the_cell_dates_the_value(both_plans):
    history = indicator_history(both_plans)
    treatment = next(r for r in history if r["indicator"].startswith("Increase the percentage"))
    assert (treatment["period"], treatment["value"]) == ("2011/12 Q1", 41)
    awaited = next(r for r in history if r["indicator"].startswith("Reduce Prolific"))
    assert awaited["value"] is None and awaited["text"] == "Qtr 1 performance expected February 2012"


@pytest.fixture
def plan(register):
    editing.set_plan_info(register, title="Community Safety Strategy", start_year=2011, end_year=2014, year_number=2)
    p = Priority("Alcohol Harm Reduction", ref="2")
    editing.add_priority(register, p, ["West Mercia Police"])
    ind = Indicator("Reduce assaults with less serious injury", priority_id=p.id, target="970 (Rate 5.41)")
    editing.add_indicator(register, ind)
    editing.record_value(register, ind.id, "2011/12 Q2", "798 (Rate = 4.45)")
    register.ids = (p.id, ind.id)
    return register


def test_a_wrong_value_is_corrected_in_place_and_audited(plan):
    value = known(load_plan(plan).priorities[0].indicators[0].latest)
    editing.correct_value(plan, value.id, text="812 (Rate = 4.52)")
    again = load_plan(plan).priorities[0].indicators[0]
    assert len(again.values) == 1 and (known(again.latest).value, known(again.latest).rate) == (812, 4.52)
    audit = plan.query("SELECT field, old, new FROM audit WHERE row_id = ? AND change = 'update'", [value.id])
    assert {"field": "text", "old": "798 (Rate = 4.45)", "new": "812 (Rate = 4.52)"} in audit


@pytest.mark.parametrize("period, text, note, says", [
    ("2011/12 Q2", "800", "", "already a value for 2011/12 Q2"),
    ("2016/17 Q1", "800", "", "outside the plan's years"),
    ("2011/12 Q3", "-4", "", "negative count"),
    ("2011/12 Q3", "", "", "no value to record"),
    ("2011/12 Q3", "800", "x" * 10_000, "10,000 characters long"),
    ("2011/12 Q3", "9" * 600, "", "at most 500"),
    ("someday", "800", "", "is not a period"),
    ("31/02/2012", "800", "", "does not exist"),
])
def test_bad_values_are_refused_in_one_sentence_and_change_nothing(plan, period, text, note, says):
    before = snapshot(plan)
    with pytest.raises(UserError, match=says) as refused:
        editing.record_value(plan, plan.ids[1], period, text, note, where="Indicator 2.1")
    assert str(refused.value).startswith("Indicator 2.1: ") and str(refused.value).count(". ") <= 1
    assert snapshot(plan) == before


def test_na_is_kept_as_text_with_no_number(plan):
    value = editing.record_value(plan, plan.ids[1], "2011/12 Q3", "n/a").value
    assert value.value is None and value.text == "n/a"


def test_lead_agencies_are_partner_organisations_and_editable(plan):
    editing.set_lead_agencies(plan, plan.ids[0], ["West Mercia Police", "Herefordshire Public Health"])
    line = load_plan(plan).priorities[0]
    assert line.lead_agencies == ["West Mercia Police", "Herefordshire Public Health"]
    assert line.priority.lead_agency == "West Mercia Police and Herefordshire Public Health"
    names = {r["name"] for r in plan.query("SELECT name FROM organisations")}
    assert {"West Mercia Police", "Herefordshire Public Health"} <= names


def test_edits_refuse_what_a_plan_item_cannot_hold(plan):
    before = snapshot(plan)
    for kind, changes in (("indicator", {"unit": "furlongs"}), ("indicator", {"direction": "sideways"}),
                          ("priority", {"title": "  "}), ("priority", {"colour": "red"}),
                          ("indicator", {"target_value": "lots"})):
        with pytest.raises(UserError):
            editing.set_fields(plan, kind, plan.ids[1] if kind == "indicator" else plan.ids[0], changes)
    with pytest.raises(UserError, match="not a plan period"):
        editing.set_plan_info(plan, start_year=2014, end_year=2011)
    assert snapshot(plan) == before


def test_a_target_edited_as_text_gives_its_number(plan):
    editing.set_fields(plan, "indicator", plan.ids[1], {"target": "950"})
    line = load_plan(plan).priorities[0].indicators[0]
    assert line.indicator.target_value == 950 and line.rag == "green"
    editing.set_plan_info(plan, amber_tolerance=0.0)
    editing.set_fields(plan, "indicator", plan.ids[1], {"target": "To achieve a 20% reduction"})
    assert load_plan(plan).priorities[0].indicators[0].rag is None


def test_exempt_indicators_stay_out_of_the_public_plan(plan):
    editing.set_fields(plan, "indicator", plan.ids[1], {"exempt": True})
    assert load_plan(plan, public=True).priorities[0].indicators == []
    assert len(load_plan(plan).priorities[0].indicators) == 1


def test_json_export_keeps_every_indicator_value(plan, tmp_path):
    from csp_desktop.services.exports import export_register
    from csp_desktop.store import Register
    editing.record_value(plan, plan.ids[1], "2011/12 Q3", "82/200 = 41%", "provisional")
    export_register(plan, tmp_path / "all.json")
    copy = Register.create(tmp_path / "copy.cspreg", "Copy")
    import_file(copy, tmp_path / "all.json")
    shown = lambda reg: [(v.period, v.period_end, v.text, v.value, v.numerator, v.denominator, v.rate, v.note)  # noqa: E731
                         for v in load_plan(reg).priorities[0].indicators[0].values]
    assert shown(copy) == shown(plan) and len(shown(copy)) == 2
    copy.close()


def test_the_demo_register_shows_its_indicators_with_values_and_rag(demo_register):
    summary = load_plan(demo_register)
    lines = [i for p in summary.priorities for i in p.indicators]
    assert lines and any(i.rag for i in lines)
    assert all(i.latest_text for i in lines if i.indicator.latest_label.startswith("Performance to"))


def test_changing_lead_agencies_is_audited(plan):
    editing.set_lead_agencies(plan, plan.ids[0], ["Herefordshire Council"])
    changes = {(r["tbl"], r["change"])
               for r in plan.query("SELECT tbl, change FROM audit WHERE tbl = 'priority_leads'")}
    assert changes == {("priority_leads", "insert"), ("priority_leads", "delete")}


def test_published_figures_never_raise_whatever_the_text():
    import random
    from csp_desktop.domain.plan import read_measure, read_period, PlanValueError
    rng = random.Random(15)
    alphabet = "0123456789,./=%()-+ QqtrRateper1000n/aToachieve\u2212\u2013\u00a3<>&\"'"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        measure = read_measure(text)
        assert measure.text == " ".join(text.split())
        try:
            read_period(text, 2011)
        except PlanValueError:
            pass


def test_json_export_keeps_objectives_themes_and_the_plan_period(plan, tmp_path):
    from csp_desktop.domain.model import Action
    from csp_desktop.domain.plan import Objective, Theme
    from csp_desktop.services.exports import export_register
    from csp_desktop.store import Register
    from csp_desktop.store.actions import add_action
    objective = Objective(plan.ids[0], "Reduce alcohol-related violence", ref="2.1")
    editing.add_objective(plan, objective)
    add_action(plan, Action("Safe dispersal from pubs", priority_id=plan.ids[0], objective_id=objective.id))
    editing.add_theme(plan, Theme("Education", "Schools and colleges"))
    export_register(plan, tmp_path / "all.json")
    copy = Register.create(tmp_path / "copy.cspreg", "Copy")
    import_file(copy, tmp_path / "all.json")
    line = load_plan(copy).priorities[0]
    assert [(o.objective.title, [a.title for a in o.actions]) for o in line.objectives] == [
        ("Reduce alcohol-related violence", ["Safe dispersal from pubs"])]
    summary = load_plan(copy)
    assert [t.title for t in summary.themes] == ["Education"]
    assert summary.info.label == "Community Safety Strategy 2011-2014, year two"
    copy.close()
