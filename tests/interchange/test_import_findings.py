"""What fuzzing the reader found, each fixed and proved here."""
import time

import pytest

from csp_desktop.domain.model import Action, Priority, Risk
from csp_desktop.interchange.problems import ReadError
from csp_desktop.interchange.register_reader import read_spreadsheet
from csp_desktop.services.exports import export_register
from csp_desktop.services.imports import import_file
from csp_desktop.store import Register
from csp_desktop.store.actions import add_action, list_actions
from csp_desktop.store.partners import list_priorities
from csp_desktop.store.risks import add_risk, list_risks
from tests.conftest import snapshot
from tests.interchange.hostile import sheet_bomb, with_stated_size, with_zip_version, workbook_bytes
from tests.conftest import known


def _refused(register, path, match):
    before = snapshot(register)
    started = time.perf_counter()
    with pytest.raises(ReadError, match=match) as info:
        import_file(register, path)
    assert time.perf_counter() - started < 1.0
    assert snapshot(register) == before
    assert str(info.value).startswith(path.name)
    return info.value


def test_a_doubled_quote_inside_a_quoted_cell_keeps_every_column_in_place(tmp_path):
    # csv.Sniffer guessed doublequote=False on this file and read it one column off from that row on.
    path = tmp_path / "quotes.csv"
    path.write_text('Ref,Risk,Likelihood,Impact,Owner\n1,"Loss of ""core"" funding",3,4,Police\n'
                    "2,Flood,2,2,Council\n3,Fire,1,5,Fire service\n", encoding="utf-8")
    plan = read_spreadsheet(path)
    assert [r.title for r in plan.risks] == ['Loss of "core" funding', "Flood", "Fire"]
    assert [known(r.inherent).score for r in plan.risks] == [12, 4, 5]
    assert plan.warnings == []


