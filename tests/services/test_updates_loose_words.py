"""Words an owner writes outside the columns taken back: named on receive, kept with the return, never applied.

Each workbook is one the round itself sent, then edited with openpyxl as an owner would edit it.
"""
import sqlite3

import pytest
from openpyxl import load_workbook

from csp_desktop.services import updates
from csp_desktop.services.update_comments import COMMENT
from csp_desktop.store import Register, migrations
from csp_desktop.store.actions import get_action
from csp_desktop.store.risks import get_mitigation
from tests.services.update_helpers import build_round_register, register_state
from tests.services.test_updates_bad_returns import TODAY
from tests.store.test_upgrades import build_at
from tests.conftest import known

OWNER = "Siân Prŵs"


@pytest.fixture
def sent(register, tmp_path):
    items = build_round_register(register)
    result = updates.send_round(register, tmp_path / "out")
    items["book"] = next(f.path for f in result.files if f.owner == OWNER)
    return items


def _save(wb, tmp_path, name="back.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def _comments(changes):
    return [c for c in changes if c["flag"] == COMMENT]


def _row_of(ws, ref):
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == ref)


def _owner_edits(path):
    """The tester's return: a note right of the Risks table, a phone note right of the Actions table, the
    read-only 'Latest progress' overwritten, a notes row below the table and a sheet of the owner's own."""
    wb = load_workbook(path)
    risks, actions = wb["Risks"], wb["Actions"]
    risks.cell(_row_of(risks, "R-01"), 17).value = "NB: chair wants this escalated"            # Q, right of the table
    actions.cell(_row_of(actions, "A-1"), 13).value = "Rang Jo on 07700 900123"                # M, right of the table
    actions.cell(_row_of(actions, "A-2"), 6).value = "Quotes in; CCTV ordered"                 # F, Latest progress
    actions.cell(actions.max_row + 2, 2).value = "Budget query for March: ask the chair"       # below the table
    wb.create_sheet("My notes")["B4"] = "Remember the licensing review"
    return wb


def test_words_outside_the_taken_columns_are_named_on_a_dry_run(register, sent, tmp_path):
    back = _save(_owner_edits(sent["book"]), tmp_path)
    before = register_state(register)
    receipt = updates.receive(register, back, dry_run=True, today=TODAY)
    assert register_state(register) == before and updates.returns_log(register) == []
    said = updates.account(receipt)
    for words in ("Risks Q3 (R-01 Night-time economy violence): wrote in a column that is not taken back: column Q: "
                  "NB: chair wants this escalated",
                  "wrote in a column that is not taken back: column M: Rang Jo on 07700 900123",
                  "(A-2 Review CCTV): changed a column that is not taken back: Latest progress: "
                  "Quotes in; CCTV ordered",
                  "Budget query for March: ask the chair / row: added: Actions row ",
                  "My notes B4: wrote outside the table: column B: Remember the licensing review"):
        assert words in said, words
    assert len(_comments(receipt.changes)) == 4   # the notes row is an added row: its words are its item


def test_they_are_kept_with_the_return_and_nothing_is_applied(register, sent, tmp_path):
    back = _save(_owner_edits(sent["book"]), tmp_path)
    before = register_state(register)
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)
    assert register_state(register) == before   # a comment is never applied, even with accept-all
    kept = _comments(updates.changes_of(register, known(receipt.return_id)))
    assert {(c["field"], c["new_value"], c["outcome"]) for c in kept} == {
        ("column Q", "NB: chair wants this escalated", "not taken"),
        ("column M", "Rang Jo on 07700 900123", "not taken"),
        ("Latest progress", "Quotes in; CCTV ordered", "not taken"),
        ("column B", "Remember the licensing review", "not taken")}
    progress = next(c for c in kept if c["field"] == "Latest progress")
    assert (progress["old_value"], progress["row_id"]) == ("Quotes requested", sent["a2"].id)
    assert get_action(register, sent["a2"].id).progress == "Quotes requested"
    [logged] = updates.returns_log(register)
    assert (logged["not_taken"], logged["pending"]) == (5, 0)   # with the notes row, kept as an added row


def test_an_untouched_return_has_no_comments(register, sent, tmp_path):
    back = _save(load_workbook(sent["book"]), tmp_path)   # opened and saved, as an owner with nothing to say
    receipt = updates.receive(register, back, dry_run=True, today=TODAY)
    assert receipt.changes == [] and receipt.notes == []


