"""The one exemption rule: itself, through its risk (or a mitigation of it), or any version given."""
from types import SimpleNamespace as Item

from csp_desktop.domain.exemption import covers, exempt_ids


def test_an_item_flagged_itself_is_exempt():
    risks = [Item(id="r1", exempt=True), Item(id="r2", exempt=False)]
    actions = [Item(id="a1", exempt=True, risk_id=None), Item(id="a2", exempt=False, risk_id="r2")]
    assert exempt_ids(risks, actions) == {"r1", "a1"}


def test_an_action_on_an_exempt_risk_or_its_mitigation_is_exempt():
    risks = [Item(id="r1", exempt=True)]
    mitigations = [Item(id="m1", risk_id="r1")]
    actions = [Item(id="a1", exempt=False, risk_id="r1"),
               Item(id="a2", exempt=False, risk_id=None, mitigation_id="m1"),
               Item(id="a3", exempt=False, risk_id=None, mitigation_id="m9")]
    assert exempt_ids(risks, actions, mitigations) == {"r1", "a1", "a2"}


def test_the_strictest_of_then_and_now_wins():
    then = [Item(id="r1", exempt=True), Item(id="r2", exempt=False)]
    now = [Item(id="r1", exempt=False), Item(id="r2", exempt=True)]
    actions = [Item(id="a1", exempt=False, risk_id="r1")]
    assert exempt_ids([*then, *now], actions) == {"r1", "r2", "a1"}


def test_mitigations_reviews_and_notes_are_covered_through_their_item():
    exempt = exempt_ids([Item(id="r1", exempt=True)], [Item(id="a1", exempt=True, risk_id=None)])
    assert covers(exempt, Item(id="m1", risk_id="r1"))          # a mitigation or review
    assert covers(exempt, Item(id="n1", action_id="a1"))        # a progress note
    assert not covers(exempt, Item(id="m2", risk_id="r2"))
    assert not covers(exempt, Item(id="x", risk_id=None))
