"""A rebuilt issued pack: exempt then or exempt now, it stays out of Part I, and the cover says the copy differs."""
import json

from click.testing import CliRunner
from pypdf import PdfReader

from csp_desktop.cli import main
from csp_desktop.services import pack_json
from csp_desktop.services.packs import PackOptions, build_pack, for_part, gather, issue
from csp_desktop.store import Register
from csp_desktop.store.risks import get_risk, save_risk
from csp_desktop.store.snapshots import save_snapshot
from tests.pack_register import EXEMPT_REF, EXEMPT_TITLE, TODAY, fill

DIFFERS = "so its text differs from the pack as issued"


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _flag(reg, risk_id, exempt):
    risk = get_risk(reg, risk_id)
    risk.exempt = exempt
    save_risk(reg, risk)


def test_a_risk_made_exempt_after_issue_leaves_the_rebuilt_part_one(register, tmp_path):
    ids = fill(register)
    issue(register, ids["this"], TODAY)
    _flag(register, ids["R-1"], True)
    public = build_pack(register, tmp_path / "p1.pdf", PackOptions(meeting_id=ids["this"]), TODAY)
    text = _text(tmp_path / "p1.pdf")
    assert "Loss of funding for IDVA service" not in text and "Write the PCC bid" not in text
    assert public.exempt_since_issue == 2  # R-1 and its action A-1
    assert DIFFERS in text
    build_pack(register, tmp_path / "p2.pdf", PackOptions(meeting_id=ids["this"], part="exempt"), TODAY)
    exempt = _text(tmp_path / "p2.pdf")
    assert "Loss of funding for IDVA service" in exempt and "Write the PCC bid" in exempt and DIFFERS in exempt


def test_a_risk_exempt_at_issue_stays_out_even_when_its_flag_is_cleared(register, tmp_path):
    ids = fill(register)
    issue(register, ids["this"], TODAY)
    _flag(register, ids[EXEMPT_REF], False)
    result = build_pack(register, tmp_path / "p1.pdf", PackOptions(meeting_id=ids["this"]), TODAY)
    text = _text(tmp_path / "p1.pdf")
    assert EXEMPT_TITLE not in text and "Kestrel" not in text
    assert result.exempt_since_issue == 0 and DIFFERS not in text


def test_an_unchanged_rebuild_says_nothing(register, tmp_path):
    ids = fill(register)
    issue(register, ids["this"], TODAY)
    build_pack(register, tmp_path / "p1.pdf", PackOptions(meeting_id=ids["this"]), TODAY)
    assert DIFFERS not in _text(tmp_path / "p1.pdf")


def test_packs_issued_before_ids_were_kept_are_matched_by_ref(register):
    ids = fill(register)
    stored = json.loads(pack_json.dumps(gather(register, ids["this"], TODAY)))
    # The snapshot as an older version wrote it: actions without their risk's id, changes without an id.
    for action in stored["pack"]["actions"] + stored["pack"]["matters_arising"]:
        action.pop("risk_id")
    for change in stored["pack"]["changes"]:
        change.pop("id")
    save_snapshot(register, ids["this"], json.dumps(stored))
    _flag(register, ids["R-1"], True)
    public = for_part(gather(register, ids["this"], TODAY), "public")
    shown = [*(r.ref for r in public.risks), *(a.ref for a in public.actions), *(m.ref for m in public.matters_arising),
             *(c.ref for c in public.changes)]
    assert "R-1" not in shown and "A-1" not in shown


def test_the_command_line_says_the_rebuild_differs(tmp_path):
    path = tmp_path / "r.cspreg"
    reg = Register.create(path, "Test CSP")
    ids = fill(reg)
    issue(reg, ids["this"], TODAY)
    _flag(reg, ids["R-1"], True)
    reg.close()
    result = CliRunner().invoke(main, ["pack", str(path), str(tmp_path / "p.pdf"), "--meeting", ids["this"]])
    assert result.exit_code == 0, result.output
    assert "2 items marked exempt since the pack was issued are left out of this copy" in result.output
