"""Reading the rows of each kind of table into the plan: owners, priorities, risks, mitigations, actions, indicators.

Risk tables often hold one row per mitigating action: the risk's own cells stay blank (or merged) on the
rows below it, and each of those rows is another action or control of the risk above.
"""
from __future__ import annotations

from ..domain.dates import parse_date
from ..domain.model import OWNER_KINDS, Action, Mitigation, Risk
from ..domain.response import parse_response
from ..domain.scoring import Rating
from ..domain.shorten import quoted
from ..domain.vocab import parse_risk_status, parse_yes_no
from . import headers as h
from .plan_cells import read_indicators
from .problems import WARNING
from .record_readers import RECORD_READERS
from .sheet_rows import MAX_TITLE_CHARS, SheetReader, filled

# The cells that belong to the risk itself: when all are blank, the row continues the risk above.
_RISK_CELLS = ("ref", "title", "category", "priority", "status", "next_review", "exempt") + tuple(
    f"{a}_{x}" for a in ("inherent", "residual", "target") for x in ("likelihood", "impact", "score"))
_ACTION_CELLS = ("action_title", "action_due", "action_status", "action_progress", "action_rag")
_CLOSED_SHEET_WORDS = ("closed", "archive", "archived", "retired")
_GENERIC_SHEETS = {"risks", "risk register", "register", "sheet1", "risk", "risk log", "corporate risk register",
                   "strategic risk register"}


