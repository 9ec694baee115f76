"""Undoable edits of the plan: each command keeps the old value when made and calls a plan operation."""
from __future__ import annotations

from ...domain.model import Indicator, Priority
from ...domain.plan import IndicatorValue, Objective
from ...services import plan_editing as editing
from ...services.changes import Changes
from ..shell.undoable import EditCommand, push  # noqa: F401  (push is part of this module's interface)


class SetPlanFields(EditCommand):
    """Fields of one priority, objective, theme, indicator or plan action: one undo step."""

    def __init__(self, session, kind: str, row_id: str, changes: dict, label: str):
        super().__init__(session, f"Edit {label}")
        current = editing.get_row(session.register, kind, row_id)
        self.kind, self.row_id, self.new = kind, row_id, dict(changes)
        self.old = {name: current.get(name) for name in changes}
        self.expected: int | None = current.get("version")  # the first run only: undo and redo apply as stored
        if "target" in changes and "target_value" not in changes:
            self.old["target_value"] = current.get("target_value")

    def do(self) -> Changes:
        changes = editing.set_fields(self.session.register, self.kind, self.row_id, self.new, self.expected)
        self.expected = None
        return changes

    def undo_it(self) -> Changes:
        return editing.set_fields(self.session.register, self.kind, self.row_id, self.old)


class SetLeadAgencies(EditCommand):
    def __init__(self, session, priority: Priority, names: list[str]):
        super().__init__(session, f"Change lead agencies of {priority.ref or priority.title}")
        self.priority_id, self.new = priority.id, list(names)
        self.old = editing.lead_agency_names(session.register, priority.id)
        self.old_text = priority.lead_agency
        # as SetPlanFields: the version when made, for the first run only
        self.expected: int | None = editing.get_row(session.register, "priority", priority.id)["version"]

    def do(self) -> Changes:
        changes = editing.set_lead_agencies(self.session.register, self.priority_id, self.new, self.expected)
        self.expected = None
        return changes

    def undo_it(self) -> Changes:
        reg = self.session.register
        return (editing.set_lead_agencies(reg, self.priority_id, self.old)
                | editing.set_fields(reg, "priority", self.priority_id, {"lead_agency": self.old_text}))


class AddPlanItem(EditCommand):
    """A new priority, objective or indicator; undo deletes it, redo puts the same row back."""

    def __init__(self, session, kind: str, item: Priority | Objective | Indicator, leads: list[str] | None = None):
        super().__init__(session, f"Add {kind} {getattr(item, 'ref', '') or item.title}")
        self.kind, self.item, self.leads = kind, item, leads
        self.row: dict | None = None

    def do(self) -> Changes:
        reg = self.session.register
        if self.row is not None:
            return editing.restore(reg, self.kind, self.row)
        if isinstance(self.item, Priority):  # (the item's class and `kind` name the same thing)
            return editing.add_priority(reg, self.item, self.leads or [])
        if isinstance(self.item, Objective):
            return editing.add_objective(reg, self.item)
        return editing.add_indicator(reg, self.item)

    def undo_it(self) -> Changes:
        done = editing.remove(self.session.register, self.kind, self.item.id)
        self.row = done.value
        return done.changes


class AddIndicatorValue(EditCommand):
    """One new quarterly value: one row, one undo step."""

    def __init__(self, session, indicator: Indicator, period: str, text: str, note: str = ""):
        super().__init__(session, f"Add {period} value of {indicator.ref or indicator.title}")
        self.indicator_id, self.period, self.value_text, self.note = indicator.id, period, text, note  # (text(): Qt's)
        self.label = f"Indicator {indicator.ref}" if indicator.ref else "The indicator"
        self.row: dict | None = None
        self.value_id: str | None = None

    def do(self) -> Changes:
        reg = self.session.register
        if self.row is not None:
            return editing.restore(reg, "value", self.row)
        done = editing.record_value(reg, self.indicator_id, self.period, self.value_text, self.note,
                                    where=self.label)
        self.value_id = done.value.id
        return done.changes

    def undo_it(self) -> Changes:
        assert self.value_id is not None  # undone only after done
        done = editing.remove(self.session.register, "value", self.value_id)
        self.row = done.value
        return done.changes


class CorrectValue(EditCommand):
    """A wrong value put right in place (its row and audit history kept)."""

    def __init__(self, session, value: IndicatorValue, text: str | None = None, note: str | None = None):
        super().__init__(session, f"Correct the {value.period} value")
        self.value_id, self.old = value.id, editing.value_fields(value)
        self.new = {k: v for k, v in (("text", text), ("note", note)) if v is not None}
        self.expected: int | None = value.version  # the value as the user read it: the first run only

    def do(self) -> Changes:
        changes = editing.correct_value(self.session.register, self.value_id, **self.new,
                                        expected_version=self.expected)
        self.expected = None
        return changes

    def undo_it(self) -> Changes:
        return editing.correct_value(self.session.register, self.value_id, **self.old)


class SetPlanInfo(EditCommand):
    """The plan's period, current year and amber tolerance."""

    def __init__(self, session, changes: dict, expected: int | None = None):
        super().__init__(session, "Change the plan's period and settings")
        self.old = editing.plan_info_fields(editing.plan_info(session.register))
        self.new, self.expected = {**self.old, **changes}, expected  # the settings' version as the user read them

    def do(self) -> Changes:
        done = editing.set_plan_info(self.session.register, self.expected, **self.new)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.set_plan_info(self.session.register, **self.old).changes


class RetirePriority(EditCommand):
    """Drop a priority from the plan with the reason; undo puts it back as live."""

    def __init__(self, session, priority: Priority, reason: str):
        super().__init__(session, f"Retire priority {priority.ref or priority.title}")
        self.priority_id, self.reason = priority.id, reason
        self.expected: int | None = priority.version  # the priority as the user read it: the first run only

    def do(self) -> Changes:
        from ...services.plan_year import retire_priority
        changes = retire_priority(self.session.register, self.priority_id, self.reason,
                                  expected_version=self.expected)
        self.expected = None
        return changes

    def undo_it(self) -> Changes:
        from ...services.plan_year import reinstate_priority
        return reinstate_priority(self.session.register, self.priority_id)
