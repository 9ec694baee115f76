"""Exports choose their part: "all" marks every exempt row, "public" holds nothing exempt nor what gives it away."""
import json
import zipfile

import pytest
from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.errors import UserError
from csp_desktop.interchange.tables import read_tables
from csp_desktop.services.exports import export_register
from csp_desktop.store.actions import add_note
from csp_desktop.domain.model import ProgressNote
from tests.conftest import snapshot
from tests.pack_register import EXEMPT_REF, fill

SECRETS = ("Kestrel", EXEMPT_REF, "A-8", "A-9", "Named informant", "informant's address")


def _raw(path) -> str:
    """Every byte of the file as text: a workbook's every part, unzipped."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return path.read_text(encoding="utf-8-sig")


@pytest.fixture
def reg(register):
    fill(register)
    from csp_desktop.store.actions import list_actions
    a8 = next(a for a in list_actions(register) if a.ref == "A-8")
    add_note(register, ProgressNote(a8.id, "Visited the informant's address"))
    return register


@pytest.mark.parametrize("name", ["out.xlsx", "out.json", "out.csv"])
def test_the_public_part_holds_no_exempt_item_nor_its_actions_mitigations_reviews_or_notes(reg, tmp_path, name):
    before = snapshot(reg)
    out = export_register(reg, tmp_path / name, "actions" if name.endswith(".csv") else "risks", part="public")
    text = _raw(out)
    assert [s for s in SECRETS if s in text] == []
    assert "Write the PCC bid" in text  # the public items are all there
    assert snapshot(reg) == before


def test_every_public_csv_table_is_clean(reg, tmp_path):
    for table in ("risks", "actions", "mitigations", "priorities", "indicators", "owners"):
        text = _raw(export_register(reg, tmp_path / f"{table}.csv", table, part="public"))
        assert [s for s in SECRETS if s in text] == [], table


def _rows(path, sheet):
    book = read_tables(path, sheet)
    header, *rows = book.sheets[0].rows
    return [dict(zip(header, row)) for row in rows]


def test_all_marks_every_exempt_row_and_an_action_on_an_exempt_risk_is_exempt(reg, tmp_path):
    out = export_register(reg, tmp_path / "all.xlsx")
    risks = {r["Ref"]: r["Exempt"] for r in _rows(out, "Risks")}
    actions = {r["Ref"]: r["Exempt"] for r in _rows(out, "Actions")}
    mitigations = {r["Mitigation"]: r["Exempt"] for r in _rows(out, "Mitigations")}
    assert risks[EXEMPT_REF] == "yes" and risks["R-1"] == "no"
    assert actions["A-8"] == "yes" and actions["A-9"] == "yes" and actions["A-1"] == "no"
    assert mitigations["Kestrel contingency reserve"] == "yes" and mitigations["Bid to PCC fund <2027>"] == "no"


def test_all_json_marks_exempt_information_and_keeps_each_own_flag(reg, tmp_path):
    document = json.loads(export_register(reg, tmp_path / "all.json").read_text(encoding="utf-8"))
    a8 = next(a for a in document["actions"] if a["ref"] == "A-8")
    assert a8["exempt"] is False and a8["exempt_information"] is True
    assert a8["notes"][0]["exempt_information"] is True
    r99 = next(r for r in document["risks"] if r["ref"] == EXEMPT_REF)
    assert r99["mitigations"][0]["exempt_information"] and r99["reviews"][0]["exempt_information"]
    r1 = next(r for r in document["risks"] if r["ref"] == "R-1")
    assert r1["exempt_information"] is False and not r1["mitigations"][0]["exempt_information"]


def test_an_unknown_part_is_refused(reg, tmp_path):
    with pytest.raises(UserError, match="not a part"):
        export_register(reg, tmp_path / "x.csv", part="secret")
    assert not (tmp_path / "x.csv").exists()


def test_export_part_on_the_command_line(reg, tmp_path):
    path = reg.path
    reg.close()
    result = CliRunner().invoke(main, ["export", str(path), str(tmp_path / "p.csv"), "--part", "public"])
    assert result.exit_code == 0 and "exempt items left out" in result.output
    assert EXEMPT_REF not in _raw(tmp_path / "p.csv")
    result = CliRunner().invoke(main, ["export", str(path), str(tmp_path / "a.csv")])
    assert result.exit_code == 0 and EXEMPT_REF in _raw(tmp_path / "a.csv")
    bad = CliRunner().invoke(main, ["export", str(path), str(tmp_path / "b.csv"), "--part", "secret"])
    assert bad.exit_code == 2 and not (tmp_path / "b.csv").exists()
