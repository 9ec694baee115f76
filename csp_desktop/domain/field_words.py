"""A row's fields as a user says them ("owner_id": "owner"), for the History view and the undo menu alike."""
from __future__ import annotations

FIELD_WORDS = {"ref": "reference", "owner_id": "owner", "priority_id": "priority", "risk_id": "risk",
               "mitigation_id": "mitigation", "meeting_id": "meeting", "organisation_id": "organisation",
               "inherent": "inherent score", "residual": "residual score", "target": "target score",
               "next_review": "next review", "completed_on": "completed on", "held_on": "date",
               "response_reason": "reason for the response", "accepted_by": "accepted by",
               "accepted_on": "acceptance date", "accepted_until": "accepted until", "exempt": "exempt (Part II)",
               "exempt_paragraph": "Schedule 12A paragraph"}


def field_words(name: str | None) -> str:
    """The words for a field; one not listed is its name with spaces ("due" "due", "risk_level" "risk level")."""
    return FIELD_WORDS.get(name or "", (name or "").replace("_", " "))
