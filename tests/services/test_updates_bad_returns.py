"""Broken, hostile and odd returns: each gives a clear account and changes nothing it should not."""
import re
import shutil
import time
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from csp_desktop.domain.scoring import Rating
from csp_desktop.interchange.owner_layout import FIRST_DATA_ROW
from csp_desktop.services import updates
from csp_desktop.store import Register
from csp_desktop.store.actions import get_action
from csp_desktop.store.risks import get_risk, reviews_for
from tests.services.update_helpers import build_round_register, edit_return, register_state

TODAY = date(2026, 11, 23)


@pytest.fixture
def sent(register, tmp_path):
    items = build_round_register(register)
    result = updates.send_round(register, tmp_path / "out")
    items["book"] = next(f.path for f in result.files if f.owner == "Siân Prŵs")
    return items


def _refused(register, path):
    before = register_state(register)
    receipt = updates.receive(register, path, accept_all=True, today=TODAY)
    assert register_state(register) == before
    (logged,) = [r for r in updates.returns_log(register) if r["file_name"] == path.name]
    assert logged["status"] == "refused" and logged["account"] == receipt.refused
    return receipt.refused


def _received(register, wb, tmp_path):
    """The return saved and taken in with every change accepted."""
    wb.save(tmp_path / "back.xlsx")
    return updates.receive(register, tmp_path / "back.xlsx", accept_all=True, today=TODAY)


def _received_unchanged(register, wb, tmp_path):
    """The return taken in, proving it changed nothing."""
    before = register_state(register)
    receipt = _received(register, wb, tmp_path)
    assert register_state(register) == before
    return receipt


def _by(receipt, field):
    return [c for c in receipt.changes if c["field"] == field]


def test_workbook_from_another_register_is_refused(register, sent, tmp_path):
    other = Register.create(tmp_path / "other.cspreg", "Other CSP")
    build_round_register(other)
    other_book = updates.send_round(other, tmp_path / "other").files[0].path
    other.close()
    edit_return(other_book, {("Actions", 3, "New status"): "complete"})
    assert "sent from another register (Other CSP), not from Test Partnership" in _refused(register, other_book)


