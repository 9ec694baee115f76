"""The published registers import exactly as they stand, scored the way their authors scored them."""
import filecmp

import pytest

from csp_desktop.interchange.register_reader import read_spreadsheet
from csp_desktop.services.imports import import_file
from csp_desktop.store.actions import list_actions
from csp_desktop.store.indicators import list_indicators
from csp_desktop.store.partners import list_owners, list_priorities
from csp_desktop.store.risks import list_risks, mitigations_by_risk
from tests.conftest import FIXTURES, REGISTERS
from tests.conftest import known

SHARED = FIXTURES / "shared-registers"


def test_fixtures_are_unchanged_copies_of_the_shared_registers():
    if not REGISTERS.is_dir():
        pytest.skip("../shared/registers is not beside this checkout")
    for published in REGISTERS.glob("*.csv"):
        assert filecmp.cmp(published, SHARED / published.name, shallow=False), published.name


def test_swcsp_words_register(register):
    result = import_file(register, SHARED / "swcsp-2008.csv")
    assert known(result.scheme).size == "3x3" and result.warnings == []
    risks = {r.title: r for r in list_risks(register)}
    assert len(risks) == 5
    funding = risks["Loss of funding from the Local Area Agreement"]
    assert register.scheme.label("impact", known(funding.inherent).impact) == "High"
    assert register.scheme.label("likelihood", known(funding.inherent).likelihood) == "Medium"
    mitigations = mitigations_by_risk(register)
    assert all(len(mitigations[r.id]) == 1 for r in risks.values())
    assert mitigations[funding.id][0].description.startswith("2008/9 funding has been agreed")


def test_herefordshire_numeric_register(register):
    result = import_file(register, SHARED / "herefordshire-2012.csv")
    assert result.warnings == []
    risks = sorted(list_risks(register), key=lambda r: int(r.ref))
    assert [known(r.inherent).score for r in risks] == [6, 8, 6, 6, 4, 9]
    assert [known(r.residual).score for r in risks] == [4, 6, 2, 2, 1, 4]
    assert {(o.name, o.kind) for o in list_owners(register)} == {
        ("HPEG", "body"), ("All partners", "body"), ("All operational groups", "body")}
    mitigations = mitigations_by_risk(register)
    first = mitigations[risks[0].id][0]
    assert first.description.startswith("Regular performance reviews")
    assert known(first.expected).score == 4 and first.owner_name == "HPEG"


def test_herefordshire_priorities_actions_and_indicators_link_up(register):
    for name in ("herefordshire-2012-priorities", "herefordshire-2012-actions", "herefordshire-2012-performance"):
        import_file(register, SHARED / f"{name}.csv")
    priorities = {p.ref: p for p in list_priorities(register)}
    assert priorities["1"].lead_agency == "West Mercia Probation Trust"
    assert priorities["4"].title == "Road Safety"  # only the performance table names it
    assert len(priorities) == 4
    actions = list_actions(register)
    assert len(actions) == 24
    assert sum(a.priority_id == priorities["2"].id for a in actions) == 12
    assert all(a.owner_id is None and a.due is None for a in actions)
    indicators = list_indicators(register)
    assert len(indicators) == 7
    assert indicators[1].latest == "82/200 = 41%" and indicators[1].latest_label == "Performance to 31/01/12"
    assert indicators[0].target.startswith("To achieve a 20% reduction")


def test_swcsp_actions_make_their_priorities(register):
    import_file(register, SHARED / "swcsp-2008-actions.csv")
    assert [p.title for p in list_priorities(register)] == [
        "Criminal damage", "Alcohol related crime", "Vehicle crime", "Theft from the person/robbery",
        "Fear of crime", "Anti-social behaviour"]
    assert len(list_actions(register)) == 29


def test_stated_score_that_disagrees_is_a_warning_with_its_row(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("Ref,Risk,Likelihood,Impact,Risk Score\n1,Flood,3,2,6\n2,Fire,3,3,12\n3,Theft,2,2,n/a\n")
    plan = read_spreadsheet(path)
    assert len(plan.risks) == 3
    messages = [str(w) for w in plan.warnings]
    assert "scores.csv, row 3, column E (Risk Score): states 12 but likelihood 3 x impact 3 = 9" in messages[0]
    assert "row 4" in messages[1] and "not a number" in messages[1]
    assert known(plan.risks[1].inherent).score == 9
