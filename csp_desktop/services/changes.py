"""What an operation changed, as a value every view can test: which kinds of rows, which ids.

In the manner of Anki's OpChanges: an operation says what it touched, one signal carries it, and
each view decides from it whether to do nothing, update a few rows, or read everything again.
An empty `ids` means "some rows of these kinds, not known which": a view then reads them all.

Every operation of the services layer that writes returns a `Changes`, or a `Done` when the caller
also needs what it made or kept (the saved row, what undo puts back): Anki's OpChangesWithId.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class Kind(enum.Enum):
    RISKS = "risks"
    MITIGATIONS = "mitigations"
    REVIEWS = "reviews"
    ACTIONS = "actions"
    OWNERS = "owners"              # owners and the organisations they belong to
    MEETINGS = "meetings"
    SCHEME = "scheme"              # the scoring matrix, its labels, bands and appetite
    RETURNS = "returns"            # owners' returned workbooks and their proposed changes
    PLAN = "plan"                  # the partnership plan: priorities, objectives, themes, indicators
    CADENCE = "cadence"            # how often each band of risk is reviewed
    CHASE = "chase"                # owners chased for what is coming up
    REGISTER = "register"          # the register's own details: the partnership's name


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[Kind] = frozenset()
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *kinds: Kind, ids=()) -> "Changes":
        return cls(frozenset(kinds), frozenset(i for i in ids if i))

    @classmethod
    def everything(cls) -> "Changes":
        """After a change too wide to describe (an undo refused, owners' returns applied): read it all again."""
        return cls(frozenset(Kind))

    def touches(self, *kinds: Kind) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def only(self, *kinds: Kind) -> bool:
        """Nothing but these kinds changed (so a view of other things need not look)."""
        return bool(self.kinds) and self.kinds <= set(kinds)

    @property
    def rows_known(self) -> bool:
        return bool(self.ids)

    @property
    def scheme_changed(self) -> bool:
        return Kind.SCHEME in self.kinds

    @property
    def meetings_changed(self) -> bool:
        return Kind.MEETINGS in self.kinds

    @property
    def names_only(self) -> bool:
        """Only owners' or organisations' own details changed (a rename, one added), these ids: the rows that
        show an owner's name are those that name that owner, so a view re-reads just them, not everything.
        (A delete that clears links names the linked rows' kinds too, so it is not this.)"""
        return self.kinds == {Kind.OWNERS} and self.rows_known

    def __or__(self, other: "Changes") -> "Changes":
        if not other or not self:  # nothing changed on one side: the other says it all
            return self or other
        # Ids of one change and "all rows" of the other make "all rows": a partial list would mislead.
        ids = self.ids | other.ids if self.ids and other.ids else frozenset()
        return Changes(self.kinds | other.kinds, ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an operation made or kept (`value`) and what it changed (`changes`)."""
    value: T
    changes: Changes
