"""The risk response: treat, tolerate, transfer, terminate with a reason; a tolerated risk above appetite
needs an acceptance (who, when, until); bad values refused in a sentence with nothing changed."""
from datetime import date

import pytest

from csp_desktop.domain.model import Risk
from csp_desktop.domain.response import parse_response
from csp_desktop.domain.scoring import Rating
from csp_desktop.services import risk_editing
from csp_desktop.services.risk_editing import RiskEditError
from csp_desktop.store.risks import add_risk, get_risk
from tests.conftest import snapshot

ACCEPTED = {"accepted_by": "Chair, PEG", "accepted_on": date(2026, 6, 1), "accepted_until": date(2027, 5, 31)}


@pytest.fixture
def high(register):
    risk = Risk("County lines", ref="R-01", residual=Rating(4, 4))  # Very high: above the Medium appetite
    add_risk(register, risk)
    return risk


def test_a_response_with_its_reason_is_kept(register, high):
    risk_editing.set_risk_fields(register, high.id, {"response": "treat", "response_reason": "Plan agreed"}, None)
    assert get_risk(register, high.id).response == "treat"


@pytest.mark.parametrize("changes, words", [
    ({"response": "treat"}, "Say why"),
    ({"response": "tolerate", "response_reason": "Too costly"}, "needs an acceptance"),
    ({"response": "tolerate", "response_reason": "x", **ACCEPTED, "accepted_by": " "}, "needs an acceptance"),
    ({"response": "tolerate", "response_reason": "x", **ACCEPTED, "accepted_until": date(2026, 1, 1)},
     "cannot end before"),
    ({"response": "ignore", "response_reason": "x"}, "not a risk response"),
    ({"response": "treat", "response_reason": "x" * 501}, "longer than"),
    ({"accepted_on": "tomorrow"}, "must be a date"),
])
def test_bad_responses_are_refused_and_change_nothing(register, high, changes, words):
    before = snapshot(register)
    with pytest.raises(RiskEditError, match=words):
        risk_editing.set_risk_fields(register, high.id, changes, None)
    assert snapshot(register) == before


def test_a_tolerated_risk_above_appetite_with_its_acceptance(register, high):
    risk_editing.set_risk_fields(register, high.id, {"response": "tolerate", "response_reason": "Too costly",
                                                     **ACCEPTED}, None)
    stored = get_risk(register, high.id)
    assert (stored.accepted_by, stored.accepted_until) == ("Chair, PEG", date(2027, 5, 31))


def test_within_appetite_tolerating_needs_no_acceptance(register):
    low = Risk("Graffiti", residual=Rating(1, 2))
    add_risk(register, low)
    risk_editing.set_risk_fields(register, low.id, {"response": "tolerate", "response_reason": "Minor"}, None)
    assert get_risk(register, low.id).response == "tolerate"


@pytest.mark.parametrize("text, expected", [("Tolerate", "tolerate"), (" TREAT ", "treat"), (None, ""), ("", "")])
def test_responses_read_from_sheets(text, expected):
    assert parse_response(text) == expected
    with pytest.raises(ValueError, match="not a risk response"):
        parse_response("accept it")
