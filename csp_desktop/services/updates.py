"""The quarterly update round: send each owner their part of the register, take their returns back.

Nothing an owner writes is lost: every return is kept in the register's returns log with each proposed
change and what became of it. Only changes the coordinator accepts reach the register.
"""
from __future__ import annotations

import csv
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..domain.backup_policy import OWNER_RETURN
from ..domain.dates import show
from ..domain.model import new_id
from ..errors import UserError
from ..interchange.owner_returns import read_owner_workbook
from ..interchange.owner_workbook import write_owner_workbook
from ..store import Register
from ..store import returns as log
from ..store.partners import list_owners
from .backups import make_backup
from ..store.risks import reviews_by_risk
from .update_apply import Applied, apply_decisions
from .update_comments import COMMENT, LABEL_SHOWN, SHOWN, short
from .update_compare import ADDED, IDENTITY, compare
from .round_contact import for_round
from .update_send import file_name_for, keep_only, owner_parts, sent_items, workbook_for


class SendCancelled(UserError):
    """Raised by a progress callback to stop a round; send_round then keeps no workbook and records nothing."""

    def __init__(self):
        super().__init__("Sending was cancelled: no workbooks were kept and nothing was recorded.")


@dataclass
class SentFile:
    owner: str
    path: Path
    risks: int
    mitigations: int
    actions: int


@dataclass
class RoundSent:
    round_id: str
    files: list[SentFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)   # owners with nothing open to update


@dataclass
class Receipt:
    """What became of one file: refused, already received, or taken with its proposed changes."""
    file: str
    owner: str = ""
    return_id: str | None = None
    refused: str = ""
    duplicate_of: dict | None = None
    changes: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    applied: Applied | None = None


def _last_reviews(reg: Register) -> dict:
    """Each risk's latest review, for the owner to see what was said last time."""
    return {risk_id: reviews[-1] for risk_id, reviews in reviews_by_risk(reg).items() if reviews}


# -- sending -------------------------------------------------------------------------------------------

def send_round(reg: Register, outdir: Path, *, owner_names: list[str] | None = None,
               return_by: date | None = None, round_id: str | None = None,
               progress: Callable[[int, int], None] | None = None, only: str | None = None,
               coordinator: str = "", coordinator_email: str = "") -> RoundSent:
    """One workbook per owner in `outdir`; the round is recorded only if every workbook was written.

    `round_id` is for reproducing a known round (test fixtures); normally a new id is made.
    `progress(done, total)` is called before the first owner and after each one; if it raises (e.g.
    SendCancelled) the workbooks already written are removed and nothing is recorded.
    `only` ('public' or 'exempt') keeps just those rows in each workbook (chasing drafts never mix them).
    """
    who = for_round(reg, coordinator, coordinator_email)  # refuses a bad email before anything is written
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise UserError(f"{outdir} is a file; give a folder to put the workbooks in.")
    outdir.mkdir(parents=True, exist_ok=True)
    parts, by_risk = owner_parts(reg, _chosen_owners(reg, owner_names))
    if only:
        parts = [keep_only(p, only) for p in parts]
    sent_at = datetime.now().replace(microsecond=0)
    result = RoundSent(round_id=round_id or new_id())
    common = {"register_id": reg.info()["id"], "register_name": reg.name, "round_id": result.round_id,
              "sent_at": sent_at.date(), "return_by": return_by, "coordinator": who.name,
              "coordinator_email": who.email}
    sendings, reviews = [], _last_reviews(reg)
    report = progress or (lambda done, total: None)
    try:
        report(0, len(parts))
        for done, part in enumerate(parts, start=1):
            if part.empty:
                result.skipped.append(part.owner.name)
            else:
                path = file_name_for(part.owner.name, sent_at.strftime("%Y-%m-%d"), outdir)
                sendings.append(_write_one(reg, part, by_risk, dict(common), path, reviews))
                result.files.append(SentFile(part.owner.name, path, *_counts(sendings[-1][0])))
            report(done, len(parts))
        log.record_round(reg, {"id": result.round_id, "sent_at": sent_at.isoformat(), "sent_by": reg.who,
                               "return_by": return_by.isoformat() if return_by else None}, sendings)
    except BaseException:
        for sent in result.files:  # a round half sent is worse than none: owners would return unknown workbooks
            sent.path.unlink(missing_ok=True)
        raise
    return result


def _chosen_owners(reg: Register, names: list[str] | None):
    owners = list_owners(reg)
    if not names:
        return owners
    by_name = {o.name.casefold(): o for o in owners}
    unknown = [n for n in names if n.casefold() not in by_name]
    if unknown:
        raise UserError(f"There is no owner called {unknown[0]!r} in this register.")
    return [by_name[n.casefold()] for n in dict.fromkeys(names)]


