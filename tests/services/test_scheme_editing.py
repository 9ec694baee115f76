"""Changing the scoring scheme never strands a score outside the matrix."""
import pytest

from csp_desktop.domain.model import Mitigation, Risk
from csp_desktop.domain.scoring import Rating, default_5x5, words_3x3
from csp_desktop.errors import UserError
from csp_desktop.services.scheme_editing import apply_scheme, risks_outside
from csp_desktop.store import risks
from tests.conftest import snapshot


def test_an_empty_register_can_shrink(register):
    assert apply_scheme(register, words_3x3()).value == default_5x5()
    assert register.scheme == words_3x3()


def test_refuses_naming_the_risks(register):
    risks.add_risk(register, Risk("Fits", ref="R-1", inherent=Rating(3, 3)))
    risks.add_risk(register, Risk("Target too high", ref="R-2", target=Rating(1, 4)))
    no_ref = Risk("No reference risk", residual=Rating(2, 2))
    risks.add_risk(register, no_ref)
    risks.add_mitigation(register, Mitigation(no_ref.id, "Patrols", expected=Rating(5, 1)))
    assert risks_outside(register, words_3x3()) == ["R-2", "No reference risk"]
    before = snapshot(register)
    with pytest.raises(UserError) as refused:
        apply_scheme(register, words_3x3())
    assert str(refused.value) == ("The matrix cannot shrink to 3x3: 2 risks use a higher level "
                                  "(R-2, No reference risk); re-score them first.")
    assert snapshot(register) == before


def test_names_at_most_five(register):
    for n in range(7):
        risks.add_risk(register, Risk(f"Risk {n}", ref=f"R-{n}", inherent=Rating(5, 5)))
    with pytest.raises(UserError, match=r"7 risks use a higher level \(R-0, R-1, R-2, R-3, R-4 and 2 more\)"):
        apply_scheme(register, words_3x3())
