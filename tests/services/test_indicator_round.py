"""Indicators in the quarterly update round: an owner is sent the indicators they supply and returns values."""
import pytest
from openpyxl import load_workbook

from csp_desktop.domain.model import Indicator, Priority
from csp_desktop.interchange.owner_layout import FIRST_DATA_ROW, HEADER_ROW
from csp_desktop.services import plan_editing as editing
from csp_desktop.services.plan import load_plan
from csp_desktop.services.updates import receive, send_round
from tests.conftest import snapshot
from tests.services.update_helpers import build_round_register, edit_return
from tests.conftest import known


@pytest.fixture
def sent(register, tmp_path):
    people = build_round_register(register)
    editing.set_plan_info(register, start_year=2011, end_year=2014, year_number=2)
    p = Priority("Alcohol Harm Reduction", ref="2")
    editing.add_priority(register, p, ["West Mercia Police"])
    ind = Indicator("Reduce assaults with less serious injury", priority_id=p.id, ref="2.1", target="970",
                    owner_id=people["police"].id)
    editing.add_indicator(register, ind)
    editing.record_value(register, ind.id, "2011/12 Q2", "560")
    result = send_round(register, tmp_path / "out")
    path = next(f.path for f in result.files if f.owner == "Police & Crime")
    return register, path, ind


def _sheet_rows(path):
    ws = load_workbook(path)["Indicators"]
    headings = [c.value for c in ws[HEADER_ROW]]
    return [dict(zip(headings, (c.value for c in row))) for row in ws.iter_rows(min_row=FIRST_DATA_ROW)]


def test_the_owner_gets_the_indicator_with_its_last_value_and_the_next_period(sent):
    _, path, _ = sent
    (row,) = _sheet_rows(path)
    assert (row["Ref"], row["Last period"], row["Last value"], row["Period of the new value"]) == \
        ("2.1", "2011/12 Q2", "560", "2011/12 Q3")


def test_a_returned_value_is_proposed_then_recorded_under_the_owner(sent, tmp_path):
    register, path, ind = sent
    edit_return(path, {("Indicators", "2.1", "New value"): "798 (Rate = 4.45)",
                       ("Indicators", "2.1", "Commentary"): "Dispersal scheme working"})
    receipt = receive(register, path, accept_all=True)
    change = next(c for c in receipt.changes if c["tbl"] == "indicators")
    assert change["new_value"] == "2011/12 Q3: 798 (Rate = 4.45) (read as 798)" and change["flag"] == ""
    line = load_plan(register).priorities[0].indicators[0]
    latest = known(line.latest)
    assert (latest.period, latest.value, latest.rate, latest.note) == \
        ("2011/12 Q3", 798, 4.45, "Dispersal scheme working")
    audit = register.query("SELECT who FROM audit WHERE tbl = 'indicator_values' AND row_id = ?", [latest.id])
    assert audit[0]["who"].startswith("Police & Crime (return ")


@pytest.mark.parametrize("edits, says", [
    ({"New value": "-4"}, "negative count"),
    ({"New value": "800", "Period of the new value": "2019/20 Q1"}, "outside the plan's years"),
    ({"New value": "800", "Period of the new value": "2011/12 Q2"}, "already has a value for 2011/12 Q2"),
    ({"New value": "800", "Period of the new value": "next spring"}, "is not a period"),
    ({"Commentary": "Figures late from HQ"}, "without a new value"),
    ({"New value": "800", "Commentary": "x" * 10_000}, "10,000 characters long"),
])
def test_bad_returned_values_are_kept_in_the_log_but_change_nothing(sent, edits, says):
    register, path, _ = sent
    edit_return(path, {("Indicators", "2.1", heading): value for heading, value in edits.items()})
    values_before = snapshot(register)["indicator_values"]
    receipt = receive(register, path, accept_all=True)
    change = next(c for c in receipt.changes if c["tbl"] == "indicators")
    assert change["flag"] == "invalid" and says in change["detail"] and change["outcome"] == "not taken"
    assert snapshot(register)["indicator_values"] == values_before


def test_an_owner_without_indicators_gets_no_indicators_sheet_and_the_return_is_taken_back(sent, tmp_path):
    register, _, _ = sent
    other = next(p for p in (tmp_path / "out").iterdir() if "Siân" in p.name)
    wb = load_workbook(other)
    assert wb.sheetnames == ["Instructions", "Risks", "Mitigations", "Actions", "_csp"]
    steps = [c.value for c in wb["Instructions"]["A"] if c.value and c.value[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert "Indicators" not in " ".join(c.value for c in wb["Instructions"]["A"] if c.value)
    assert [s[:2] for s in steps] == ["1.", "2.", "3.", "4."] and "Save the workbook" in steps[-1]
    edit_return(other, {("Actions", "A-1", "Progress update"): "Booked for January"})
    receipt = receive(register, other, accept_all=True)
    assert receipt.notes == []
    assert [(c["tbl"], c["outcome"]) for c in receipt.changes] == [("actions", "applied")]


def test_an_indicators_sheet_the_owner_deleted_is_reported(sent, tmp_path):
    register, path, _ = sent
    wb = load_workbook(path)
    wb.remove(wb["Indicators"])
    wb.save(path)
    receipt = receive(register, path, accept_all=True)
    assert receipt.notes == ["the Indicators sheet is missing, so nothing on it was taken"]


def test_an_untouched_indicator_return_has_no_comments_and_a_note_beside_it_is_kept(sent, tmp_path):
    register, path, _ = sent
    wb = load_workbook(path)
    wb.save(tmp_path / "untouched.xlsx")
    assert receive(register, tmp_path / "untouched.xlsx", dry_run=True).changes == []
    wb["Indicators"]["M3"] = "Figure from the PCC dashboard"
    wb.save(tmp_path / "note.xlsx")
    [kept] = receive(register, tmp_path / "note.xlsx", dry_run=True).changes
    assert (kept["flag"], kept["tbl"], kept["new_value"]) == ("comment", "indicators", "Figure from the PCC dashboard")
    assert kept["detail"].startswith("Indicators M3 (2.1 Reduce assaults with less serious injury): wrote in a column")
