"""Owner workbooks as papers people print and pass on: marking, exempt rows, the coordinator, the last review,
"Reviewed, no change", overdue actions, A4 and a named font in every cell."""
from datetime import date

import pytest
from openpyxl import load_workbook

from csp_desktop.domain.scoring import Rating
from csp_desktop.interchange.owner_layout import EXEMPT_MARK as EXEMPT_FLAG
from csp_desktop.services import updates
from csp_desktop.services.risk_editing import set_risk_fields
from csp_desktop.store.risks import get_risk, record_review, reviews_for
from tests.services.update_helpers import build_round_register, edit_return

TODAY = date(2026, 11, 23)


@pytest.fixture
def sent(register, tmp_path):
    items = build_round_register(register)
    record_review(register, get_risk(register, items["r1"].id), Rating(3, 4), on=date(2026, 9, 1), reviewer="Siân",
                  note="Door staff trained")
    set_risk_fields(register, items["r2"].id, {"exempt": True, "exempt_paragraph": 7}, None)
    result = updates.send_round(register, tmp_path / "out", coordinator="Gwyn ap Dafydd",
                                coordinator_email="gwyn@example.org")
    items["book"] = next(f.path for f in result.files if f.owner == "Siân Prŵs")
    items["police_book"] = next(f.path for f in result.files if f.owner == "Police & Crime")
    return items


def _column(ws, heading):
    return [c.value for c in ws[2]].index(heading) + 1


def test_marking_in_every_header_footer_and_the_file_properties(sent):
    wb = load_workbook(sent["book"])
    for ws in wb.worksheets:
        assert ws.oddHeader.center.text == ws.oddFooter.center.text == "OFFICIAL-SENSITIVE"  # it holds Part II
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert wb.properties.keywords == "OFFICIAL-SENSITIVE"
    assert load_workbook(sent["police_book"]).properties.keywords == "OFFICIAL"


def test_exempt_rows_are_flagged_and_the_coordinator_is_named(sent):
    wb = load_workbook(sent["book"])
    risks = wb["Risks"]
    flags = {risks.cell(row, 1).value: risks.cell(row, _column(risks, "Exempt (Schedule 12A)")).value for row in (3, 4)}
    assert flags == {"R-01": "", "R-02": EXEMPT_FLAG} or flags == {"R-01": None, "R-02": EXEMPT_FLAG}
    text = " ".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "Gwyn ap Dafydd, gwyn@example.org" in text and "not for publication" in text


def test_band_target_and_last_review_are_shown_and_overdue_due_dates_stand_out(sent):
    wb = load_workbook(sent["book"])
    risks = wb["Risks"]
    assert risks.cell(3, _column(risks, "Band")).value == "High"
    assert "Door staff trained" in risks.cell(3, _column(risks, "Last review")).value
    actions = wb["Actions"]
    due = _column(actions, "Due")
    overdue = next(r for r in range(3, 5) if actions.cell(r, 1).value == "A-2")   # due 01/10/2026
    on_time = next(r for r in range(3, 5) if actions.cell(r, 1).value == "A-1")
    assert actions.cell(overdue, due).font.b and not actions.cell(on_time, due).font.b


def test_every_cell_style_names_its_font(sent):
    wb = load_workbook(sent["book"])
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name, (ws.title, cell.coordinate)


def test_reviewed_no_change_becomes_a_review_confirming_the_score(register, sent):
    edit_return(sent["book"], {("Risks", "R-01", "Reviewed, no change"): "Yes"})
    receipt = updates.receive(register, sent["book"], accept_all=True, today=TODAY)
    assert [c["outcome"] for c in receipt.changes if c["field"] == "score"] == ["applied"]
    assert get_risk(register, sent["r1"].id).residual == Rating(3, 4)
    assert len(reviews_for(register, sent["r1"].id)) == 2


def test_a_workbook_sent_before_the_new_columns_still_reads(register, sent):
    wb = load_workbook(sent["book"])
    for name in ("Risks", "Actions"):
        ws = wb[name]
        first_new = _column(ws, "Exempt (Schedule 12A)")  # the first column after the hidden identity
        ws.delete_cols(first_new, ws.max_column - first_new + 1)
    wb.save(sent["book"])
    edit_return(sent["book"], {("Risks", "R-01", "New likelihood"): "Likely"})
    receipt = updates.receive(register, sent["book"], accept_all=True, today=TODAY)
    assert not receipt.refused and get_risk(register, sent["r1"].id).residual == Rating(4, 4)