def test_a_renamed_heading_is_said_once_and_no_row_is_called_deleted(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Mitigations"]
    ws["F2"] = "My revisions"                       # the heading of "Revised mitigation"
    ws["F3"] = "Weekly patrols instead"             # written under it
    ws["G3"] = "Possible"                           # New expected likelihood, still under its heading
    before = register_state(register)
    receipt = updates.receive(register, _save(wb, tmp_path), accept_all=True, today=TODAY)
    assert [n for n in receipt.notes if "Revised mitigation" in n] == [
        "the Mitigations sheet's heading 'Revised mitigation' (column F) was changed to 'My revisions', so that "
        "column was not taken (the rest of the sheet was read; anything written under a changed heading is listed "
        "with the cells not taken back)"]
    assert updates.account(receipt).count("Revised mitigation") == 1
    assert not [c for c in receipt.changes if c["flag"] == "deleted"]
    [kept] = _comments(receipt.changes)
    assert (kept["field"], kept["new_value"]) == ("My revisions", "Weekly patrols instead")
    assert "wrote under a heading that was changed: My revisions: Weekly patrols instead" in kept["detail"]
    mitigation = known(get_mitigation(register, sent["m1"].id))
    assert mitigation.description == "=Street pastors on Fridays"   # the column not taken changed nothing
    # The rest of the sheet was taken: the expected likelihood, under its own heading, was applied.
    assert known(mitigation.expected).likelihood == 3 and register_state(register) != before


def test_an_emptied_heading_of_a_read_only_column_keeps_the_sheet(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    wb["Actions"]["F2"] = None                      # "Latest progress" heading cleared
    before = register_state(register)
    receipt = updates.receive(register, _save(wb, tmp_path), accept_all=True, today=TODAY)
    assert receipt.notes == ["the Actions sheet has lost its 'Latest progress' column, so that column was not taken "
                             "(the rest of the sheet was read; anything written under a changed heading is listed "
                             "with the cells not taken back)"]
    assert receipt.changes == []   # the progress sent, under no heading, is not the owner's words
    assert register_state(register) == before


def test_a_lost_hidden_identity_refuses_the_sheet_once_and_keeps_its_words(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Actions"]
    ws["J2"] = None                                 # the hidden "Row ID" heading
    ws.cell(_row_of(ws, "A-1"), 8).value = "Door staff trained"   # a progress update on the refused sheet
    before = register_state(register)
    receipt = updates.receive(register, _save(wb, tmp_path), accept_all=True, today=TODAY)
    assert [n for n in receipt.notes if "Actions" in n] == [
        "the Actions sheet has lost its hidden 'Row ID (do not edit)' column, so its rows cannot be matched and "
        "nothing on it was taken (anything written on it is listed with the cells not taken back)"]
    assert not [c for c in receipt.changes if c["flag"] == "deleted"]
    assert [c["new_value"] for c in _comments(receipt.changes)] == ["Door staff trained"]
    assert register_state(register) == before


HUGE = "Lorem ipsum dolor sit amet. " * 4000           # 112,000 characters: more than a cell can hold


@pytest.mark.parametrize("value, kept, shown", [
    (HUGE, HUGE[:32767], "amet. Lor\u2026; kept in the returns log"),   # openpyxl saves a cell's most, 32,767
    ("=HYPERLINK(\"http://evil.example\",\"click\")", "=HYPERLINK(\"http://evil.example\",\"click\")", "=HYPERLINK"),
    ("line one\r\nline\ttwo \u202eesrever\u200b", "line one\nline\ttwo \u202eesrever\u200b", "line one line two"),
    ("=1/0", "=1/0", "=1/0"),
])
def test_hostile_words_outside_the_table_are_kept_whole_and_shown_on_one_line(register, sent, tmp_path, value,
                                                                               kept, shown):
    wb = load_workbook(sent["book"])
    wb["Risks"]["Z40"] = value
    before = register_state(register)
    receipt = updates.receive(register, _save(wb, tmp_path), accept_all=True, today=TODAY)
    assert register_state(register) == before
    [comment] = _comments(updates.changes_of(register, known(receipt.return_id)))
    assert comment["new_value"] == kept and shown in comment["detail"]
    said = updates.account(receipt)
    assert "\r" not in said and "\t" not in said and len(said) < 1000   # one short line per cell


def test_a_sheet_full_of_words_keeps_the_first_five_thousand_and_says_so(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb.create_sheet("Scratch")
    for row in range(1, 601):
        for column in range(1, 11):
            ws.cell(row, column).value = f"n{row}.{column}"
    before = register_state(register)
    receipt = updates.receive(register, _save(wb, tmp_path), accept_all=True, today=TODAY)
    assert register_state(register) == before
    assert len(_comments(receipt.changes)) == 5000
    assert "6,000 cells were written outside the columns taken back; only the first 5,000" in updates.account(receipt)


def test_a_register_of_the_previous_schema_keeps_its_returns_and_takes_comments(tmp_path):
    files = migrations.migration_files()
    mine = next(n for n, f in enumerate(files, start=1) if f.name.endswith("_return_comments.sql"))
    path = tmp_path / "old.cspreg"
    build_at(path, mine - 1)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO returns (id, file_name, file_sha256, received_at, status) VALUES "
                 "('t1', 'back.xlsx', 'x', '2026-01-01T00:00:00', 'taken')")
    conn.execute("INSERT INTO return_changes (id, return_id, position, tbl, field, new_value, flag, outcome) VALUES "
                 "('c1', 't1', 0, 'risks', 'commentary', 'Worse', 'conflict', 'pending')")
    conn.commit()
    conn.close()
    reg = Register.open(path)
    try:
        [kept] = updates.changes_of(reg, "t1")
        assert (kept["new_value"], kept["flag"], kept["outcome"]) == ("Worse", "conflict", "pending")
        with reg.transaction():
            reg.db.execute("UPDATE return_changes SET flag = 'comment' WHERE id = 'c1'")
    finally:
        reg.close()


def test_a_heading_the_owner_added_names_their_column_and_the_title_line_is_theirs_too(register, sent, tmp_path):
    wb = load_workbook(sent["book"])
    ws = wb["Risks"]
    ws["Q2"], ws["Q3"], ws["D1"] = "My\nnotes", "Ask Jo", "DRAFT - not checked"   # a heading on two lines
    receipt = updates.receive(register, _save(wb, tmp_path), dry_run=True, today=TODAY)
    said = updates.account(receipt)
    assert "Risks Q3 (R-01 Night-time economy violence): wrote in a column that is not taken back: My notes: " \
           "Ask Jo" in said
    assert "Risks Q2: wrote outside the table: column Q: My notes" in said
    assert "Risks D1: wrote outside the table: column D: DRAFT - not checked" in said
    assert len(_comments(receipt.changes)) == 3   # the title line as sent (A1) is not the owner's
