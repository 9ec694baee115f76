"""A performance table as councils publish it, hostile and odd cells included: each figure's text kept, a number
read where one plainly leads, and a warning naming the cell otherwise; a refused file changes nothing."""
import csv

import pytest

from csp_desktop.interchange.problems import ReadError
from csp_desktop.services.imports import import_file
from csp_desktop.services.plan import indicator_history, load_plan
from tests.conftest import snapshot

HEADER = ["Priority", "Performance Indicator", "2012/13 Target", "Data Source", "Performance to 31/12/12"]
ROWS = [
    ["Priority 1: Violence", "Reduce violence with injury", "To achieve a 20% reduction in violence",
     "Police", "1,204"],
    ["Priority 1: Violence", "Increase victims feeling safe", "65%", "Survey", "57%"],
    ["Priority 1: Violence", "Reduce assaults per 1,000 population", "5.1 per 1,000", "Police", "4.8 per 1,000"],
    ["Priority 2: Drugs", "Increase drug-free exits", "30%", "NDTMS", "n/a"],
    ["Priority 2: Drugs", "Reduce drug-related deaths", "12", "ONS", "-3"],
    ["Priority 2: Drugs", "Reduce repeat referrals", "=1+1", "MARAC", "82/200 = 41%"],
]


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER] + rows)
    return path


@pytest.fixture
def imported(register, tmp_path):
    result = import_file(register, _write(tmp_path / "performance.csv", ROWS))
    return register, result


def _value(register, title):
    return next(r for r in indicator_history(register) if r["indicator"] == title)


def test_numbers_are_read_and_the_text_kept(imported):
    register, _ = imported
    assert (_value(register, "Reduce violence with injury")["value"]) == 1204  # thousands separator
    assert _value(register, "Reduce violence with injury")["text"] == "1,204"
    assert _value(register, "Increase victims feeling safe")["value"] == 57
    rate = _value(register, "Reduce assaults per 1,000 population")
    assert (rate["value"], rate["rate"], rate["period"]) == (4.8, 4.8, "to 31/12/12")
    repeat = _value(register, "Reduce repeat referrals")
    assert (repeat["value"], repeat["numerator"], repeat["denominator"]) == (41, 82, 200)
    units = {i.indicator.title: i.indicator.unit for p in load_plan(register).priorities for i in p.indicators}
    assert units["Increase victims feeling safe"] == "percentage"
    assert units["Reduce assaults per 1,000 population"] == "rate"


def test_cells_without_a_figure_are_kept_as_text_with_a_warning_naming_them(imported):
    register, result = imported
    where = {(w.row, w.column): w.message for w in result.warnings}
    assert "holds no target figure" in where[(2, "C (2012/13 Target)")]
    assert "'n/a' holds no figure" in where[(5, "E (Performance to 31/12/12)")]
    assert "negative count" in where[(6, "E (Performance to 31/12/12)")]
    assert _value(register, "Increase drug-free exits")["value"] is None
    deaths = _value(register, "Reduce drug-related deaths")
    assert deaths["value"] is None and deaths["text"] == "-3"
    # a formula typed as text is kept as the text it is, never evaluated
    target = next(i.indicator for p in load_plan(register).priorities for i in p.indicators
                  if i.indicator.title == "Reduce repeat referrals")
    assert target.target == "=1+1" and target.target_value is None


def test_the_target_heading_sets_the_target_period(imported):
    register, _ = imported
    targets = {i.indicator.target_period for p in load_plan(register).priorities for i in p.indicators}
    assert targets == {"2012/13"}


def test_both_priorities_are_reported_as_new(imported):
    _, result = imported
    assert sum("added as a new priority" in w.message for w in result.warnings) == 2


def test_a_10000_character_commentary_is_kept_but_a_cell_past_the_limit_refuses_the_file(register, tmp_path):
    long_row = ["Priority 1: Violence", "Reduce violence", "100", "x" * 10_000, "90"]
    result = import_file(register, _write(tmp_path / "long.csv", [long_row]))
    assert load_plan(register).priorities[0].indicators[0].indicator.data_source == "x" * 10_000
    assert result.counts["indicators"] == 1
    before = snapshot(register)
    huge = ["Priority 1: Violence", "Reduce violence again", "100", "Police", "9" * 60_000]
    with pytest.raises(ReadError, match="60,000 characters long"):
        import_file(register, _write(tmp_path / "huge.csv", [huge]))
    assert snapshot(register) == before


def test_a_second_table_with_the_same_priority_by_number_is_matched_not_added(imported, tmp_path):
    register, _ = imported
    again = [["Priority 2: Substance misuse", "Reduce drug litter", "40", "Council", "35"]]
    result = import_file(register, _write(tmp_path / "more.csv", again))
    assert not any("new priority" in w.message for w in result.warnings)
    assert [p.priority.title for p in load_plan(register).priorities] == ["Violence", "Drugs"]
