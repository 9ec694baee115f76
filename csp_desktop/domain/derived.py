"""Facts derived from the register's data and today's date."""
from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from .model import Action, Review, Risk
from .scoring import Rating
from .vocab import reported_band

UP, DOWN, UNCHANGED, NEW = "up", "down", "unchanged", "new"
RED, AMBER, GREEN = "red", "amber", "green"
NO_DATE = "no date"   # an open action with no due date: nothing says it is late, nothing says it is on time
# Worst first, for "the worse of" the dates' band and the reported one: an undated action sits below amber
# (nothing says it is slipping) and above green (nothing says it is on time).
RAG_ORDER = (RED, AMBER, NO_DATE, GREEN)
_RANK = {band: rank for rank, band in enumerate(RAG_ORDER)}
# Words, never colour alone, so a grey print or a colour-blind reader loses nothing.
BAND_WORDS = {RED: "Red", AMBER: "Amber", NO_DATE: "No date", GREEN: "Green"}
_DATED_WORDS = {RED: "overdue by its dates", AMBER: "due within 30 days", NO_DATE: "no due date",
                GREEN: "on time by its dates"}
CLOSED_ACTION_STATUSES = ("complete", "cancelled")
DUE_SOON_DAYS = 30


def is_overdue(action: Action, today: date) -> bool:
    return action.due is not None and action.status not in CLOSED_ACTION_STATUSES and action.due < today


def dated_rag(action: Action, today: date) -> str | None:
    """What the dates alone say: red when overdue, amber when due within 30 days, "no date" when there is
    no due date to judge by, green otherwise. Closed actions (complete, cancelled) carry no RAG."""
    if action.status in CLOSED_ACTION_STATUSES:
        return None
    if is_overdue(action, today):
        return RED
    if action.due is None:
        return NO_DATE
    if action.due <= today + timedelta(days=DUE_SOON_DAYS):
        return AMBER
    return GREEN


class Rag(NamedTuple):   # a tuple: made for every action on every read, so cheap to make
    """An action's RAG as shown everywhere (app, command line, plan, pack): the worse of what its dates say
    and what its owner or file reported, so a reported Amber is never shown as Green."""
    band: str | None       # shown: RED, AMBER, NO_DATE, GREEN, or None for a closed action
    dated: str | None      # what the dates alone say
    reported: str | None   # what the status as reported says (vocab.reported_band), if anything

    @property
    def word(self) -> str:
        return BAND_WORDS.get(self.band or "", "")

    @property
    def differs(self) -> bool:
        return self.band is not None and self.reported is not None and self.reported != self.dated

    @property
    def note(self) -> str:
        """Why the shown band is not simply the dates' (empty when report and dates agree):
        "reported Amber; on time by its dates"."""
        if not self.differs:
            return ""
        return f"reported {BAND_WORDS[self.reported or '']}; {_DATED_WORDS[self.dated or '']}"

    @property
    def short_note(self) -> str:
        """The note in a narrow cell: "reported" when the band is the reported one, else what was reported."""
        if not self.differs:
            return ""
        return "reported" if self.band == self.reported else f"reported {BAND_WORDS[self.reported or '']}"


def rag_of(action: Action, today: date) -> Rag:
    """The one RAG rule: see Rag. A closed action carries none, whatever was reported."""
    dated = dated_rag(action, today)
    if dated is None:
        return Rag(None, None, None)
    reported = reported_band(action.status_reported) if action.status_reported else None
    return Rag(worse(dated, reported), dated, reported)


def rag(action: Action, today: date) -> str | None:
    return rag_of(action, today).band


def worse(band: str, other: str | None) -> str:
    """The worse of two bands (RAG_ORDER)."""
    return band if other is None or _RANK[band] <= _RANK[other] else other


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


def review_before(history: list[Review], on: date, current: Rating | None) -> Rating | None:
    """A new review's "before": the residual score confirmed at the previous review (the latest one
    dated on or before `on`). At a risk's first review, the score it stands at (`Risk.current`: the
    residual it was given when added, else its inherent score): never the inherent score over a
    residual, which would show a risk that got worse since it was added as having come down."""
    earlier = [r for r in history if r.reviewed_on is None or r.reviewed_on <= on]
    return earlier[-1].after if earlier else current
