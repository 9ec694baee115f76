"""`csp-desktop updates ...` through click's CliRunner."""
import csv

import pytest

from csp_desktop.store import Register
from csp_desktop.store.actions import get_action
from tests.services.update_helpers import build_round_register, edit_return, register_state
from tests.cli.invoke import run


@pytest.fixture
def setup(built_register):
    return built_register(build_round_register)


def _sent(tmp_path, setup):
    path, _ = setup
    result = run("updates", "send", path, tmp_path / "out", "--owner", "Siân Prŵs", "--return-by", "20/12/2026")
    assert result.exit_code == 0, result.output
    (book,) = (tmp_path / "out").glob("*.xlsx")
    return book


def test_send_writes_one_workbook_per_owner(tmp_path, setup):
    path, _ = setup
    result = run("updates", "send", path, tmp_path / "out")
    assert result.exit_code == 0
    assert "Siân Prŵs - update" in result.output and "2 risks, 1 mitigation, 2 actions" in result.output
    assert "Sent 2 workbook(s)" in result.output
    assert "1 risk, 1 mitigation, 1 action\n" in result.output  # one, not "1 risks"
    assert len(list((tmp_path / "out").glob("*.xlsx"))) == 2


def test_send_refuses_a_bad_date_and_an_unknown_owner(tmp_path, setup):
    path, _ = setup
    bad_date = run("updates", "send", path, tmp_path / "out", "--return-by", "next Friday")
    assert bad_date.exit_code == 1 and "Error: --return-by: 'next Friday' is not a date" in bad_date.output
    unknown = run("updates", "send", path, tmp_path / "out", "--owner", "Nobody")
    assert unknown.exit_code == 1 and "Error: There is no owner called 'Nobody'" in unknown.output


def test_receive_without_accept_all_logs_and_applies_nothing(tmp_path, setup):
    path, items = setup
    back = edit_return(_sent(tmp_path, setup), {("Actions", "A-1", "New status"): "complete",
                                                ("Risks", "R-02", "New likelihood"): "about 3"}, tmp_path / "b.xlsx")
    with Register.open(path) as reg:
        before = register_state(reg)
    result = run("updates", "receive", path, back)
    assert result.exit_code == 0
    assert "b.xlsx (Siân Prŵs): 2 proposed change(s): 1 not taken, 1 pending." in result.output
    assert "'about 3' is not a likelihood level" in result.output
    with Register.open(path) as reg:
        assert register_state(reg) == before

    log = run("updates", "log", path).output.splitlines()
    assert "b.xlsx" in log[2] and " taken " in log[2]
    changes = run("updates", "log", path, "--changes", log[2].split()[0]).output.splitlines()
    waiting = next(line for line in changes if line.rstrip().endswith("pending"))
    decided = run("updates", "decide", path, "--accept", waiting.split()[0])
    assert decided.exit_code == 0 and "Applied 1, rejected 0." in decided.output
    with Register.open(path) as reg:
        assert get_action(reg, items["a1"].id).status == "complete"


def test_receive_accept_all_then_again_says_already_received(tmp_path, setup):
    path, items = setup
    back = edit_return(_sent(tmp_path, setup), {("Actions", "A-1", "New status"): "complete"}, tmp_path / "b.xlsx")
    first = run("updates", "receive", path, back, "--accept-all")
    assert "1 applied" in first.output
    second = run("updates", "receive", path, back, "--accept-all")
    assert second.exit_code == 0 and "already received on" in second.output
    assert "nothing was applied twice" in second.output


def test_receive_dry_run_writes_nothing(tmp_path, setup):
    path, _ = setup
    back = edit_return(_sent(tmp_path, setup), {("Actions", "A-1", "New status"): "complete"}, tmp_path / "b.xlsx")
    before = path.read_bytes()
    result = run("updates", "receive", path, back, "--dry-run", "--accept-all")
    assert "[dry run: nothing written]" in result.output
    assert path.read_bytes() == before


