"""The things a register file holds: what an import proposes to add, or what an export writes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.model import (Action, Indicator, Meeting, Mitigation, Organisation, Owner, Priority, ProgressNote,
                            Review, Risk)
from ..domain.plan import PlanInfo
from ..domain.scoring import Scheme
from ..domain.shorten import quoted
from ..domain.vocab import guess_owner_kind
from .problems import Problem

_PRIORITY_LABEL = re.compile(r"^\s*priority\s*([0-9]+[a-z]?)\s*[:\-\u2013.]\s*(.+)$", re.IGNORECASE)
# A priority's reference as plans write them: 1, 2a, 1.2, P1, SP-3, PR 4.
_PRIORITY_REF = re.compile(r"(?:[A-Za-z]{1,3}[- ]?)?[0-9]+(?:\.[0-9]+)*[a-zA-Z]?")


def _tidy(text: str) -> str:
    """Stray spaces and trailing line breaks trimmed; the rest (a leading tab, a non-breaking space) is the
    file's own and is kept, as the sheet reader keeps it."""
    return text.strip(" ").rstrip(" \r\n").lstrip(" \n")


def _key(name: str) -> str:
    """Names match ignoring case and spacing."""
    return " ".join(name.lower().split())


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "")


@dataclass
class Contents:
    file: str
    scheme: Scheme | None = None
    scale_note: str = ""   # how the scale was read from the file ("read as 4x4: ..."), "" when chosen or kept
    scale_guessed: bool = False                           # the note says it is a guess from the numbers
    scale_sheets: set = field(default_factory=set)        # sheets read for the scale (a key or matrix)
    name: str | None = None
    organisations: list[Organisation] = field(default_factory=list)
    owners: list[Owner] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    mitigations: list[Mitigation] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    notes: list[ProgressNote] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    indicator_values: list = field(default_factory=list)  # domain.plan.IndicatorValue
    objectives: list = field(default_factory=list)        # domain.plan.Objective
    themes: list = field(default_factory=list)            # domain.plan.Theme
    plan_info: PlanInfo | None = None                     # from a full export
    # Priorities a performance table named that no priorities table gave: id -> (sheet, row) where named.
    implied_priorities: dict = field(default_factory=dict)
    keeps_ids: bool = False  # a full-fidelity file (JSON) whose ids must be kept
    # Links to things the file names but does not hold (a mitigation of a risk already in the register):
    # (item, attribute, table, ref or key, where in the file), made when the register is written.
    links: list = field(default_factory=list)
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def _find(self, kind: str, items: list, key, wanted):
        """Look-ups by name or ref in constant time; items are only ever appended while a file is read."""
        size, index = self._index.get(kind, (0, {}))
        if size > len(items):
            size, index = 0, {}
        for item in items[size:]:
            index.setdefault(key(item), item)
        self._index[kind] = (len(items), index)
        return index.get(wanted)

    def owner(self, name: str | None, kind: str | None = None) -> str | None:
        """The plan's owner of that name (made on first use); returns its id."""
        name = _tidy(str(name or ""))
        if not name:
            return None
        found = self._find("owners", self.owners, lambda o: _key(o.name), _key(name))
        if found is not None:
            return found.id
        owner = Owner(name=name, kind=kind or guess_owner_kind(name))
        self.owners.append(owner)
        return owner.id

    def organisation(self, name: str) -> str:
        found = self._find("organisations", self.organisations, lambda o: o.name.lower(), name.lower())
        if found is None:
            found = Organisation(name=name)
            self.organisations.append(found)
        return found.id

    def priority(self, value, title: str = "", lead_agency: str = "") -> str | None:
        """The plan's priority that `value` names: "1", "Priority 1: Title" or a title alone."""
        ref, title = _priority_parts(value, title)
        if not ref and not title:
            return None
        found = next((p for p in self.priorities if _same_priority(p, ref, title)), None)
        if found is None:
            found = Priority(title=title or f"Priority {ref}", ref=ref, lead_agency=lead_agency)
            self.priorities.append(found)
        else:
            if lead_agency and not found.lead_agency:
                found.lead_agency = lead_agency
            if title and found.title == f"Priority {ref}":
                found.title = title
        return found.id

    def next_position(self, risk_id: str) -> int:
        """The place of a risk's next mitigation (0 for its first), kept as mitigations are read."""
        positions = self._index.setdefault("positions", {})
        positions[risk_id] = positions.get(risk_id, -1) + 1
        return positions[risk_id]

    def priority_conflict(self, value, title: str = "", lead_agency: str = "") -> str | None:
        """What a second mention of a priority says that differs from the first, if anything."""
        ref, title = _priority_parts(value, title)
        found = next((p for p in self.priorities if _same_priority(p, ref, title)), None)
        if found is None:
            return None
        if ref and title and found.title != title and found.title != f"Priority {ref}":
            return (f"gives priority {ref} the title {quoted(title)}, "
                    f"but an earlier row calls it {quoted(found.title)}; the first was kept")
        if lead_agency and found.lead_agency and found.lead_agency != lead_agency:
            return (f"gives priority {ref or quoted(found.title)} the lead {quoted(lead_agency)}, "
                    f"but an earlier row gives {quoted(found.lead_agency)}; "
                    "the first was kept")
        return None

    def risk_by_ref(self, ref: str) -> Risk | None:
        return self._find("risks", self.risks, lambda r: r.ref, ref) if ref else None

    def action_by_ref(self, ref: str):
        return self._find("actions", self.actions, lambda a: a.ref, ref) if ref else None

    def meeting_by_key(self, key: str):
        from .writers import meeting_key  # the one way a meeting is named across tables
        return next((m for m in self.meetings if meeting_key(m) == key), None)

    def link(self, item, attribute: str, table: str, key: str, found, where: str) -> None:
        """Point `item` at what `key` names: in the file if it is there, else in the register on writing."""
        if found is not None:
            setattr(item, attribute, found.id)
        else:
            self.links.append((item, attribute, table, key, where))

    def counts(self) -> dict[str, int]:
        names = ("priorities", "owners", "risks", "mitigations", "reviews", "actions", "notes", "indicators",
                 "meetings")
        return {n: len(getattr(self, n)) for n in names if getattr(self, n)}


def _priority_parts(value, title: str) -> tuple[str, str]:
    text = _tidy(_number_text(value))
    title = _tidy(str(title or ""))
    label = _PRIORITY_LABEL.match(text)
    if label:
        return label.group(1), title or label.group(2).strip()
    if _PRIORITY_REF.fullmatch(text):
        return text, title
    ref_and_title = re.match(r"^(" + _PRIORITY_REF.pattern + r")\s*[:\-\u2013]\s+(.+)$", text)
    if ref_and_title:
        return ref_and_title.group(1), title or ref_and_title.group(2)
    if text and title and text != title:
        return text, title  # beside a title column, the priority column holds the ref, however written
    return "", title or text


def _same_priority(p: Priority, ref: str, title: str) -> bool:
    if ref and p.ref:
        return p.ref == ref
    return bool(title) and _key(p.title) == _key(title)


def same_priority(p: Priority, other: Priority) -> bool:
    return _same_priority(p, other.ref, other.title)
