"""Gathering a pack: one exempt filter, issued packs kept as presented, changes since the previous meeting."""
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from tests.conftest import snapshot
from csp_desktop.domain.model import Meeting, Risk
from csp_desktop.domain.pack import (ACTION_DONE, CLOSED, ESCALATED, NEW_ACTION, NEW_RISK, OWNER_CHANGED,
                                     REMOVED, SCORE_DOWN,
                                     SCORE_UP)
from csp_desktop.domain.scoring import Rating
from csp_desktop.errors import UserError
from csp_desktop.services import pack_json
from csp_desktop.services.packs import PackOptions, build_pack, for_part, gather, issue
from csp_desktop.store.actions import get_action, set_status
from csp_desktop.store.meetings import add_meeting
from csp_desktop.store.partners import list_owners
from csp_desktop.store.risks import add_risk, delete_risk, get_risk, record_review, save_risk
from csp_desktop.store.snapshots import get_snapshot
from tests.pack_register import EXEMPT_REF, TODAY, fill


def _refs(items):
    return [i.ref for i in items]


def test_for_part_is_the_one_filter(register):
    ids = fill(register)
    data = gather(register, ids["this"], TODAY)
    assert EXEMPT_REF in _refs(data.risks)
    public, exempt = for_part(data, "public"), for_part(data, "exempt")
    for part, wanted in ((public, False), (exempt, True)):
        for items in (part.risks, part.actions, part.matters_arising, part.changes):
            assert items and all(item.exempt is wanted for item in items)
    assert EXEMPT_REF not in _refs(public.risks) + _refs(public.changes)
    assert _refs(exempt.risks) == [EXEMPT_REF]
    assert sorted(_refs(exempt.actions)) == ["A-8", "A-9"]


def test_gathered_risks_are_in_residual_order_with_direction_and_mitigations(register):
    fill(register)
    data = gather(register, None, TODAY)
    assert _refs(data.open_risks) == [EXEMPT_REF, "R-1", "R-2", "R-3", "R-4"]
    by_ref = {r.ref: r for r in data.risks}
    assert by_ref["R-2"].direction == "up" and by_ref["R-3"].direction == "unchanged"
    assert by_ref["R-1"].mitigations[0].description == "Bid to PCC fund <2027>"
    assert by_ref["R-1"].review_overdue


def test_building_a_draft_pack_writes_nothing_to_the_register(register, tmp_path):
    ids = fill(register)
    before = snapshot(register)
    build_pack(register, tmp_path / "p.pdf", PackOptions(meeting_id=ids["this"]), TODAY)
    assert snapshot(register) == before


def test_issued_pack_is_rebuilt_as_presented_after_the_register_moves_on(register, tmp_path):
    ids = fill(register)
    first = tmp_path / "issued.pdf"
    result = build_pack(register, first, PackOptions(meeting_id=ids["this"], issue=True), TODAY)
    assert result.issued_at and get_snapshot(register, ids["this"]) is not None
    risk = get_risk(register, ids["R-1"])
    risk.title = "Renamed after the meeting"
    save_risk(register, risk)
    again = tmp_path / "again.pdf"
    build_pack(register, again, PackOptions(meeting_id=ids["this"]), date(2027, 5, 1))
    text = [p.extract_text() for p in PdfReader(again).pages]
    assert text == [p.extract_text() for p in PdfReader(first).pages]
    assert "Renamed after the meeting" not in "".join(text)


def test_issuing_twice_keeps_the_first_snapshot(register, tmp_path):
    ids = fill(register)
    issue(register, ids["this"], TODAY)
    kept = get_snapshot(register, ids["this"])
    issue(register, ids["this"], date(2027, 1, 1))
    assert get_snapshot(register, ids["this"]) == kept


