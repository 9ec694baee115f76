"""Coming up: the reviews, actions and acceptances due before the next meeting (or within N days),
and what is already overdue grouped by owner and organisation, with when each owner was last chased.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..store import Register
from ..store import coming_up as store
from ..store.review_cycle import last_chased
from ..domain.dates import show

DEFAULT_DAYS = 28  # without a meeting ahead, four weeks: the usual gap a coordinator plans over
REVIEW, ACTION, ACCEPTANCE = "review", "action", "acceptance"
KIND_WORDS = {REVIEW: "Review", ACTION: "Action", ACCEPTANCE: "Acceptance ends"}


@dataclass(slots=True)
class Item:
    kind: str             # review | action | acceptance
    id: str               # the risk's id (review, acceptance) or the action's
    ref: str
    title: str
    due: date
    owner_id: str | None
    owner_name: str
    organisation: str
    email: str
    exempt: bool
    overdue: bool

    @property
    def label(self) -> str:
        return f"{self.ref} {self.title}".strip()


@dataclass
class OwnerGroup:
    owner_id: str | None
    owner_name: str
    organisation: str
    items: list[Item] = field(default_factory=list)
    chased_at: datetime | None = None
    count: int = 0        # how many overdue (the Overview leaves `items` empty until they are asked for)


@dataclass
class ComingUp:
    today: date
    until: date
    meeting: dict | None                      # {id, board, held_on} of the next meeting, if any
    due: list[Item] = field(default_factory=list)          # due from today to `until`, soonest first
    overdue: list[OwnerGroup] = field(default_factory=list)  # by owner, most overdue items first
    chased: dict[str, str] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        late = [i for g in self.overdue for i in g.items]
        return {"reviews due": sum(i.kind == REVIEW for i in self.due),
                "actions due": sum(i.kind == ACTION for i in self.due),
                "overdue": len(late), "acceptances": sum(i.kind == ACCEPTANCE for i in self.due + late)}

    @property
    def meeting_date(self) -> date | None:
        return datetime.fromisoformat(self.meeting["held_on"]).date() if self.meeting else None

    def status_text(self) -> str:
        return _status(self.until, self.counts)


def coming_up(reg: Register, today: date | None = None, days: int | None = None) -> ComingUp:
    """What falls due before the next meeting, or within `days` when given (or when no meeting is set)."""
    today = today or date.today()
    meeting, until = _window(reg, today, days)
    items = _items(reg, until, today)
    result = ComingUp(today, until, meeting, chased=last_chased(reg))
    result.due = sorted((i for i in items if not i.overdue), key=lambda i: (i.due, i.kind, i.ref))
    result.overdue = _by_owner([i for i in items if i.overdue], result.chased)
    return result


def _items(reg: Register, until: date, today: date) -> list[Item]:
    found = [_item(REVIEW, row, today) for row in store.reviews_due(reg, until)]
    found += [_item(ACTION, row, today) for row in store.actions_due(reg, until)]
    found += [_item(ACCEPTANCE, row, today) for row in store.acceptances_lapsing(reg, until)]
    return found


def _item(kind: str, row: tuple, today: date) -> Item:
    # row: store.coming_up.COLUMNS
    row_id, ref, title, due_text, exempt, owner_id, owner, email, organisation, risk_exempt = row
    due = date.fromisoformat(due_text[:10])
    return Item(kind, row_id, ref or "", title, due, owner_id, owner or "", organisation or "", email or "",
                is_exempt(exempt, risk_exempt), due < today)


def is_exempt(exempt, risk_exempt) -> bool:
    """TEMPORARY, to be replaced by issue 12's domain/exemption.py (the one rule for exempt items).

    Until then: an item is exempt when it is marked so, or (for an action) when the risk it serves is.
    """
    return bool(exempt) or bool(risk_exempt)


def _by_owner(items: list[Item], chased: dict[str, str]) -> list[OwnerGroup]:
    groups: dict[tuple, OwnerGroup] = {}
    for item in items:
        key = (item.owner_id, item.owner_name)
        if key not in groups:
            groups[key] = OwnerGroup(item.owner_id, item.owner_name or "(no owner)", item.organisation)
            at = chased.get(item.owner_id or item.owner_name)
            groups[key].chased_at = datetime.fromisoformat(at) if at else None
        groups[key].items.append(item)
        groups[key].count += 1
    for group in groups.values():
        group.items.sort(key=lambda i: (i.due, i.kind, i.ref))
    return _ordered(groups.values())


def _ordered(groups) -> list[OwnerGroup]:
    return sorted(groups, key=lambda g: (g.organisation.casefold(), -g.count, g.owner_name.casefold()))


@dataclass
class Overview:
    """What the Coming up panel shows first: counts, the soonest items due and each owner's overdue count.

    Read with counts and index-only scans, never every row, so it appears with the window on a big
    register; an owner's overdue items and the rest of the due list are read when asked for.
    """
    today: date
    until: date
    meeting: dict | None
    due: list[Item] = field(default_factory=list)            # the first `FIRST` due, soonest first
    due_total: int = 0
    overdue: list[OwnerGroup] = field(default_factory=list)  # counts only
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def meeting_date(self) -> date | None:
        return datetime.fromisoformat(self.meeting["held_on"]).date() if self.meeting else None

    def status_text(self) -> str:
        return _status(self.until, self.counts)


FIRST = 200


def overview(reg: Register, today: date | None = None, days: int | None = None, first: int = FIRST) -> Overview:
    today = today or date.today()
    meeting, until = _window(reg, today, days)
    due = [_item(kind, row, today) for kind in store.KINDS
           for row in store.items(reg, kind, since=today, until=until, limit=first)]
    due = sorted(due, key=lambda i: (i.due, i.kind, i.ref))[:first]
    totals = {kind: store.count(reg, kind, since=today, until=until) for kind in store.KINDS}
    found = Overview(today, until, meeting, due, sum(totals.values()))
    found.overdue = _owner_counts(reg, today, last_chased(reg))
    late = sum(g.count for g in found.overdue)
    found.counts = {"reviews due": totals[REVIEW], "actions due": totals[ACTION], "overdue": late,
                    "acceptances": totals[ACCEPTANCE] + store.count(reg, ACCEPTANCE, before=today)}
    return found


def _owner_counts(reg: Register, today: date, chased: dict[str, str]) -> list[OwnerGroup]:
    names = store.owner_names(reg)
    counts: dict[str | None, int] = {}
    for kind in store.KINDS:
        for owner_id, n in store.owners_with(reg, kind, before=today).items():
            counts[owner_id] = counts.get(owner_id, 0) + n
    groups = []
    for owner_id, n in counts.items():
        name, organisation = names.get(owner_id, ("(no owner)", "")) if owner_id is not None else ("(no owner)", "")
        at = chased.get(owner_id) if owner_id else None
        groups.append(OwnerGroup(owner_id, name, organisation, count=n,
                                 chased_at=datetime.fromisoformat(at) if at else None))
    return _ordered(groups)


def overdue_of(reg: Register, owner_id: str | None, today: date) -> list[Item]:
    """One owner's overdue items (owner_id None: items with no owner), most overdue first."""
    found = [_item(kind, row, today) for kind in store.KINDS
             for row in store.items(reg, kind, before=today, owner_id=owner_id or "")]
    return sorted(found, key=lambda i: (i.due, i.kind, i.ref))


