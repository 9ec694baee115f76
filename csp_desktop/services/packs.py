"""Building a board pack: gather the register into plain PackData, keep only one part, draw the PDF.

Exempt items are filtered in exactly one place, `for_part`; everything the PDF shows (tables, heat
maps, counts, changes, matters arising, metadata, bookmarks) is drawn from what it returns.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable

from ..domain.derived import direction_of_travel, is_overdue, rag_of, review_due
from ..domain.plan_pack import for_part as plan_for_part
from .plan_pack import lead_agency_names, plan_section
from ..domain.exemption import exempt_ids
from ..domain.model import PACK_SECTIONS, Action, Meeting, Mitigation, Review, Risk
from ..domain.dates import from_iso
from ..domain.pack import (COVER_FIELDS, EXEMPT, MARKINGS, NO_MARKING, PART_I_DEFAULT_MARKING, PARTS, PUBLIC,
                           PackAction, PackData, PackMeeting,
                           PackMitigation, PackReview, PackRisk)
from ..errors import UserError
from ..files import atomic_write
from ..store import Register
from ..store.actions import list_actions, notes_by_action
from ..store.meetings import get_meeting, previous_meeting
from ..store.partners import list_organisations, list_owners
from ..store.risks import list_risks, mitigations_by_risk, reviews_by_risk
from ..store.snapshots import first_old_values, get_snapshot, save_snapshot
from . import pack_json
from .listing import by_current_score
from .pack_changes import changes_since
from .changes import Changes, Kind
from .pack_exempt import strictest


TRACKER_GROUPS = ("owner", "priority")


SENSITIVE = "OFFICIAL-SENSITIVE"


class PackOptionError(UserError):
    """An option of the pack that makes no sense (unknown part, marking or section)."""


@dataclass(frozen=True)
class PackOptions:
    meeting_id: str | None = None
    part: str = PUBLIC
    marking: str | None = None                 # None: the meeting's marking (OFFICIAL without a meeting)
    sections: tuple[str, ...] | None = None    # None: the meeting's choice (every section without one)
    issue: bool = False                        # keep the register as presented (meetings only)
    tracker_by: str = "owner"                  # group the action tracker by "owner" or by plan "priority"
    plan_year: int | None = None               # print a closed plan year's performance (services/plan_year.py)


@dataclass(frozen=True)
class PackResult:
    path: Path
    pages: int
    risks: int
    actions: int
    issued_at: str | None
    exempt_since_issue: int = 0   # items exempt now but public when the pack was issued: this rebuild differs


def build_pack(reg: Register, out: Path, options: PackOptions, today: date,
               progress: Callable[[int, int], None] | None = None) -> PackResult:
    """Write the pack to `out` (whole or not at all). `progress(done, total)` may raise to cancel."""
    from ..reports.pack import render  # reportlab is loaded only when a pack is wanted
    _check(options)
    if options.issue and options.meeting_id:  # _check: only a meeting's pack is issued
        issue(reg, options.meeting_id, today)
    data = with_options(gather(reg, options.meeting_id, today), options)
    if options.plan_year is not None:
        from .plan_year import closed_year_pack
        plan, label = closed_year_pack(reg, options.plan_year)
        data = replace(data, plan=plan, plan_label=f"{label} (as it stood when the year was closed)")
    data = for_part(data, options.part)
    pages = _write_whole(Path(out), lambda path: render(data, path, progress))
    return PackResult(Path(out), pages, len(data.open_risks), len(data.actions), data.issued_at,
                      data.exempt_since_issue)


def _check(options: PackOptions) -> None:
    if options.part not in PARTS:
        raise PackOptionError(f"{options.part!r} is not a part of the pack (use {' or '.join(PARTS)}).")
    if options.marking is not None and options.marking not in MARKINGS:
        raise PackOptionError(f"{options.marking!r} is not a protective marking (use {', '.join(MARKINGS)}).")
    unknown = [s for s in options.sections or () if s not in PACK_SECTIONS]
    if unknown:
        raise PackOptionError(f"{unknown[0]!r} is not a section of the pack (use {', '.join(PACK_SECTIONS)}).")
    if options.tracker_by not in TRACKER_GROUPS:
        raise PackOptionError(f"{options.tracker_by!r} is not a way to group the tracker (use owner or priority).")
    if options.issue and not options.meeting_id:
        raise PackOptionError("Only a meeting's pack can be issued; choose the meeting first.")


def _write_whole(out: Path, write: Callable[[Path], int]) -> int:
    """Write beside `out` and rename over it, so a failed or cancelled build leaves no half-written PDF."""
    folder = out.resolve().parent
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist, so the pack was not written.")
    return atomic_write(out, write)


def for_part(data: PackData, part: str) -> PackData:
    """The ONE place exempt items are kept out of the public pack, and public ones out of the exempt pack."""
    wanted = part == EXEMPT

    def keep(items):
        return tuple(item for item in items if item.exempt == wanted)
    items: tuple[PackRisk | PackAction, ...] = (*data.risks, *data.actions)
    exempt = [item for item in items if item.exempt]
    # Part I may say that a Part II report exists and under which paragraphs, never which or how many items.
    paragraphs = tuple(sorted({item.exempt_paragraph for item in exempt if item.exempt_paragraph}))
    # A public risk's linked actions are printed by ref: never the ref of an exempt action.
    public_refs = {a.ref for a in data.actions if not a.exempt}
    risks = keep(data.risks) if wanted else tuple(
        replace(r, action_refs=tuple(ref for ref in r.action_refs if ref in public_refs)) for r in keep(data.risks))
    return replace(data, part=part, risks=risks, actions=keep(data.actions),
                   matters_arising=keep(data.matters_arising), changes=keep(data.changes),
                   plan=plan_for_part(data.plan, wanted), exempt_paragraphs=paragraphs, has_exempt=bool(exempt))


def with_options(data: PackData, options: PackOptions) -> PackData:
    return replace(data, marking=options.marking or default_marking(data.marking, options.part),
                   tracker_by=options.tracker_by,
                   sections=data.sections if options.sections is None else options.sections)


def default_marking(meeting_marking: str, part: str) -> str:
    """Part I is open to the public: it takes OFFICIAL (or NONE) unless the user chooses otherwise; Part II
    takes the meeting's marking, and never less than OFFICIAL-SENSITIVE by default."""
    if part == PUBLIC:
        return meeting_marking if meeting_marking == NO_MARKING else PART_I_DEFAULT_MARKING
    return meeting_marking if meeting_marking == SENSITIVE else SENSITIVE


