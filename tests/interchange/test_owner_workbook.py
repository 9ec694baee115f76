"""The owner workbook as written: protection, drop-downs from the register's own labels, hidden identities."""
from datetime import date

from openpyxl import load_workbook

from csp_desktop.domain.scoring import words_3x3
from csp_desktop.interchange.owner_layout import ACTION_COLUMNS, FORMAT, RISK_COLUMNS
from csp_desktop.interchange.owner_returns import read_owner_workbook
from csp_desktop.interchange.owner_workbook import OwnerWorkbook, write_owner_workbook

META = {"register_id": "reg-1", "register_name": "Test CSP", "round_id": "round-1", "sending_id": "send-1",
        "owner_id": "own-1", "owner_name": "Siân", "sent_at": date(2026, 11, 23), "return_by": date(2026, 12, 20)}


def _book(**rows) -> OwnerWorkbook:
    scheme = words_3x3()
    return OwnerWorkbook(meta=dict(META), likelihood_labels=scheme.likelihood_labels,
                         impact_labels=scheme.impact_labels, statuses=("not started", "complete"), **rows)


RISK = {"ref": "R-1", "title": "=HYPERLINK(\"http://x\")", "likelihood": "Medium", "impact": "High", "score": 6,
        "mitigations": "\u2022 Patrols\x07", "row_id": "risk-1", "row_version": 3}
ACTION = {"ref": "A-1", "title": "Train staff", "due": date(2026, 12, 31), "status": "not started",
          "row_id": "act-1", "row_version": 1}


def test_only_owner_cells_are_unlocked_and_sheets_are_protected(tmp_path):
    path = write_owner_workbook(_book(risks=[RISK], actions=[ACTION]), tmp_path / "o.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Instructions", "Risks", "Actions", "_csp"]   # no mitigations, no indicators
    assert all(ws.protection.sheet for ws in wb.worksheets)
    risks = wb["Risks"]
    unlocked = [c.heading for i, c in enumerate(RISK_COLUMNS, start=1) if not risks.cell(3, i).protection.locked]
    assert unlocked == ["New likelihood", "New impact", "Commentary", "Reviewed, no change"]
    assert [risks.column_dimensions[x].hidden for x in "JK"] == [True, True]
    assert (risks["J3"].value, risks["K3"].value) == ("risk-1", 3)


def test_user_text_stays_text_and_control_characters_are_dropped(tmp_path):
    path = write_owner_workbook(_book(risks=[RISK]), tmp_path / "o.xlsx")
    cell = load_workbook(path)["Risks"]["B3"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    assert load_workbook(path)["Risks"]["F3"].value == "\u2022 Patrols"


def test_drop_downs_use_the_registers_own_labels_and_dates_are_validated(tmp_path):
    path = write_owner_workbook(_book(risks=[RISK], actions=[ACTION]), tmp_path / "o.xlsx")
    wb = load_workbook(path)
    meta = wb["_csp"]
    assert meta.sheet_state == "veryHidden"
    lists = {dv.formula1: str(dv.sqref) for dv in wb["Risks"].data_validations.dataValidation}
    # Reviewed, no change: after the Exempt column
    assert lists == {"'_csp'!$D$1:$D$3": "G3", "'_csp'!$E$1:$E$3": "H3", "'_csp'!$G$1:$G$1": "M3"}
    assert [meta[f"D{n}"].value for n in (1, 2, 3)] == ["Low", "Medium", "High"]
    kinds = {dv.type: str(dv.sqref) for dv in wb["Actions"].data_validations.dataValidation}
    status_col = "ABCDEFGHIJK"[[c.key for c in ACTION_COLUMNS].index("new_status")]
    assert kinds == {"list": f"{status_col}3", "date": "I3"}
    assert wb["Actions"]["I3"].number_format == "dd/mm/yyyy"


def test_instructions_give_the_return_date_and_the_meta_reads_back(tmp_path):
    path = write_owner_workbook(_book(risks=[RISK]), tmp_path / "o.xlsx")
    text = " ".join(str(c.value) for c in load_workbook(path)["Instructions"]["A"] if c.value)
    assert "Please return this workbook by 20/12/2026." in text and "Siân" in text
    book = read_owner_workbook(path)
    assert book.meta["format"] == FORMAT and book.meta["sending_id"] == "send-1"
    (row,) = book.rows
    assert (row.row_id, row.version, row.cells["title"].formula) == ("risk-1", 3, None)


def test_a_sheet_with_no_rows_is_left_out_but_a_sent_sheet_that_was_deleted_is_reported(tmp_path):
    path = write_owner_workbook(_book(risks=[RISK]), tmp_path / "o.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Instructions", "Risks", "_csp"]
    text = " ".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "1. On the Risks sheet" in text and "2. Save the workbook" in text
    assert not any(name in text for name in ("Mitigations", "Actions", "Indicators"))
    assert read_owner_workbook(path).problems == []
    wb.remove(wb["Risks"])
    wb.save(path)
    assert read_owner_workbook(path).problems == ["the Risks sheet is missing, so nothing on it was taken"]


def test_a_workbook_sent_before_sheets_were_named_still_needs_all_but_the_indicators(tmp_path):
    path = write_owner_workbook(_book(risks=[RISK], mitigations=[], actions=[ACTION]), tmp_path / "o.xlsx")
    wb = load_workbook(path)
    meta = wb["_csp"]
    (row,) = [r for r in meta.iter_rows(max_col=2) if r[0].value == "sheets"]
    row[0].value = row[1].value = None   # as written by a version that did not record the sheets
    wb.save(path)
    assert read_owner_workbook(path).problems == ["the Mitigations sheet is missing, so nothing on it was taken"]


def test_the_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    import pytest
    from openpyxl.workbook import workbook

    def broken_save(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"half")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(workbook.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        write_owner_workbook(_book(risks=[RISK]), tmp_path / "o.xlsx")
    assert list(tmp_path.iterdir()) == []