def test_changes_compare_with_what_the_previous_board_saw(register):
    ids = fill(register)
    issue(register, ids["last"], date(2026, 8, 25))
    owners = {o.name: o for o in list_owners(register)}
    r1, r3, r4 = (get_risk(register, ids[ref]) for ref in ("R-1", "R-3", "R-4"))
    record_review(register, r1, Rating(5, 5), on=date(2026, 11, 1), reviewer="x")
    record_review(register, r3, Rating(1, 1), on=date(2026, 11, 1), reviewer="x")
    r4 = get_risk(register, ids["R-4"])
    r4.owner_id = owners["Ch Insp Ffion Llŷr"].id
    save_risk(register, r4)
    closed = get_risk(register, ids["R-2"])
    closed.status = "closed"
    save_risk(register, closed)
    add_risk(register, Risk("Brand new risk", ref="R-10", residual=Rating(2, 2)))
    delete_risk(register, get_risk(register, ids["R-5"]))
    set_status(register, get_action(register, _action_id(register, "A-1")), "complete", date(2026, 11, 20))
    data = for_part(gather(register, ids["this"], TODAY), "public")
    assert data.changes_basis == "snapshot"
    found = {(c.ref, c.what) for c in data.changes}
    assert found == {("R-1", SCORE_UP), ("R-3", SCORE_DOWN), ("R-4", f"{OWNER_CHANGED} (was All partners)"),
                     ("R-2", CLOSED), ("R-10", NEW_RISK), ("R-5", REMOVED), ("A-1", ACTION_DONE)}
    # R-1 was already above appetite (16, Very high), so its rise is not an escalation.
    up = next(c for c in data.changes if c.what == SCORE_UP)
    assert (up.before, up.after, up.travel) == ("16 Very high (4\u00d74)", "25 Very high (5\u00d75)", "up")
    # One row per risk; the arrows in the register are the same comparison's.
    assert len({c.ref for c in data.changes if c.item == "risk"}) == len([c for c in data.changes if c.item == "risk"])
    by_ref = {r.ref: r.direction for r in data.risks}
    assert by_ref["R-1"] == "up" and by_ref["R-3"] == "down" and by_ref["R-10"] == "new"


def _started_long_ago(reg):
    reg.db.conn.execute("UPDATE register_info SET created_at = '2019-01-01T00:00:00+00:00'")
    reg.db.conn.commit()


def test_changes_from_history_when_the_previous_pack_was_not_issued(register):
    ids = fill(register)
    _started_long_ago(register)
    data = for_part(gather(register, ids["this"], TODAY), "public")
    assert data.changes_basis == "history"
    # Everything was added after the previous meeting's date, so it is all new since then.
    assert {c.ref for c in data.changes if c.what == NEW_RISK} == {"R-1", "R-2", "R-3", "R-4"}
    assert {c.ref for c in data.changes if c.what == NEW_ACTION} == {"A-1", "A-2", "A-3"}


def test_changes_from_history_rewind_scores_and_owners(register):
    old = Meeting("Board", datetime(2020, 1, 1, 10, 0))
    add_meeting(register, old)
    now = Meeting("Board", datetime(2030, 1, 1, 10, 0))
    risk = Risk("Rising", ref="H-1", residual=Rating(2, 2))
    add_risk(register, risk)
    register.db.conn.execute("UPDATE audit SET at = '2019-12-01T00:00:00+00:00'")  # made before the old meeting
    register.db.conn.commit()
    _started_long_ago(register)
    record_review(register, risk, Rating(4, 4), on=date(2026, 1, 1), reviewer="x")
    add_meeting(register, now)
    data = gather(register, now.id, TODAY)
    assert [(c.ref, c.what, c.before, c.after) for c in data.changes] == [
        ("H-1", f"{SCORE_UP}; {ESCALATED.lower()}", "4 Low (2\u00d72)", "16 Very high (4\u00d74)")]
    assert data.risks[0].direction == "up" and data.travel_since == date(2020, 1, 1)


