"""The command line's edits: each checked against the register and its audit rows (recorded under the name
`whoami` set), with a refusal of a write started from an older version, and nothing written when refused."""
import json

import pytest

from csp_desktop.cli import main
from csp_desktop.store import Register
from tests.cli.invoke import rows_of, run
from tests.conftest import known

ME = "Gwenllian ap Rhys"


def ok(*args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output.strip()


def refused(path, *args):
    """The command fails in one sentence, exit 1, and the register is unchanged."""
    before = rows_of(path)
    result = run(*args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in result.output
    assert rows_of(path) == before
    return lines[0]


def audit(path, table, **where):
    """(who, change, field) of the audit rows of `table`, oldest first."""
    with Register.open(path, read_only=True) as reg:
        rows = reg.query("SELECT who, change, field, row_id FROM audit WHERE tbl = ? ORDER BY rowid", [table])
    return [(r["who"], r["change"], r["field"]) for r in rows]


def listed(path, *command):
    return json.loads(ok(*command, path, "--format", "json"))


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "csp.cspreg"
    ok("init", path, "--name", "Ceredigion CSP")
    ok("whoami", path, ME)
    ok("organisation", "add", path, "Dyfed-Powys Police")
    ok("owner", "add", path, "Siân Evans", "--organisation", "Dyfed-Powys Police", "--email", "sian@example.org")
    return path


def test_whoami_shows_and_sets_the_name_the_app_keeps(tmp_path):
    from csp_desktop.ui.settings.identity import saved_name
    path = tmp_path / "r.cspreg"
    ok("init", path)
    assert ok("whoami", path) == "tester"
    assert ok("whoami", path, "  Jo   Bloggs ") == "Your changes are now recorded as Jo Bloggs."
    assert ok("whoami", path) == "Jo Bloggs" and saved_name() == "Jo Bloggs"
    assert "cannot be empty" in refused(path, "whoami", path, "   ")
    ok("rename", path, "Powys CSP")
    assert audit(path, "register_info")[-1] == ("Jo Bloggs", "update", "name")


def test_risk_add_edit_close_reopen_delete(path):
    assert ok("risk", "add", path, "--title", "Knife crime", "--owner", "Siân Evans", "--inherent", "4,5",
              "--residual", "Likely,Major", "--next-review", "31/01/2027") == "R-01"
    (risk,) = listed(path, "risks")
    assert risk["owner"] == "Siân Evans" and risk["residual_score"] == 16 and risk["version"] == 1
    assert ok("risk", "edit", path, "R-01", "--title", "Knife crime in Aberystwyth", "--expect-version", "1") \
        == "Saved R-01 (now version 2)."
    assert ok("risk", "close", path, "r-01") == "Closed R-01 (now version 3)."
    assert listed(path, "risks")[0]["status"] == "closed"
    ok("risk", "reopen", path, "R-01")
    assert [a for a in audit(path, "risks")] == [(ME, "insert", None), (ME, "update", "title"),
                                                 (ME, "update", "status"), (ME, "update", "status")]
    message = refused(path, "risk", "edit", path, "R-01", "--title", "Old", "--expect-version", "2")
    assert message.startswith(f"Error: Risk R-01 was changed by {ME} on ") and "version 4, not 2" in message
    assert "version 4, not 1" in refused(path, "risk", "delete", path, "R-01", "--expect-version", "1")
    ok("action", "add", path, "--title", "Bleed kits", "--risk", "R-01")
    assert ok("risk", "delete", path, "R-01", "--expect-version", "4") == \
        "Deleted R-01; 1 action(s) no longer linked to it."
    assert listed(path, "risks") == [] and audit(path, "risks")[-1] == (ME, "delete", None)
    assert listed(path, "actions")[0]["risk"] is None and audit(path, "actions")[-1] == (ME, "update", "risk_id")


def test_risk_refusals_leave_the_register_alone(path):
    ok("risk", "add", path, "--title", "Knife crime", "--ref", "R-07")
    assert refused(path, "risk", "edit", path, "R-99", "--title", "x") == \
        "Error: There is no risk 'R-99' in this register."
    assert "needs a title" in refused(path, "risk", "add", path, "--description", "no title")
    assert "'6' is not a likelihood level" in refused(path, "risk", "add", path, "--title", "x", "--inherent", "6,1")
    assert "likelihood,impact" in refused(path, "risk", "edit", path, "R-07", "--residual", "4")
    assert "no owner" in refused(path, "risk", "edit", path, "R-07", "--owner", "Nobody")
    assert "not a next review date" in refused(path, "risk", "edit", path, "R-07", "--next-review", "soon")
    assert "Nothing to change" in refused(path, "risk", "edit", path, "R-07")
    assert "longer than 500" in refused(path, "risk", "edit", path, "R-07", "--title", "x" * 5000)
    ok("risk", "add", path, "--title", "Twin", "--ref", "R-08")
    with Register.open(path) as reg:  # two risks given the same ref (as an import can leave them)
        reg.db.conn.execute("UPDATE risks SET ref = 'R-07'")
        reg.db.conn.commit()
    assert "2 risks are called 'R-07'" in refused(path, "risk", "close", path, "R-07")


def test_review_records_the_score_with_the_whoami_name(path):
    ok("risk", "add", path, "--title", "Knife crime", "--inherent", "4,5", "--residual", "4,4")
    out = ok("review", path, "R-01", "--likelihood", "3", "--impact", "Moderate", "--note", "Patrols working",
             "--on", "2026-11-20", "--expect-version", "1")
    assert out.startswith("Reviewed R-01 on 20/11/2026: 3x3; next review ")
    with Register.open(path, read_only=True) as reg:
        (review,) = reg.query("SELECT * FROM reviews")
        risk = reg.query("SELECT * FROM risks")[0]
    assert (review["reviewer"], review["note"], review["reviewed_on"]) == (ME, "Patrols working", "2026-11-20")
    assert (risk["residual_likelihood"], risk["residual_impact"]) == (3, 3)
    assert audit(path, "reviews") == [(ME, "insert", None)]
    assert "changed by" in refused(path, "review", path, "R-01", "--likelihood", "1", "--impact", "1",
                                   "--expect-version", "1")
    assert "impact" in refused(path, "review", path, "R-01", "--likelihood", "1", "--impact", "Galactic")


def test_action_add_edit_status_note_delete(path):
    ok("risk", "add", path, "--title", "Knife crime")
    assert ok("action", "add", path, "--title", "Bleed kits in pubs", "--owner", "Siân Evans", "--due",
              "2027-01-31", "--risk", "R-01") == "A-001"
    (action,) = listed(path, "actions")
    assert (action["owner"], action["due"], action["risk"], action["version"]) == \
        ("Siân Evans", "2027-01-31", "R-01", 1)
    ok("action", "edit", path, "A-001", "--due", "28/02/2027", "--expect-version", "1")
    assert ok("action", "status", path, "A-001", "in progress") == "Marked in progress: A-001 (now version 3)."
    assert ok("note", path, "A-001", "Twelve kits fitted") == "Noted on A-001."
    (action,) = listed(path, "actions")
    assert (action["due"], action["status"], action["progress"]) == ("2027-02-28", "in progress", "Twelve kits fitted")
    with Register.open(path, read_only=True) as reg:
        (note,) = reg.query("SELECT * FROM progress_notes")
    assert note["author"] == ME and audit(path, "progress_notes") == [(ME, "insert", None)]
    assert all(who == ME for who, *_ in audit(path, "actions"))
    assert "Action A-001 was changed by" in refused(path, "action", "status", path, "A-001", "complete",
                                                    "--expect-version", "1")
    assert "'done' is not an action status" in refused(path, "action", "status", path, "A-001", "done")
    assert "not a risk status" in refused(path, "risk", "edit", path, "R-01", "--status", "shut")
    assert "no action 'A-404'" in refused(path, "note", path, "A-404", "text")
    assert "needs some text" in refused(path, "note", path, "A-001", "   ")
    ok("action", "delete", path, "A-001")
    assert listed(path, "actions") == [] and audit(path, "actions")[-1][:2] == (ME, "delete")


def test_mitigation_add_edit_delete(path):
    ok("risk", "add", path, "--title", "Knife crime")
    assert ok("mitigation", "add", path, "R-01", "--description", "Patrols", "--expected", "2,3") == "R-01 mitigation 1"
    ok("mitigation", "add", path, "R-01", "--description", "Knife bins", "--owner", "Siân Evans")
    rows = json.loads(ok("mitigation", "list", path, "R-01", "--format", "json"))
    assert [(r["number"], r["description"], r["expected_likelihood"]) for r in rows] == \
        [(1, "Patrols", 2), (2, "Knife bins", None)]
    ok("mitigation", "edit", path, "R-01", "2", "--description", "Knife amnesty bins", "--expect-version", "1")
    assert "Mitigation 2 of R-01 was changed by" in refused(path, "mitigation", "edit", path, "R-01", "2",
                                                            "--description", "x", "--expect-version", "1")
    assert "has no mitigation 3" in refused(path, "mitigation", "delete", path, "R-01", "3")
    assert "is not a likelihood" in refused(path, "mitigation", "edit", path, "R-01", "1", "--expected", "9,9")
    ok("mitigation", "delete", path, "R-01", "1")
    assert [r["description"] for r in json.loads(ok("mitigation", "list", path, "R-01", "--format", "json"))] == \
        ["Knife amnesty bins"]
    assert audit(path, "mitigations") == [(ME, "insert", None), (ME, "insert", None),
                                          (ME, "update", "description"), (ME, "delete", None)]


def test_owner_and_organisation_add_edit_delete(path):
    (owner,) = listed(path, "owner", "list")
    assert owner == {"name": "Siân Evans", "kind": "person", "organisation": "Dyfed-Powys Police",
                     "email": "sian@example.org", "version": 1}
    ok("owner", "edit", path, "siân evans", "--name", "Siân Evans-Jones", "--expect-version", "1")
    assert "Owner Siân Evans-Jones was changed by" in refused(path, "owner", "edit", path, "Siân Evans-Jones",
                                                              "--email", "x@y.org", "--expect-version", "1")
    assert "already an owner" in refused(path, "owner", "add", path, "SIÂN EVANS-JONES")
    assert "email" in refused(path, "owner", "edit", path, "Siân Evans-Jones", "--email", "not an address")
    ok("organisation", "edit", path, "Dyfed-Powys Police", "--name", "Heddlu Dyfed-Powys")
    assert listed(path, "organisation", "list") == [{"name": "Heddlu Dyfed-Powys", "version": 2}]
    assert "was changed by" in refused(path, "organisation", "delete", path, "Heddlu Dyfed-Powys",
                                       "--expect-version", "1")
    ok("organisation", "delete", path, "Heddlu Dyfed-Powys", "--expect-version", "2")
    ok("owner", "delete", path, "Siân Evans-Jones")
    assert listed(path, "owner", "list") == [] and listed(path, "organisation", "list") == []
    assert [c for w, c, f in audit(path, "owners") if w == ME][-1] == "delete"
    assert audit(path, "organisations")[-1] == (ME, "delete", None)


def test_meeting_edit_and_delete(path):
    meeting_id = ok("meeting-add", path, "--board", "CSP Board", "--date", "2026-12-10")
    (meeting,) = listed(path, "meetings")
    assert meeting["version"] == 1
    ok("meeting-edit", path, meeting_id, "--venue", "Penmorfa", "--expect-version", "1")
    assert "That meeting was changed by" in refused(path, "meeting-edit", path, meeting_id, "--venue", "x",
                                                    "--expect-version", "1")
    assert "changed by" in refused(path, "meeting-delete", path, meeting_id, "--expect-version", "1")
    assert ok("meeting-delete", path, meeting_id, "--expect-version", "2") == \
        "Deleted the CSP Board meeting of 10/12/2026."
    assert listed(path, "meetings") == []
    assert audit(path, "meetings") == [(ME, "insert", None), (ME, "update", "venue"), (ME, "delete", None)]


def test_scheme_show_and_set(path):
    shown = json.loads(ok("scheme", "show", path, "--format", "json"))
    assert set(shown) == {"size", "likelihood_labels", "impact_labels", "bands", "appetite", "version"}
    assert shown["size"] == "5x5" and shown["bands"][0] == {"name": "Low", "lowest": 1, "colour": "#70AD47"}
    assert "Medium,5,#FFC000,yes" in ok("scheme", "show", path, "--format", "csv")
    ok("risk", "add", path, "--title", "Knife crime", "--inherent", "5,5")
    ok("risk", "add", path, "--title", "Drugs", "--residual", "2,5")
    message = refused(path, "scheme", "set", path, "--size", "5x4")
    assert message == ("Error: The matrix cannot shrink to 5x4: 2 risks use a higher level (R-01, R-02); "
                       "re-score them first.")
    ok("risk", "edit", path, "R-01", "--inherent", "5,4")
    ok("risk", "edit", path, "R-02", "--residual", "2,4")
    assert ok("scheme", "set", path, "--size", "5x4", "--expect-version", str(shown["version"])).startswith(
        "The scheme is now 5x4")
    after = json.loads(ok("scheme", "show", path, "--format", "json"))
    assert after["size"] == "5x4" and len(after["impact_labels"]) == 4
    ok("scheme", "set", path, "--band", "Low:1:#00FF00", "--band", "High:8:#FF0000", "--appetite", "Low",
       "--likelihood", "A,B,C,D,E")
    after = json.loads(ok("scheme", "show", path, "--format", "json"))
    assert [b["name"] for b in after["bands"]] == ["Low", "High"] and after["appetite"] == "Low"
    assert after["likelihood_labels"] == ["A", "B", "C", "D", "E"]
    assert "The register was changed by" in refused(path, "scheme", "set", path, "--appetite", "High",
                                                  "--expect-version", str(shown["version"]))
    assert "NAME:LOWEST" in refused(path, "scheme", "set", path, "--band", "Low")
    assert "6x6" in refused(path, "scheme", "set", path, "--size", "6x6")
    assert "not one of the bands" in refused(path, "scheme", "set", path, "--appetite", "Huge")
    assert all(who == ME for who, *_ in audit(path, "register_info")[2:])


def test_the_readme_shows_an_example_of_every_command():
    from tests.cli.test_cli import _all_commands
    from tests.conftest import REPO
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(p) for p, command in _all_commands(main)
               if not hasattr(command, "commands") and f"csp-desktop {' '.join(p)} " not in readme]
    assert missing == []


@pytest.mark.parametrize("args, words", [
    (("risk", "add", "{p}", "--title", "x\x00y", "--inherent", "1,1,1"), "likelihood,impact"),
    (("risk", "edit", "{p}", "R-01", "--owner", "'; DROP TABLE risks; --"), "no owner"),
    (("risk", "edit", "{p}", "R-01", "--inherent", "-1,2"), "likelihood"),
    (("risk", "edit", "{p}", "R-01", "--next-review", "9999-99-99"), "not a next review date"),
    (("review", "{p}", "R-01", "--likelihood", "1e308", "--impact", "2"), "likelihood"),
    (("action", "add", "{p}", "--title", "   "), "title"),
    (("action", "add", "{p}", "--title", "x", "--due", "\x1b[31m"), "due date"),
    (("note", "{p}", "A-001", "x" * 200_001), "at most"),
    (("mitigation", "edit", "{p}", "R-01", "0", "--description", "x"), "no mitigation 0"),
    (("mitigation", "delete", "{p}", "R-01", "first"), "no mitigation first"),
    (("owner", "add", "{p}", "x" * 600), "at most 500"),
    (("organisation", "add", "{p}", " \t "), "needs a name"),
    (("whoami", "{p}", "a\x07b"), "control characters"),
    (("scheme", "set", "{p}", "--band", "Low:1:red"), "#RRGGBB"),
    (("scheme", "set", "{p}", "--likelihood", ",,,"), "label"),
    (("meeting-delete", "{p}", "no-such-meeting"), ""),
])
def test_hostile_and_huge_input_is_refused_in_one_sentence(path, args, words):
    ok("risk", "add", path, "--title", "Knife crime")
    ok("action", "add", path, "--title", "Bins")
    ok("mitigation", "add", path, "R-01", "--description", "Patrols")
    message = refused(path, *[str(path) if a == "{p}" else a for a in args])
    assert words in message


def test_a_missing_register_is_refused_before_anything_is_written(tmp_path):
    missing = tmp_path / "nope.cspreg"
    for args in (("risk", "add", missing, "--title", "x"), ("whoami", missing, "Jo"), ("scheme", "show", missing)):
        result = run(*args)
        assert result.exit_code == 1 and result.output.startswith("Error: ") and not missing.exists()
    from csp_desktop.ui.settings.identity import saved_name
    assert saved_name() is None


def test_cadence_lists_in_every_format_and_refuses_a_stale_setting(path):
    rows = json.loads(ok("cadence", path, "--format", "json"))
    assert rows[0] == {"band": "Very high", "months": 1, "every": "monthly"}
    assert ok("cadence", path, "--format", "csv").splitlines()[0] == "band,months,every"
    version = json.loads(ok("scheme", "show", path, "--format", "json"))["version"]
    ok("cadence", path, "--set", "High=2", "--expect-version", version)
    assert "The register was changed by" in refused(path, "cadence", path, "--set", "High=4", "--expect-version",
                                                    version)
    assert "The register was changed by" in refused(path, "rename", path, "X", "--expect-version", version)
    assert audit(path, "register_info")[-1] == (ME, "update", "cadence")


def test_a_score_that_moves_the_band_moves_the_next_review_as_in_the_app(path):
    from datetime import date

    from csp_desktop.domain.scoring import Rating
    from csp_desktop.services.cadence import next_review_after
    ok("risk", "add", path, "--title", "Knife crime", "--residual", "1,1", "--next-review", "2030-01-01")
    out = ok("risk", "edit", path, "R-01", "--residual", "5,5")
    assert "moved from Low to Very high" in out
    with Register.open(path, read_only=True) as reg:
        expected = next_review_after(reg, Rating(5, 5), date.today())
        assert reg.query("SELECT next_review FROM risks")[0]["next_review"] == known(expected).isoformat()
    ok("risk", "edit", path, "R-01", "--residual", "1,1", "--next-review", "2031-01-01")
    assert listed(path, "risks")[0]["residual_score"] == 1
    with Register.open(path, read_only=True) as reg:
        assert reg.query("SELECT next_review FROM risks")[0]["next_review"] == "2031-01-01"


def test_plan_edits_refuse_a_stale_version(path):
    from tests.cli.test_cli import SHARED as FILES
    for name in ("herefordshire-2012-priorities", "herefordshire-2012-performance"):
        ok("import", path, FILES / f"{name}.csv")
    priority = listed(path, "priorities")[0]
    indicator = listed(path, "indicators")[0]
    ok("priority-edit", path, priority["ref"], "--outcomes", "Fewer victims", "--expect-version", priority["version"])
    assert f"Priority {priority['ref']} was changed by {ME}" in refused(
        path, "priority-edit", path, priority["ref"], "--title", "x", "--expect-version", priority["version"])
    assert "was changed by" in refused(path, "priority-retire", path, priority["ref"], "--reason", "Done",
                                       "--expect-version", priority["version"])
    ok("indicator-edit", path, indicator["ref"], "--target", "20", "--expect-version", indicator["version"])
    assert "was changed by" in refused(path, "indicator-edit", path, indicator["ref"], "--target", "30",
                                       "--expect-version", indicator["version"])
