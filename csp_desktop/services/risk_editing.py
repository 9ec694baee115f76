"""Editing risks, their mitigations and reviews: the use cases the risk editor's undo commands call.

Each write is one operation: it returns what it changed (`Changes`: kinds and ids), with the fresh
domain object or what undo needs as a `Done` where the caller wants it. Every edit takes
`expected_version`, the version the user started from: a row changed since is refused (ConflictError),
not silently overwritten. None applies to the row as stored now: only undo and redo pass it, which is
safe because one process alone writes a register (store/writer_lock.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..domain import response
from ..domain.derived import direction_of_travel  # noqa: F401  (the risk editor reads it through this module)
from ..domain.model import RISK_STATUSES, Mitigation, Owner, Priority, Review, Risk
from ..domain.refs import next_free
from ..domain.schedule12a import PARAGRAPHS
from ..domain.scoring import Rating, Scheme
from ..errors import UserError
from ..store import Register
from ..store import actions as store_actions
from ..store import partners, records
from ..store import risks as store_risks
from ..store import summary
from ..store.rows import review_row
from . import cadence
from .changes import Changes, Done, Kind

if TYPE_CHECKING:
    from .dashboard import Dashboard

EDITABLE_FIELDS = ("ref", "title", "description", "category", "priority_id", "owner_id", "status",
                   "inherent", "residual", "target", "next_review", "exempt", "response", "response_reason",
                   "accepted_by", "accepted_on", "accepted_until", "exempt_paragraph")
RESPONSE_FIELDS = ("response", "response_reason", "accepted_by", "accepted_on", "accepted_until")
MAX_SHORT_TEXT = 500  # refs, titles and categories; descriptions may be as long as people write


class RiskEditError(UserError, ValueError):
    """A value the risk cannot take; nothing was changed."""


@dataclass
class RiskListing:
    """Every risk with its direction of travel (on the board pack's basis: since the previous meeting), and the
    overdue actions."""
    risks: list[Risk]
    travel: dict[str, str] = field(default_factory=dict)
    overdue_actions: int = 0
    today: date = field(default_factory=date.today)
    travel_basis: str = ""          # "since 24/10/2026", for the Travel column's header
    # The dashboard's and sidebar's figures, counted by the window's loader when first wanted (for this scheme).
    summary: Dashboard | None = field(default=None, compare=False, repr=False)
    summary_scheme: Scheme | None = field(default=None, compare=False, repr=False)


def load_risks(reg: Register, today: date | None = None) -> RiskListing:
    today = today or date.today()
    from .pack_changes import travel_now
    risks = store_risks.list_risks(reg)
    travel, basis = travel_now(reg, today)
    return RiskListing(risks, travel, summary.overdue_action_count(reg, today), today, basis)


@dataclass
class RiskUpdate:
    """Some risks read again after an edit: those still there, with their travel, and the ids now gone."""
    risks: list[Risk]
    travel: dict[str, str]
    removed: set[str]
    overdue_actions: int | None  # None: not counted again (no action changed)


def load_some(reg: Register, ids, today: date | None = None, *, count_actions: bool = False) -> RiskUpdate:
    """Read again only the risks among `ids` (ids of other rows are ignored): a few queries, not 10,000 rows.

    Counting the overdue actions scans them all, so it is done only when actions changed."""
    ids = sorted(ids)
    risks = store_risks.risks_by_id(reg, ids)
    reviews = summary.last_scored_reviews(reg, [r.id for r in risks]) if risks else {}
    found = {r.id for r in risks}
    return RiskUpdate(risks, {r.id: direction_of_travel(reviews.get(r.id, [])) for r in risks},
                      set(ids) - found,
                      summary.overdue_action_count(reg, today or date.today()) if count_actions else None)


def load_risks_from(workspace, today: date | None = None) -> RiskListing:
    """The same, read through a connection of its own (from the workspace), so it can run off the GUI thread."""
    with workspace.reading() as reg:
        return load_risks(reg, today)


def get_risk(reg: Register, risk_id: str) -> Risk:
    return store_risks.get_risk(reg, risk_id)


def owners(reg: Register) -> list[Owner]:
    return partners.list_owners(reg)


def priorities(reg: Register) -> list[Priority]:
    return partners.list_priorities(reg)


def check_value(name: str, value) -> None:
    """Refuse a value the risk cannot hold, in one sentence."""
    if name not in EDITABLE_FIELDS:
        raise RiskEditError(f"{name!r} is not something a risk has.")
    if name == "title" and not str(value or "").strip():
        raise RiskEditError("A risk needs a title.")
    if name in ("ref", "title", "category") and len(str(value or "")) > MAX_SHORT_TEXT:
        raise RiskEditError(f"The {name} is longer than {MAX_SHORT_TEXT} characters; shorten it.")
    if name == "status" and value not in RISK_STATUSES:
        raise RiskEditError(f"{value!r} is not a risk status (use {', '.join(RISK_STATUSES)}).")
    if name in ("inherent", "residual", "target") and value is not None and not isinstance(value, Rating):
        raise RiskEditError(f"The {name} score must be a likelihood and an impact.")
    if name in ("next_review", "accepted_on", "accepted_until") and value is not None and not isinstance(value, date):
        raise RiskEditError(f"The {name.replace('_', ' ')} must be a date.")
    if name in ("response_reason", "accepted_by") and len(str(value or "")) > MAX_SHORT_TEXT:
        raise RiskEditError(f"The {name.replace('_', ' ')} is longer than {MAX_SHORT_TEXT} characters; shorten it.")
    if name == "exempt_paragraph" and value is not None and value not in PARAGRAPHS:
        raise RiskEditError(f"{value!r} is not a paragraph of Schedule 12A (England 1-7, Wales 12-18).")


def _risk(risk_id: str) -> Changes:
    return Changes.of(Kind.RISKS, ids=(risk_id,))


def set_risk_fields(reg: Register, risk_id: str, changes: dict, expected_version: int | None) -> Done[Risk]:
    """Write the given fields of one risk in one transaction; returns the risk as now stored."""
    for name, value in changes.items():
        check_value(name, value)
    risk = _fresh(store_risks.get_risk(reg, risk_id), expected_version)
    for name, value in changes.items():
        setattr(risk, name, value)
    if set(RESPONSE_FIELDS) & set(changes):
        why = response.problem(risk, reg.scheme)
        if why:
            raise RiskEditError(why)
    store_risks.save_risk(reg, risk)
    return Done(store_risks.get_risk(reg, risk_id), _risk(risk_id))


def _fresh(row, expected_version: int | None):
    """The row as stored, to be written only if it is still at `expected_version` (records.save checks it
    inside the write's transaction, so nothing can slip in between)."""
    if expected_version is not None:
        row.version = expected_version
    return row


def band_change(reg: Register, risk_id: str, changes: dict, today: date) -> tuple[dict, str]:
    """The next review an edit that moves the risk's band brings with it, and the sentence saying so."""
    return cadence.band_change(reg, store_risks.get_risk(reg, risk_id), changes, today)


def add_risk(reg: Register, risk: Risk, today: date | None = None) -> Done[Risk]:
    """Add a risk; one given no next review date is due after its band's review cycle from `today`, as a
    review would leave it (a new risk never falls out of Coming up for want of a date)."""
    check_value("title", risk.title)
    if risk.next_review is None:
        risk.next_review = cadence.next_review_after(reg, risk.current, today or date.today())
    store_risks.add_risk(reg, risk)
    return Done(store_risks.get_risk(reg, risk.id), _risk(risk.id))


def remove_risk(reg: Register, risk_id: str, expected_version: int | None) -> Changes:
    store_risks.delete_risk(reg, _fresh(store_risks.get_risk(reg, risk_id), expected_version))
    return _risk(risk_id)


def next_ref(risks: list[Risk]) -> str:
    """R-NN one above the highest numbered R- reference in use."""
    return next_free((r.ref for r in risks), "R-", 2)


# -- reviews -----------------------------------------------------------------------------------------

def record_review(reg: Register, risk_id: str, after: Rating | None, *, on: date, reviewer: str,
                  note: str = "", next_review: date | None = None, expected_version: int | None) -> Done[Review]:
    """Append a review; with no next review date given, the band's cadence sets it."""
    risk = _fresh(store_risks.get_risk(reg, risk_id), expected_version)
    if next_review is None:
        next_review = cadence.next_review_after(reg, after or risk.inherent, on)
    review = store_risks.record_review(reg, risk, after, on=on, reviewer=reviewer, note=note, next_review=next_review)
    return Done(review, _reviewed(review))


def _reviewed(review: Review) -> Changes:
    return Changes.of(Kind.RISKS, Kind.REVIEWS, ids=(review.risk_id, review.id))


def cadence_date(reg: Register, rating: Rating | None, on: date) -> date | None:
    """The next review a review on `on` at `rating` gets from the band's cadence."""
    return cadence.next_review_after(reg, rating, on)


def withdraw_review(reg: Register, review: Review, residual: Rating | None, next_review: date | None) -> Changes:
    """Undo a review: remove it and put the risk's residual score and next review back as they were."""
    stored = [r for r in store_risks.reviews_for(reg, review.risk_id) if r.id == review.id]
    risk = store_risks.get_risk(reg, review.risk_id)
    risk.residual, risk.next_review = residual, next_review
    with reg.transaction():
        if stored:
            records.remove(reg, "reviews", stored[0])
        store_risks.save_risk(reg, risk)
    return _reviewed(review)


def restore_review(reg: Register, review: Review) -> Changes:
    """Put back a review removed by undo, under its own id."""
    records.add(reg, "reviews", review, review_row(review))
    return Changes.of(Kind.REVIEWS, ids=(review.id, review.risk_id))


def reviews_for(reg: Register, risk_id: str) -> list[Review]:
    return store_risks.reviews_for(reg, risk_id)


# -- mitigations ---------------------------------------------------------------------------------------

def mitigations_for(reg: Register, risk_id: str) -> list[Mitigation]:
    return store_risks.mitigations_for(reg, risk_id)


def _mitigated(mitigation: Mitigation) -> Changes:
    return Changes.of(Kind.MITIGATIONS, ids=(mitigation.id, mitigation.risk_id))


def add_mitigation(reg: Register, mitigation: Mitigation) -> Done[Mitigation]:
    if not mitigation.description.strip():
        raise RiskEditError("A mitigation needs a description.")
    if not reg.scheme.fits(mitigation.expected):
        raise RiskEditError(f"The expected residual score is outside the register's {reg.scheme.size} matrix.")
    store_risks.add_mitigation(reg, mitigation)
    return Done(mitigation, _mitigated(mitigation))


def save_mitigation(reg: Register, mitigation_id: str, risk_id: str, changes: dict,
                    expected_version: int | None) -> Done[Mitigation]:
    if "description" in changes and not str(changes["description"]).strip():
        raise RiskEditError("A mitigation needs a description.")
    if not reg.scheme.fits(changes.get("expected")):
        raise RiskEditError(f"The expected residual score is outside the register's {reg.scheme.size} matrix.")
    current = _fresh(_mitigation(reg, risk_id, mitigation_id), expected_version)
    for name, value in changes.items():
        setattr(current, name, value)
    store_risks.save_mitigation(reg, current)
    return Done(current, _mitigated(current))


def remove_mitigation(reg: Register, mitigation_id: str, risk_id: str,
                      expected_version: int | None) -> Done[Mitigation]:
    current = _fresh(_mitigation(reg, risk_id, mitigation_id), expected_version)
    store_risks.delete_mitigation(reg, current)
    return Done(current, _mitigated(current))


def _mitigation(reg: Register, risk_id: str, mitigation_id: str) -> Mitigation:
    for mitigation in store_risks.mitigations_for(reg, risk_id):
        if mitigation.id == mitigation_id:
            return mitigation
    raise RiskEditError("That mitigation is no longer in the register.")


def linked_actions(reg: Register, risk_id: str) -> list[dict]:
    return summary.actions_for_risk(reg, risk_id)


def reapply_review(reg: Register, review: Review, next_review: date | None) -> Changes:
    """Redo a review that undo withdrew: the same review back, and the risk at its score again."""
    risk = store_risks.get_risk(reg, review.risk_id)
    risk.residual = review.after
    if next_review is not None:
        risk.next_review = next_review
    with reg.transaction():
        restore_review(reg, review)
        store_risks.save_risk(reg, risk)
    return _reviewed(review)


def remove_risk_keeping(reg: Register, risk_id: str,
                        expected_version: int | None) -> Done[tuple[Risk, list[Mitigation], list[Review], list]]:
    """Delete a risk; returns it with its mitigations, reviews and the actions it had (now unlinked,
    with audit rows) so undo can put them all back."""
    risk = _fresh(store_risks.get_risk(reg, risk_id), expected_version)
    with reg.transaction():
        kept = (risk, store_risks.mitigations_for(reg, risk_id), store_risks.reviews_for(reg, risk_id))
        links = store_actions.unlink_from_risk(reg, risk_id)
        store_risks.delete_risk(reg, risk)
    return Done((*kept, links), _with_parts(risk, *kept[1:], links))


def _with_parts(risk: Risk, mitigations: list[Mitigation], reviews: list[Review], links: Sequence) -> Changes:
    """A risk deleted or put back takes its mitigations and reviews with it and unlinks or relinks its actions."""
    kinds = [Kind.RISKS] + [Kind.MITIGATIONS] * bool(mitigations) + [Kind.REVIEWS] * bool(reviews)
    action_ids = [action_id for action_id, _mitigation_id in links]
    kinds += [Kind.ACTIONS] * bool(action_ids)
    return Changes.of(*kinds, ids=(risk.id, *(m.id for m in mitigations), *(r.id for r in reviews), *action_ids))


def restore_risk(reg: Register, risk: Risk, mitigations: list[Mitigation], reviews: list[Review],
                 action_links: Sequence = ()) -> Done[Risk]:
    """Put back a deleted risk under its own id, with its mitigations, reviews and linked actions."""
    with reg.transaction():
        store_risks.add_risk(reg, risk)
        for mitigation in mitigations:
            store_risks.add_mitigation(reg, mitigation)
        for review in reviews:
            restore_review(reg, review)
        store_actions.relink_to_risk(reg, risk.id, list(action_links))
    return Done(store_risks.get_risk(reg, risk.id), _with_parts(risk, mitigations, reviews, action_links))
