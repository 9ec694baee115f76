"""The register's things as plain dataclasses. Ids are UUID strings made with the row."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from .scoring import Rating

RISK_STATUSES = ("open", "closed")
ACTION_STATUSES = ("not started", "in progress", "complete", "cancelled")
OWNER_KINDS = ("person", "body")
# The parts of a board pack a meeting can choose; the cover and contents are always there.
PACK_SECTIONS = ("summary", "heatmaps", "register", "tracker", "performance", "matters", "changes", "key", "targets")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Organisation:
    name: str
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Owner:
    """A person, or a body such as "All partners" that owns as a whole."""
    name: str
    kind: str = "person"
    organisation_id: str | None = None
    email: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Priority:
    title: str
    ref: str = ""
    lead_agency: str = ""
    outcomes: str = ""
    position: int = 0
    retired_on: date | None = None
    retired_reason: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Risk:
    title: str
    ref: str = ""
    description: str = ""
    category: str = ""
    priority_id: str | None = None
    owner_id: str | None = None
    status: str = "open"
    inherent: Rating | None = None
    residual: Rating | None = None
    target: Rating | None = None
    next_review: date | None = None
    exempt: bool = False
    # The risk response (domain.response): treat, tolerate, transfer or terminate, and why; a tolerated
    # risk above appetite carries its acceptance (who, when, until).
    response: str = ""
    response_reason: str = ""
    accepted_by: str = ""
    accepted_on: date | None = None
    accepted_until: date | None = None
    exempt_paragraph: int | None = None   # Schedule 12A paragraph (domain.schedule12a)
    id: str = field(default_factory=new_id)
    version: int = 0
    # Filled by the store on reading, for display; never written back.
    owner_name: str = ""
    priority_title: str = ""

    @property
    def current(self) -> Rating | None:
        """The score the risk stands at now: residual once assessed, else inherent."""
        return self.residual or self.inherent


@dataclass
class Mitigation:
    risk_id: str
    description: str
    owner_id: str | None = None
    expected: Rating | None = None
    position: int = 0
    id: str = field(default_factory=new_id)
    version: int = 0
    owner_name: str = ""


@dataclass
class Action:
    title: str
    ref: str = ""
    owner_id: str | None = None
    due: date | None = None
    status: str = "not started"
    progress: str = ""
    risk_id: str | None = None
    mitigation_id: str | None = None
    priority_id: str | None = None
    meeting_id: str | None = None
    exempt: bool = False
    completed_on: date | None = None
    objective_id: str | None = None
    exempt_paragraph: int | None = None   # Schedule 12A paragraph (domain.schedule12a)
    status_reported: str = ""   # the status in the imported file's own words, with its RAG ("Delayed (Amber)")
    due_text: str = ""          # a due date written as words ("Ongoing", "TBC") or that could not be read
    id: str = field(default_factory=new_id)
    version: int = 0
    owner_name: str = ""
    priority_title: str = ""
    risk_ref: str = ""


@dataclass
class ProgressNote:
    action_id: str
    text: str
    author: str = ""
    at: datetime | None = None
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Review:
    """An owner confirming or changing a risk's residual scores on a date."""
    risk_id: str
    reviewed_on: date
    reviewer: str = ""
    before: Rating | None = None
    after: Rating | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Meeting:
    board: str
    held_on: datetime
    venue: str = ""
    chair: str = ""
    attendees: str = ""
    marking: str = "OFFICIAL"
    sections: tuple[str, ...] = PACK_SECTIONS
    # The covering report on the pack's cover (domain.pack.COVER_FIELDS).
    agenda_item: str = ""
    report_of: str = ""
    contact_officer: str = ""
    purpose: str = ""
    recommendations: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Indicator:
    """A performance indicator of the plan: the free text the plan gives, and what was read from it.

    Its dated values are `domain.plan.IndicatorValue` rows; `latest` is the text as first imported.
    """
    title: str
    priority_id: str | None = None
    target: str = ""
    data_source: str = ""
    latest: str = ""
    latest_label: str = ""
    ref: str = ""
    unit: str = "count"          # count, rate or percentage
    direction: str = "reduce"    # reduce or increase
    baseline: str = ""
    baseline_value: float | None = None
    target_value: float | None = None
    target_period: str = ""
    owner_id: str | None = None
    exempt: bool = False
    id: str = field(default_factory=new_id)
    version: int = 0
