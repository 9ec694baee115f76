"""The quarterly update round from the command line: send workbooks, receive returns, see who is left."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..domain.dates import parse_date
from .base import main, opened, register_argument
from .output import counted, emit, format_option, table

REGISTER = register_argument()
CHANGE_COLUMNS = ("id", "item", "field", "old_value", "new_value", "flag", "outcome")
LOG_COLUMNS = ("received", "owner", "file", "status", "changes", "applied", "pending", "rejected", "not_taken")
SHORT_ID = 8
NO_NAME = "(not set: workbooks give the sender's Who am I name)"


def _service():
    # Imported when a command runs: openpyxl is heavy, and every other command would pay for it.
    from ..services import updates
    return updates


def _date(ctx, param, value):
    try:
        return parse_date(value)
    except ValueError as exc:  # a bad value is the user's to put right: one sentence, exit 1
        raise click.ClickException(f"--{param.name.replace('_', '-')}: {exc}.") from None


@main.group()
def updates():
    """The quarterly update round: owners update their part of the register in a spreadsheet.

    'send' writes one workbook per owner; 'receive' takes the returns back; 'status' shows who has
    returned; 'log' shows every return kept; 'decide' accepts or rejects changes still waiting;
    'contact' sets who owners return to.
    """


@updates.command()
@REGISTER
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--owner", "owners", multiple=True, metavar="NAME",
              help="Send only to this owner (repeat for several). Default: every owner with open items.")
@click.option("--return-by", callback=_date, metavar="DATE", help="The date owners should return by (22/12/2026).")
@click.option("--coordinator", default="", metavar="NAME",
              help="The name owners return to, for this round (default: the register's, see 'updates contact').")
@click.option("--coordinator-email", default="", metavar="EMAIL",
              help="The email owners return to, for this round (default: the register's).")
def send(register, outdir, owners, return_by, coordinator, coordinator_email):
    """Write one .xlsx per owner into OUTDIR: their open risks, mitigations and actions to update."""
    with opened(register) as reg:
        sent = _service().send_round(reg, outdir, owner_names=list(owners) or None, return_by=return_by,
                                     coordinator=coordinator, coordinator_email=coordinator_email)
    for f in sent.files:
        click.echo(f"{f.path.name}: {counted(f.risks, 'risk')}, {counted(f.mitigations, 'mitigation')}, "
                   f"{counted(f.actions, 'action')}")
    if sent.skipped:
        click.echo(f"Nothing open to update for: {', '.join(sent.skipped)} (no workbook written).")
    click.echo(f"Sent {len(sent.files)} workbook(s) to {outdir}.")


@updates.command()
@REGISTER
@click.option("--name", default=None, metavar="NAME", help="The coordinator's name ('' clears it).")
@click.option("--email", default=None, metavar="EMAIL", help="The coordinator's email ('' clears it).")
def contact(register, name, email):
    """Show, or set, who owners return their workbooks to: printed on every workbook's instructions sheet.
    Without a name the workbooks give the "Who am I" name of whoever sends the round."""
    from ..services import round_contact
    with opened(register, read_only=name is None and email is None) as reg:
        kept = round_contact.contact(reg)
        if name is not None or email is not None:
            kept = round_contact.set_contact(reg, kept.name if name is None else name,
                                             kept.email if email is None else email).value
    click.echo(f"Coordinator: {kept.name or NO_NAME}")
    click.echo(f"Email: {kept.email or '(not set)'}")


@updates.command()
@REGISTER
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path, exists=True))
@click.option("--dry-run", is_flag=True, help="Show what each file proposes; write nothing, not even the log.")
@click.option("--accept-all", is_flag=True,
              help="Apply every change that has no flag. Flagged changes (conflict, formula) still wait for "
                   "'decide' or the app; invalid ones are never applied.")
def receive(register, files, dry_run, accept_all):
    """Take owners' returned workbooks FILES back into REGISTER.

    Every return is kept in the register's returns log with each change it proposes. Without
    --accept-all nothing reaches the register: the changes wait for you to review them in the app or
    with 'updates decide'. The same file received twice is recognised and nothing is applied twice.
    Exits with status 1 if any file was refused.
    """
    refused = 0
    with opened(register, read_only=dry_run) as reg:
        for path in files:
            receipt = _service().receive(reg, path, dry_run=dry_run, accept_all=accept_all)
            refused += bool(receipt.refused)
            _account(receipt, dry_run)
    if refused:
        raise click.ClickException(f"{refused} of {len(files)} file(s) refused; nothing in them was taken.")


def _account(receipt, dry_run: bool) -> None:
    line = _service().account(receipt)
    if receipt.refused:
        click.echo(line, err=True)
        return
    first, *rest = line.split("\n")
    click.echo("\n".join([first + (" [dry run: nothing written]" if dry_run and receipt.duplicate_of is None else ""),
                          *rest]))
    if receipt.duplicate_of is not None:
        return
    proposed = [c for c in receipt.changes if c["flag"] != "comment"]  # the account lists the comments
    if proposed:
        click.echo(table([_change_row(c) for c in proposed], CHANGE_COLUMNS))
    for change in receipt.changes:
        if change["detail"] and change["flag"] not in ("comment", "added", "identity"):  # the account lists these
            click.echo(f"  {change['item'][:40]} / {change['field']}: {change['flag'] or 'note'}: {change['detail']}.")
    if receipt.applied:
        for change_id, why in receipt.applied.held:
            click.echo(f"  Held back {change_id[:SHORT_ID]}: {why}.")


def _change_row(change: dict) -> dict:
    return {"id": (change.get("id") or "")[:SHORT_ID], "item": change["item"], "field": change["field"],
            "old_value": change.get("old_value", ""), "new_value": change.get("new_value", ""),
            "flag": change["flag"], "outcome": change.get("outcome", "")}


@updates.command()
@REGISTER
@click.option("--export", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.csv",
              help="Also write the list to a CSV file, for chasing owners.")
@format_option()
def status(register, export, fmt):
    """Which owners have returned their latest workbook and which are outstanding or overdue."""
    with opened(register, read_only=True) as reg:
        rows = _service().progress(reg, date.today())
    if not rows:
        click.echo("No workbooks have been sent from this register yet.")
        return
    emit(rows, _service().PROGRESS_COLUMNS, fmt)
    if export:
        _service().export_progress(rows, export)
        click.echo(f"Wrote {export}", err=fmt != "table")


@updates.command("log")
@REGISTER
@click.option("--changes", "return_id", metavar="RETURN_ID", help="Show every change of one return (id prefix).")
@format_option()
def log_(register, return_id, fmt):
    """The returns log: every file received or refused, and what became of its changes."""
    with opened(register, read_only=True) as reg:
        returns = _service().returns_log(reg)
        if return_id:
            found = _one(returns, return_id, "return")
            emit([_change_row(c) for c in _service().changes_of(reg, found["id"])], CHANGE_COLUMNS, fmt)
            return
    emit([_log_row(r) for r in returns], ("id",) + LOG_COLUMNS, fmt)


def _log_row(r: dict) -> dict:
    return {"id": r["id"][:SHORT_ID], "received": r["received_at"][:16].replace("T", " "), "owner": r["owner_name"],
            "file": r["file_name"], "status": r["status"] if r["status"] == "taken" else f"refused: {r['account']}",
            "changes": r["changes"], "applied": r["applied"] or 0, "pending": r["pending"] or 0,
            "rejected": r["rejected"] or 0, "not_taken": r["not_taken"] or 0}


@updates.command()
@REGISTER
@click.option("--accept", "accept", multiple=True, metavar="ID", help="A waiting change to apply (id prefix).")
@click.option("--reject", "reject", multiple=True, metavar="ID", help="A waiting change to reject (id prefix).")
def decide(register, accept, reject):
    """Accept or reject changes still waiting (see 'updates log --changes'); applied in one transaction."""
    if not accept and not reject:
        raise click.UsageError("Give at least one --accept or --reject.")
    with opened(register) as reg:
        waiting = _service().pending(reg)
        result = _service().decide(reg, [_one(waiting, i, "waiting change")["id"] for i in accept],
                                [_one(waiting, i, "waiting change")["id"] for i in reject])
    click.echo(f"Applied {len(result.applied)}, rejected {len(result.rejected)}.")
    for change_id, why in result.held:
        click.echo(f"Held back {change_id[:SHORT_ID]}: {why}.")


def _one(rows: list[dict], prefix: str, what: str) -> dict:
    found = [r for r in rows if r["id"].startswith(prefix.strip())]
    if len(found) != 1:
        raise click.ClickException(f"{'No' if not found else 'More than one'} {what} has an id starting {prefix!r}.")
    return found[0]
