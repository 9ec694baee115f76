"""The demo register shows every feature, and stays current whenever it is made."""
from datetime import date, datetime

import pytest

from csp_desktop.domain.derived import DOWN, UNCHANGED, UP, direction_of_travel, is_overdue, review_due
from csp_desktop.services.demo import create_demo
from csp_desktop.store.actions import list_actions, notes_by_action
from csp_desktop.store.meetings import list_meetings
from csp_desktop.store.partners import list_organisations, list_owners, list_priorities
from csp_desktop.store.risks import list_risks, mitigations_by_risk, reviews_by_risk
from tests.conftest import known

TODAY = date(2027, 3, 1)  # any day: the demo's dates move with it


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    reg = create_demo(tmp_path_factory.mktemp("demo") / "demo.cspreg", TODAY)
    yield reg
    reg.close()


def test_size_and_shape(demo):
    risks, actions = list_risks(demo), list_actions(demo)
    assert 20 <= len(risks) <= 30 and 50 <= len(actions) <= 70
    assert len(list_priorities(demo)) == 4 and len(list_organisations(demo)) == 6
    assert {o.kind for o in list_owners(demo)} == {"person", "body"}
    assert sum(len(m) for m in mitigations_by_risk(demo).values()) >= len(risks)
    assert [r.ref for r in risks if r.exempt] == ["R-17"]
    assert {r.status for r in risks} == {"open", "closed"}


def test_dates_are_shifted_to_the_day_it_is_made(demo):
    actions = list_actions(demo)
    overdue = [a for a in actions if is_overdue(a, TODAY)]
    assert 5 <= len(overdue) < len(actions)
    assert any(a.status == "complete" for a in actions)
    meetings = list_meetings(demo)
    now = datetime.combine(TODAY, datetime.min.time())
    assert sum(m.held_on < now for m in meetings) == 2 and sum(m.held_on > now for m in meetings) == 1
    assert any(review_due(r, TODAY) for r in list_risks(demo))
    reviews = [v for history in reviews_by_risk(demo).values() for v in history]
    assert min(v.reviewed_on for v in reviews) >= date(2025, 8, 1)  # within the last 18 months or so


def test_every_band_and_direction_appears(demo):
    scheme = demo.scheme
    bands = {scheme.band_for(known(r.current).score).name for r in list_risks(demo) if r.status == "open"}
    assert bands == {b.name for b in scheme.bands}
    directions = {direction_of_travel(h) for h in reviews_by_risk(demo).values()}
    assert {UP, DOWN, UNCHANGED} <= directions


def test_text_exercises_unicode_and_markup(demo):
    text = " ".join([r.title + r.description for r in list_risks(demo)] + [o.name for o in list_owners(demo)]
                    + [m.venue for m in list_meetings(demo)]
                    + [n.text for notes in notes_by_action(demo).values() for n in notes])
    for needle in ("ŵ", "ŷ", "ł", "ż", "\u2013", "£", "<", "&"):
        assert needle in text.lower(), needle