def marking_below_meeting(meeting_marking: str, chosen: str) -> bool:
    """Whether a Part II pack's chosen marking is lower than its meeting's: the user is asked first."""
    order = {NO_MARKING: 0, "OFFICIAL": 1, SENSITIVE: 2}
    return order.get(chosen, 0) < order.get(meeting_marking, 0)


def gather(reg: Register, meeting_id: str | None, today: date) -> PackData:
    """Everything the pack can show, exempt or not: the issued pack if the meeting has one (with what is exempt
    then or now marked exempt), else the register now."""
    meeting = get_meeting(reg, meeting_id) if meeting_id else None
    if meeting is not None:
        issued = get_snapshot(reg, meeting.id)
        if issued is not None:
            kept = replace(pack_json.loads(issued["data"]), issued_at=issued["issued_at"])
            return strictest(kept, *_register_now(reg, today))
    return _from_register(reg, meeting, today)


def issued_on(reg: Register, meeting_id: str) -> str | None:
    """When the meeting's pack was issued, or None if it never was."""
    snapshot = get_snapshot(reg, meeting_id)
    return None if snapshot is None else snapshot["issued_at"]


def issue(reg: Register, meeting_id: str, today: date) -> Changes:
    """Keep the register as it stands now as the meeting's issued pack (once per meeting)."""
    meeting = get_meeting(reg, meeting_id)
    if get_snapshot(reg, meeting.id) is not None:
        return Changes()
    save_snapshot(reg, meeting.id, pack_json.dumps(_from_register(reg, meeting, today)))
    return Changes.of(Kind.MEETINGS, ids=(meeting.id,))


def _from_register(reg: Register, meeting: Meeting | None, today: date) -> PackData:
    when = meeting.held_on if meeting else datetime.combine(today, time.max)
    previous = previous_meeting(reg, when.isoformat(timespec="minutes"))
    stored_actions = list_actions(reg)
    risks, actions = _register_now(reg, today, stored_actions)
    found = changes_since(reg, previous, risks, actions)
    risks = tuple(replace(r, direction=found.travel.get(r.id, r.direction)) for r in risks)
    matters = tuple(a for a in actions if previous is not None and a.meeting_id == previous.id)
    plan, plan_label = plan_section(reg, today, stored_actions)
    return PackData(partnership=reg.name, scheme=reg.scheme, produced_on=today, meeting=_meeting(meeting),
                    previous=_meeting(previous), risks=risks, actions=actions, matters_arising=matters,
                    changes=found.changes, changes_basis=found.basis,
                        marking=meeting.marking if meeting else "OFFICIAL",
                    sections=meeting.sections if meeting else PACK_SECTIONS, travel_since=found.since,
                    travel_basis=found.basis, plan=plan, plan_label=plan_label)


def _meeting(meeting: Meeting | None) -> PackMeeting | None:
    if meeting is None:
        return None
    return PackMeeting(meeting.id, meeting.board, meeting.held_on, meeting.venue, meeting.chair, meeting.attendees,
                       **{name: getattr(meeting, name, "") for name in COVER_FIELDS})


def _people(reg: Register) -> dict[str, tuple[str, str]]:
    """Owner id -> (name, organisation): the register prints who and for which partner."""
    orgs = {o.id: o.name for o in list_organisations(reg)}
    return {o.id: (o.name, orgs.get(o.organisation_id or "", "")) for o in list_owners(reg)}