def _write_one(reg: Register, part, by_risk, meta: dict, path: Path, reviews: dict) -> tuple[dict, list[dict]]:
    """Write one owner's workbook; returns their sending and the rows it carried, for the round's record."""
    # Made here because the workbook carries it; derived from the round so a known round can be reproduced.
    sending_id = str(uuid.uuid5(uuid.UUID(meta["round_id"]), part.owner.id))
    meta.update(sending_id=sending_id, owner_id=part.owner.id, owner_name=part.owner.name)
    book = workbook_for(part, reg.scheme, meta, by_risk, reviews)
    write_owner_workbook(book, path)
    items = [{**i, "sent": json.dumps(i["sent"], ensure_ascii=False, default=str)} for i in sent_items(book)]
    sending = {"id": sending_id, "owner_id": part.owner.id, "owner_name": part.owner.name, "file_name": path.name,
               "risks": len(book.risks), "mitigations": len(book.mitigations), "actions": len(book.actions)}
    return sending, items


def _counts(sending: dict) -> tuple[int, int, int]:
    return sending["risks"], sending["mitigations"], sending["actions"]


# -- receiving -----------------------------------------------------------------------------------------

def receive(reg: Register, path: Path, *, dry_run: bool = False, accept_all: bool = False,
            today: date | None = None) -> Receipt:
    """Take one returned workbook in: log it with its proposed changes, and apply the clean ones if asked.

    A dry run writes nothing at all. With `accept_all`, changes with no flag are applied; flagged ones
    (conflicts, formulas) wait for the coordinator's decision and invalid ones are never applied.
    """
    path, today = Path(path), today or date.today()
    receipt = Receipt(file=path.name)
    if not dry_run:
        reg.quick_check()  # an owner's return is written in: never into a damaged file
    digest = _sha256(path)
    earlier = log.taken_return_with_hash(reg, digest)
    if earlier is not None:
        receipt.duplicate_of, receipt.owner, receipt.return_id = earlier, earlier["owner_name"], earlier["id"]
        if accept_all and not dry_run:
            make_backup(reg, OWNER_RETURN)
            receipt.applied = accept_clean(reg, earlier["id"], today)
        return receipt
    try:
        receipt.changes, sending, notes = _proposed(reg, path)
    except UserError as exc:
        receipt.refused = str(exc)
        if not dry_run:
            log.log_return(reg, {"file_name": path.name, "file_sha256": digest, "status": log.REFUSED,
                                 "account": receipt.refused}, [])
        return receipt
    receipt.owner, receipt.notes = sending["owner_name"], notes
    if dry_run:
        return receipt
    make_backup(reg, OWNER_RETURN)  # several files taken at once share one backup (see backups.DEDUPED)
    with reg.transaction():  # logged and (if asked) applied together, or neither
        receipt.return_id = log.log_return(reg, {"round_owner_id": sending["id"], "owner_name": sending["owner_name"],
                                                 "file_name": path.name, "file_sha256": digest, "status": log.TAKEN,
                                                 "account": "\n".join(notes)}, receipt.changes)
        if accept_all:
            receipt.applied = accept_clean(reg, receipt.return_id, today)
    receipt.changes = log.changes(reg, return_id=receipt.return_id)
    return receipt


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise UserError(f"{path.name} could not be read ({exc.strerror or exc}).") from exc
    return digest.hexdigest()


def _proposed(reg: Register, path: Path) -> tuple[list[dict], dict, list[str]]:
    book = read_owner_workbook(path)
    if book.meta["register_id"] != reg.info()["id"]:
        raise UserError(f"{path.name} was sent from another register ({book.meta.get('register_name') or 'unnamed'}),"
                        f" not from {reg.name}; nothing in it was taken.")
    sending = log.sending(reg, book.meta["sending_id"])
    if sending is None:
        raise UserError(f"{path.name} belongs to an update round this register has no record of; "
                        "nothing in it was taken.")
    return compare(reg, book, log.sent_items(reg, sending["id"])), sending, book.problems


