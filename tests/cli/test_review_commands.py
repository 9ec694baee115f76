"""`csp-desktop chase`, `history`, `cadence` and `coming-up` through click's CliRunner."""
import csv
import io
import json
from email import message_from_bytes
from email.policy import default

import pytest

from tests.services.cycle_fixture import SECRET, build_cycle_register
from tests.cli.invoke import rows_of, run


@pytest.fixture
def setup(built_register):
    return built_register(build_cycle_register)


def test_chase_writes_drafts_for_the_owners_asked(tmp_path, setup):
    path, _ = setup
    out = tmp_path / "out"
    out.mkdir()
    result = run("chase", path, out, "--owner", "Housing Partnership", "--days", "400")
    assert result.exit_code == 0, result.output
    assert "no email address: the To line is empty" in result.output and "Wrote 1 draft in" in result.output
    (eml,) = out.glob("*.eml")
    msg = message_from_bytes(eml.read_bytes(), policy=default)
    assert msg["X-Unsent"] == "1" and msg["To"] == ""
    assert len(list(out.glob("*.ics"))) == 1


@pytest.mark.parametrize("where", ["missing", "file"])
def test_chase_into_a_missing_folder_is_one_sentence(tmp_path, setup, where):
    path, _ = setup
    out = tmp_path / "nowhere"
    if where == "file":
        out.write_text("x")
    before = rows_of(path)
    result = run("chase", path, out)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and str(out) in result.output
    assert rows_of(path) == before


def test_history_of_one_item_as_csv_and_json(setup):
    path, _ = setup
    result = run("history", path, "--item", "R-02", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["item"] for r in rows] == ["Risk R-02 Funding gaps"] and rows[0]["change"] == "added"
    data = json.loads(run("history", path, "--since", "01/01/2020", "--format", "json").output)
    assert any(SECRET in r["item"] for r in data)


def test_history_public_part_leaves_exempt_items_out(setup):
    path, _ = setup
    result = run("history", path, "--part", "public", "--format", "csv")
    assert result.exit_code == 0 and SECRET not in result.output and "Secret follow-up" not in result.output
    assert "Knife crime" in result.output


@pytest.mark.parametrize("args, words", [(["--item", "R-99"], "no risk, action or meeting"),
                                         (["--since", "31/02/2026"], "--since"),
                                         (["--since", "yesterday"], "not a date")])
def test_history_bad_input_is_one_sentence(setup, args, words):
    path, _ = setup
    result = run("history", path, *args)
    assert result.exit_code == 1 and words in result.output


@pytest.mark.parametrize("value, words", [("0", "never be due"), ("120", "not being reviewed"),
                                          ("often", "number of months")])
def test_cadence_of_nothing_or_ten_years_is_refused(setup, value, words):
    path, _ = setup
    before = rows_of(path)
    result = run("cadence", path, "--set", f"High={value}")
    assert result.exit_code == 1 and words in result.output
    assert rows_of(path) == before


def test_cadence_is_shown_and_set(setup):
    path, _ = setup
    assert "Very high: monthly" in run("cadence", path).output
    result = run("cadence", path, "--set", "medium=4", "--set", "Low=24")
    assert result.exit_code == 0 and "Medium: every 4 months" in result.output
    assert run("cadence", path, "--set", "Purple=3").exit_code == 1


def test_coming_up_lists_due_and_overdue(setup):
    path, _ = setup
    result = run("coming-up", path, "--days", "30", "--part", "public", "--format", "csv")
    assert result.exit_code == 0 and "R-04 County lines" in result.output and SECRET not in result.output