def test_no_previous_meeting_measures_from_each_risks_first_review(register):
    risk = Risk("Only", ref="O-1", residual=Rating(2, 2))
    add_risk(register, risk)
    add_risk(register, Risk("Never reviewed", ref="O-2", residual=Rating(3, 3)))
    record_review(register, risk, Rating(3, 3), on=date(2026, 1, 1), reviewer="x", note="Worse")
    record_review(register, get_risk(register, risk.id), Rating(4, 3), on=date(2026, 2, 1), reviewer="y",
                  note="Worse again")
    data = gather(register, None, TODAY)
    assert data.previous is None and data.changes_basis == "first review" and data.travel_since is None
    assert {r.ref: r.direction for r in data.risks} == {"O-1": "up", "O-2": "unchanged"}
    (change,) = data.changes
    assert (change.ref, change.before, change.reason, change.on) == ("O-1", "4 Low (2\u00d72)", "Worse again",
                                                                    date(2026, 2, 1))


def test_snapshot_json_round_trips(register):
    fill(register)
    data = gather(register, None, TODAY)
    assert pack_json.loads(pack_json.dumps(data)) == data


def test_damaged_snapshot_is_a_user_error():
    with pytest.raises(UserError, match="damaged"):
        pack_json.loads('{"format": 1, "pack": {"partnership": "x"}}')
    with pytest.raises(UserError, match="damaged"):
        pack_json.loads("not json")


@pytest.mark.parametrize("options, message", [
    (PackOptions(part="private"), "not a part"),
    (PackOptions(marking="SECRET"), "not a protective marking"),
    (PackOptions(sections=("gossip",)), "not a section"),
    (PackOptions(issue=True), "Only a meeting"),
])
def test_bad_options_are_refused_and_write_nothing(register, tmp_path, options, message):
    fill(register)
    before = snapshot(register)
    with pytest.raises(UserError, match=message):
        build_pack(register, tmp_path / "x.pdf", options, TODAY)
    assert not (tmp_path / "x.pdf").exists() and snapshot(register) == before


def test_cancelling_leaves_no_file_and_keeps_an_old_one(register, tmp_path):
    fill(register)
    out = tmp_path / "p.pdf"
    out.write_bytes(b"old pack")

    class Stop(Exception):
        pass

    def progress(done, total):
        if done > 3:
            raise Stop
    with pytest.raises(Stop):
        build_pack(register, out, PackOptions(), TODAY, progress)
    assert out.read_bytes() == b"old pack"
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["p.pdf"]


def _action_id(reg, ref):
    from csp_desktop.store.actions import list_actions
    return next(a.id for a in list_actions(reg) if a.ref == ref)


def test_a_register_younger_than_the_previous_meeting_measures_changes_by_reviews(tmp_path):
    from csp_desktop.store import Register
    reg = Register.create(tmp_path / "young.cspreg", "Young")
    add_meeting(reg, Meeting("Board", datetime(2020, 3, 1, 10, 0)))
    falling = Risk("Falling", ref="Y-1", residual=Rating(4, 4))
    steady = Risk("Steady", ref="Y-2", residual=Rating(2, 2))
    add_risk(reg, falling)
    add_risk(reg, steady)
    record_review(reg, falling, Rating(2, 4), on=date(2020, 4, 1), reviewer="x")
    record_review(reg, steady, Rating(3, 3), on=date(2020, 2, 1), reviewer="x")  # before the meeting
    data = gather(reg, None, TODAY)
    assert data.changes_basis == "reviews"
    assert [(c.ref, c.what, c.before, c.after) for c in data.changes] == [("Y-1", SCORE_DOWN, "16 Very high (4\u00d74)",
                                                                           "8 Medium (2\u00d74)")]
    reg.close()


def test_the_pack_file_gets_the_usual_permissions(register, tmp_path):
    import os
    fill(register)
    out = tmp_path / "p.pdf"
    build_pack(register, out, PackOptions(sections=("key",)), TODAY)
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_progress_rises_steadily_to_the_end(register, tmp_path):
    fill(register)
    seen = []
    build_pack(register, tmp_path / "p.pdf", PackOptions(), TODAY, lambda done, total: seen.append((done, total)))
    totals = {total for _, total in seen}
    assert len(totals) == 1 and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and len(seen) > 10
