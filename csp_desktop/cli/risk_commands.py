"""Risks and their reviews from the command line: the same service calls as the app's risk editor.

Items are named by their ref (R-07). Every edit takes --expect-version: a risk changed since is refused
in one sentence naming who changed it and when.
"""
from __future__ import annotations

from datetime import date

import click

from ..domain.model import RISK_STATUSES, Risk
from ..errors import UserError
from ..services import cli_lookup as find
from ..services import risk_editing
from .base import expect_version_option, main, opened, register_argument

REGISTER = register_argument()


def risk_fields(func):
    """The options shared by `risk add` and `risk edit`; an option not given is left as it is."""
    for option in reversed([
        click.option("--ref", "new_ref", help="The risk's reference, e.g. R-07 (add: the next free one)."),
        click.option("--title", help="A short title."),
        click.option("--description", help="What could happen, and why."),
        click.option("--category", help="A category of your own."),
        click.option("--owner", help="The owner's name, as listed by `owner list`."),
        click.option("--priority", help="The priority's ref or title."),
        click.option("--inherent", metavar="L,I", help="Inherent likelihood and impact, e.g. 4,5 or Likely,Major."),
        click.option("--residual", metavar="L,I", help="Residual likelihood and impact."),
        click.option("--target", metavar="L,I", help="Target likelihood and impact."),
        click.option("--next-review", help="Next review date, YYYY-MM-DD or DD/MM/YYYY."),
        click.option("--exempt/--not-exempt", default=None, help="Exempt from publication (Part II)."),
    ]):
        func = option(func)
    return func


def _changes(reg, values: dict) -> dict:
    """The risk fields the given options set, in the register's terms (ids, ratings, dates)."""
    changes = find.fields(reg, values, ("title", "description", "category", "exempt"))
    for name in ("inherent", "residual", "target"):
        if values.get(name) is not None:
            changes[name] = find.score(reg, values[name], name)
    if values.get("next_review") is not None:
        changes["next_review"] = find.day(values["next_review"], "next review date")
    return changes


@main.group()
def risk():
    """Add, edit, close, reopen or delete a risk."""


@risk.command("add")
@REGISTER
@risk_fields
def risk_add(register, **values):
    """Add a risk to REGISTER (--title is needed) and print its ref."""
    if not values.get("title"):
        raise UserError("A risk needs a title: give --title.")
    with opened(register) as reg:
        changes = _changes(reg, values)
        if not changes.get("ref"):
            changes["ref"] = find.next_risk_ref(reg)
        added = risk_editing.add_risk(reg, Risk(**changes)).value
    click.echo(added.ref)


def _set(register, ref: str, changes_of, expected: int | None, done: str) -> None:
    with opened(register) as reg:
        found = find.risk(reg, ref)
        changes = changes_of(reg)
        # As in the app: a score moving the risk to another band brings that band's next review with it.
        also, notice = risk_editing.band_change(reg, found.id, changes, date.today())
        with find.guarded(reg, find.Record.RISK, found.id, f"Risk {found.ref}", expected):
            saved = risk_editing.set_risk_fields(reg, found.id, {**changes, **also}, expected).value
    click.echo(f"{done} {saved.ref} (now version {saved.version}).")
    if notice:
        click.echo(notice)


@risk.command("edit")
@REGISTER
@click.argument("ref")
@risk_fields
@click.option("--status", help=f"One of: {', '.join(RISK_STATUSES)}.")
@expect_version_option()
def risk_edit(register, ref, status, expected, **values):
    """Change the options given of risk REF (an empty value clears a field)."""
    def changes(reg):
        found = _changes(reg, values)
        if status:
            found["status"] = status
        if not found:
            raise UserError("Nothing to change: give at least one option, e.g. --title.")
        return found
    _set(register, ref, changes, expected, "Saved")


def _status_command(name: str, status: str, done: str, help_text: str):
    """`risk close` and `risk reopen`: one status set, as the app's Close and Reopen set it."""
    @risk.command(name, help=help_text)
    @REGISTER
    @click.argument("ref")
    @expect_version_option()
    def command(register, ref, expected):
        _set(register, ref, lambda reg: {"status": status}, expected, done)
    return command


risk_close = _status_command("close", "closed", "Closed", "Close risk REF: it leaves the open register but keeps its "
                                                          "history.")
risk_reopen = _status_command("reopen", "open", "Reopened", "Reopen the closed risk REF.")


@risk.command("delete")
@REGISTER
@click.argument("ref")
@expect_version_option()
def risk_delete(register, ref, expected):
    """Delete risk REF with its mitigations and reviews; its actions stay, unlinked (closing keeps it all)."""
    with opened(register) as reg:
        found = find.risk(reg, ref)
        with find.guarded(reg, find.Record.RISK, found.id, f"Risk {found.ref}", expected):
            *_, unlinked = risk_editing.remove_risk_keeping(reg, found.id, expected).value  # as the app deletes
    click.echo(f"Deleted {found.ref}" + (f"; {len(unlinked)} action(s) no longer linked to it." if unlinked else "."))


@main.command()
@REGISTER
@click.argument("ref")
@click.option("--likelihood", required=True, help="The residual likelihood now (a number or the scheme's word).")
@click.option("--impact", required=True, help="The residual impact now.")
@click.option("--note", default="", help="What the review found.")
@click.option("--on", "on", help="The review's date (default today), YYYY-MM-DD or DD/MM/YYYY.")
@expect_version_option()
def review(register, ref, likelihood, impact, note, on, expected):
    """Record a review of risk REF: its residual score now; the next review follows the band's cadence."""
    with opened(register) as reg:
        found = find.risk(reg, ref)
        after = find.rating(reg, likelihood, impact)
        day = find.day(on, "review date") or date.today()
        with find.guarded(reg, find.Record.RISK, found.id, f"Risk {found.ref}", expected):
            done = risk_editing.record_review(reg, found.id, after, on=day, reviewer=reg.who, note=note,
                                              expected_version=expected).value
        fresh = risk_editing.get_risk(reg, found.id)
    click.echo(f"Reviewed {found.ref} on {done.reviewed_on:%d/%m/%Y}: {after.likelihood}x{after.impact}; "
               f"next review {fresh.next_review:%d/%m/%Y}." if fresh.next_review else
               f"Reviewed {found.ref} on {done.reviewed_on:%d/%m/%Y}.")