def due_between(reg: Register, today: date, until: date) -> list[Item]:
    found = [_item(kind, row, today) for kind in store.KINDS
             for row in store.items(reg, kind, since=today, until=until)]
    return sorted(found, key=lambda i: (i.due, i.kind, i.ref))


def _window(reg: Register, today: date, days: int | None) -> tuple[dict | None, date]:
    meeting = store.next_meeting(reg, today)
    if days is not None or meeting is None:
        return meeting, today + timedelta(days=DEFAULT_DAYS if days is None else max(0, days))
    return meeting, datetime.fromisoformat(meeting["held_on"]).date()


def _status(until: date, c: dict[str, int]) -> str:
    text = (f"Coming up by {show(until)}: {c['reviews due']} reviews, {c['actions due']} actions"
            f"; {c['overdue']} overdue")
    return text + (f"; {c['acceptances']} acceptances ending" if c["acceptances"] else "")


def by_organisation(groups: list[OwnerGroup]) -> dict[str, list[OwnerGroup]]:
    """The owner groups under their organisation ('(no organisation)' last)."""
    grouped = defaultdict(list)
    for group in groups:
        grouped[group.organisation or "(no organisation)"].append(group)
    return dict(sorted(grouped.items(), key=lambda kv: (kv[0] == "(no organisation)", kv[0].casefold())))