def test_semicolon_files_are_still_sniffed(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text('Risk;Likelihood;Impact\n"Flood; river";2;3\n', encoding="utf-8")
    assert read_spreadsheet(path).risks[0].title == "Flood; river"


def test_a_sheet_that_states_a_smaller_size_is_read_to_its_last_row(tmp_path):
    rows = [["Ref", "Risk", "Likelihood", "Impact"]] + [[n, f"Risk {n}", 2, 3] for n in range(1, 7)]
    path = tmp_path / "dimension.xlsx"
    path.write_bytes(with_stated_size(workbook_bytes(rows), "A1:D4"))
    assert [r.ref for r in read_spreadsheet(path).risks] == ["1", "2", "3", "4", "5", "6"]


def test_a_bad_level_below_the_stated_size_is_still_refused(register, tmp_path):
    rows: list[list[object]] = [["Ref", "Risk", "Likelihood", "Impact"], [1, "Flood", 2, 3], [2, "Fire", 2, 3],
                                [3, "Theft", 9, 3]]
    path = tmp_path / "dimension.xlsx"
    path.write_bytes(with_stated_size(workbook_bytes(rows), "A1:D2"))
    error = _refused(register, path, "row 4")
    assert "'9'" in str(error.problems[0]) and "Likelihood" in str(error.problems[0])


def test_priority_refs_are_kept_and_a_second_title_is_reported(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("Priority,Priority title,Lead agency,Action\n"
                    "P1,Violence\u00a0against women,Police,Refuge places\n"
                    "1.2,Night-time economy,Council,Street pastors\n"
                    "SP-3,Reoffending,Probation,Mentoring\n"
                    "P1,Domestic abuse,Health,Training for GPs\n", encoding="utf-8")
    plan = read_spreadsheet(path)
    assert [(p.ref, p.title, p.lead_agency) for p in plan.priorities] == [
        ("P1", "Violence\u00a0against women", "Police"), ("1.2", "Night-time economy", "Council"),
        ("SP-3", "Reoffending", "Probation")]
    assert [a.priority_id for a in plan.actions] == [plan.priorities[i].id for i in (0, 1, 2, 0)]
    second = [str(w) for w in plan.warnings if "earlier row" in str(w)]
    assert len(second) == 1 and "row 5" in second[0] and "'Domestic abuse'" in second[0]


def test_a_second_lead_agency_is_reported(tmp_path):
    path = tmp_path / "priorities.csv"
    path.write_text("Priority,Title,Lead agency\n1,Violence,Police\n1,Violence,Council\n", encoding="utf-8")
    plan = read_spreadsheet(path)
    assert plan.priorities[0].lead_agency == "Police"
    assert any("'Council'" in str(w) and "row 3" in str(w) for w in plan.warnings)


def test_one_stray_byte_changes_only_its_own_line(tmp_path):
    path = tmp_path / "stray.csv"
    text = "Risk,Likelihood,Impact,Owner\nCaf\u00e9 licensing,2,3,Si\u00e2n Pr\u0175s\nFlood,2,2,Ren\u00e9e\n"
    path.write_bytes(text.encode("utf-8") + b"Theft \xe9,1,1,Jo\n")
    plan = read_spreadsheet(path)
    assert [r.title for r in plan.risks] == ["Caf\u00e9 licensing", "Flood", "Theft \u00e9"]
    assert [o.name for o in plan.owners] == ["Si\u00e2n Pr\u0175s", "Ren\u00e9e", "Jo"]
    (warning,) = plan.warnings
    assert "line 4, byte 7: e9 is not UTF-8" in str(warning)


def test_a_windows_1252_file_is_still_read_whole(tmp_path):
    path = tmp_path / "cp.csv"
    path.write_bytes("Risk,Likelihood,Impact\nCaf\u00e9,2,3\nR\u00e9sum\u00e9,1,1\n".encode("cp1252"))
    plan = read_spreadsheet(path)
    assert [r.title for r in plan.risks] == ["Caf\u00e9", "R\u00e9sum\u00e9"]
    assert "Windows-1252" in str(plan.warnings[0])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_keeps_text_that_looks_like_a_formula(register, tmp_path, suffix):
    titles = ["\t=1+1", "\r=1+1", "'=HYPERLINK(\"x\")", "=SUM(A1)", "'plain", "-5 officers"]
    for n, title in enumerate(titles, start=1):
        add_risk(register, Risk(title, ref=f"R{n}"))
    add_action(register, Action("'=cmd|' /C calc'!A0", ref="A1"))
    out = tmp_path / f"out{suffix}"
    export_register(register, out, "risks")
    fresh = Register.create(tmp_path / "fresh.cspreg", name="Fresh")
    import_file(fresh, out)
    assert sorted(r.title for r in list_risks(fresh)) == sorted(titles)
    if suffix == ".xlsx":
        assert [a.title for a in list_actions(fresh)] == ["'=cmd|' /C calc'!A0"]
    fresh.close()


def test_a_zip_version_python_cannot_unpack_is_one_sentence(register, tmp_path):
    path = tmp_path / "new-zip.xlsx"
    path.write_bytes(with_zip_version(workbook_bytes([["Risk", "Likelihood", "Impact"], ["Flood", 2, 3]]), 80))
    error = _refused(register, path, "zip file version 8.0")
    assert "save it again" in str(error)


def test_a_workbook_of_many_small_parts_is_refused_within_a_second(register, tmp_path):
    error = _refused(register, sheet_bomb(tmp_path / "bomb.xlsx"), "180 sheets")
    assert "not opened" in str(error)


def test_many_parts_under_the_sheet_limit_still_count_towards_the_unpacked_size(register, tmp_path):
    _refused(register, sheet_bomb(tmp_path / "wide.xlsx", sheets=59, part_bytes=1_200_000), "would unpack to")


def test_a_million_row_csv_is_refused_within_a_second(register, tmp_path):
    path = tmp_path / "million.csv"
    path.write_bytes(b"Risk,Likelihood,Impact\n" + b"Flood,2,3\n" * 1_000_000)
    _refused(register, path, "1,000,001 lines")


def test_priority_cells_of_actions_link_to_priorities_the_register_has(register, tmp_path):
    from csp_desktop.store.partners import add_priority
    add_priority(register, Priority("Reoffending", ref="SP-3"))
    path = tmp_path / "a.csv"
    path.write_text("Action,Priority\nMentoring,SP-3\n", encoding="utf-8")
    import_file(register, path)
    (priority,) = list_priorities(register)
    assert list_actions(register)[0].priority_id == priority.id