def test_receive_reports_refused_files_and_exits_1(tmp_path, setup):
    path, _ = setup
    junk = tmp_path / "notes.xlsx"
    junk.write_text("hello")
    result = run("updates", "receive", path, junk, catch_exceptions=True)
    assert result.exit_code == 1
    assert "notes.xlsx: refused. notes.xlsx is not a spreadsheet (.xlsx)." in result.output
    assert "Error: 1 of 1 file(s) refused" in result.output


def test_status_lists_owners_and_exports_csv(tmp_path, setup):
    path, _ = setup
    assert "No workbooks have been sent" in run("updates", "status", path).output
    run("updates", "send", path, tmp_path / "out", "--return-by", "01/01/2020")
    result = run("updates", "status", path, "--export", tmp_path / "chase.csv")
    assert result.exit_code == 0 and result.output.count("overdue") == 2
    with (tmp_path / "chase.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["owner"] for r in rows] == ["Police & Crime", "Siân Prŵs"] and rows[1]["email"] == "sian@example.org"


def test_every_updates_command_has_help():
    for name in ("send", "receive", "status", "log", "decide"):
        result = run("updates", name, "--help")
        assert result.exit_code == 0 and len(result.output.splitlines()) > 4


def test_the_coordinator_is_set_shown_and_given_per_round(tmp_path, setup):
    from openpyxl import load_workbook
    path, _ = setup
    shown = run("updates", "contact", path)
    assert shown.exit_code == 0 and "Email: (not set)" in shown.output
    assert run("updates", "contact", path, "--name", "Sam Patel", "--email", "sam@csp.example.org").exit_code == 0
    assert "Coordinator: Sam Patel\nEmail: sam@csp.example.org" in run("updates", "contact", path).output
    refused = run("updates", "contact", path, "--email", "sam at csp", catch_exceptions=True)
    assert refused.exit_code == 1 and "does not look like an email address" in refused.output
    assert "sam@csp.example.org" in run("updates", "contact", path).output
    result = run("updates", "send", path, tmp_path / "out", "--owner", "Siân Prŵs", "--coordinator", "Ffion Ŵyn")
    assert result.exit_code == 0, result.output
    (book,) = (tmp_path / "out").glob("*.xlsx")
    lines = [row[0] for row in load_workbook(book)["Instructions"].iter_rows(values_only=True) if row[0]]
    assert "Your coordinator: Ffion Ŵyn, sam@csp.example.org." in lines


def test_receive_names_words_outside_the_yellow_columns_on_a_dry_run_and_keeps_them(tmp_path, setup):
    from openpyxl import load_workbook
    path, items = setup
    wb = load_workbook(_sent(tmp_path, setup))
    wb["Risks"]["Q3"] = "NB: chair wants this escalated"
    wb["Actions"]["F4"] = "Quotes in; CCTV ordered"   # the read-only "Latest progress" of A-2
    wb["Mitigations"]["F2"] = "My revisions"          # the heading of "Revised mitigation"
    back = tmp_path / "b.xlsx"
    wb.save(back)
    with Register.open(path) as reg:
        before = register_state(reg)
    for flags in (("--dry-run",), ("--accept-all",)):
        result = run("updates", "receive", path, back, *flags)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "wrote in a column that is not taken back: column Q: NB: chair wants this escalated" in out
        assert "changed a column that is not taken back: Latest progress: Quotes in; CCTV ordered" in out
        assert out.count("'Revised mitigation'") == 1 and "deleted" not in out
    with Register.open(path) as reg:
        assert register_state(reg) == before
        assert get_action(reg, items["a2"].id).progress == "Quotes requested"
    log = run("updates", "log", path).output.splitlines()
    changes = run("updates", "log", path, "--changes", log[2].split()[0]).output
    assert "NB: chair wants this escalated" in changes and "comment" in changes
