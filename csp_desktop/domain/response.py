"""The risk response: what the partnership does about a risk, and the acceptance a tolerated one needs."""
from __future__ import annotations


from .model import Risk
from .scoring import Scheme

TREAT, TOLERATE, TRANSFER, TERMINATE = "treat", "tolerate", "transfer", "terminate"
RESPONSES = (TREAT, TOLERATE, TRANSFER, TERMINATE)
WORDS = {"": "not decided", TREAT: "Treat", TOLERATE: "Tolerate", TRANSFER: "Transfer", TERMINATE: "Terminate"}


def needs_acceptance(risk: Risk, scheme: Scheme) -> bool:
    """A risk tolerated although it stands above the board's appetite must be accepted by someone, until a date."""
    return (risk.response == TOLERATE and risk.current is not None
            and scheme.above_appetite(risk.current.score))


def problem(risk: Risk, scheme: Scheme) -> str:
    """Why the response as it stands cannot be kept, in one sentence; '' when it can."""
    if risk.response not in ("", *RESPONSES):
        return f"{risk.response!r} is not a risk response (use {', '.join(RESPONSES)})."
    if risk.response and not risk.response_reason.strip():
        return f"Say why the risk is to be {_past(risk.response)} (the reason for the response)."
    if risk.accepted_until and risk.accepted_on and risk.accepted_until < risk.accepted_on:
        return "The acceptance cannot end before the day it was given."
    if needs_acceptance(risk, scheme) and not (risk.accepted_by.strip() and risk.accepted_on and risk.accepted_until):
        return ("This risk is above the appetite, so tolerating it needs an acceptance: who accepted it, "
                "on what date, and until when.")
    return ""


def _past(response: str) -> str:
    return {TREAT: "treated", TOLERATE: "tolerated", TRANSFER: "transferred", TERMINATE: "terminated"}[response]


def parse_response(value) -> str:
    """A response as written in a sheet ('Tolerate', 'treat ', '' ...); '' when the cell is empty."""
    text = "" if value is None else " ".join(str(value).split()).lower()
    if text in ("", "not decided"):
        return ""
    if text in RESPONSES:
        return text
    raise ValueError(f"{str(value)!r} is not a risk response (use {', '.join(RESPONSES)})")