def test_edited_identity_cells_are_not_taken(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Risks"]
    ws["J3"] = "00000000-0000-0000-0000-000000000000"   # R-01's hidden row ID
    ws["G3"] = "Likely"
    ws["K4"] = 7                                        # R-02's hidden row version
    ws["G4"] = "Rare"
    receipt = _received_unchanged(register, wb, tmp_path)
    identity = [c for c in receipt.changes if c["flag"] == "identity"]
    assert {c["new_value"] for c in identity} == {"Likely", "Rare"}
    assert "hidden row ID was edited" in identity[0]["detail"]
    assert "hidden row version was edited (7, sent 1)" in identity[1]["detail"]
    deleted = [c for c in receipt.changes if c["flag"] == "deleted"]
    assert [c["item"] for c in deleted] == ["R-01 Night-time economy violence"]  # its own row no longer matches
    assert all(c["outcome"] == "not taken" for c in identity + deleted)


def test_rows_sorted_without_their_hidden_columns_are_caught(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Risks"]
    for column in "ABCDEFGHI":  # an owner sorts the visible columns only: the hidden IDs stay put
        ws[f"{column}3"].value, ws[f"{column}4"].value = ws[f"{column}4"].value, ws[f"{column}3"].value
    ws["G3"] = "Likely"
    receipt = _received_unchanged(register, wb, tmp_path)
    flagged = [c for c in receipt.changes if c["tbl"] == "risks"]
    assert {c["flag"] for c in flagged} == {"identity"}
    assert "rows were sorted or moved without their hidden columns" in flagged[0]["detail"]


def test_whole_rows_sorted_are_still_matched(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Risks"]
    for column in range(1, ws.max_column + 1):   # every column, as a sort of the whole table moves them
        ws.cell(3, column).value, ws.cell(4, column).value = ws.cell(4, column).value, ws.cell(3, column).value
    ws["G4"] = "Likely"   # R-01 is now on row 4
    receipt = _received(register, wb, tmp_path)
    assert [(c["item"][:4], c["flag"], c["outcome"]) for c in receipt.changes] == [("R-01", "", "applied")]
    assert get_risk(register, sent["r1"].id).residual == Rating(4, 4)


def test_deleted_and_added_rows_are_reported_and_the_rest_taken(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Risks"]
    ws.delete_rows(FIRST_DATA_ROW + 1)             # R-02 gone
    ws.append(["R-99", "A risk I thought of", None, None, None, None, "Likely", "Major", "Please add this one"])
    ws["G3"] = "Likely"                           # R-01 still updated
    receipt = _received(register, wb, tmp_path)

    flags = sorted((c["flag"], c["item"][:4], c["outcome"]) for c in receipt.changes)
    assert flags == [("", "R-01", "applied"), ("added", "R-99", "not taken"), ("added", "R-99", "not taken"),
                     ("added", "R-99", "not taken"), ("deleted", "R-02", "not taken")]
    added_words = {c["new_value"] for c in receipt.changes if c["flag"] == "added"}
    assert added_words == {"Likely", "Major", "Please add this one"}   # the owner's words are kept
    assert get_risk(register, sent["r1"].id).residual == Rating(4, 4)
    assert get_risk(register, sent["r2"].id).residual is None


def _with_cached_value(path, marker: str, cached: str):
    """Give a formula cell the value a spreadsheet program would have cached (openpyxl writes none)."""
    copy = path.with_name("cached-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/") and marker.encode() in data:
                data = re.sub(rb'<c r="([A-Z]+\d+)"([^>]*)><f>' + re.escape(marker.encode()) + rb"</f><v\s*/>",
                              lambda m: b'<c r="' + m.group(1) + b'"' + m.group(2) + b' t="str"><f>'
                              + marker.encode() + b"</f><v>" + cached.encode() + b"</v>", data)
            target.writestr(item, data)
    return copy


def test_a_formula_is_never_evaluated_its_cached_value_is_flagged(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Risks", "R-01", "New likelihood"): '="Li"&"kely"',
                                      ("Actions", "A-2", "Progress update"): "=1/0"}, tmp_path / "back.xlsx")
    back = _with_cached_value(back, '"Li"&amp;"kely"', "Likely")
    before = register_state(register)
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)

    assert register_state(register) == before   # accept-all leaves flagged changes for the coordinator
    (score,) = _by(receipt, "score")
    assert (score["flag"], score["outcome"], score["new_value"]) == ("formula", "pending", "Likely \u00d7 Major = 16")
    assert '="Li"&"kely"' in score["detail"] and "not evaluated" in score["detail"]
    (progress,) = _by(receipt, "progress")   # a formula never calculated has no value to take
    assert (progress["flag"], progress["outcome"], progress["new_value"]) == ("invalid", "not taken", "=1/0")
    updates.decide(register, [score["id"]], [], today=TODAY)
    assert get_risk(register, sent["r1"].id).residual == Rating(4, 4)


def test_a_10000_character_commentary_is_taken_whole(register, sent, tmp_path):
    words = ("Ŵ & <ok> " * 1112)[:10000]
    back = edit_return(sent["book"], {("Risks", "R-01", "Commentary"): words}, tmp_path / "back.xlsx")
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)
    (change,) = receipt.changes
    assert (change["outcome"], len(change["new_value"])) == ("applied", len(words.strip()))
    (review,) = reviews_for(register, sent["r1"].id)
    assert review.note == words.strip() and review.after == Rating(3, 4)
    assert review.before == Rating(3, 4)  # the first review starts from the residual the risk had


def test_an_unrelated_workbook_is_refused(register, sent, tmp_path):
    wb = Workbook()
    wb.active["A1"] = "Budget 2026/27"
    wb.save(tmp_path / "budget.xlsx")
    assert "not an owner workbook sent by CSP Desktop" in _refused(register, tmp_path / "budget.xlsx")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(register, sent, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"<row/>" * (1 << 18)
            for _ in range(170):   # about 256 MB unpacked, well under 1 MB packed
                member.write(block)
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    reason = _refused(register, bomb)
    assert "zip bomb" in reason and time.perf_counter() - started < 2


def test_a_highly_compressed_part_under_the_total_limit_is_refused(register, sent, tmp_path):
    bomb = tmp_path / "dense.xlsx"
    shutil.copy(sent["book"], bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.xml", b" " * (20 * 1024 * 1024))
    assert "times larger than it is packed" in _refused(register, bomb)


def test_a_return_packed_in_a_zip_version_python_cannot_unpack_is_refused_and_logged(register, sent, tmp_path):
    from tests.interchange.hostile import with_zip_version
    odd = tmp_path / "odd-zip.xlsx"
    odd.write_bytes(with_zip_version(sent["book"].read_bytes(), 80))
    reason = _refused(register, odd)
    assert "zip file version 8.0" in reason and "save it again" in reason


def test_a_return_of_many_sheets_each_under_a_megabyte_is_refused_in_a_second(register, sent, tmp_path):
    from tests.interchange.hostile import sheet_bomb
    started = time.perf_counter()
    reason = _refused(register, sheet_bomb(tmp_path / "many.xlsx"))
    assert "it was not opened" in reason and time.perf_counter() - started < 1


@pytest.mark.parametrize("content, expected", [
    (b"owner,score\nme,3\n", "is not a spreadsheet (.xlsx)"),
    (b"%PDF-1.7\n", "is not a spreadsheet (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old-style .xls or a password-protected workbook"),
    (b"", "is not a spreadsheet (.xlsx)"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused(register, sent, tmp_path, content, expected):
    path = tmp_path / "return.xlsx"
    path.write_bytes(content)
    assert expected in _refused(register, path)


def test_a_zip_that_is_not_a_workbook_is_refused(register, sent, tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    assert "a zip file but not an Excel workbook" in _refused(register, path)


def test_a_workbook_with_damaged_xml_is_refused(register, sent, tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(sent["book"]) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    assert "could not be read as a spreadsheet" in _refused(register, damaged)


def test_a_sheet_that_lost_a_column_is_read_without_it_and_said_so(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    wb["Actions"].delete_cols(7)   # "New status"
    wb["Risks"]["G3"] = "Likely"
    receipt = _received(register, wb, tmp_path)
    assert receipt.notes == ["the Actions sheet has lost its 'New status' column, so that column was not taken (the "
                             "rest of the sheet was read; anything written under a changed heading is listed with "
                             "the cells not taken back)"]
    assert [c["tbl"] for c in receipt.changes if c["outcome"] == "applied"] == ["risks"]
    assert not [c for c in receipt.changes if c["flag"] == "deleted"]   # its rows are still there
    assert get_action(register, sent["a1"].id).version == 1


def test_a_formula_in_an_empty_cell_is_reported_not_lost(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Risks", "R-01", "Commentary"): "=SUM(1,2)"}, tmp_path / "back.xlsx")
    before = register_state(register)
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)
    assert register_state(register) == before
    (commentary,) = _by(receipt, "commentary")
    assert (commentary["flag"], commentary["outcome"], commentary["new_value"]) == ("invalid", "not taken",
                                                                                  "=SUM(1,2)")
