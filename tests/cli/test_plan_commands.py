"""The plan on the command line: the six shared tables in one register, then plan, priorities, indicators."""
import csv
import io
import json

import pytest

from tests.cli.test_cli import SHARED, fails_cleanly, rows_of, run


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "plans.cspreg"
    run("init", path, "--name", "Two plans")
    for name in ("herefordshire-2012", "herefordshire-2012-priorities", "herefordshire-2012-actions",
                 "herefordshire-2012-performance", "swcsp-2008-actions"):
        assert run("import", path, SHARED / f"{name}.csv").exit_code == 0
    assert run("import", path, SHARED / "swcsp-2008.csv", "--scheme", "5x5").exit_code == 0
    assert run("plan-period", path, "--start", "2011", "--end", "2014", "--year", "2").exit_code == 0
    return path


def test_plan_shows_each_priority_with_lead_agency_actions_and_indicators(plans):
    result = run("plan", plans)
    assert result.exit_code == 0, result.output
    assert "2011-2014, year two" in result.output
    assert ("Priority 2: Alcohol Harm Reduction\n"
            "  Lead: West Mercia Police and Herefordshire Public Health") in result.output
    assert "Actions: 12 (12 no date)" in result.output
    assert "Indicator 1.4 Reduce all (total) recorded crime" in result.output
    assert "target 9632; latest 8031 (to 31/01/12); RAG green" in result.output
    assert "Criminal damage" in result.output  # South Worcestershire's priorities too


def test_plan_json_holds_text_and_number(plans):
    document = json.loads(run("plan", plans, "--format", "json").output)
    iom = next(p for p in document["priorities"] if p["ref"] == "1")
    crime = next(i for i in iom["indicators"] if i["ref"] == "1.4")
    assert (crime["target"], crime["target_value"], crime["latest"],
            crime["latest_value"]) == ("9632", 9632, "8031", 8031)
    # the plan's actions have no owner yet: their priority's lead agency leads them
    assert {a["owner"] for a in iom["actions"]} == {"West Mercia Probation Trust"}
    assert not any(a["owner_named"] for a in iom["actions"])


def test_priorities_and_indicators_list(plans):
    rows = list(csv.DictReader(io.StringIO(run("priorities", plans, "--format", "csv").output)))
    assert {r["title"]: r["lead_agencies"] for r in rows}["Empowered Localities"] == "Herefordshire Council"
    rows = list(csv.DictReader(io.StringIO(run("indicators", plans, "--format", "csv").output)))
    assert [r["ref"] for r in rows] == ["1.1", "1.2", "1.3", "1.4", "2.1", "3.1", "4.1"]


def test_an_indicator_value_is_recorded_corrected_and_exported_with_its_history(plans, tmp_path):
    path = tmp_path / "copy.cspreg"
    path.write_bytes(plans.read_bytes())
    result = run("indicator-value", path, "1.4", "--period", "2011/12 Q4", "--value", "9,210")
    assert result.exit_code == 0 and "read as 9210" in result.output
    fails_cleanly(run("indicator-value", path, "1.4", "--period", "2011/12 Q4", "--value", "9,300"), "already a value")
    assert run("indicator-value", path, "1.4", "--period", "2011/12 Q4", "--value", "9,300", "--correct").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("indicators", path, "--history", "--format", "csv").output)))
    crime = [r for r in rows if r["indicator_ref"] == "1.4"]
    assert [(r["period"], r["text"], r["value"]) for r in crime] == [("to 31/01/12", "8031", "8031.0"),
                                                                    ("2011/12 Q4", "9,300", "9300.0")]


@pytest.mark.parametrize("args, words", [
    (("9.9", "--period", "2011/12 Q4", "--value", "1"), ("no indicator '9.9'",)),
    (("1.4", "--period", "2019/20 Q1", "--value", "1"), ("Indicator 1.4", "outside the plan's years")),
    (("1.4", "--period", "2011/12 Q4", "--value", "-3"), ("negative count",)),
    (("1.4", "--period", "whenever", "--value", "3"), ("is not a period",)),
    (("1.4", "--period", "2011/12 Q4", "--value", "3", "--note", "x" * 10_000), ("10,000 characters",)),
])
def test_bad_indicator_values_fail_cleanly_and_change_nothing(plans, args, words):
    before = rows_of(plans)
    fails_cleanly(run("indicator-value", plans, *args), *words)
    assert rows_of(plans) == before


def test_priorities_can_be_added_and_edited(tmp_path):
    path = tmp_path / "p.cspreg"
    run("init", path)
    assert run("priority-add", path, "Road Safety", "--ref", "4", "--lead", "West Mercia Police").exit_code == 0
    assert run("priority-edit", path, "4", "--lead", "West Mercia Police",
               "--lead", "Herefordshire Council").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("priorities", path, "--format", "csv").output)))
    assert rows[0]["lead_agencies"] == "West Mercia Police and Herefordshire Council"
    fails_cleanly(run("priority-edit", path, "9", "--title", "x"), "no priority '9'")


def test_objectives_and_themes(tmp_path):
    path = tmp_path / "p.cspreg"
    run("init", path)
    run("priority-add", path, "Alcohol Harm Reduction", "--ref", "2")
    assert run("objective-add", path, "2", "Reduce alcohol-related violence", "--ref", "2.1").exit_code == 0
    assert run("theme-add", path, "Education", "--description", "Prevention through schools").exit_code == 0
    text = run("plan", path).output
    assert "Objective 2.1 Reduce alcohol-related violence (0 actions)" in text
    assert "Cross-cutting themes\n  - Education: Prevention through schools" in text
    fails_cleanly(run("objective-add", path, "2", "  "), "needs a title")


def test_indicator_edit_sets_owner_target_and_refuses_unknown_owner(plans, tmp_path):
    path = tmp_path / "copy.cspreg"
    path.write_bytes(plans.read_bytes())
    assert run("indicator-edit", path, "1.1", "--owner", "HPEG", "--target", "20%",
               "--unit", "percentage").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("indicators", path, "--format", "csv").output)))
    assert rows[0]["target_value"] == "20.0"
    before = rows_of(path)
    fails_cleanly(run("indicator-edit", path, "1.1", "--owner", "Nobody"), "no owner called 'Nobody'")
    fails_cleanly(run("indicator-edit", path, "1.1"), "Say what to change")
    assert rows_of(path) == before
    out = tmp_path / "out"
    result = run("updates", "send", path, out, "--owner", "HPEG")
    assert result.exit_code == 0, result.output