def account(receipt: Receipt) -> str:
    """What became of a file, for the coordinator: one line, then the notes on it and every word the owner
    wrote outside the columns taken back (kept in the returns log, never applied), one per line."""
    if receipt.refused:
        return f"{receipt.file}: refused. {receipt.refused}"
    if receipt.duplicate_of is not None:
        when = show(datetime.fromisoformat(receipt.duplicate_of["received_at"]))
        line = f"{receipt.file}: already received on {when} (from {receipt.owner}); nothing was applied twice."
        if receipt.applied and receipt.applied.applied:
            line += f" {len(receipt.applied.applied)} change(s) still waiting from it were applied now."
        return line
    comments = [c for c in receipt.changes if c["flag"] == COMMENT]
    proposed = [c for c in receipt.changes if c["flag"] != COMMENT]
    if not proposed:
        line = f"{receipt.file} ({receipt.owner}): no changes proposed."
    else:
        counts: dict[str, int] = {}
        for change in proposed:
            counts[change.get("outcome", log.PENDING)] = counts.get(change.get("outcome", log.PENDING), 0) + 1
        parts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
        line = f"{receipt.file} ({receipt.owner}): {len(proposed)} proposed change(s): {parts}."
    lines = [line] + [f"  Note: {note}." for note in receipt.notes]
    # Rows that cannot be taken (added, moved, copied) keep the owner's words too: name them here, where the app
    # shows what happened to the file.
    lines += [f"  {_unmatched_line(c)}." for c in proposed if c["flag"] in (ADDED, IDENTITY)]
    if comments:
        lines.append(f"  {len(comments)} cell(s) written outside the columns taken back are kept with the return "
                     "but not applied:")
        lines += [f"    {c['detail']}." for c in comments]
    return "\n".join(lines)


def _unmatched_line(change: dict) -> str:
    words = f": {short(change['new_value'], SHOWN)}" if change.get("new_value") else ""
    return f"{short(change['item'], LABEL_SHOWN)} / {change['field']}{words}: {change['flag']}: {change['detail']}"


# -- deciding ------------------------------------------------------------------------------------------

def accept_clean(reg: Register, return_id: str, today: date) -> Applied:
    """Apply the return's pending changes that carry no flag."""
    clean = [c for c in log.changes(reg, return_id=return_id, outcome=log.PENDING) if not c["flag"]]
    return apply_decisions(reg, clean, [], today)


def decide(reg: Register, accept_ids: list[str], reject_ids: list[str], today: date | None = None) -> Applied:
    """Apply the accepted changes and record the rejected ones, in one transaction.

    Only pending changes can be decided, and a change that cannot be applied (invalid, added, deleted,
    identity) can only be rejected; accepting a conflict or a formula is the coordinator's explicit choice.
    """
    accepted = log.changes(reg, ids=list(accept_ids), outcome=log.PENDING)
    if any(c["apply_value"] is None for c in accepted):
        raise UserError("A change that cannot be taken (invalid value, added, deleted or unmatched row) cannot be "
                        "accepted.")
    rejected = log.changes(reg, ids=list(reject_ids), outcome=log.PENDING)
    if accepted:
        make_backup(reg, OWNER_RETURN)
    return apply_decisions(reg, accepted, rejected, today or date.today())


def pending(reg: Register) -> list[dict]:
    return log.changes(reg, outcome=log.PENDING)


def under_review(reg: Register) -> list[dict]:
    """The returns still to be decided, every change of each (those not taken too, for the whole account)."""
    return log.changes_under_review(reg)


def returns_log(reg: Register) -> list[dict]:
    return log.returns_log(reg)


def changes_of(reg: Register, return_id: str) -> list[dict]:
    return log.changes(reg, return_id=return_id)


# -- progress of the round -----------------------------------------------------------------------------

PROGRESS_COLUMNS = ("owner", "email", "file", "sent", "return_by", "returned", "state")


def progress(reg: Register, today: date | None = None) -> list[dict]:
    """Each owner's latest workbook: returned (when), outstanding, or overdue past the return date."""
    today = today or date.today()
    rows = []
    for r in log.round_progress(reg):
        returned = r["returned_at"]
        late = r["return_by"] and not returned and date.fromisoformat(r["return_by"]) < today
        rows.append({"owner": r["owner_name"], "email": r["email"] or "", "file": r["file_name"],
                     "sent": show(datetime.fromisoformat(r["sent_at"])),
                     "return_by": show(date.fromisoformat(r["return_by"])) if r["return_by"] else "",
                     "returned": show(datetime.fromisoformat(returned)) if returned else "",
                     "state": "returned" if returned else ("overdue" if late else "outstanding")})
    return rows


def export_progress(rows: list[dict], path: Path) -> Path:
    """The round's progress as CSV for chasing owners (opens in Excel; UTF-8 with a byte order mark)."""
    path = Path(path)
    try:
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.DictWriter(handle, fieldnames=PROGRESS_COLUMNS)
            writer.writeheader()
            writer.writerows({k: _csv_safe(row[k]) for k in PROGRESS_COLUMNS} for row in rows)
    except OSError as exc:
        raise UserError(f"{path.name} could not be written ({exc.strerror or exc}).") from exc
    return path


def _csv_safe(value: str) -> str:
    """Text is the user's: a leading =, +, - or @ would make Excel run it as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
