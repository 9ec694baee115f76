"""Editing the action tracker: the use cases behind the GUI's undoable action edits.

Each write is one operation in one transaction and returns what it changed (`Changes`), with the
action or note where the caller needs it (`Done`). Edits take `expected_version`, the version the user
started from (None: as stored now, for undo and redo only; one process alone writes a register).
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime

from ..domain.model import ACTION_STATUSES, Action, ProgressNote
from ..domain.refs import ACTION_PREFIX, ACTION_WIDTH, next_free
from ..domain.schedule12a import PARAGRAPHS
from ..errors import UserError
from ..store import Register
from ..store import actions as store
from .changes import Changes, Done, Kind

# The fields a person edits; the rest (id, version, display names) belong to the register.
EDITABLE_FIELDS = ("ref", "title", "owner_id", "due", "status", "progress", "risk_id", "mitigation_id",
                   "priority_id", "meeting_id", "exempt", "completed_on", "exempt_paragraph")
MAX_TEXT = 100_000  # far beyond any real title or note, small enough to keep the register sane


def check(action: Action) -> None:
    """Raise a one-sentence UserError for an action that cannot be saved as it is."""
    if not action.title.strip():
        raise UserError("An action needs a title.")
    if action.status not in ACTION_STATUSES:
        raise UserError(f"{action.status!r} is not an action status (use {', '.join(ACTION_STATUSES)}).")
    if action.exempt_paragraph is not None and action.exempt_paragraph not in PARAGRAPHS:
        raise UserError(f"{action.exempt_paragraph!r} is not a paragraph of Schedule 12A (England 1-7, Wales 12-18).")
    for name in ("title", "ref", "progress"):
        if len(getattr(action, name)) > MAX_TEXT:
            raise UserError(f"The action's {name} is longer than {MAX_TEXT:,} characters.")


def _actions(*action_ids: str) -> Changes:
    return Changes.of(Kind.ACTIONS, ids=action_ids)


def add_action(reg: Register, action: Action) -> Done[Action]:
    """Add a new action (keeping its id, so an undone add can be redone as the same row).

    One without a reference gets the next free A-NNN, as imported actions do, so that it can be
    found in the tracker, the owner's workbook and the pack."""
    check(action)
    if not action.ref.strip():
        action = dataclasses.replace(action, ref=next_free((a.ref for a in store.list_actions(reg)),
                                                           ACTION_PREFIX, ACTION_WIDTH))
    store.add_action(reg, action)
    return Done(store.get_action(reg, action.id), _actions(action.id))


def restore_action(reg: Register, action: Action, notes: list[ProgressNote]) -> Changes:
    """Put back a deleted action with its progress notes (undoing a delete)."""
    with reg.transaction():
        store.add_action(reg, dataclasses.replace(action))
        for note in notes:
            store.add_note(reg, dataclasses.replace(note))
        if notes:
            update_action(reg, action.id, {"progress": action.progress}, None)
    return _actions(action.id)


def delete_action(reg: Register, action_id: str,
                  expected_version: int | None) -> Done[tuple[Action, list[ProgressNote]]]:
    """Delete an action; returns it and its notes as they were, so the delete can be undone."""
    action = store.get_action(reg, action_id)
    if expected_version is not None:
        action.version = expected_version  # store.delete_action refuses it if the stored one differs
    notes = store.notes_for(reg, action_id)
    store.delete_action(reg, action)
    return Done((action, notes), _actions(action_id))


def update_action(reg: Register, action_id: str, values: dict, expected_version: int | None) -> Done[Action]:
    """Set the given fields of the action as stored now; a stale `expected_version` is refused."""
    action = store.get_action(reg, action_id)
    if expected_version is not None:
        action.version = expected_version  # store.save_action refuses it inside its transaction if stale
    changed = dataclasses.replace(action, **values)
    check(changed)
    store.save_action(reg, changed)
    return Done(changed, _actions(action_id))


def update_actions(reg: Register, values: dict[str, dict], expected_versions: dict[str, int]) -> Changes:
    """Set fields of several actions in one transaction: all change or none do (an action missing from
    `expected_versions` is changed as stored now)."""
    with reg.transaction():
        for action_id, changes in values.items():
            update_action(reg, action_id, changes, expected_versions.get(action_id))
    return _actions(*values)


def status_values(status: str, today: date) -> dict:
    """The fields a status change writes: completion is stamped with today's date."""
    if status not in ACTION_STATUSES:
        raise UserError(f"{status!r} is not an action status (use {', '.join(ACTION_STATUSES)}).")
    return {"status": status, "completed_on": today if status == "complete" else None}


def add_note(reg: Register, action_id: str, text: str, author: str,
             at: datetime | None = None) -> Done[ProgressNote]:
    """Record a progress note; the action's progress becomes its text."""
    text = text.strip()
    if not text:
        raise UserError("A progress note needs some text.")
    if len(text) > MAX_TEXT:
        raise UserError(f"A progress note can be at most {MAX_TEXT:,} characters.")
    action = store.get_action(reg, action_id)  # a clear sentence if the action has gone
    note = ProgressNote(action_id=action_id, text=text, author=author,
                        at=at or datetime.now().replace(microsecond=0))
    with reg.transaction():
        _keep_earlier_progress(reg, action)
        store.add_note(reg, note)
    return Done(note, _actions(action_id))


EARLIER_PROGRESS = "(progress text before the notes)"


def _keep_earlier_progress(reg: Register, action: Action) -> None:
    """A note replaces the progress text shown in the tracker. Text that came from an import or an
    owner's workbook is in no note, so it is kept as one first, dated when it was written."""
    text = action.progress.strip()
    if not text or any(n.text.strip() == text for n in store.notes_for(reg, action.id)):
        return
    at = store.progress_written_at(reg, action.id) or datetime.now().replace(microsecond=0)
    store.add_note(reg, ProgressNote(action_id=action.id, text=action.progress, author=EARLIER_PROGRESS, at=at))


def readd_note(reg: Register, note: ProgressNote) -> Changes:
    """Redo an undone note: the same id, time and author as first recorded."""
    store.add_note(reg, dataclasses.replace(note))
    return _actions(note.action_id)


def remove_note(reg: Register, note: ProgressNote, progress_before: str) -> Changes:
    store.delete_note(reg, note, progress_before)
    return _actions(note.action_id)


def notes_for(reg: Register, action_id: str) -> list[ProgressNote]:
    return store.notes_for(reg, action_id)
