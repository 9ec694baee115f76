"""meetings, meeting-add and pack from the command line."""
import re

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from csp_desktop.cli import main
from csp_desktop.store import Register
from tests.pack_register import EXEMPT_REF, fill


@pytest.fixture
def path(tmp_path):
    reg = Register.create(tmp_path / "r.cspreg", "Test CSP")
    fill(reg)
    reg.close()
    return tmp_path / "r.cspreg"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_every_pack_command_has_help():
    for name in ("meetings", "meeting-add", "meeting-edit", "pack"):
        result = run(name, "--help")
        assert result.exit_code == 0 and len(result.output.splitlines()) > 3


def test_meeting_add_prints_the_id_and_meetings_lists_it(path):
    added = run("meeting-add", path, "--board", "Safer Gwynedd Board", "--date", "2027-03-02", "--venue", "Hall & <1>",
                "--marking", "OFFICIAL-SENSITIVE")
    assert added.exit_code == 0, added.output
    new_id = added.output.strip()
    assert re.fullmatch(r"[0-9a-f-]{36}", new_id)
    listed = run("meetings", path, "--format", "csv")
    assert listed.exit_code == 0
    row = next(line for line in listed.output.splitlines() if line.startswith(new_id))
    assert "Safer Gwynedd Board,2027-03-02,,Hall & <1>,OFFICIAL-SENSITIVE" in row


@pytest.mark.parametrize("args, message", [
    (("--board", "", "--date", "2027-01-01"), "needs the name"),
    (("--board", "B", "--date", "31/02/2027"), "not a date"),
    (("--board", "B", "--date", "2027-01-01", "--marking", "SECRET"), "SECRET"),
])
def test_meeting_add_refuses_bad_input(path, args, message):
    result = run("meeting-add", path, *args)
    assert result.exit_code != 0 and message in result.output
    assert len(run("meetings", path, "--format", "csv").output.splitlines()) == 3  # header + 2 meetings


def test_pack_defaults_to_the_public_part_as_at_today(path, tmp_path):
    out = tmp_path / "pack.pdf"
    result = run("pack", path, out)
    assert result.exit_code == 0, result.output
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "public part" in result.output and "as at" in text and EXEMPT_REF not in text


def test_pack_for_a_meeting_exempt_part_with_marking(path, tmp_path):
    meeting_id = run("meetings", path, "--format", "csv").output.splitlines()[2].split(",")[0]
    out = tmp_path / "exempt.pdf"
    result = run("pack", path, out, "--meeting", meeting_id, "--part", "exempt", "--marking", "OFFICIAL-SENSITIVE")
    assert result.exit_code == 0, result.output
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert all("NOT FOR PUBLICATION" in t and "OFFICIAL-SENSITIVE" in t for t in pages)
    assert EXEMPT_REF in "".join(pages)


def test_pack_issue_then_listed_as_issued(path, tmp_path):
    meeting_id = run("meetings", path, "--format", "csv").output.splitlines()[2].split(",")[0]
    result = run("pack", path, tmp_path / "p.pdf", "--meeting", meeting_id, "--issue")
    assert result.exit_code == 0 and "as issued" in result.output
    listed = run("meetings", path, "--format", "json").output
    assert '"issued": "20' in listed


@pytest.mark.parametrize("args, message", [
    (("--meeting", "no-such-id"), "no meeting with id"),
    (("--part", "secret"), "Invalid value"),
    (("--issue",), "Only a meeting"),
])
def test_pack_refuses_bad_options(path, tmp_path, args, message):
    result = run("pack", path, tmp_path / "p.pdf", *args)
    assert result.exit_code != 0 and message in result.output
    assert not (tmp_path / "p.pdf").exists()


def test_pack_on_a_file_that_is_not_a_register(tmp_path):
    junk = tmp_path / "junk.cspreg"
    junk.write_text("hello")
    result = run("pack", junk, tmp_path / "p.pdf")
    assert result.exit_code == 1 and result.output.startswith("Error:")