def _action_refs(actions: list[Action]) -> dict[str, tuple[str, ...]]:
    refs: dict[str, list[str]] = {}
    for action in actions:
        if action.risk_id and action.ref:
            refs.setdefault(action.risk_id, []).append(action.ref)
    return {risk_id: tuple(found) for risk_id, found in refs.items()}


def _register_now(reg: Register, today: date, stored_actions: list[Action] | None = None
                  ) -> tuple[tuple[PackRisk, ...], tuple[PackAction, ...]]:
    people = _people(reg)
    stored_actions = list_actions(reg) if stored_actions is None else stored_actions
    mitigations = mitigations_by_risk(reg)
    risks = _risks(reg, today, people, _action_refs(stored_actions), mitigations)
    return risks, _actions(reg, stored_actions, today, risks, people, mitigations)


def _risks(reg: Register, today: date, people, action_refs, mitigations) -> tuple[PackRisk, ...]:
    reviews = reviews_by_risk(reg)
    return tuple(_pack_risk(r, mitigations.get(r.id, []), reviews.get(r.id, []), today, people,
                            action_refs.get(r.id, ()))
                 for r in by_current_score(list_risks(reg)))


def _pack_risk(risk: Risk, mitigations: list[Mitigation], reviews: list[Review], today: date, people,
               action_refs: tuple[str, ...]) -> PackRisk:
    latest = reviews[-1] if reviews else None  # the store gives them by date
    return PackRisk(id=risk.id, ref=risk.ref, title=risk.title, description=risk.description,
                    category=risk.category, priority=risk.priority_title, owner=risk.owner_name,
                    status=risk.status, inherent=risk.inherent, residual=risk.residual, target=risk.target,
                    next_review=risk.next_review, review_overdue=review_due(risk, today),
                    direction=direction_of_travel(reviews), exempt=risk.exempt,
                    mitigations=tuple(PackMitigation(m.description, m.owner_name, m.expected) for m in mitigations),
                    last_review=None if latest is None else PackReview(latest.reviewed_on, latest.reviewer,
                                                                       latest.note, latest.before, latest.after),
                    owner_org=people.get(risk.owner_id or "", ("", ""))[1], action_refs=action_refs,
                    # risk response and the Schedule 12A paragraph come with other issues' fields: read if present
                    response=getattr(risk, "response", "") or "",
                    exempt_paragraph=getattr(risk, "exempt_paragraph", None))


def _actions(reg: Register, stored: list[Action], today: date, risks: tuple[PackRisk, ...],
             people, mitigations: dict[str, list[Mitigation]]) -> tuple[PackAction, ...]:
    notes = notes_by_action(reg)
    leads = lead_agency_names(reg)  # no owner: the action sits under its priority's lead agency
    first_due = _original_due_dates(reg)
    exempt = exempt_ids(risks, stored, (m for ms in mitigations.values() for m in ms))
    made = [_pack_action(a, today, a.id in exempt, people, notes.get(a.id, []),
                         leads.get(a.priority_id or "", ""), first_due.get(a.id))
            for a in stored]
    return tuple(sorted(made, key=owner_order))


def owner_order(action: PackAction):
    """By organisation, then surname, then due date; an action without an owner under its priority's lead
    agency; with neither, last."""
    org = action.owner_org if action.owner else action.lead_agency
    names = action.owner.split()
    return (not (action.owner or action.lead_agency), org.lower(), not action.owner,
            (names[-1] if names else "").lower(), action.owner.lower(), action.due is None, action.due or date.max,
            action.ref, action.title.lower())


def _original_due_dates(reg: Register) -> dict[str, date | None]:
    """Each action's due date as first set, from the audit log's first change of it."""
    return {row_id: from_iso(old) if old else None for row_id, old in first_old_values(reg, "actions", "due").items()}


def _pack_action(action: Action, today: date, exempt: bool, people, notes, lead_agency: str,
                 original_due: date | None) -> PackAction:
    """An action on an exempt risk is exempt too: its title and risk would reveal the exempt item."""
    shown = rag_of(action, today)
    dated = [n for n in notes if n.at is not None]
    note = dated[-1] if dated else None
    return PackAction(id=action.id, ref=action.ref, title=action.title, owner=action.owner_name, due=action.due,
                      status=action.status, progress=note.text if note else action.progress, risk_ref=action.risk_ref,
                      rag=shown.band, rag_note=shown.short_note, overdue=is_overdue(action, today), exempt=exempt,
                      meeting_id=action.meeting_id, completed_on=action.completed_on,
                      owner_org=people.get(action.owner_id or "", ("", ""))[1],
                      original_due=original_due if original_due != action.due else None,
                      note_on=note.at.date() if note else None, note_by=note.author if note else "",
                      priority=action.priority_title, lead_agency=lead_agency, risk_id=action.risk_id,
                      exempt_paragraph=getattr(action, "exempt_paragraph", None),
                      status_reported=action.status_reported, due_text=action.due_text)
