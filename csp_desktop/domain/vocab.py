"""The words people write in real sheets for statuses, yes/no and owners, read into the register's terms."""
from __future__ import annotations

from functools import lru_cache

_RISK_STATUS = {**dict.fromkeys(["open", "active", "live", "current", "ongoing", "controlled", "managed",
                                 "controls tasked", "awaiting control", "overdue control", "awaiting review",
                                 "treat", "tolerate", "transfer", "new", "escalated", "increased", "decreased",
                                 "static", "unchanged", "under review"], "open"),
                **dict.fromkeys(["closed", "archived", "retired", "inactive", "removed", "terminate",
                                 "terminated", "de-escalated", "deescalated"], "closed")}
_ACTION_STATUS = {
    **dict.fromkeys(["not started", "not yet started", "planned", "to do", "todo", "new", "pending"], "not started"),
    **dict.fromkeys(["in progress", "ongoing", "started", "underway", "under way", "in hand", "on track",
                     "progressing", "active", "in-progress"], "in progress"),
    **dict.fromkeys(["delayed", "behind schedule", "at risk", "slipped", "slipping", "overdue", "off track",
                     "some slippage", "on target", "on schedule", "not yet due", "partially complete",
                     "partly complete", "part complete", "in train"], "in progress"),
    **dict.fromkeys(["complete", "completed", "complete(d)", "done", "finished", "achieved", "closed",
                     "implemented", "delivered", "embedded", "met"], "complete"),
    **dict.fromkeys(["cancelled", "canceled", "withdrawn", "dropped", "superseded"], "cancelled"),
}
# RAG letters and words, standing for a status where no status is written.
_RAG = {**dict.fromkeys(["g", "green"], "Green"), **dict.fromkeys(["a", "amber", "a/g", "amber/green"], "Amber"),
        **dict.fromkeys(["r", "red", "a/r", "red/amber", "amber/red"], "Red"),
        **dict.fromkeys(["b", "blue"], "Blue")}
# What a reported status says of how an open action is going, as a RAG band: an owner's "Delayed" is amber
# however far off the due date is. Words that say nothing of progress ("Ongoing", "Active") are absent.
_REPORTED_BAND = {
    **dict.fromkeys(["on track", "on target", "on schedule", "not yet due", "in hand"], "green"),
    **dict.fromkeys(["delayed", "behind", "behind schedule", "at risk", "slipped", "slipping", "some slippage"],
                    "amber"),
    **dict.fromkeys(["off track", "overdue", "stalled", "blocked"], "red"),
}
_WORST_FIRST = ("red", "amber", "green")
_YES = {"yes", "y", "true", "1", "exempt", "x", "part ii", "part 2"}
_NO = {"no", "n", "false", "0", "public", "part i", "part 1"}
_BODY_WORDS = {"group", "groups", "partners", "partnership", "board", "police", "council", "service", "services",
               "trust", "team", "forum", "authority", "probation", "fire", "health", "nhs", "housing", "agency",
               "department", "executive", "panel", "committee", "office", "unit", "directorate", "hpeg"}


def _key(value) -> str:
    return " ".join(str(value).replace("_", " ").split()).lower()


def parse_risk_status(value) -> str:
    if value is None or not str(value).strip():
        return "open"
    try:
        return _RISK_STATUS[_key(value)]
    except KeyError:
        raise ValueError(f"{str(value)!r} is not a risk status (use open or closed)") from None


def parse_action_status(value) -> str:
    if value is None or not str(value).strip():
        return "not started"
    try:
        return _ACTION_STATUS[_key(value)]
    except KeyError:
        raise ValueError(f"{str(value)!r} is not an action status "
                         "(use not started, in progress, complete or cancelled)") from None


def read_reported_status(status, rag=None) -> tuple[str, str]:
    """(status, status as reported) from a status cell and a RAG cell, in the file's own words.

    A RAG letter or word may stand for the status (Blue is done; Green, Amber and Red are under way).
    The reported words are kept whenever they say more than the register's own status does.
    """
    word = " ".join(str(status or "").split())
    rag_word = " ".join(str(rag or "").split())
    colour = _RAG.get(_key(rag_word)) if rag_word else None
    if rag_word and colour is None:
        raise ValueError(f"{rag_word!r} is not a RAG rating (use Red, Amber, Green or Blue, or R, A, G, B)")
    if word and _key(word) in _RAG and not rag_word:
        colour, word = _RAG[_key(word)], ""
    if word:
        mapped = parse_action_status(word)
    else:
        mapped = {"Blue": "complete"}.get(colour, "in progress") if colour else "not started"
    reported = word if word and _key(word) != mapped else ""
    if colour:
        reported = f"{reported} ({colour})" if reported else (f"{word} ({colour})" if word else colour)
    return mapped, reported


@lru_cache(maxsize=1024)   # a register repeats a handful of reported statuses across thousands of actions
def reported_band(reported: str) -> str | None:
    """The RAG band ("red", "amber", "green") that a status as reported gives, or None if it gives none.

    Reads what read_reported_status keeps: a colour ("Amber"), words ("Behind schedule") or both
    ("Delayed (Green)"); where words and colour disagree, the worse counts. Blue (done) gives none.
    """
    text = " ".join(str(reported or "").split())
    if not text:
        return None
    words, colour = text, None
    if text.endswith(")") and "(" in text:
        words, _, inside = text[:-1].rpartition("(")
        colour = _RAG.get(_key(inside))
    colour = colour or _RAG.get(_key(words))
    bands = {(colour or "").lower(), _REPORTED_BAND.get(_key(words), "")}
    return next((band for band in _WORST_FIRST if band in bands), None)


def parse_yes_no(value) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    key = _key(value)
    if not key or key in _NO:
        return False
    if key in _YES:
        return True
    raise ValueError(f"{str(value)!r} is not yes or no")


def guess_owner_kind(name: str) -> str:
    """A group or organisation ("All partners", "HPEG") owns as a body; anyone else is a person."""
    words = _key(name).replace("(", " ").replace(")", " ").split()
    if name.strip().isupper() or (words and words[0] == "all") or _BODY_WORDS.intersection(words):
        return "body"
    return "person"
