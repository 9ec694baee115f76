from datetime import date

from csp_desktop.domain.derived import (AMBER, DOWN, GREEN, NEW, NO_DATE, RED, UNCHANGED, UP, direction_of_travel,
                                        is_overdue, rag, review_due)
from csp_desktop.domain.model import Action, Review, Risk
from csp_desktop.domain.scoring import Rating

TODAY = date(2026, 11, 23)


def test_overdue_action_is_red_and_complete_has_no_rag():
    late = Action("Late", due=date(2026, 11, 1), status="in progress")
    assert is_overdue(late, TODAY) and rag(late, TODAY) == RED
    done = Action("Done", due=date(2026, 11, 1), status="complete")
    assert not is_overdue(done, TODAY) and rag(done, TODAY) is None
    assert rag(Action("Soon", due=date(2026, 12, 10)), TODAY) == AMBER
    assert rag(Action("Later", due=date(2027, 3, 1)), TODAY) == GREEN
    assert rag(Action("No date"), TODAY) == NO_DATE


def test_review_due_only_for_open_risks_past_their_date():
    assert review_due(Risk("a", next_review=date(2026, 11, 1)), TODAY)
    assert not review_due(Risk("a", next_review=date(2026, 11, 1), status="closed"), TODAY)
    assert not review_due(Risk("a", next_review=TODAY), TODAY)
    assert not review_due(Risk("a"), TODAY)


def _review(day, before, after):
    return Review("r", date(2026, 1, day), before=before, after=after)


def test_direction_of_travel():
    low, mid, high = Rating(1, 2), Rating(2, 3), Rating(4, 4)
    assert direction_of_travel([]) == NEW
    assert direction_of_travel([_review(1, None, mid)]) == NEW
    assert direction_of_travel([_review(1, low, mid)]) == UP
    assert direction_of_travel([_review(1, None, high), _review(5, high, mid)]) == DOWN
    assert direction_of_travel([_review(5, mid, mid), _review(1, None, high)]) == DOWN  # order by date
    assert direction_of_travel([_review(1, None, mid), _review(5, mid, Rating(3, 2))]) == UNCHANGED


def test_one_natural_order_for_refs():
    from csp_desktop.domain.ordering import natural_key
    refs = ["R-10", "R-3", "R-2.1", "R-1a", "r-2", "R-1"]
    assert sorted(refs, key=natural_key) == ["R-1", "R-1a", "r-2", "R-2.1", "R-3", "R-10"]
