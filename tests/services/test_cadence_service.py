"""The cadence in use: a review sets the next date, a band change moves it, an owner return counts."""
from datetime import date

import pytest

from csp_desktop.domain.cadence import CadenceError
from csp_desktop.domain.model import Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.services import cadence, risk_editing
from csp_desktop.store.risks import add_risk, get_risk
from tests.conftest import known, snapshot

ON = date(2026, 11, 27)


def test_recording_a_review_sets_the_next_date_from_the_band(register):
    risk = Risk("Knife crime", ref="R-01", residual=Rating(4, 4))  # 16: Very high, monthly
    add_risk(register, risk)
    risk_editing.record_review(register, risk.id, Rating(2, 3), on=ON, reviewer="Siân",
                               expected_version=None)  # 6: Medium
    assert get_risk(register, risk.id).next_review == date(2027, 5, 27)


def test_a_date_the_user_gives_wins_over_the_cadence(register):
    risk = Risk("Knife crime", residual=Rating(4, 4))
    add_risk(register, risk)
    risk_editing.record_review(register, risk.id, Rating(4, 4), on=ON, reviewer="x",
                               next_review=date(2027, 1, 9), expected_version=None)
    assert get_risk(register, risk.id).next_review == date(2027, 1, 9)


def test_a_band_change_brings_a_new_date_and_a_sentence(register):
    risk = Risk("Knife crime", ref="R-01", residual=Rating(2, 2), next_review=date(2027, 9, 1))
    add_risk(register, risk)
    also, notice = risk_editing.band_change(register, risk.id, {"residual": Rating(4, 3)}, ON)  # 12: High
    assert also == {"next_review": date(2027, 2, 27)}
    assert notice.startswith("R-01 moved from Low to High") and "27/02/2027" in notice and "quarterly" in notice
    assert risk_editing.band_change(register, risk.id, {"residual": Rating(1, 3)}, ON) == ({}, "")  # still Low
    assert risk_editing.band_change(register, risk.id, {"title": "x"}, ON) == ({}, "")


def test_set_cadence_follows_the_bands_and_refuses_nonsense(register):
    stored = cadence.set_cadence(register, {"Very high": 1, "High": 2, "Medium": 4, "Low": 12}).value
    assert cadence.cadence(register) == stored
    before = snapshot(register)
    for bad in (0, 120):
        with pytest.raises(CadenceError):
            cadence.set_cadence(register, {"Very high": bad, "High": 2, "Medium": 4, "Low": 12})
    assert snapshot(register) == before


def test_an_accepted_owner_rescore_counts_as_a_review(register, tmp_path):
    from csp_desktop.domain.derived import review_due
    from csp_desktop.services import updates
    from tests.services.update_helpers import build_round_register, edit_return
    items = build_round_register(register)
    stale = get_risk(register, items["r1"].id)
    stale.next_review = date(2026, 1, 1)  # long overdue
    risk_editing.set_risk_fields(register, stale.id, {"next_review": stale.next_review}, None)
    sent = updates.send_round(register, tmp_path / "out")
    book = next(f.path for f in sent.files if f.owner == "Siân Prŵs")
    back = edit_return(book, {("Risks", "R-01", "New likelihood"): "Likely"}, tmp_path / "back.xlsx")
    updates.receive(register, back, accept_all=True, today=ON)
    risk = get_risk(register, items["r1"].id)
    assert known(risk.next_review) > ON and not review_due(risk, ON)
