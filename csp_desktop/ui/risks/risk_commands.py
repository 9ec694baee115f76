"""Undoable edits of risks, mitigations and reviews. Each command keeps the old value when made.

The first run carries the version the user started from, so a row changed since is refused; undo and
redo apply to the row as stored then (this process alone writes the register: the writer lock).

Push them with `undoable.push(session, command)` (re-exported here): a refusal comes back as the
one-sentence reason and leaves the undo stack untouched; a later failed undo or redo is announced on
`undoable.failures`.
"""
from __future__ import annotations

from datetime import date

from ...domain.field_words import field_words
from ...domain.model import Mitigation, Review, Risk
from ...domain.scoring import Rating
from ...services import risk_editing as editing
from ...services.changes import Changes
from ..shell.undoable import DeleteCommand, EditCommand, push  # noqa: F401  (push is part of this module's interface)

class SetRiskField(EditCommand):
    """One field of one risk, from its old value to a new one.

    A score that moves the risk into another band also moves its next review to the new band's
    cadence; `notice` says so, and undo puts the old date back with the old score.
    """

    def __init__(self, session, risk: Risk, name: str, value):
        label = risk.ref or risk.title
        super().__init__(session, f"Change {field_words(name)} of {label}")
        self.risk_id, self.name, self.new, self.old = risk.id, name, value, getattr(risk, name)
        self.expected: int | None = risk.version
        self.also, self.notice = editing.band_change(session.register, risk.id, {name: value}, date.today())
        self.also_old = {k: getattr(risk, k) for k in self.also}

    def do(self) -> Changes:
        done = editing.set_risk_fields(self.session.register, self.risk_id, {self.name: self.new, **self.also},
                                       self.expected)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.set_risk_fields(self.session.register, self.risk_id, {self.name: self.old, **self.also_old},
                                       None).changes


class EditRisk(EditCommand):
    """Several fields changed together: one undo step, one child command per field keeping its old value.

    The children are held here, not as Qt children: in PySide6 6.12 a QUndoCommand made with a
    parent command crashes the interpreter when the stack is freed (double delete). The parent
    writes all the fields in one transaction.
    """

    def __init__(self, session, risk: Risk, changes: dict):
        super().__init__(session, f"Edit {risk.ref or risk.title}")
        self.risk_id = risk.id
        self.fields = [SetRiskField(session, risk, name, value) for name, value in changes.items()]
        self.expected: int | None = risk.version

    def do(self) -> Changes:
        done = editing.set_risk_fields(self.session.register, self.risk_id,
                                       {**self._also("also"), **{c.name: c.new for c in self.fields}}, self.expected)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.set_risk_fields(self.session.register, self.risk_id,
                                       {**self._also("also_old"), **{c.name: c.old for c in self.fields}},
                                       None).changes

    def _also(self, which: str) -> dict:
        """The next review a band change brings (from the last score child), unless the edit sets it itself."""
        found = {}
        for child in self.fields:
            found.update(getattr(child, which))
        return found

    @property
    def notice(self) -> str:
        return next((c.notice for c in reversed(self.fields) if c.notice), "")


class AddRisk(EditCommand):
    def __init__(self, session, risk: Risk):
        super().__init__(session, f"Add risk {risk.ref or risk.title}")
        self.risk, self.risk_id = risk, risk.id
        self.saved: Risk | None = None

    def do(self) -> Changes:
        if self.saved is None:
            done = editing.add_risk(self.session.register, self.risk)
        else:
            done = editing.restore_risk(self.session.register, self.saved, [], [])
        self.saved = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return editing.remove_risk(self.session.register, self.risk.id, None)


class RemoveRisk(DeleteCommand):
    """Delete a risk; undo brings it back with its mitigations and reviews, linked to its actions again."""
    delete, restore = staticmethod(editing.remove_risk_keeping), staticmethod(editing.restore_risk)

    def __init__(self, session, risk: Risk):
        super().__init__(session, f"Delete risk {risk.ref or risk.title}", risk)
        self.risk_id = risk.id


class RecordReview(EditCommand):
    """A review appended to the history; the same score again is a valid review."""

    def __init__(self, session, risk: Risk, after: Rating | None, *, on: date, reviewer: str, note: str = "",
                 next_review: date | None = None):
        super().__init__(session, f"Record review of {risk.ref or risk.title}")
        self.risk_id, self.after, self.on, self.reviewer, self.note = risk.id, after, on, reviewer, note
        self.next_review = next_review
        self.old_residual, self.old_next_review = risk.residual, risk.next_review
        self.expected = risk.version
        self.review: Review | None = None

    def do(self) -> Changes:
        if self.review is not None:
            return editing.reapply_review(self.session.register, self.review, self.next_review)
        done = editing.record_review(self.session.register, self.risk_id, self.after, on=self.on,
                                     reviewer=self.reviewer, note=self.note, next_review=self.next_review,
                                     expected_version=self.expected)
        self.review = done.value
        return done.changes

    def undo_it(self) -> Changes:
        assert self.review is not None  # undone only after done
        return editing.withdraw_review(self.session.register, self.review, self.old_residual, self.old_next_review)


class AddMitigation(EditCommand):
    def __init__(self, session, mitigation: Mitigation):
        super().__init__(session, "Add mitigation")
        self.mitigation = mitigation

    def do(self) -> Changes:
        return editing.add_mitigation(self.session.register, self.mitigation).changes

    def undo_it(self) -> Changes:
        return editing.remove_mitigation(self.session.register, self.mitigation.id, self.mitigation.risk_id,
                                         None).changes


class EditMitigation(EditCommand):
    def __init__(self, session, mitigation: Mitigation, changes: dict):
        super().__init__(session, "Edit mitigation")
        self.mitigation = mitigation
        self.mitigation_id, self.risk_id = mitigation.id, mitigation.risk_id
        self.new = dict(changes)
        self.old = {name: getattr(mitigation, name) for name in changes}
        self.expected: int | None = mitigation.version

    def do(self) -> Changes:
        done = editing.save_mitigation(self.session.register, self.mitigation_id, self.risk_id, self.new,
                                       self.expected)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.save_mitigation(self.session.register, self.mitigation_id, self.risk_id, self.old,
                                       None).changes


class RemoveMitigation(EditCommand):
    def __init__(self, session, mitigation: Mitigation):
        super().__init__(session, "Remove mitigation")
        self.mitigation = mitigation
        self.expected: int | None = mitigation.version

    def do(self) -> Changes:
        done = editing.remove_mitigation(self.session.register, self.mitigation.id, self.mitigation.risk_id,
                                         self.expected)
        self.mitigation, self.expected = done.value, None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.add_mitigation(self.session.register, self.mitigation).changes