def test_issuing_a_past_meeting_warns_that_todays_register_is_kept(tmp_path):
    from click.testing import CliRunner
    from csp_desktop.cli import main
    path = tmp_path / "late.cspreg"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(path)]).exit_code == 0
    meeting_id = runner.invoke(main, ["meeting-add", str(path), "--board", "PEG",
                                      "--date", "2020-01-15"]).output.strip()
    result = runner.invoke(main, ["pack", str(path), str(tmp_path / "late.pdf"), "--meeting", meeting_id, "--issue"])
    assert result.exit_code == 0, result.output
    assert "warning: PEG met on 15/01/2020; the register as it stands today is kept" in result.output
    again = runner.invoke(main, ["pack", str(path), str(tmp_path / "late2.pdf"), "--meeting", meeting_id, "--issue"])
    assert "warning" not in again.output and "as issued" in again.output


def test_meeting_edit_sets_the_covering_report_and_the_cover_prints_it(path, tmp_path):
    added = run("meeting-add", path, "--board", "Board", "--date", "2027-03-02", "--agenda-item", "6",
                "--purpose", "To note <b>the</b> register & agree")
    meeting_id = added.output.strip()
    edited = run("meeting-edit", path, meeting_id, "--report-of", "CSP Manager", "--contact-officer",
                 "Ann Jones, ann@example.org", "--recommendation", "That the board notes the register.")
    assert edited.exit_code == 0, edited.output
    out = tmp_path / "p.pdf"
    assert run("pack", path, out, "--meeting", meeting_id).exit_code == 0
    cover = " ".join(PdfReader(out).pages[0].extract_text().split())
    for text in ("Agenda item 6", "Report of CSP Manager", "Ann Jones, ann@example.org",
                 "To note <b>the</b> register & agree", "That the board notes the register.", "Key messages"):
        assert text in cover


@pytest.mark.parametrize("args", [["--purpose", "x" * 5000], ["--marking", "SECRET"], ["--agenda-item", "y" * 4001]])
def test_meeting_edit_refuses_bad_input_and_changes_nothing(path, args):
    from tests.conftest import snapshot
    meeting_id = run("meeting-add", path, "--board", "Board", "--date", "2027-03-02").output.strip()
    with Register.open(path) as reg:
        before = snapshot(reg)
    result = run("meeting-edit", path, meeting_id, *args)
    assert result.exit_code != 0
    with Register.open(path) as reg:
        assert snapshot(reg) == before


def test_meeting_edit_of_an_unknown_meeting_is_a_one_line_error(path):
    result = run("meeting-edit", path, "no-such-meeting", "--purpose", "x")
    assert result.exit_code != 0 and "no meeting" in result.output


def test_an_unusual_marking_is_asked_about_first(path, tmp_path):
    meeting_id = run("meeting-add", path, "--board", "Board", "--date", "2027-03-02", "--marking",
                     "OFFICIAL-SENSITIVE").output.strip()
    out = tmp_path / "p.pdf"
    refused = CliRunner().invoke(main, ["pack", str(path), str(out), "--meeting", meeting_id, "--part", "exempt",
                                        "--marking", "OFFICIAL"], input="n\n")
    assert refused.exit_code != 0 and "lower than its meeting" in refused.output and not out.exists()
    public = CliRunner().invoke(main, ["pack", str(path), str(out), "--marking", "OFFICIAL-SENSITIVE"], input="n\n")
    assert public.exit_code != 0 and not out.exists()
    assert run("pack", path, out, "--marking", "OFFICIAL-SENSITIVE", "--yes").exit_code == 0
    default = run("pack", path, tmp_path / "d.pdf", "--meeting", meeting_id)
    assert default.exit_code == 0
    assert "OFFICIAL-SENSITIVE" not in PdfReader(tmp_path / "d.pdf").pages[0].extract_text()  # Part I default
