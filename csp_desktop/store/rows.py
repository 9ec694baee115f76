"""Mapping between table rows and domain dataclasses."""
from __future__ import annotations

import json
from datetime import datetime

from ..domain.dates import from_iso, to_iso
from ..domain.model import (PACK_SECTIONS, Action, Indicator, Meeting, Mitigation, Organisation, Owner,
                            Priority, ProgressNote, Review, Risk)
from ..domain.scoring import Rating


def rating(likelihood, impact) -> Rating | None:
    return Rating(likelihood, impact) if likelihood is not None and impact is not None else None


def rating_columns(prefix: str, value: Rating | None) -> dict:
    return {f"{prefix}_likelihood": value.likelihood if value else None,
            f"{prefix}_impact": value.impact if value else None}


def risk_row(risk: Risk) -> dict:
    return {"ref": risk.ref, "title": risk.title, "description": risk.description, "category": risk.category,
            "priority_id": risk.priority_id, "owner_id": risk.owner_id, "status": risk.status,
            **rating_columns("inherent", risk.inherent), **rating_columns("residual", risk.residual),
            **rating_columns("target", risk.target), "next_review": to_iso(risk.next_review),
            "exempt": int(risk.exempt), "response": risk.response, "response_reason": risk.response_reason,
            "accepted_by": risk.accepted_by, "accepted_on": to_iso(risk.accepted_on),
            "accepted_until": to_iso(risk.accepted_until), "exempt_paragraph": risk.exempt_paragraph}


def to_risk(row: dict) -> Risk:
    return Risk(id=row["id"], version=row["version"], ref=row["ref"], title=row["title"],
                description=row["description"], category=row["category"], priority_id=row["priority_id"],
                owner_id=row["owner_id"], status=row["status"],
                inherent=rating(row["inherent_likelihood"], row["inherent_impact"]),
                residual=rating(row["residual_likelihood"], row["residual_impact"]),
                target=rating(row["target_likelihood"], row["target_impact"]),
                next_review=from_iso(row["next_review"]), exempt=bool(row["exempt"]),
                response=row.get("response") or "", response_reason=row.get("response_reason") or "",
                accepted_by=row.get("accepted_by") or "", accepted_on=from_iso(row.get("accepted_on")),
                accepted_until=from_iso(row.get("accepted_until")),
                exempt_paragraph=row.get("exempt_paragraph"),
                owner_name=row.get("owner_name") or "", priority_title=row.get("priority_title") or "")


def mitigation_row(m: Mitigation) -> dict:
    return {"risk_id": m.risk_id, "description": m.description, "owner_id": m.owner_id,
            **rating_columns("expected", m.expected), "position": m.position}


def to_mitigation(row: dict) -> Mitigation:
    return Mitigation(id=row["id"], version=row["version"], risk_id=row["risk_id"], description=row["description"],
                      owner_id=row["owner_id"], expected=rating(row["expected_likelihood"], row["expected_impact"]),
                      position=row["position"], owner_name=row.get("owner_name") or "")


def action_row(a: Action) -> dict:
    return {"ref": a.ref, "title": a.title, "owner_id": a.owner_id, "due": to_iso(a.due), "status": a.status,
            "progress": a.progress, "risk_id": a.risk_id, "mitigation_id": a.mitigation_id,
            "priority_id": a.priority_id, "meeting_id": a.meeting_id, "exempt": int(a.exempt),
            "completed_on": to_iso(a.completed_on), "objective_id": a.objective_id,
            "exempt_paragraph": a.exempt_paragraph,
            "status_reported": a.status_reported, "due_text": a.due_text}


def to_action(row: dict) -> Action:
    return Action(id=row["id"], version=row["version"], ref=row["ref"], title=row["title"],
                  owner_id=row["owner_id"], due=from_iso(row["due"]), status=row["status"],
                  progress=row["progress"], risk_id=row["risk_id"], mitigation_id=row["mitigation_id"],
                  priority_id=row["priority_id"], meeting_id=row["meeting_id"], exempt=bool(row["exempt"]),
                  completed_on=from_iso(row["completed_on"]), owner_name=row.get("owner_name") or "",
                  priority_title=row.get("priority_title") or "", risk_ref=row.get("risk_ref") or "",
                  objective_id=row.get("objective_id"), exempt_paragraph=row.get("exempt_paragraph"),
                  status_reported=row.get("status_reported") or "", due_text=row.get("due_text") or "")


