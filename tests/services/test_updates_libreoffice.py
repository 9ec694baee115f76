"""A return saved by LibreOffice (fixture made once by tests/fixtures/updates/make_libreoffice_return.py)."""
from datetime import date

from csp_desktop.domain.scoring import Rating
from csp_desktop.services import updates
from csp_desktop.store.actions import get_action
from csp_desktop.store.risks import get_risk, reviews_for
from tests.conftest import FIXTURES
from tests.services.update_fixture import A1, A2, LIBREOFFICE_RETURN, R1, R2, build_fixed_register, send_fixed_round
from tests.services.update_helpers import register_state

TODAY = date(2026, 11, 23)


def test_a_return_saved_by_libreoffice_is_read_exactly(tmp_path):
    reg = build_fixed_register(tmp_path / "fixture.cspreg")
    try:
        send_fixed_round(reg, tmp_path / "out")
        receipt = updates.receive(reg, FIXTURES / "updates" / LIBREOFFICE_RETURN, accept_all=True, today=TODAY)
        assert not receipt.refused and receipt.owner == "Gwenllïan Wójcik" and receipt.notes == []
        seen = [(c["item"][:4], c["field"], c["new_value"], c["flag"], c["outcome"]) for c in receipt.changes]
        assert seen == [
            ("R-01", "score", "Likely \u00d7 Major = 16", "", "applied"),
            ("R-01", "commentary", "Dwy noson yr wythnos; więcej patroli & <CCTV>", "", "applied"),
            ("R-02", "score", "Unlikely \u00d7 Moderate = 6", "formula", "pending"),  # LibreOffice's cached 3
            ("A-1 ", "status", "complete", "", "applied"),
            ("A-2 ", "progress", "Third session booked", "", "applied"),
            ("A-2 ", "due", "31/03/2027", "", "applied"),
        ]
        assert "=1+2" in receipt.changes[2]["detail"]
        assert get_risk(reg, R1).residual == Rating(4, 4)
        assert reviews_for(reg, R1)[0].note == "Dwy noson yr wythnos; więcej patroli & <CCTV>"
        assert get_risk(reg, R2).residual == Rating(2, 2) and reviews_for(reg, R2) == []
        assert get_action(reg, A1).status == "complete"
        assert get_action(reg, A2).due == date(2027, 3, 31)

        before = register_state(reg)
        again = updates.receive(reg, FIXTURES / "updates" / LIBREOFFICE_RETURN, accept_all=True, today=TODAY)
        assert again.duplicate_of is not None and register_state(reg) == before
    finally:
        reg.close()
