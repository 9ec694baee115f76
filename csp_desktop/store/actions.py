"""The action tracker: actions and their timestamped progress notes."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from ..domain.model import ACTION_STATUSES, Action, ProgressNote
from . import records
from .errors import RegisterError
from .register import Register
from .rows import action_row, note_row, to_action, to_note

_ACTIONS = """
SELECT a.*, o.name AS owner_name, p.title AS priority_title, r.ref AS risk_ref
FROM actions a LEFT JOIN owners o ON o.id = a.owner_id LEFT JOIN priorities p ON p.id = a.priority_id
LEFT JOIN risks r ON r.id = a.risk_id
"""


def list_actions(reg: Register) -> list[Action]:
    return [to_action(row) for row in reg.query(_ACTIONS + " ORDER BY a.rowid")]


def get_action(reg: Register, action_id: str) -> Action:
    rows = reg.query(_ACTIONS + " WHERE a.id = ?", [action_id])
    if not rows:
        raise RegisterError("That action is no longer in the register.")
    return to_action(rows[0])


def _checked(action: Action) -> dict:
    if action.status not in ACTION_STATUSES:
        raise RegisterError(f"{action.status!r} is not an action status (use {', '.join(ACTION_STATUSES)}).")
    return action_row(action)


def add_action(reg: Register, action: Action) -> str:
    return records.add(reg, "actions", action, _checked(action))


def save_action(reg: Register, action: Action) -> dict:
    return records.save(reg, "actions", action, _checked(action))


def delete_action(reg: Register, action: Action) -> None:
    records.remove(reg, "actions", action)


def set_status(reg: Register, action: Action, status: str, today: date) -> dict:
    """Change the status, stamping the completion date when it becomes complete."""
    action.status = status
    action.completed_on = today if status == "complete" else None
    return save_action(reg, action)


def notes_for(reg: Register, action_id: str) -> list[ProgressNote]:
    rows = reg.query("SELECT * FROM progress_notes WHERE action_id = ? ORDER BY at, rowid", [action_id])
    return [to_note(row) for row in rows]


def notes_by_action(reg: Register) -> dict[str, list[ProgressNote]]:
    grouped = defaultdict(list)
    for row in reg.query("SELECT * FROM progress_notes ORDER BY action_id, at, rowid"):
        grouped[row["action_id"]].append(to_note(row))
    return dict(grouped)


def add_note(reg: Register, note: ProgressNote) -> str:
    """A progress note; the action's progress text becomes the latest note."""
    row = note_row(note)
    with reg.transaction():
        note.id = reg.insert("progress_notes", {**row, "id": note.id})
        reg.update("actions", note.action_id, {"progress": note.text})
    note.version = 1
    return note.id


def delete_note(reg: Register, note: ProgressNote, progress: str) -> None:
    """Take a progress note away and put the action's progress text back to `progress`, together."""
    with reg.transaction():
        reg.delete("progress_notes", note.id)
        reg.update("actions", note.action_id, {"progress": progress})


def action_versions(reg: Register) -> dict[str, int]:
    """Every action's id and version: enough to tell which rows a view must read again."""
    return {row["id"]: row["version"] for row in reg.query("SELECT id, version FROM actions")}


def actions_by_id(reg: Register, ids: list[str], chunk: int = 500) -> list[Action]:
    """The named actions (those still in the register), read in chunks below SQLite's parameter limit."""
    found = []
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        marks = ", ".join("?" * len(part))
        found += [to_action(row) for row in reg.query(_ACTIONS + f" WHERE a.id IN ({marks})", part)]
    return found


def unlink_from_risk(reg: Register, risk_id: str) -> list[tuple[str, str | None]]:
    """Unlink every action from a risk about to be deleted, each with an audit row (the foreign key's
    ON DELETE SET NULL would do it silently). Returns (action id, mitigation id) to relink them."""
    rows = reg.query("SELECT id, mitigation_id FROM actions WHERE risk_id = ? ORDER BY rowid", [risk_id])
    with reg.transaction():
        for row in rows:
            reg.update("actions", row["id"], {"risk_id": None, "mitigation_id": None})
    return [(row["id"], row["mitigation_id"]) for row in rows]


def relink_to_risk(reg: Register, risk_id: str, links: list[tuple[str, str | None]]) -> None:
    """Link actions back to a restored risk (and mitigation), each with an audit row; an action deleted
    meanwhile is left alone."""
    with reg.transaction():
        for action_id, mitigation_id in links:
            if reg.query("SELECT 1 FROM actions WHERE id = ?", [action_id]):
                reg.update("actions", action_id, {"risk_id": risk_id, "mitigation_id": mitigation_id})


def progress_written_at(reg: Register, action_id: str) -> datetime | None:
    """When the action's progress text was last written (from the audit trail), or None if unknown."""
    rows = reg.query("SELECT max(at) AS at FROM audit WHERE tbl = 'actions' AND row_id = ? "
                     "AND (field = 'progress' OR change = 'insert')", [action_id])
    text = rows[0]["at"] if rows else None
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment.astimezone().replace(tzinfo=None, microsecond=0) if moment.tzinfo else moment.replace(microsecond=0)
