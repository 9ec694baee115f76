"""A whole quarter from the command line alone, compared with the same quarter done through the services:
the command line must leave the register as the app's service calls do."""
from datetime import date

from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.domain.model import Action, Owner, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.store import Register
from tests.conftest import FIXTURES
from tests.services.update_helpers import edit_return

SHARED = FIXTURES / "shared-registers"
ME = "Coordinator Jones"
FILES = ("herefordshire-2012.csv", "herefordshire-2012-actions.csv")
OWNER, EMAIL = "Siân Evans", "sian@example.org"


def ok(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output.strip()


def cli_quarter(folder):
    folder.mkdir()
    path = folder / "csp.cspreg"
    ok("init", path, "--name", "Herefordshire CSP")
    ok("whoami", path, ME)
    for name in FILES:
        ok("import", path, SHARED / name)
    ok("owner", "add", path, OWNER, "--email", EMAIL)
    ok("risk", "add", path, "--ref", "R-10", "--title", "County lines exploitation", "--owner", OWNER,
       "--inherent", "4,5", "--residual", "4,4")
    ok("action", "add", path, "--ref", "A-900", "--title", "Train taxi marshals", "--owner", OWNER,
       "--due", "2027-01-31", "--risk", "R-10")
    ok("review", path, "R-10", "--likelihood", "3", "--impact", "4", "--note", "Fewer referrals", "--on", "2026-11-20")
    meeting_id = ok("meeting-add", path, "--board", "Safer Herefordshire Board", "--date", "2026-12-10")
    ok("updates", "send", path, folder / "out", "--owner", OWNER)
    (book,) = (folder / "out").glob("*.xlsx")
    back = edit_return(book, {("Actions", "A-900", "New status"): "complete"}, folder / "return.xlsx")
    ok("updates", "receive", path, back, "--accept-all")
    ok("pack", path, folder / "pack.pdf", "--meeting", meeting_id, "--issue")
    return path


def service_quarter(folder):
    folder.mkdir()
    from csp_desktop.services import (
        action_editing,
        partner_editing,
        risk_editing,
        updates,
    )
    from csp_desktop.services.imports import import_file
    from csp_desktop.services.meetings import create_meeting, new_meeting
    from csp_desktop.services.packs import PackOptions, build_pack
    from csp_desktop.services.registers import create_register
    path = folder / "csp.cspreg"
    create_register(path, name="Herefordshire CSP").close()
    with Register.open(path, who=ME) as reg:
        for name in FILES:
            import_file(reg, SHARED / name, sheet=None, mapping={}, scheme=None, dry_run=False)
        owner = partner_editing.add_owner(reg, Owner(name=OWNER, email=EMAIL)).value
        risk = risk_editing.add_risk(reg, Risk(ref="R-10", title="County lines exploitation", owner_id=owner.id,
                                               inherent=Rating(4, 5), residual=Rating(4, 4))).value
        action_editing.add_action(reg, Action(ref="A-900", title="Train taxi marshals", owner_id=owner.id,
                                              due=date(2027, 1, 31), risk_id=risk.id))
        risk_editing.record_review(reg, risk.id, Rating(3, 4), on=date(2026, 11, 20), reviewer=ME,
                                   note="Fewer referrals", expected_version=None)
        meeting_id = create_meeting(reg, new_meeting("Safer Herefordshire Board", "2026-12-10")).value
        updates.send_round(reg, folder / "out", owner_names=[OWNER])
        (book,) = (folder / "out").glob("*.xlsx")
        back = edit_return(book, {("Actions", "A-900", "New status"): "complete"}, folder / "return.xlsx")
        updates.receive(reg, back, accept_all=True)
        build_pack(reg, folder / "pack.pdf", PackOptions(meeting_id=meeting_id, issue=True), date.today())
    return path


def content(path) -> dict:
    """What the quarter left in the register, without the ids and times each run makes anew."""
    with Register.open(path, read_only=True) as reg:
        risks = reg.query("SELECT r.ref, r.title, r.description, o.name AS owner, r.status, r.inherent_likelihood,"
                          " r.inherent_impact, r.residual_likelihood, r.residual_impact, r.next_review, r.version"
                          " FROM risks r LEFT JOIN owners o ON o.id = r.owner_id ORDER BY r.ref, r.title")
        actions = reg.query("SELECT a.ref, a.title, o.name AS owner, a.due, a.status, a.progress, a.completed_on,"
                            " a.version FROM actions a LEFT JOIN owners o ON o.id = a.owner_id ORDER BY a.ref, a.title")
        reviews = reg.query("SELECT reviewer, reviewed_on, after_likelihood, after_impact, note FROM reviews")
        counts = {t: reg.query(f"SELECT count(*) AS n FROM [{t}]")[0]["n"]
                  for t in ("mitigations", "priorities", "owners", "meetings", "pack_snapshots", "returns",
                            "return_changes", "update_rounds", "progress_notes")}
        trail = sorted((r["who"], r["tbl"], r["change"], r["field"] or "")
                       for r in reg.query("SELECT who, tbl, change, field FROM audit"))
        info = reg.info()
    return {"risks": risks, "actions": actions, "reviews": reviews, "counts": counts, "trail": trail,
            "name": info["name"], "scheme": info["scheme"]}


def test_a_quarter_on_the_command_line_leaves_what_the_services_leave(tmp_path):
    by_cli = content(cli_quarter(tmp_path / "cli"))
    by_services = content(service_quarter(tmp_path / "services"))
    assert by_cli == by_services
    (action,) = [a for a in by_cli["actions"] if a["ref"] == "A-900"]
    assert action["status"] == "complete"
    assert by_cli["counts"]["pack_snapshots"] == 1 and by_cli["counts"]["returns"] == 1
    assert {who for who, *_ in by_cli["trail"]} >= {ME}
