"""What a board pack shows, as plain data: the service gathers it, the report draws it.

Nothing here knows about the database or reportlab, so a pack can be built (and tested) from plain
data, and an issued pack can be kept as JSON and rebuilt with the same text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .model import PACK_SECTIONS
from .scoring import Rating, Scheme

PUBLIC, EXEMPT, ALL = "public", "exempt", "all"
PARTS = (PUBLIC, EXEMPT)
MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "NONE")
NO_MARKING = "NONE"

SECTION_TITLES = {
    "summary": "Summary",
    "heatmaps": "Heat maps",
    "register": "Risk register",
    "tracker": "Action tracker",
    "matters": "Matters arising",
    "changes": "Changes since the previous meeting",
    "key": "Scoring key",
}
assert tuple(SECTION_TITLES) == PACK_SECTIONS

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
SCHEDULE_12A = "exempt information under Schedule 12A, Local Government Act 1972"

# What changed about an item since the previous meeting (PackChange.what).
NEW_RISK, CLOSED, REOPENED, REMOVED = "New risk", "Closed", "Reopened", "Removed from the register"
SCORE_UP, SCORE_DOWN, FIRST_SCORED = "Score up", "Score down", "First scored"
ESCALATED = "Now above appetite"
OWNER_CHANGED = "Owner changed"
NEW_ACTION, ACTION_DONE, DUE_CHANGED = "New action", "Action completed", "Due date changed"


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
    rag: str | None = None
    overdue: bool = False
    exempt: bool = False
    meeting_id: str | None = None
    completed_on: date | None = None
    status_reported: str = ""   # the status in the imported file's own words
    due_text: str = ""          # a due date written as words


@dataclass(frozen=True)
class PackChange:
    item: str  # "risk" or "action"
    ref: str
    title: str
    what: str
    before: str = ""
    after: str = ""
    exempt: bool = False


@dataclass(frozen=True)
class PackMeeting:
    id: str
    board: str
    held_on: datetime
    venue: str = ""
    chair: str = ""
    attendees: str = ""


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

    @property
    def open_risks(self) -> tuple[PackRisk, ...]:
        return tuple(r for r in self.risks if r.status == "open")

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
            return f"{self.partnership}: risk register as at {self.produced_on.strftime('%d/%m/%Y')}"
        return f"{self.meeting.board}, {self.meeting.held_on.strftime('%d/%m/%Y')}: risk register and action tracker"