def _read_owners(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        name, kind = r.text("name", MAX_TITLE_CHARS), r.text("kind").lower()
        if kind and kind not in OWNER_KINDS:
            r.note("kind", f"{quoted(kind)} is not an owner kind (use person or body)")
            continue
        if not name:
            r.note("name", "has no owner name, though the row has other text")
            continue
        owner_id = r.plan.owner(name, kind or None)
        owner = next(o for o in r.plan.owners if o.id == owner_id)
        owner.email = r.text("email")
        organisation = r.text("organisation")
        if organisation:
            owner.organisation_id = r.plan.organisation(organisation)


def _read_priorities(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        if not r.text("title", MAX_TITLE_CHARS):
            r.note("title", "has no priority title")
            continue
        r.priority("ref", "title", "lead_agency")


def _sheet_status_and_category(r: SheetReader, risk_sheets: int) -> tuple[str | None, str]:
    name = (r.sheet.name or "").strip()
    if any(word in name.lower() for word in _CLOSED_SHEET_WORDS):
        return "closed", ""
    if risk_sheets > 1 and name.lower() not in _GENERIC_SHEETS and not r.has("category"):
        return None, name  # "Strategic", "Operational": the sheet names the risks' category
    return None, ""


def _read_risks(r: SheetReader, risk_sheets: int = 0) -> None:
    sheet_status, sheet_category = _sheet_status_and_category(r, risk_sheets)
    risk = None
    for _ in r.rows():
        continuing = risk is not None and not any(filled(r.cell(f)) for f in _RISK_CELLS)
        if continuing:
            _read_child(r, risk, first=False)  # type: ignore[arg-type]  # risk is set: continuing says so
            continue
        title = r.text("title", MAX_TITLE_CHARS)
        if not title:
            r.note("title", "has no risk title, though the row has other text")
            risk = None
            continue
        inherent, residual, target = r.rating("inherent"), r.rating("residual"), r.rating("target")
        for name, rating in (("inherent", inherent), ("residual", residual), ("target", target)):
            r.check_score(name, rating)
        status = r.parsed("status", parse_risk_status, "open")
        word = r.text("status")
        if word and word.lower() != status:  # "Controls tasked": the register keeps only open or closed
            r.note("status", f"{quoted(word)} was read as {status} (a risk is open or closed here)", WARNING)
        risk = Risk(title=title, ref=r.text("ref"), description=_description(r),
                    category=r.text("category") or sheet_category, priority_id=r.priority("priority"),
                    owner_id=r.plan.owner(r.text("owner")),
                    status=sheet_status if sheet_status and not filled(r.cell("status")) else status,
                    inherent=inherent, residual=residual, target=target,
                    next_review=r.parsed("next_review", parse_date), exempt=r.parsed("exempt", parse_yes_no, False),
                    response=r.parsed("response", parse_response, ""), response_reason=r.text("response_reason"),
                    accepted_by=r.text("accepted_by", MAX_TITLE_CHARS), accepted_on=r.parsed("accepted_on", parse_date),
                    accepted_until=r.parsed("accepted_until", parse_date))
        if risk.ref and r.plan.risk_by_ref(risk.ref):
            r.note("ref", f"repeats risk reference {quoted(risk.ref)}; both risks were kept", WARNING)
        r.plan.risks.append(risk)
        _read_child(r, risk, first=True)


def _description(r: SheetReader) -> str:
    """The description, or its parts ("Cause", "Consequence") each under its heading when there are several."""
    parts = [(f, r.layout.headers[c]) for f, c in sorted(r.layout.columns.items(), key=lambda x: x[1])
             if f == "description" or f.startswith("description_")]
    texts = [(heading, r.text(f)) for f, heading in parts]
    texts = [(heading, text) for heading, text in texts if text]
    if len(parts) < 2:
        return texts[0][1] if texts else ""
    return "\n".join(f"{heading}: {text}" for heading, text in texts)


def _read_child(r: SheetReader, risk: Risk, *, first: bool) -> None:
    """The row's mitigation and action of `risk`; on a continuation row, every other filled cell is named."""
    owner_text = r.text("mitigation_owner") or ("" if first else r.text("owner"))
    owner = r.plan.owner(owner_text) or risk.owner_id
    if not first:
        extra = _description(r)
        if extra:  # a description carried on over several rows is the risk's own words
            risk.description = f"{risk.description}\n{extra}" if risk.description else extra
        used = {"mitigation", "mitigation_owner", "owner", *_ACTION_CELLS}
        used.update(f for f in r.layout.columns if f.startswith("description"))
        r.leftovers(used, "a row continuing the risk above holds only its actions")
    control = r.text("mitigation")
    if r.has("action_title"):
        action_text = r.text("action_title")
    else:  # one row per action with no separate action column: the mitigation column holds the actions
        action_text, control = (control, "") if any(r.has(f) for f in _ACTION_CELLS) else ("", control)
    if control:
        position = r.plan.next_position(risk.id)
        r.plan.mitigations.append(Mitigation(risk_id=risk.id, description=control, owner_id=owner,
                                             expected=risk.residual if first and position == 0 else None,
                                             position=position))
    if action_text:
        due, due_text = r.due("action_due")
        status, reported = r.status("action_status", "action_rag")
        r.plan.actions.append(Action(title=action_text[:MAX_TITLE_CHARS], owner_id=owner, due=due, due_text=due_text,
                                     status=status, status_reported=reported, progress=r.text("action_progress"),
                                     risk_id=risk.id, risk_ref=risk.ref, priority_id=risk.priority_id))
    elif any(filled(r.cell(f)) for f in ("action_due", "action_status", "action_progress", "action_rag")):
        r.leftovers({"mitigation", "mitigation_owner", "owner", "action_title"} |
                    {f for f in r.layout.columns if not f.startswith("action_")},
                    "it gives an action's date, status or progress but no action")


def _read_mitigations(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        ref, description = r.text("risk_ref"), r.text("description")
        if not ref:
            r.note("risk_ref", "names no risk for this mitigation")
            continue
        if not description:
            r.note("description", "has no mitigation text")
            continue
        likelihood, impact = r.level("expected_likelihood"), r.level("expected_impact")
        expected = Rating(likelihood, impact) if likelihood and impact else None
        found = r.plan.risk_by_ref(ref)
        position = r.plan.next_position(found.id if found else f"ref:{ref}")
        mitigation = Mitigation(risk_id="", description=description, owner_id=r.plan.owner(r.text("owner")),
                                expected=expected, position=position)
        r.plan.link(mitigation, "risk_id", "risks", ref, found, r.where("risk_ref"))
        r.plan.mitigations.append(mitigation)


def _read_actions(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        title = r.text("title", MAX_TITLE_CHARS)
        if not title:
            r.note("title", "has no action text, though the row has other text")
            continue
        status, reported = r.status("status", "rag")
        due, due_text = r.due("due")
        risk_ref = r.text("risk_ref")
        risk = r.plan.risk_by_ref(risk_ref)
        action = Action(
            title=title, ref=r.text("ref"), owner_id=r.plan.owner(r.text("owner")), due=due,
            due_text=r.text("due_text") or due_text, status=status,
            status_reported=r.text("status_reported") or reported, progress=r.text("progress"),
            priority_id=r.priority("priority", "priority_title", "lead_agency"),
            risk_id=risk.id if risk else None, risk_ref=risk_ref, exempt=r.parsed("exempt", parse_yes_no, False),
            completed_on=r.parsed("completed_on", parse_date))
        meeting = r.text("meeting")
        if meeting:
            r.plan.link(action, "meeting_id", "meetings", meeting, r.plan.meeting_by_key(meeting), r.where("meeting"))
        r.plan.actions.append(action)


def _read_indicators(r: SheetReader, _risk_sheets: int = 0) -> None:
    read_indicators(r)  # the plan's performance table: interchange/plan_cells.py


READERS = {h.OWNERS: _read_owners, h.PRIORITIES: _read_priorities, h.RISKS: _read_risks,
           h.MITIGATIONS: _read_mitigations, h.ACTIONS: _read_actions, h.INDICATORS: _read_indicators,
           **RECORD_READERS}
