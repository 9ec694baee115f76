"""The words registers use in their headings, per kind of table: known phrases and telling words.

`SYNONYMS` maps a cleaned heading (see columns.clean) to the field it names; `KEYWORDS` maps a single
word that, where the heading is no known phrase, points to one field only.
"""
from __future__ import annotations

RISKS, MITIGATIONS, ACTIONS, PRIORITIES, INDICATORS, OWNERS = (
    "risks", "mitigations", "actions", "priorities", "indicators", "owners")
REVIEWS, NOTES, MEETINGS = "reviews", "notes", "meetings"
IGNORE = "ignore"

_L, _I, _S = (("likelihood", "probability", "l"), ("impact", "severity", "i"),
               ("score", "risk score", "rating", "risk rating"))


def _scored(prefixes: tuple[str, ...], field: str, words: tuple[str, ...]) -> dict[str, str]:
    return {f"{p} {w}".strip(): field for p in prefixes for w in words}


SYNONYMS: dict[str, dict[str, str]] = {
    RISKS: {
        **dict.fromkeys(["ref", "reference", "risk ref", "risk reference", "risk no", "risk number", "no",
                         "number", "id", "risk id", "action ref", "ref no"], "ref"),
        **dict.fromkeys(["risk", "risk title", "risk description", "risk name", "risks", "title of risk", "risk event",
                         "hazard", "hazard threat", "strategic risk", "risk title and summary description",
                         "risk summary", "description of risk", "risk identified", "risk issue", "the risk",
                         "risk area", "risk and consequence", "risk and consequences", "threat", "risk statement",
                         "risk detail and consequence", "risk title and description"], "title"),
        **dict.fromkeys(["description", "details", "risk details", "cause", "cause and effect",
                         "cause event consequence", "risk detail", "cause and consequence", "causes", "consequences",
                         "consequence",
                         "effect", "effects", "causes and consequences", "triggers", "vulnerability",
                         "risk cause", "risk consequence", "impact description", "potential impact",
                         "consequence description", "cause event effect"], "description"),
        **dict.fromkeys(["category", "risk category", "type", "risk type"], "category"),
        **dict.fromkeys(["priority", "linked priority", "objective", "plan priority", "strategic priority",
                         "priority title"], "priority"),
        **dict.fromkeys(["owner", "risk owner", "lead", "lead officer", "responsible officer", "owner body",
                         "responsible", "risk lead", "lead officer owner", "risk owner lead",
                         "responsible owner", "accountable officer", "lead member", "owner s"], "owner"),
        **dict.fromkeys(["status", "risk status"], "status"),
        **_scored(("", "inherent", "gross", "original"), "inherent_likelihood", _L + ("likelihood of occurrence",)),
        **_scored(("", "inherent", "gross", "original"), "inherent_impact", _I),
        **_scored(("", "inherent", "gross", "original"), "inherent_score", _S),
        **_scored(("residual", "net", "current"), "residual_likelihood", _L + ("likelihood of occurrence",)),
        **_scored(("residual", "net", "current"), "residual_impact", _I),
        **_scored(("residual", "net", "current"), "residual_score", _S),
        **_scored(("target",), "target_likelihood", _L),
        **_scored(("target",), "target_impact", _I),
        **_scored(("target",), "target_score", _S),
        **dict.fromkeys(["controlling mechanism", "controlling mechanisms",
                         "existing controls", "mitigation", "mitigations", "controls", "mitigating action",
                         "mitigating actions", "control measures", "mitigating controls", "current controls",
                         "controls in place", "existing controls and assurances", "key controls",
                         "mitigating actions and controls", "internal controls", "existing controls in place",
                         "mitigation actions", "additional controls", "response", "risk response", "risk control",
                         "risk control response", "treatment", "controls and assurance", "mitigation plans",
                         "mitigation plan"], "mitigation"),
        # Actions beside the controls; where a table has no controls column they are its mitigations.
        **dict.fromkeys(["action description", "further actions", "action", "actions", "actions required",
                         "further action required", "planned actions", "actions to mitigate", "specific action",
                         "specific actions", "further action", "action plan", "actions planned",
                         "additional actions"], "action_title"),
        **dict.fromkeys(["mitigation owner", "control owner", "action owner", "action lead"], "mitigation_owner"),
        **dict.fromkeys(["due", "due date", "deadline", "target date", "by when", "timescale", "timescales",
                         "date due", "action due date", "completion date", "target completion date"], "action_due"),
        **dict.fromkeys(["action status", "progress status", "delivery status"], "action_status"),
        **dict.fromkeys(["progress", "progress notes", "progress update", "latest update", "update",
                         "comments", "commentary", "action progress"], "action_progress"),
        **dict.fromkeys(["rag status", "rag rating", "action rag"], "action_rag"),
        **dict.fromkeys(["background", "background context", "context", "notes", "comments", "commentary"],
                        "description"),
        **dict.fromkeys(["review date", "next review", "next review date", "review by", "date of next review",
                         "date for review"], "next_review"),
        **dict.fromkeys(["exempt", "part ii", "part 2", "part b", "exempt item", "confidential"], "exempt"),
        **dict.fromkeys(["band", "rag", "rag rating", "rag status", "risk rag"], IGNORE),
        **dict.fromkeys(["priority rating", "risk priority rating", "risk priority"], "inherent_score"),
        **dict.fromkeys(["response", "risk response", "treatment", "4ts", "4 ts"], "response"),
        **dict.fromkeys(["response reason", "reason for response", "reason for the response"], "response_reason"),
        **dict.fromkeys(["accepted by", "risk accepted by"], "accepted_by"),
        **dict.fromkeys(["accepted on", "date accepted", "acceptance date"], "accepted_on"),
        **dict.fromkeys(["accepted until", "acceptance ends", "acceptance expires"], "accepted_until"),
    },
    MITIGATIONS: {
        **dict.fromkeys(["risk ref", "risk reference"], "risk_ref"),
        **dict.fromkeys(["mitigation", "control", "mitigating action"], "description"),
        **dict.fromkeys(["owner", "mitigation owner"], "owner"),
        **dict.fromkeys(["expected likelihood", "expected residual likelihood"], "expected_likelihood"),
        **dict.fromkeys(["expected impact", "expected residual impact"], "expected_impact"),
        **dict.fromkeys(["exempt"], IGNORE),  # exempt with its risk, never on its own
    },
    ACTIONS: {
        **dict.fromkeys(["ref", "action ref", "action no", "action number", "reference", "no", "id"], "ref"),
        **dict.fromkeys(["action", "actions", "action title", "action description", "task", "activity",
                         "milestone", "what", "action required", "actions required"], "title"),
        **dict.fromkeys(["owner", "action owner", "lead", "lead officer", "responsible", "responsible officer",
                         "who"], "owner"),
        **dict.fromkeys(["due", "due date", "deadline", "target date", "by when", "timescale", "date due"], "due"),
        **dict.fromkeys(["status", "action status", "progress status", "delivery status"], "status"),
        **dict.fromkeys(["rag", "rag status", "rag rating"], "rag"),
        **dict.fromkeys(["progress", "progress notes", "update", "latest update", "comments", "progress update"],
                        "progress"),
        **dict.fromkeys(["priority", "priority ref", "priority no", "objective"], "priority"),
        **dict.fromkeys(["priority title", "priority name"], "priority_title"),
        **dict.fromkeys(["lead agency", "lead organisation"], "lead_agency"),
        **dict.fromkeys(["risk ref", "linked risk", "risk"], "risk_ref"),
        **dict.fromkeys(["exempt", "part ii", "part 2", "confidential"], "exempt"),
        **dict.fromkeys(["completed", "completed on", "date completed"], "completed_on"),
        **dict.fromkeys(["status as reported", "reported status"], "status_reported"),
        **dict.fromkeys(["due as written"], "due_text"),
        **dict.fromkeys(["meeting", "agreed at", "agreed at meeting"], "meeting"),
    },
    PRIORITIES: {
        **dict.fromkeys(["priority", "ref", "no", "priority no", "priority ref", "number"], "ref"),
        **dict.fromkeys(["title", "priority title", "priority name", "name"], "title"),
        **dict.fromkeys(["lead agency", "lead", "lead organisation", "lead partner"], "lead_agency"),
    },
    REVIEWS: {
        **dict.fromkeys(["risk ref", "risk reference"], "risk_ref"),
        **dict.fromkeys(["reviewed on", "review date", "date reviewed"], "reviewed_on"),
        **dict.fromkeys(["reviewer", "reviewed by"], "reviewer"),
        "likelihood before": "before_likelihood", "impact before": "before_impact",
        "likelihood after": "after_likelihood", "impact after": "after_impact",
        **dict.fromkeys(["review note", "note", "notes"], "note"),
    },
    NOTES: {
        **dict.fromkeys(["action ref", "action reference"], "action_ref"),
        **dict.fromkeys(["noted at", "date", "at"], "at"), **dict.fromkeys(["author", "by"], "author"),
        **dict.fromkeys(["progress note", "note", "update"], "text"),
    },
    MEETINGS: {
        **dict.fromkeys(["board", "meeting", "board name"], "board"),
        **dict.fromkeys(["held on", "date", "meeting date"], "held_on"),
        "venue": "venue", "chair": "chair", "attendees": "attendees", "marking": "marking",
        **dict.fromkeys(["pack sections", "sections"], "sections"),
    },
    OWNERS: {
        **dict.fromkeys(["owner name"], "name"),
        **dict.fromkeys(["kind", "owner kind"], "kind"),
        **dict.fromkeys(["organisation", "organization", "partner", "partner body"], "organisation"),
        **dict.fromkeys(["email", "e mail", "email address"], "email"),
    },
    INDICATORS: {
        **dict.fromkeys(["priority"], "priority"),
        **dict.fromkeys(["performance indicator", "indicator", "measure", "pi", "kpi"], "title"),
        **dict.fromkeys(["data source", "source"], "data_source"),
        **dict.fromkeys(["target"], "target"),
        **dict.fromkeys(["latest", "actual", "outturn", "latest performance", "performance"], "latest"),
        **dict.fromkeys(["latest as at", "as at"], "latest_label"),
    },
}

