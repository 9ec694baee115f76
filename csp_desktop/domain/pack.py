"""What a board pack shows, as plain data: the service gathers it, the report draws it.

Nothing here knows about the database or reportlab, so a pack can be built (and tested) from plain
data, and an issued pack can be kept as JSON and rebuilt with the same text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .derived import DOWN, GREEN, NEW, NO_DATE, UNCHANGED, UP
from .model import PACK_SECTIONS
from .plan_pack import PackPriority
from .scoring import Rating, Scheme
from .dates import show

PUBLIC, EXEMPT, ALL = "public", "exempt", "all"
PARTS = (PUBLIC, EXEMPT)
MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "NONE")
NO_MARKING = "NONE"

# The order a board reads them in: what it is asked, what changed, what it agreed last time, the picture,
# then the detail, with the definitions last.
SECTION_TITLES = {
    "summary": "Summary",
    "changes": "Changes since the previous meeting",
    "matters": "Matters arising",
    "heatmaps": "Heat maps",
    "targets": "Target heat map",
    "register": "Risk register",
    "tracker": "Action tracker",
    "performance": "Performance against the plan",
    "key": "Key and definitions",
}
assert set(SECTION_TITLES) == set(PACK_SECTIONS)

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
SCHEDULE_12A = "exempt information under Schedule 12A, Local Government Act 1972"
RETURN_OR_DESTROY = "return or destroy after the meeting"
EXEMPT_HANDLING = f"Not for publication; {RETURN_OR_DESTROY}"
# A Part I pack never takes OFFICIAL-SENSITIVE from its meeting by default: it is open to the public.
PART_I_DEFAULT_MARKING = "OFFICIAL"

# What changed about an item since the previous meeting (PackChange.what).
NEW_RISK, CLOSED, REOPENED, REMOVED = "New risk", "Closed", "Reopened", "Removed from the register"
SCORE_UP, SCORE_DOWN, FIRST_SCORED = "Score up", "Score down", "First scored"
ESCALATED = "Now above appetite"
OWNER_CHANGED = "Owner changed"
NEW_ACTION, ACTION_DONE, DUE_CHANGED = "New action", "Action completed", "Due date changed"


@dataclass(frozen=True)
class PackReview:
    """A risk's latest review, printed under it as the reason for its score."""
    on: date
    by: str = ""
    note: str = ""
    before: Rating | None = None
    after: Rating | None = None


@dataclass(frozen=True)
class PackMitigation:
    description: str
    owner: str = ""
    expected: Rating | None = None


@dataclass(frozen=True)
class PackRisk:
    id: str
    ref: str
    title: str
    description: str = ""
    category: str = ""
    priority: str = ""
    owner: str = ""
    status: str = "open"
    inherent: Rating | None = None
    residual: Rating | None = None
    target: Rating | None = None
    next_review: date | None = None
    review_overdue: bool = False
    direction: str = "new"
    exempt: bool = False
    mitigations: tuple[PackMitigation, ...] = ()
    last_review: PackReview | None = None
    owner_org: str = ""
    action_refs: tuple[str, ...] = ()
    response: str = ""            # treat / tolerate / transfer / terminate, where the register records it
    exempt_paragraph: int | None = None

    @property
    def current(self) -> Rating | None:
        return self.residual or self.inherent

    @property
    def label(self) -> str:
        return self.ref or self.title


@dataclass(frozen=True)
class PackAction:
    id: str
    ref: str
    title: str
    owner: str = ""
    due: date | None = None
    status: str = "not started"
    progress: str = ""
    risk_ref: str = ""
    rag: str | None = None     # as shown (derived.rag_of): the worse of the dates' band and the reported one
    overdue: bool = False
    exempt: bool = False
    meeting_id: str | None = None
    completed_on: date | None = None
    priority: str = ""                        # the plan priority it serves, for the tracker by priority
    risk_id: str | None = None       # None in packs issued before it was kept: risk_ref links them then
    owner_org: str = ""
    original_due: date | None = None      # the due date first set, when it has since been revised
    note_on: date | None = None           # the latest dated progress note: when, and who wrote it
    note_by: str = ""
    lead_agency: str = ""                 # the priority's lead agency: where an action without an owner sits
    exempt_paragraph: int | None = None
    status_reported: str = ""   # the status in the imported file's own words
    due_text: str = ""          # a due date written as words
    rag_note: str = ""          # derived.Rag.short_note: "reported" when the band is the reported one

    @property
    def shown_rag(self) -> str | None:
        """The band to print. Packs issued before undated actions had a band of their own kept them as green;
        no action is green without a due date now, so such a kept pack prints "No date" as it did then."""
        return NO_DATE if self.rag == GREEN and self.due is None else self.rag


