"""Building a board pack: gather the register into plain PackData, keep only one part, draw the PDF.

Exempt items are filtered in exactly one place, `for_part`; everything the PDF shows (tables, heat
maps, counts, changes, matters arising, metadata, bookmarks) is drawn from what it returns.
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable

from ..domain.derived import direction_of_travel, is_overdue, rag, review_due
from ..domain.model import PACK_SECTIONS, Action, Meeting, Mitigation, Review, Risk
from ..domain.pack import (EXEMPT, MARKINGS, PARTS, PUBLIC, PackAction, PackData, PackMeeting,
                           PackMitigation, PackRisk)
from ..errors import UserError
from ..store import Register
from ..store.actions import list_actions
from ..store.meetings import get_meeting, previous_meeting
from ..store.risks import list_risks, mitigations_by_risk, reviews_by_risk
from ..store.snapshots import get_snapshot, save_snapshot
from . import pack_json
from .listing import by_current_score
from .pack_changes import changes_since


class PackOptionError(UserError):
    """An option of the pack that makes no sense (unknown part, marking or section)."""


@dataclass(frozen=True)
class PackOptions:
    meeting_id: str | None = None
    part: str = PUBLIC
    marking: str | None = None                 # None: the meeting's marking (OFFICIAL without a meeting)
    sections: tuple[str, ...] | None = None    # None: the meeting's choice (every section without one)
    issue: bool = False                        # keep the register as presented (meetings only)


@dataclass(frozen=True)
class PackResult:
    path: Path
    pages: int
    risks: int
    actions: int
    issued_at: str | None


def build_pack(reg: Register, out: Path, options: PackOptions, today: date,
               progress: Callable[[int, int], None] | None = None) -> PackResult:
    """Write the pack to `out` (whole or not at all). `progress(done, total)` may raise to cancel."""
    from ..reports.pack import render  # reportlab is loaded only when a pack is wanted
    _check(options)
    if options.issue:
        issue(reg, options.meeting_id, today)
    data = for_part(with_options(gather(reg, options.meeting_id, today), options), options.part)
    pages = _write_whole(Path(out), lambda path: render(data, path, progress))
    return PackResult(Path(out), pages, len(data.open_risks), len(data.actions), data.issued_at)


def _check(options: PackOptions) -> None:
    if options.part not in PARTS:
        raise PackOptionError(f"{options.part!r} is not a part of the pack (use {' or '.join(PARTS)}).")
    if options.marking is not None and options.marking not in MARKINGS:
        raise PackOptionError(f"{options.marking!r} is not a protective marking (use {', '.join(MARKINGS)}).")
    unknown = [s for s in options.sections or () if s not in PACK_SECTIONS]
    if unknown:
        raise PackOptionError(f"{unknown[0]!r} is not a section of the pack (use {', '.join(PACK_SECTIONS)}).")
    if options.issue and not options.meeting_id:
        raise PackOptionError("Only a meeting's pack can be issued; choose the meeting first.")


def _write_whole(out: Path, write: Callable[[Path], int]) -> int:
    """Write beside `out` and rename over it, so a failed or cancelled build leaves no half-written PDF."""
    folder = out.resolve().parent
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist, so the pack was not written.")
    temporary = folder / f".pack-{uuid.uuid4().hex}.pdf"  # not mkstemp: its 0600 mode would stay on the pack
    try:
        pages = write(Path(temporary))
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pages


def for_part(data: PackData, part: str) -> PackData:
    """The ONE place exempt items are kept out of the public pack, and public ones out of the exempt pack."""
    wanted = part == EXEMPT

    def keep(items):
        return tuple(item for item in items if item.exempt == wanted)
    return replace(data, part=part, risks=keep(data.risks), actions=keep(data.actions),
                   matters_arising=keep(data.matters_arising), changes=keep(data.changes))


def with_options(data: PackData, options: PackOptions) -> PackData:
    return replace(data, marking=options.marking or data.marking,
                   sections=data.sections if options.sections is None else options.sections)


def gather(reg: Register, meeting_id: str | None, today: date) -> PackData:
    """Everything the pack can show, exempt or not: the issued pack if the meeting has one, else the register now."""
    meeting = get_meeting(reg, meeting_id) if meeting_id else None
    if meeting is not None:
        issued = get_snapshot(reg, meeting.id)
        if issued is not None:
            return replace(pack_json.loads(issued["data"]), issued_at=issued["issued_at"])
    return _from_register(reg, meeting, today)


def issued_on(reg: Register, meeting_id: str) -> str | None:
    """When the meeting's pack was issued, or None if it never was."""
    snapshot = get_snapshot(reg, meeting_id)
    return None if snapshot is None else snapshot["issued_at"]


