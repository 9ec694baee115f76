"""Chasing owners: one unsent email draft per owner, with a calendar file and optionally their workbook.

Exempt (Part II) items never go into an ordinary draft or its workbook: an owner with exempt items
gets a second, separate draft marked OFFICIAL-SENSITIVE, Part II, with its own workbook. Nothing is
sent: the coordinator opens each draft in their own mail program. What was drafted for whom, and
when, is kept in the register's chase log.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.dates import show
from ..errors import UserError
from ..interchange.chase_mail import Draft, Line, message, recipients
from ..interchange.ics import Event, calendar
from ..store import Register
from ..store.review_cycle import log_chase
from .round_contact import for_round
from .coming_up import KIND_WORDS, ComingUp, Item, coming_up
from .changes import Changes, Kind

PART_II = "OFFICIAL-SENSITIVE, Part II"
PUBLIC, EXEMPT = "public", "exempt"


@dataclass
class Written:
    owner: str
    part: str
    eml: Path
    ics: Path
    items: int
    has_email: bool


@dataclass
class Chased:
    written: list[Written] = field(default_factory=list)
    no_owner: int = 0          # items due or overdue that have no owner to chase

    @property
    def changes(self) -> Changes:
        """The chase log gains a line per draft written."""
        return Changes.of(Kind.CHASE) if self.written else Changes()


def chase(reg: Register, outdir: Path, *, owners: list[str] | None = None, today: date | None = None,
          days: int | None = None, workbooks: bool = False,
          progress: Callable[[int, int], None] | None = None) -> Chased:
    """Write the drafts into `outdir` (which must exist and be writable); all of them or none."""
    outdir = _checked_folder(Path(outdir))
    found = coming_up(reg, today, days)
    groups = _by_owner(found, owners)
    result = Chased(no_owner=sum(1 for i in _all_items(found) if not i.owner_id))
    stamp = (today or date.today()).isoformat()
    report = progress or (lambda done, total: None)
    try:
        report(0, len(groups))
        for done, (owner_id, items) in enumerate(groups.items(), start=1):
            for part in (PUBLIC, EXEMPT):
                chosen = [i for i in items if i.exempt == (part == EXEMPT)]
                if chosen:
                    result.written.append(_write(reg, found, owner_id, chosen, part, outdir, stamp, workbooks))
            report(done, len(groups))
    except OSError as exc:
        _remove(result.written)
        raise UserError(f"The drafts could not be written in {outdir} ({exc.strerror or exc}); "
                        "none were kept.") from exc
    except BaseException:
        _remove(result.written)
        raise
    log_chase(reg, [{"owner_id": _owner_id(w, groups), "owner_name": w.owner, "part": w.part,
                     "file_name": w.eml.name, "items": w.items} for w in result.written])
    return result


def _checked_folder(outdir: Path) -> Path:
    if not outdir.exists():
        raise UserError(f"There is no folder {outdir}; create it or choose another folder for the drafts.")
    if not outdir.is_dir():
        raise UserError(f"{outdir} is a file, not a folder; choose a folder for the drafts.")
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise UserError(f"The folder {outdir} cannot be written to; choose another folder for the drafts.")
    return outdir


def _all_items(found: ComingUp) -> list[Item]:
    return found.due + [i for g in found.overdue for i in g.items]


def _by_owner(found: ComingUp, names: list[str] | None) -> dict[str, list[Item]]:
    groups: dict[str, list[Item]] = {}
    for item in _all_items(found):
        if item.owner_id:
            groups.setdefault(item.owner_id, []).append(item)
    if names:
        wanted = {n.casefold() for n in names}
        groups = {k: v for k, v in groups.items() if v[0].owner_name.casefold() in wanted}
        known = {v[0].owner_name.casefold() for v in groups.values()}
        missing = [n for n in names if n.casefold() not in known]
        if missing:
            raise UserError(f"{missing[0]} has nothing due or overdue to chase (or is not an owner in this register).")
    return groups


def _write(reg: Register, found: ComingUp, owner_id: str, items: list[Item], part: str, outdir: Path,
           stamp: str, workbooks: bool) -> Written:
    first = items[0]
    base = _file_base(first.owner_name, stamp, part, outdir)
    draft = _draft(reg, found, items, part)
    draft.calendar_name = base.name + ".ics"
    draft.calendar = calendar(_events(found, items))
    if workbooks:
        draft.workbook_name, draft.workbook = _workbook(reg, first.owner_name, part)
    eml, ics = base.with_name(base.name + ".eml"), base.with_name(base.name + ".ics")
    written = Written(first.owner_name, part, eml, ics, len(items), bool(recipients(draft.email, first.owner_name)))
    ics.write_bytes(draft.calendar)
    try:
        eml.write_bytes(bytes(message(draft)))
    except BaseException:
        ics.unlink(missing_ok=True)
        raise
    return written


def _draft(reg: Register, found: ComingUp, items: list[Item], part: str) -> Draft:
    due = [_line(i) for i in items if not i.overdue]
    late = [_line(i) for i in items if i.overdue]
    what = ", ".join(x for x in (f"{len(late)} overdue" if late else "",
                                 f"{len(due)} due by {show(found.until)}" if due else "") if x)
    marking = PART_II if part == EXEMPT else ""
    subject = f"{marking}: {reg.name}: {what}" if marking else f"{reg.name}: {what}"  # the marking said once
    meeting = f"{found.meeting['board']} on {show(found.meeting_date)}" if found.meeting else ""
    return Draft(owner_name=items[0].owner_name, email=items[0].email, partnership=reg.name, subject=subject,
                 marking=marking, due=due, overdue=late, meeting=meeting, sender=for_round(reg).name)


def _line(item: Item) -> Line:
    return Line(KIND_WORDS[item.kind], item.label, item.due)


def _events(found: ComingUp, items: list[Item]) -> list[Event]:
    events = [Event(f"{i.kind}-{i.id}-{i.due:%Y%m%d}@csp-desktop", i.due, f"{KIND_WORDS[i.kind]}: {i.label}",
                    "Overdue since " + show(i.due) if i.overdue else f"Due {show(i.due)}") for i in items]
    if found.meeting and found.meeting_date:
        events.append(Event(f"meeting-{found.meeting['id']}@csp-desktop", found.meeting_date,
                            f"{found.meeting['board']}"))
    return events


def _workbook(reg: Register, owner_name: str, part: str) -> tuple[str, bytes]:
    """The owner's update workbook for this part only, sent as an update round so the return can be taken in."""
    from .updates import send_round
    with tempfile.TemporaryDirectory() as folder:
        sent = send_round(reg, Path(folder), owner_names=[owner_name], only=EXEMPT if part == EXEMPT else PUBLIC)
        if not sent.files:
            return "", b""
        path = sent.files[0].path
        name = path.name if part == PUBLIC else path.stem + " - PART II" + path.suffix
        return name, path.read_bytes()


def _file_base(owner_name: str, stamp: str, part: str, outdir: Path) -> Path:
    safe = re.sub(r"[^\w \-.,()&']+", "_", owner_name).strip(" ._")[:60] or "owner"
    suffix = " - PART II" if part == EXEMPT else ""
    base, number = outdir / f"{safe} - chase {stamp}{suffix}", 2
    while base.with_name(base.name + ".eml").exists() or base.with_name(base.name + ".ics").exists():
        base = outdir / f"{safe} - chase {stamp}{suffix} ({number})"
        number += 1
    return base


def _owner_id(written: Written, groups: dict[str, list[Item]]) -> str | None:
    return next((k for k, v in groups.items() if v[0].owner_name == written.owner), None)


def _remove(written: list[Written]) -> None:
    for w in written:
        w.eml.unlink(missing_ok=True)
        w.ics.unlink(missing_ok=True)
