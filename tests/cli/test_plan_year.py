"""The annual refresh on the command line: retire with a reason, start the next year, read and print the old one."""
import json

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import fails_cleanly, rows_of, run
from tests.cli.test_plan_commands import plans  # noqa: F401  (the fixture)


@pytest.fixture
def copy(plans, tmp_path):  # noqa: F811
    path = tmp_path / "copy.cspreg"
    path.write_bytes(plans.read_bytes())
    return path


def test_start_next_plan_year_keeps_the_old_year_readable_and_printable(copy, tmp_path):
    result = run("plan-next-year", copy, "--retire", "4=Road safety becomes a cross-cutting theme for 2012-13",
                 "--add", "Reducing reoffending by young adults", "--lead", "West Mercia Probation Trust")
    assert result.exit_code == 0, result.output
    assert "Closed 2011-2014, year two; now 2011-2014, year three." in result.output
    assert "Carried forward: 53 open plan actions and 11 open risks." in result.output  # both plans
    assert "4 Road Safety: retired - Road safety becomes a cross-cutting theme" in result.output
    now = run("plan", copy).output
    assert "Retired " in now and "Priority 5: Reducing reoffending by young adults" in now
    old = json.loads(run("plan", copy, "--year", "2", "--format", "json").output)
    assert old["label"] == "2011-2014, year two"
    assert any(p["title"] == "Road Safety" and not p["retired_on"] for p in old["priorities"])
    assert {"priority": "Reducing reoffending by young adults", "decision": "added", "reason": ""} in old["decisions"]
    run("indicator-value", copy, "1.4", "--period", "2012/13 Q1", "--value", "2,100")
    out = tmp_path / "old.pdf"
    assert run("pack", copy, out, "--plan-year", "2", "--section", "performance").exit_code == 0
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "as it stood when the year was closed" in text and "Road Safety" in text and "2,100" not in text
    out_now = tmp_path / "now.pdf"
    run("pack", copy, out_now, "--section", "performance")
    text_now = " ".join(p.extract_text() for p in PdfReader(out_now).pages)
    assert "Road Safety" not in text_now and "2,100" in text_now


@pytest.mark.parametrize("args, words", [
    (("--retire", "4"), ("PRIORITY=REASON",)),
    (("--retire", "4=  "), ("Say why",)),
    (("--retire", "99=gone"), ("no live priority '99'",)),
])
def test_bad_refresh_changes_nothing(copy, args, words):
    before = rows_of(copy)
    fails_cleanly(run("plan-next-year", copy, *args), *words)
    assert rows_of(copy) == before


def test_the_last_year_cannot_be_followed_and_a_retirement_needs_a_reason(copy):
    fails_cleanly(run("plan", copy, "--year", "7"), "no closed plan year 7")
    fails_cleanly(run("priority-retire", copy, "4", "--reason", " "), "Say why")
    assert run("plan-period", copy, "--year", "3").exit_code == 0
    before = rows_of(copy)
    fails_cleanly(run("plan-next-year", copy), "last year")
    assert rows_of(copy) == before
