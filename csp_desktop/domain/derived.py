"""Facts derived from the register's data and today's date."""
from __future__ import annotations

from datetime import date, timedelta

from .model import Action, Review, Risk
from .scoring import Rating

UP, DOWN, UNCHANGED, NEW = "up", "down", "unchanged", "new"
RED, AMBER, GREEN = "red", "amber", "green"
CLOSED_ACTION_STATUSES = ("complete", "cancelled")
DUE_SOON_DAYS = 30


def is_overdue(action: Action, today: date) -> bool:
    return action.due is not None and action.status not in CLOSED_ACTION_STATUSES and action.due < today


def rag(action: Action, today: date) -> str | None:
    """Red when overdue, amber when due within 30 days or not started, green otherwise.

    Closed actions (complete, cancelled) carry no RAG.
    """
    if action.status in CLOSED_ACTION_STATUSES:
        return None
    if is_overdue(action, today):
        return RED
    if action.due is not None and action.due <= today + timedelta(days=DUE_SOON_DAYS):
        return AMBER
    return GREEN


def review_due(risk: Risk, today: date) -> bool:
    return risk.status == "open" and risk.next_review is not None and risk.next_review < today


def direction_of_travel(history: list[Review]) -> str:
    """Compare the residual score of the latest review with the one before it."""
    scored = [r for r in sorted(history, key=lambda r: r.reviewed_on) if r.after is not None]
    if not scored:
        return NEW
    latest = scored[-1]
    before = scored[-2].after if len(scored) > 1 else latest.before
    if before is None or latest.after is None:  # latest.after is never None (scored filters); said for mypy
        return NEW
    if latest.after.score > before.score:
        return UP
    if latest.after.score < before.score:
        return DOWN
    return UNCHANGED


# Shapes that differ without colour (a grey print, a colour-blind reader): up and down triangles, a
# sideways pointer, and a word for new.
ARROWS = {UP: "\u25b2", DOWN: "\u25bc", UNCHANGED: "\u25ba", NEW: "NEW"}


def review_before(history: list[Review], on: date, residual: Rating | None,
                  inherent: Rating | None) -> Rating | None:
    """A new review's "before": the residual score confirmed at the previous review (the latest one
    dated on or before `on`). At a risk's first review, the residual it was given when added (as it
    stands), or its inherent score if it has none: never the inherent score over a residual, which
    would show a risk that got worse since it was added as having come down."""
    earlier = [r for r in history if r.reviewed_on is None or r.reviewed_on <= on]
    if earlier:
        return earlier[-1].after
    return residual if residual is not None else inherent
