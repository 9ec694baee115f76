"""The things a register file holds: what an import proposes to add, or what an export writes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.model import (Action, Indicator, Meeting, Mitigation, Organisation, Owner, Priority, ProgressNote,
                            Review, Risk)
from ..domain.scoring import Scheme
from ..domain.vocab import guess_owner_kind
from .problems import Problem

_PRIORITY_LABEL = re.compile(r"^\s*priority\s*([0-9]+[a-z]?)\s*[:\-\u2013.]\s*(.+)$", re.IGNORECASE)


@dataclass
class Contents:
    file: str
    scheme: Scheme | None = None
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
    plan_info: object = None                              # domain.plan.PlanInfo, from a full export
    # Priorities a performance table named that no priorities table gave: id -> (sheet, row) where named.
    implied_priorities: dict = field(default_factory=dict)
    keeps_ids: bool = False  # a full-fidelity file (JSON) whose ids must be kept
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
        name = " ".join(str(name or "").split())
        if not name:
            return None
        found = self._find("owners", self.owners, lambda o: o.name.lower(), name.lower())
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
        elif lead_agency and not found.lead_agency:
            found.lead_agency = lead_agency
        return found.id

    def risk_by_ref(self, ref: str) -> Risk | None:
        return self._find("risks", self.risks, lambda r: r.ref, ref) if ref else None

    def counts(self) -> dict[str, int]:
        names = ("priorities", "owners", "risks", "mitigations", "reviews", "actions", "notes", "indicators",
                 "meetings")
        return {n: len(getattr(self, n)) for n in names if getattr(self, n)}


def _priority_parts(value, title: str) -> tuple[str, str]:
    text = " ".join(str(value if value is not None else "").split())
    title = " ".join(str(title or "").split())
    label = _PRIORITY_LABEL.match(text)
    if label:
        return label.group(1), title or label.group(2).strip()
    if re.fullmatch(r"[0-9]+[a-zA-Z]?", text):
        return text, title
    return "", title or text


def _same_priority(p: Priority, ref: str, title: str) -> bool:
    if ref and p.ref:
        return p.ref == ref
    return bool(title) and p.title.lower() == title.lower()


def same_priority(p: Priority, other: Priority) -> bool:
    return _same_priority(p, other.ref, other.title)