# Words that on their own point to one field (where the heading is no known phrase).
KEYWORDS: dict[str, dict[str, str]] = {
    RISKS: {**dict.fromkeys(["controls", "control", "mitigation", "mitigations", "mitigating", "assurances",
                             "assurance", "measures"], "mitigation"),
            **dict.fromkeys(["owner", "lead", "responsible", "officer", "accountable"], "owner"),
            **dict.fromkeys(["review"], "next_review"), **dict.fromkeys(["category", "theme"], "category"),
            **dict.fromkeys(["ref", "reference", "id"], "ref"),
            **dict.fromkeys(["cause", "causes", "consequence", "consequences", "effect", "effects", "trigger",
                             "triggers", "description"], "description"),
            **dict.fromkeys(["due", "deadline", "timescale", "timescales"], "action_due"),
            **dict.fromkeys(["progress", "update", "commentary", "comments"], "action_progress"),
            **dict.fromkeys(["exempt", "confidential"], "exempt"), "status": "status", "rag": IGNORE,
            **dict.fromkeys(["chapter", "objective", "priority", "outcome"], "priority")},
    ACTIONS: {**dict.fromkeys(["owner", "lead", "responsible", "officer"], "owner"),
              **dict.fromkeys(["due", "deadline", "timescale", "timescales", "when"], "due"),
              **dict.fromkeys(["progress", "update", "commentary", "comments"], "progress"),
              "status": "status", "rag": "rag", **dict.fromkeys(["ref", "reference", "id"], "ref")},
    PRIORITIES: {"title": "title", "lead": "lead_agency", "agency": "lead_agency"},
    MITIGATIONS: {}, REVIEWS: {}, NOTES: {}, MEETINGS: {},
    INDICATORS: {"indicator": "title", "measure": "title", "target": "target"}, OWNERS: {},
}
