"""Undoable edits of risks, mitigations and reviews. Each command keeps the old value when made.

Use `push(session, command)`: it does the edit first and puts the command on the undo stack only
when the service accepted it (a bad value, a read-only file or a row changed elsewhere comes back as
the one-sentence reason, and the stack is untouched). Undo and redo run inside Qt, where an exception
cannot reach the caller, so a later refusal is announced on `refusals.refused`.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ..domain.model import Mitigation, Review, Risk
from ..domain.scoring import Rating
from ..errors import UserError
from ..services import risk_editing as editing

FIELD_WORDS = {"ref": "reference", "title": "title", "description": "description", "category": "category",
               "priority_id": "priority", "owner_id": "owner", "status": "status", "inherent": "inherent score",
               "residual": "residual score", "target": "target score", "next_review": "next review",
               "exempt": "exempt"}


class _Refusals(QObject):
    """Undo and redo run inside Qt, where an exception cannot reach the caller: refusals come out here."""
    refused = Signal(str)


refusals = _Refusals()


def push(session, command: "RiskCommand") -> str | None:
    """Do the command and put it on the session's undo stack; returns the reason when it was refused."""
    try:
        command.do()
    except UserError as exc:
        command.error = str(exc)
        return command.error
    command.done_already = True
    session.undo_stack.push(command)
    return None


class RiskCommand(QUndoCommand):
    """Runs an edit, turns a refusal into `.error`, and tells the session what changed."""

    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session
        self.error: str | None = None
        self.done_already = False  # push() did the first redo itself

    def redo(self) -> None:
        if self.done_already:
            self.done_already = False
        else:
            try:
                self.do()
            except UserError as exc:
                self.error = str(exc)
                refusals.refused.emit(self.error)
                return
        self.session.notify("risks")

    def undo(self) -> None:
        try:
            self.undo_it()
        except UserError as exc:
            self.error = str(exc)
            refusals.refused.emit(self.error)
            return
        self.session.notify("risks")

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


class SetRiskField(RiskCommand):
    """One field of one risk, from its old value to a new one."""

    def __init__(self, session, risk: Risk, name: str, value):
        label = risk.ref or risk.title
        super().__init__(session, f"Change {FIELD_WORDS.get(name, name)} of {label}")
        self.risk_id, self.name, self.new, self.old = risk.id, name, value, getattr(risk, name)

    def do(self) -> None:
        editing.set_risk_fields(self.session.register, self.risk_id, {self.name: self.new})

    def undo_it(self) -> None:
        editing.set_risk_fields(self.session.register, self.risk_id, {self.name: self.old})


class EditRisk(RiskCommand):
    """Several fields changed together: one undo step, one child command per field keeping its old value.

    The children are held here, not as Qt children: in PySide6 6.12 a QUndoCommand made with a
    parent command crashes the interpreter when the stack is freed (double delete). The parent
    writes all the fields in one transaction.
    """

    def __init__(self, session, risk: Risk, changes: dict):
        super().__init__(session, f"Edit {risk.ref or risk.title}")
        self.risk_id = risk.id
        self.fields = [SetRiskField(session, risk, name, value) for name, value in changes.items()]

    def do(self) -> None:
        editing.set_risk_fields(self.session.register, self.risk_id, {c.name: c.new for c in self.fields})

    def undo_it(self) -> None:
        editing.set_risk_fields(self.session.register, self.risk_id, {c.name: c.old for c in self.fields})


class AddRisk(RiskCommand):
    def __init__(self, session, risk: Risk):
        super().__init__(session, f"Add risk {risk.ref or risk.title}")
        self.risk = risk
        self.saved: Risk | None = None

    def do(self) -> None:
        if self.saved is None:
            self.saved = editing.add_risk(self.session.register, self.risk)
        else:
            self.saved = editing.restore_risk(self.session.register, self.saved, [], [])

    def undo_it(self) -> None:
        editing.remove_risk(self.session.register, self.risk.id)


class RemoveRisk(RiskCommand):
    def __init__(self, session, risk: Risk):
        super().__init__(session, f"Delete risk {risk.ref or risk.title}")
        self.risk_id = risk.id
        self.kept = None

    def do(self) -> None:
        self.kept = editing.remove_risk_keeping(self.session.register, self.risk_id)

    def undo_it(self) -> None:
        editing.restore_risk(self.session.register, *self.kept)


class RecordReview(RiskCommand):
    """A review appended to the history; the same score again is a valid review."""

    def __init__(self, session, risk: Risk, after: Rating | None, *, on: date, reviewer: str, note: str = "",
                 next_review: date | None = None):
        super().__init__(session, f"Record review of {risk.ref or risk.title}")
        self.risk_id, self.after, self.on, self.reviewer, self.note = risk.id, after, on, reviewer, note
        self.next_review = next_review
        self.old_residual, self.old_next_review = risk.residual, risk.next_review
        self.review: Review | None = None

    def do(self) -> None:
        if self.review is None:
            self.review = editing.record_review(self.session.register, self.risk_id, self.after, on=self.on,
                                                reviewer=self.reviewer, note=self.note, next_review=self.next_review)
        else:
            editing.reapply_review(self.session.register, self.review, self.next_review)

    def undo_it(self) -> None:
        editing.withdraw_review(self.session.register, self.review, self.old_residual, self.old_next_review)


class AddMitigation(RiskCommand):
    def __init__(self, session, mitigation: Mitigation):
        super().__init__(session, "Add mitigation")
        self.mitigation = mitigation

    def do(self) -> None:
        editing.add_mitigation(self.session.register, self.mitigation)

    def undo_it(self) -> None:
        editing.remove_mitigation(self.session.register, self.mitigation.id, self.mitigation.risk_id)


class EditMitigation(RiskCommand):
    def __init__(self, session, mitigation: Mitigation, changes: dict):
        super().__init__(session, "Edit mitigation")
        self.mitigation_id, self.risk_id = mitigation.id, mitigation.risk_id
        self.new = dict(changes)
        self.old = {name: getattr(mitigation, name) for name in changes}

    def do(self) -> None:
        editing.save_mitigation(self.session.register, self.mitigation_id, self.risk_id, self.new)

    def undo_it(self) -> None:
        editing.save_mitigation(self.session.register, self.mitigation_id, self.risk_id, self.old)


class RemoveMitigation(RiskCommand):
    def __init__(self, session, mitigation: Mitigation):
        super().__init__(session, "Remove mitigation")
        self.mitigation = mitigation

    def do(self) -> None:
        self.mitigation = editing.remove_mitigation(self.session.register, self.mitigation.id, self.mitigation.risk_id)

    def undo_it(self) -> None:
        editing.add_mitigation(self.session.register, self.mitigation)
