"""The import command: --explain, --scheme LxI, --map for every field, owners matched by name."""
from pathlib import Path

import pytest

from csp_desktop.cli.interchange_commands import ALL_FIELDS
from csp_desktop.domain.model import Owner
from csp_desktop.store import Register
from csp_desktop.store.actions import list_actions
from csp_desktop.store.partners import add_owner, list_owners
from csp_desktop.store.risks import list_risks
from tests.cli.invoke import rows_of
from tests.cli.test_cli import SHARED, run
from tests.conftest import snapshot
from tests.conftest import known

FIXTURES = Path(__file__).parents[1] / "fixtures" / "registers"


@pytest.fixture
def reg_path(tmp_path):
    path = tmp_path / "p.cspreg"
    assert run("init", path, "--name", "Test CSP").exit_code == 0
    return path


def test_explain_prints_each_column_and_imports_nothing(reg_path):
    with Register.open(reg_path) as reg:
        before = snapshot(reg)
    result = run("import", reg_path, SHARED / "herefordshire-2012.csv", "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("herefordshire-2012.csv: read as risks, headings in row 1")
    assert any("Residual Likelihood" in line and "residual_likelihood" in line for line in lines)
    assert any("Action Description" in line and "mitigation" in line for line in lines)
    with Register.open(reg_path) as reg:
        assert snapshot(reg) == before


def test_explain_names_columns_not_taken_in(reg_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Risk,Likelihood,Impact,Where monitored\nFlood,2,3,Board\n", encoding="utf-8")
    result = run("import", reg_path, path, "--explain")
    assert "Where monitored" in result.output and "NOT TAKEN IN" in result.output


def test_scheme_of_any_size(reg_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Risk,Likelihood,Impact\nFlood,5,4\n", encoding="utf-8")
    result = run("import", reg_path, path, "--scheme", "5x4")
    assert result.exit_code == 0, result.output
    with Register.open(reg_path) as reg:
        assert reg.scheme.size == "5x4" and known(list_risks(reg)[0].inherent).score == 20


def test_a_wrong_scheme_is_one_sentence(reg_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Risk,Likelihood,Impact\nFlood,5,4\n", encoding="utf-8")
    result = run("import", reg_path, path, "--scheme", "7x7")
    assert result.exit_code == 1 and "Unknown scheme '7x7'" in result.output


@pytest.mark.parametrize("field", [f for f in ALL_FIELDS if f.endswith(("likelihood", "impact"))
                                   and f.startswith(("inherent", "residual", "target"))])
def test_map_works_for_every_level_field(reg_path, tmp_path, field):
    path = tmp_path / "x.csv"
    path.write_text("Peril,Odds,Harm\nFlood,2,3\n", encoding="utf-8")
    prefix = field.split("_")[0]
    result = run("import", reg_path, path, "--map", "Peril=title", "--map", f"Odds={prefix}_likelihood",
                 "--map", f"Harm={prefix}_impact")
    assert result.exit_code == 0, result.output
    with Register.open(reg_path) as reg:
        assert getattr(list_risks(reg)[0], prefix).score == 6


def test_map_works_for_action_fields(reg_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Job,Who,By,Where are we\nBuy CCTV,Jo Bloggs,Q4 2026/27,Behind schedule\n", encoding="utf-8")
    result = run("import", reg_path, path, "--map", "Job=title", "--map", "Who=owner", "--map", "By=due",
                 "--map", "Where are we=status")
    assert result.exit_code == 0, result.output
    with Register.open(reg_path) as reg:
        (action,) = list_actions(reg)
        assert (action.owner_name, known(action.due).isoformat(), action.due_text) == ("Jo Bloggs", "2027-03-31",
                                                                                        "Q4 2026/27")
        assert (action.status, action.status_reported) == ("in progress", "Behind schedule")


def test_a_field_the_table_has_no_place_for_is_named(reg_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Risk,Likelihood,Impact,When\nFlood,2,3,soon\n", encoding="utf-8")
    result = run("import", reg_path, path, "--map", "When=completed_on")
    assert result.exit_code == 0 and "'When'" in result.output


def test_owners_match_the_register_ignoring_case_and_spacing(reg_path, tmp_path):
    with Register.open(reg_path) as reg:
        add_owner(reg, Owner("Community Safety Team", kind="body"))
    path = tmp_path / "x.csv"
    path.write_text("Risk,Likelihood,Impact,Owner\nFlood,2,3,community  safety TEAM\n", encoding="utf-8")
    assert run("import", reg_path, path).exit_code == 0
    with Register.open(reg_path) as reg:
        assert [o.name for o in list_owners(reg)] == ["Community Safety Team"]
        assert list_risks(reg)[0].owner_name == "Community Safety Team"


def test_an_owner_named_as_a_partner_is_that_body(reg_path, tmp_path):
    from csp_desktop.domain.model import Organisation
    from csp_desktop.store.partners import add_organisation
    with Register.open(reg_path) as reg:
        add_organisation(reg, Organisation("West Mercia Police"))
    path = tmp_path / "x.csv"
    path.write_text("Risk,Likelihood,Impact,Owner\nFlood,2,3,WEST MERCIA police\n", encoding="utf-8")
    assert run("import", reg_path, path).exit_code == 0
    with Register.open(reg_path) as reg:
        (owner,) = list_owners(reg)
        assert (owner.name, owner.kind) == ("West Mercia Police", "body") and owner.organisation_id


def test_a_refused_import_lists_its_problems_in_row_order(reg_path):
    before = rows_of(reg_path)
    result = run("import", reg_path, FIXTURES / "bad-wrong-level.csv")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[0].startswith("Error: bad-wrong-level.csv, row 3") and "(and 1 more problem)" in lines[0]
    assert lines[1].startswith("bad-wrong-level.csv, row 4") and len(lines) == 2
    assert rows_of(reg_path) == before


def test_a_warning_shows_a_non_breaking_space_as_a_space(reg_path):
    result = run("import", reg_path, FIXTURES / "csp-action-plan.csv")
    assert result.exit_code == 0, result.output
    assert "\\xa0" not in result.output and "'Violence against women and girls'" in result.output