def issue(reg: Register, meeting_id: str, today: date) -> None:
    """Keep the register as it stands now as the meeting's issued pack (once per meeting)."""
    meeting = get_meeting(reg, meeting_id)
    if get_snapshot(reg, meeting.id) is None:
        save_snapshot(reg, meeting.id, pack_json.dumps(_from_register(reg, meeting, today)))


def _from_register(reg: Register, meeting: Meeting | None, today: date) -> PackData:
    when = meeting.held_on if meeting else datetime.combine(today, time.max)
    previous = previous_meeting(reg, when.isoformat(timespec="minutes"))
    risks = _risks(reg, today)
    exempt_risks = {r.id for r in risks if r.exempt}
    actions = _actions(reg, today, exempt_risks)
    changes, basis = changes_since(reg, previous, risks, actions)
    matters = tuple(a for a in actions if previous is not None and a.meeting_id == previous.id)
    return PackData(partnership=reg.name, scheme=reg.scheme, produced_on=today, meeting=_meeting(meeting),
                    previous=_meeting(previous), risks=risks, actions=actions, matters_arising=matters,
                    changes=changes, changes_basis=basis, marking=meeting.marking if meeting else "OFFICIAL",
                    sections=meeting.sections if meeting else PACK_SECTIONS)


def _meeting(meeting: Meeting | None) -> PackMeeting | None:
    if meeting is None:
        return None
    return PackMeeting(meeting.id, meeting.board, meeting.held_on, meeting.venue, meeting.chair, meeting.attendees)


def _risks(reg: Register, today: date) -> tuple[PackRisk, ...]:
    mitigations, reviews = mitigations_by_risk(reg), reviews_by_risk(reg)
    return tuple(_pack_risk(r, mitigations.get(r.id, []), reviews.get(r.id, []), today)
                 for r in by_current_score(list_risks(reg)))


def _pack_risk(risk: Risk, mitigations: list[Mitigation], reviews: list[Review], today: date) -> PackRisk:
    return PackRisk(id=risk.id, ref=risk.ref, title=risk.title, description=risk.description,
                    category=risk.category, priority=risk.priority_title, owner=risk.owner_name,
                    status=risk.status, inherent=risk.inherent, residual=risk.residual, target=risk.target,
                    next_review=risk.next_review, review_overdue=review_due(risk, today),
                    direction=direction_of_travel(reviews), exempt=risk.exempt,
                    mitigations=tuple(PackMitigation(m.description, m.owner_name, m.expected) for m in mitigations))


def _actions(reg: Register, today: date, exempt_risks: set[str]) -> tuple[PackAction, ...]:
    actions = sorted(list_actions(reg), key=lambda a: (a.owner_name.lower(), a.due is None, a.due or date.max,
                                                       a.ref, a.title.lower()))
    return tuple(_pack_action(a, today, a.exempt or a.risk_id in exempt_risks) for a in actions)


def _pack_action(action: Action, today: date, exempt: bool) -> PackAction:
    """An action on an exempt risk is exempt too: its title and risk would reveal the exempt item."""
    return PackAction(id=action.id, ref=action.ref, title=action.title, owner=action.owner_name, due=action.due,
                      status=action.status, progress=action.progress, risk_ref=action.risk_ref,
                      rag=rag(action, today), overdue=is_overdue(action, today), exempt=exempt,
                      meeting_id=action.meeting_id, completed_on=action.completed_on,
                      status_reported=action.status_reported, due_text=action.due_text)
