"""Export then import into a fresh file gives the same register."""
import csv
import json
import openpyxl
import pytest

from csp_desktop.domain.model import Risk
from csp_desktop.services.exports import export_register, gather
from csp_desktop.services.imports import import_file
from csp_desktop.store import Register
from csp_desktop.store.risks import add_risk, list_risks
from tests.conftest import known

@pytest.fixture
def demo(demo_register):
    return demo_register


def tables_view(reg):
    """The register as the spreadsheet tables carry it, keyed by names rather than ids."""
    c = gather(reg)
    owners: dict[str | None, str] = {o.id: o.name for o in c.owners}  # looked up by optional ids
    orgs: dict[str | None, str] = {o.id: o.name for o in c.organisations}
    priorities: dict[str | None, str] = {p.id: p.title for p in c.priorities}
    refs: dict[str | None, str] = {r.id: r.ref for r in c.risks}
    return {
        "scheme": known(c.scheme).to_dict() | {"name": None},
        "owners": sorted((o.name, o.kind, orgs.get(o.organisation_id), o.email) for o in c.owners),
        "priorities": sorted((p.ref, p.title, p.lead_agency) for p in c.priorities),
        "risks": sorted((r.ref, r.title, r.description, r.category, priorities.get(r.priority_id),
                         owners.get(r.owner_id), r.status, r.inherent, r.residual, r.target, r.next_review,
                         r.exempt, r.response, r.response_reason, r.accepted_by, r.accepted_on, r.accepted_until)
                        for r in c.risks),
        "mitigations": sorted((refs[m.risk_id], m.description, owners.get(m.owner_id), m.expected, m.position)
                              for m in c.mitigations),
        "actions": sorted((a.ref, a.title, owners.get(a.owner_id), a.due, a.status, a.progress,
                           priorities.get(a.priority_id), refs.get(a.risk_id), a.exempt, a.completed_on)
                          for a in c.actions),
        "indicators": sorted((priorities.get(i.priority_id), i.title, i.target, i.data_source, i.latest,
                              i.latest_label) for i in c.indicators),
    }


def _fresh(tmp_path, name="copy"):
    return Register.create(tmp_path / f"{name}.cspreg", name)


def test_json_round_trip_is_exact_including_ids_and_history(demo, tmp_path):
    export_register(demo, tmp_path / "demo.json")
    copy = _fresh(tmp_path)
    import_file(copy, tmp_path / "demo.json")
    original, again = gather(demo), gather(copy)
    for name in ("owners", "organisations", "priorities", "meetings", "risks", "mitigations", "reviews",
                 "actions", "notes", "indicators"):
        strip = lambda items: [{**vars(i), "version": None} for i in items]  # noqa: E731
        assert strip(getattr(again, name)) == strip(getattr(original, name)), name
    assert again.scheme == original.scheme


def test_xlsx_round_trip_keeps_every_table(demo, tmp_path):
    export_register(demo, tmp_path / "demo.xlsx")
    copy = _fresh(tmp_path)
    result = import_file(copy, tmp_path / "demo.xlsx")
    # The demo's performance figures are free text as plans publish them ("28-40%", "Spring 2026"): the
    # import keeps them as text and names each cell it could read no number or period from.
    assert all(w.sheet == "Indicators" and w.column in ("C (Target)", "E (Latest)") for w in result.warnings)
    assert tables_view(copy) == tables_view(demo)


def test_xlsx_export_is_formatted(demo, tmp_path):
    export_register(demo, tmp_path / "demo.xlsx")
    book = openpyxl.load_workbook(tmp_path / "demo.xlsx")
    risks = book["Risks"]
    assert risks.freeze_panes == "A2"
    assert risks["A1"].font.bold and risks["B2"].alignment.wrap_text
    residual_score = risks.cell(row=2, column=13)
    band = demo.scheme.band_for(residual_score.value)
    assert residual_score.fill.fgColor.rgb.endswith(band.colour.lstrip("#"))
    assert set(book.sheetnames) >= {"Risks", "Mitigations", "Actions", "Priorities", "Indicators", "Owners",
                                    "Scoring scheme"}


def test_csv_round_trip_of_risks_and_actions(demo, tmp_path):
    export_register(demo, tmp_path / "risks.csv")
    export_register(demo, tmp_path / "actions.csv", "actions")
    copy = _fresh(tmp_path)
    import_file(copy, tmp_path / "risks.csv")
    import_file(copy, tmp_path / "actions.csv")
    original, again = tables_view(demo), tables_view(copy)
    assert again["risks"] == original["risks"]
    assert again["actions"] == original["actions"]


def test_typed_formulas_are_written_as_text(register, tmp_path):
    add_risk(register, Risk('=HYPERLINK("http://evil.invalid","x")', ref="+R1", description="-2+3",
                        category="@SUM(A1)"))
    export_register(register, tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        row = list(csv.reader(handle))[1]
    assert row[:4] == ["'+R1", '\'=HYPERLINK("http://evil.invalid","x")', "'-2+3", "'@SUM(A1)"]
    export_register(register, tmp_path / "out.xlsx")
    cells = openpyxl.load_workbook(tmp_path / "out.xlsx")["Risks"][2]
    assert cells[1].data_type == "s" and cells[1].value.startswith("=HYPERLINK")
    copy = _fresh(tmp_path)
    import_file(copy, tmp_path / "out.csv")
    assert list_risks(copy)[0].title == '=HYPERLINK("http://evil.invalid","x")'
    assert list_risks(copy)[0].ref == "+R1"


def test_json_export_is_valid_and_complete(demo, tmp_path):
    export_register(demo, tmp_path / "demo.json")
    document = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert document["format"] == "csp-desktop-register"
    assert len(document["risks"]) == len(list_risks(demo))


def test_importing_the_same_json_twice_is_refused_whole(demo, tmp_path):
    export_register(demo, tmp_path / "demo.json")
    copy = _fresh(tmp_path)
    import_file(copy, tmp_path / "demo.json")
    from tests.conftest import snapshot
    before = snapshot(copy)
    with pytest.raises(Exception, match="already in copy.cspreg"):
        import_file(copy, tmp_path / "demo.json")
    assert snapshot(copy) == before


def test_export_to_an_unknown_format_or_missing_folder(demo, tmp_path):
    with pytest.raises(Exception, match="choose a file ending in"):
        export_register(demo, tmp_path / "out.pdf")
    with pytest.raises(Exception, match="no folder"):
        export_register(demo, tmp_path / "missing" / "out.csv")


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_risk_response_is_exported_and_read_back(register, tmp_path, suffix):
    from datetime import date
    from csp_desktop.domain.scoring import Rating
    add_risk(register, Risk("Tolerated", ref="R-1", residual=Rating(4, 4), response="tolerate",
                            response_reason="Costs more than it saves; reviewed by the board",
                            accepted_by="Chair, PEG", accepted_on=date(2026, 6, 1), accepted_until=date(2027, 5, 31),
                            next_review=date(2027, 1, 4)))  # dated, or the import would date it from today
    add_risk(register, Risk("Treated", ref="R-2", response="treat", response_reason="Plan in place",
                            next_review=date(2027, 1, 4)))
    export_register(register, tmp_path / f"out.{suffix}")
    copy = _fresh(tmp_path)
    result = import_file(copy, tmp_path / f"out.{suffix}")
    assert result.warnings == []
    assert tables_view(copy)["risks"] == tables_view(register)["risks"]
