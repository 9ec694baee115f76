"""An imported action's own words (status as reported, due date as written) reach the tracker and the pack."""
from datetime import date

from pypdf import PdfReader

from csp_desktop.domain.model import Action, Risk
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store import Register
from csp_desktop.store.actions import add_action, list_actions
from csp_desktop.store.risks import add_risk


def test_status_as_reported_and_due_words_are_printed(tmp_path):
    with Register.create(tmp_path / "r.cspreg", "Words CSP") as reg:
        risk_id = add_risk(reg, Risk("Flooding", ref="R1"))
        add_action(reg, Action("Refresh the flood plan", ref="A1", status="in progress", risk_id=risk_id,
                               status_reported="Behind schedule (Amber)", due=date(2027, 3, 31),
                               due_text="Q4 2026/27"))
        add_action(reg, Action("Exercise the rest centre", ref="A2", due_text="Ongoing", risk_id=risk_id))
        (first, second) = sorted(list_actions(reg), key=lambda a: a.ref)
        assert (first.status_reported, first.due_text, second.due_text) == ("Behind schedule (Amber)",
                                                                            "Q4 2026/27", "Ongoing")
        build_pack(reg, tmp_path / "pack.pdf", PackOptions(sections=("tracker",)), date(2026, 12, 1))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "(Behind schedule (Amber))" in text and "Q4 2026/27" in text and "Ongoing" in text


def test_the_tracker_row_shows_the_words_beside_the_status_and_date():
    from csp_desktop.ui.actions.action_rows import due_shown, status_shown
    action = Action("x", status="in progress", status_reported="Delayed", due=date(2027, 3, 31),
                    due_text="March 2027")
    assert status_shown(action) == "in progress: Delayed"
    assert due_shown(action) == "31/03/2027 (March 2027)"
    assert due_shown(Action("y", due_text="TBC")) == "TBC"
    assert due_shown(Action("z", due=date(2027, 3, 31))) == "31/03/2027"