@dataclass(frozen=True)
class PackChange:
    item: str  # "risk" or "action"
    ref: str
    title: str
    what: str
    before: str = ""
    after: str = ""
    exempt: bool = False
    id: str = ""                     # the risk's or action's id; "" in packs issued before it was kept
    travel: str = ""              # a risk's direction since the basis (UP, DOWN, UNCHANGED, NEW)
    reason: str = ""              # the latest review's note since the basis, and its date
    on: date | None = None


# The covering report's fields a meeting carries (Meeting and PackMeeting alike).
COVER_FIELDS = ("agenda_item", "report_of", "contact_officer", "purpose", "recommendations")


@dataclass(frozen=True)
class PackMeeting:
    id: str
    board: str
    held_on: datetime
    venue: str = ""
    chair: str = ""
    attendees: str = ""
    agenda_item: str = ""
    report_of: str = ""
    contact_officer: str = ""
    purpose: str = ""
    recommendations: str = ""


@dataclass(frozen=True)
class PackData:
    """One pack's content. `part` is ALL until services.packs.for_part chooses public or exempt items."""
    partnership: str
    scheme: Scheme
    produced_on: date
    meeting: PackMeeting | None = None
    previous: PackMeeting | None = None
    risks: tuple[PackRisk, ...] = ()          # residual-score order, highest first
    actions: tuple[PackAction, ...] = ()      # by owner, then due date
    matters_arising: tuple[PackAction, ...] = ()
    changes: tuple[PackChange, ...] = ()
    changes_basis: str = "none"               # "snapshot", "history", "reviews" or "none"
    marking: str = "OFFICIAL"
    part: str = ALL
    sections: tuple[str, ...] = PACK_SECTIONS
    issued_at: str | None = None
    plan: tuple[PackPriority, ...] = ()      # "Performance against the plan" (domain/plan_pack.py)
    plan_label: str = ""
    tracker_by: str = "owner"                # or "priority"
    # Items public in the issued pack but exempt now, so left out of this rebuild of Part I (and added to Part II).
    exempt_since_issue: int = 0
    travel_since: date | None = None          # direction of travel is measured since this date ...
    travel_basis: str = "first review"        # ... or, with no previous meeting, since each risk's first review
    exempt_paragraphs: tuple[int, ...] = ()   # Schedule 12A paragraphs of the register's exempt items ...
    has_exempt: bool = False                  # ... and whether it has any: Part I says a Part II report exists

    @property
    def open_risks(self) -> tuple[PackRisk, ...]:
        return tuple(r for r in self.risks if r.status == "open")

    @property
    def appetite_set(self) -> bool:
        """False when the partnership adopted no appetite: then "above appetite" is printed nowhere."""
        return bool(self.scheme.appetite)

    @property
    def printed_marking(self) -> str:
        return "" if self.marking == NO_MARKING else self.marking

    @property
    def exempt_part(self) -> bool:
        return self.part == EXEMPT

    @property
    def title(self) -> str:
        """The pack's title, as on the cover and in the PDF's metadata."""
        if self.meeting is None:
            return f"{self.partnership}: risk register as at {show(self.produced_on)}"
        return f"{self.meeting.board}, {show(self.meeting.held_on)}: risk register and action tracker"


def travel(before: PackRisk | None, now: PackRisk) -> str:
    """The ONE rule for direction of travel: the risk's current score against its score at the basis.
    A risk that did not exist (or had no score) then is NEW."""
    if before is None or before.current is None:
        return NEW
    if now.current is None or now.current.score == before.current.score:
        return UNCHANGED
    return UP if now.current.score > before.current.score else DOWN


def travel_header(data_since: date | None) -> str:
    """The words that say what the direction of travel is measured against."""
    return f"since {show(data_since)}" if data_since else "since first review"


def paragraph_words(paragraphs: tuple[int, ...]) -> str:
    if not paragraphs:
        return ""
    numbers = ", ".join(str(n) for n in paragraphs)
    return f"paragraph{'s' if len(paragraphs) > 1 else ''} {numbers}"
