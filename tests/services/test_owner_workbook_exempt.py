"""Owner workbooks mark every exempt row (the one rule: itself, through its risk), and say what the mark means."""
from datetime import date

from openpyxl import load_workbook

from csp_desktop.interchange.owner_layout import EXEMPT_MARK, FIRST_DATA_ROW, HEADER_ROW
from csp_desktop.services import updates
from tests.pack_register import EXEMPT_REF, TODAY, fill

POLICE = "Ch Insp Ffion Llŷr"


def _marks(ws) -> dict:
    header = [c.value for c in ws[HEADER_ROW]]
    ref_col = header.index("Risk ref" if ws.title == "Mitigations" else "Ref")
    mark_col = header.index("Exempt (Schedule 12A)")
    return {row[ref_col].value + ("" if ws.title != "Mitigations" else f":{row[2].value}"): row[mark_col].value or ""
            for row in ws.iter_rows(min_row=FIRST_DATA_ROW)}


def test_exempt_rows_are_marked_and_explained(register, tmp_path):
    fill(register)
    result = updates.send_round(register, tmp_path / "out", owner_names=[POLICE], return_by=date(2026, 12, 20))
    wb = load_workbook(result.files[0].path)
    risks, actions, mitigations = _marks(wb["Risks"]), _marks(wb["Actions"]), _marks(wb["Mitigations"])
    assert risks[EXEMPT_REF] == EXEMPT_MARK and risks["R-2"] == ""
    assert actions["A-9"] == EXEMPT_MARK and actions["A-8"] == EXEMPT_MARK and actions["A-3"] == ""
    assert mitigations[f"{EXEMPT_REF}:Kestrel contingency reserve"] == EXEMPT_MARK
    instructions = " ".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert f"Rows marked {EXEMPT_MARK} hold exempt information" in instructions


def test_a_return_sent_before_the_mark_existed_still_reads(register, tmp_path):
    fill(register)
    result = updates.send_round(register, tmp_path / "out", owner_names=[POLICE])
    path = result.files[0].path
    wb = load_workbook(path)
    for name in ("Risks", "Mitigations", "Actions"):
        ws = wb[name]
        header = [c.value for c in ws[HEADER_ROW]]
        ws.delete_cols(header.index("Exempt (Schedule 12A)") + 1)
    old = tmp_path / "old.xlsx"
    wb.save(old)
    receipt = updates.receive(register, old, today=TODAY)
    assert not receipt.notes or all("lost its" not in n for n in receipt.notes)
    assert receipt.changes == []