def review_row(r: Review) -> dict:
    return {"risk_id": r.risk_id, "reviewed_on": to_iso(r.reviewed_on), "reviewer": r.reviewer, "note": r.note,
            **rating_columns("before", r.before), **rating_columns("after", r.after)}


def to_review(row: dict) -> Review:
    return Review(id=row["id"], version=row["version"], risk_id=row["risk_id"],
                  # reviewed_on is NOT NULL in the schema, so from_iso gives a date
                  reviewed_on=from_iso(row["reviewed_on"]),  # type: ignore[arg-type]
                  reviewer=row["reviewer"], note=row["note"],
                  before=rating(row["before_likelihood"], row["before_impact"]),
                  after=rating(row["after_likelihood"], row["after_impact"]))


def note_row(n: ProgressNote) -> dict:
    return {"action_id": n.action_id, "text": n.text, "author": n.author,
            "at": (n.at or datetime.now()).isoformat(timespec="seconds")}


def to_note(row: dict) -> ProgressNote:
    return ProgressNote(id=row["id"], version=row["version"], action_id=row["action_id"], text=row["text"],
                        author=row["author"], at=datetime.fromisoformat(row["at"]))


MEETING_COVER = ("agenda_item", "report_of", "contact_officer", "purpose", "recommendations")


def meeting_row(m: Meeting) -> dict:
    return {"board": m.board, "held_on": m.held_on.isoformat(timespec="minutes"), "venue": m.venue,
            "chair": m.chair, "attendees": m.attendees, "marking": m.marking,
            "sections": json.dumps([s for s in PACK_SECTIONS if s in m.sections]),
            **{name: getattr(m, name) for name in MEETING_COVER}}


def to_meeting(row: dict) -> Meeting:
    stored = row.get("sections") or ""
    sections = tuple(s for s in json.loads(stored) if s in PACK_SECTIONS) if stored else PACK_SECTIONS
    return Meeting(id=row["id"], version=row["version"], board=row["board"],
                   held_on=datetime.fromisoformat(row["held_on"]), venue=row["venue"], chair=row["chair"],
                   attendees=row["attendees"], marking=row["marking"], sections=sections,
                   **{name: row.get(name) or "" for name in MEETING_COVER})


def to_owner(row: dict) -> Owner:
    return Owner(id=row["id"], version=row["version"], name=row["name"], kind=row["kind"],
                 organisation_id=row["organisation_id"], email=row["email"])


def to_organisation(row: dict) -> Organisation:
    return Organisation(id=row["id"], version=row["version"], name=row["name"])


def to_priority(row: dict) -> Priority:
    return Priority(id=row["id"], version=row["version"], ref=row["ref"], title=row["title"],
                    lead_agency=row["lead_agency"], outcomes=row.get("outcomes") or "",
                    position=row.get("position") or 0, retired_on=from_iso(row.get("retired_on")),
                    retired_reason=row.get("retired_reason") or "")


INDICATOR_PLAN_FIELDS = ("ref", "unit", "direction", "baseline", "baseline_value", "target_value", "target_period",
                         "owner_id")


def indicator_row(i: Indicator) -> dict:
    return {"title": i.title, "priority_id": i.priority_id, "target": i.target, "data_source": i.data_source,
            "latest": i.latest, "latest_label": i.latest_label, "exempt": int(i.exempt),
            **{name: getattr(i, name) for name in INDICATOR_PLAN_FIELDS}}


def to_indicator(row: dict) -> Indicator:
    return Indicator(id=row["id"], version=row["version"], title=row["title"], priority_id=row["priority_id"],
                     target=row["target"], data_source=row["data_source"], latest=row["latest"],
                     latest_label=row["latest_label"], exempt=bool(row.get("exempt")),
                     **{name: row[name] for name in INDICATOR_PLAN_FIELDS if name in row})
