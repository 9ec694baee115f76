"""Actions, their progress notes and the mitigations of risks, from the command line: the same service calls
as the app's action tracker and risk editor. Actions are named by ref (A-012); a mitigation by its risk's ref
and its number on that risk (1, 2, ...)."""
from __future__ import annotations

from datetime import date

import click

from ..domain.model import ACTION_STATUSES, Action, Mitigation
from ..errors import UserError
from ..services import action_editing, risk_editing
from ..services import cli_lookup as find
from .base import expect_version_option, main, opened, register_argument
from .output import emit, format_option

REGISTER = register_argument()


def action_fields(func):
    for option in reversed([
        click.option("--ref", "new_ref", help="The action's reference (add: the next free A-NNN)."),
        click.option("--title", help="What is to be done."),
        click.option("--owner", help="The owner's name."),
        click.option("--due", help="Due date, YYYY-MM-DD or DD/MM/YYYY."),
        click.option("--risk", "risk_ref", help="The ref of the risk it reduces."),
        click.option("--priority", help="The priority's ref or title."),
        click.option("--progress", help="The progress text shown in the tracker."),
        click.option("--exempt/--not-exempt", default=None, help="Exempt from publication (Part II)."),
    ]):
        func = option(func)
    return func


def _values(reg, given: dict) -> dict:
    values = find.fields(reg, given, ("title", "progress", "exempt"))
    if given.get("risk_ref") is not None:
        values["risk_id"] = find.risk(reg, given["risk_ref"]).id if given["risk_ref"] else None
    if given.get("due") is not None:
        values["due"] = find.day(given["due"], "due date")
    return values


@main.group()
def action():
    """Add, edit, change the status of, or delete an action."""


@action.command("add")
@REGISTER
@action_fields
@click.option("--status", default="not started", show_default=True, help=f"One of: {', '.join(ACTION_STATUSES)}.")
def action_add(register, status, **given):
    """Add an action to REGISTER (--title is needed) and print its ref."""
    if not given.get("title"):
        raise UserError("An action needs a title: give --title.")
    with opened(register) as reg:
        values = {**_values(reg, given), **action_editing.status_values(status, date.today())}
        added = action_editing.add_action(reg, Action(**values)).value
    click.echo(added.ref)


def _update(register, ref: str, values_of, expected: int | None, done: str) -> None:
    with opened(register) as reg:
        found = find.action(reg, ref)
        values = values_of(reg)
        with find.guarded(reg, find.Record.ACTION, found.id, f"Action {found.ref}", expected):
            action_editing.update_action(reg, found.id, values, expected)
        version = find.version(reg, find.Record.ACTION, found.id)
    click.echo(f"{done} {found.ref} (now version {version}).")


@action.command("edit")
@REGISTER
@click.argument("ref")
@action_fields
@expect_version_option()
def action_edit(register, ref, expected, **given):
    """Change the options given of action REF (an empty value clears a field)."""
    def values(reg):
        found = _values(reg, given)
        if not found:
            raise UserError("Nothing to change: give at least one option, e.g. --due.")
        return found
    _update(register, ref, values, expected, "Saved")


@action.command("status")
@REGISTER
@click.argument("ref")
@click.argument("status")
@expect_version_option()
def action_status(register, ref, status, expected):
    """Set action REF's STATUS: not started, in progress, complete (stamped with today's date) or cancelled."""
    _update(register, ref, lambda reg: action_editing.status_values(status, date.today()), expected,
            f"Marked {status}:")


@action.command("delete")
@REGISTER
@click.argument("ref")
@expect_version_option()
def action_delete(register, ref, expected):
    """Delete action REF with its progress notes."""
    with opened(register) as reg:
        found = find.action(reg, ref)
        with find.guarded(reg, find.Record.ACTION, found.id, f"Action {found.ref}", expected):
            action_editing.delete_action(reg, found.id, expected)
    click.echo(f"Deleted {found.ref}.")


@main.command()
@REGISTER
@click.argument("ref")
@click.argument("text")
@expect_version_option()
def note(register, ref, text, expected):
    """Add a progress note to action REF; the action's progress becomes TEXT."""
    with opened(register) as reg:
        found = find.action(reg, ref)
        with find.guarded(reg, find.Record.ACTION, found.id, f"Action {found.ref}", expected):
            action_editing.add_note(reg, found.id, text, reg.who)
    click.echo(f"Noted on {found.ref}.")


# -- mitigations -----------------------------------------------------------------------------------------

def mitigation_fields(func):
    for option in reversed([
        click.option("--description", help="What is done to reduce the risk."),
        click.option("--owner", help="The owner's name."),
        click.option("--expected", "expected_score", metavar="L,I",
                     help="The residual score expected once it works, e.g. 2,3."),
    ]):
        func = option(func)
    return func


def _mitigation_values(reg, given: dict) -> dict:
    values = find.fields(reg, given, ("description",))
    if given.get("expected_score") is not None:
        values["expected"] = find.score(reg, given["expected_score"], "expected")
    return values


@main.group()
def mitigation():
    """List, add, edit or delete a risk's mitigations (numbered 1, 2, ... on each risk)."""


@mitigation.command("list")
@REGISTER
@click.argument("ref")
@format_option()
def mitigation_list(register, ref, fmt):
    """List risk REF's mitigations with their numbers and versions."""
    with opened(register, read_only=True) as reg:
        found = find.risk(reg, ref)
        rows = [{"number": n, "description": m.description, "owner": m.owner_name or None,
                 "expected_likelihood": m.expected.likelihood if m.expected else None,
                 "expected_impact": m.expected.impact if m.expected else None, "version": m.version}
                for n, m in enumerate(risk_editing.mitigations_for(reg, found.id), start=1)]
    emit(rows, ("number", "description", "owner", "expected_likelihood", "expected_impact", "version"), fmt)


@mitigation.command("add")
@REGISTER
@click.argument("ref")
@mitigation_fields
def mitigation_add(register, ref, **given):
    """Add a mitigation to risk REF (--description is needed) and print its number."""
    with opened(register) as reg:
        found = find.risk(reg, ref)
        values = _mitigation_values(reg, given)
        if not values.get("description"):
            raise UserError("A mitigation needs a description: give --description.")
        position = len(risk_editing.mitigations_for(reg, found.id))
        risk_editing.add_mitigation(reg, Mitigation(risk_id=found.id, position=position, **values))
    click.echo(f"{found.ref} mitigation {position + 1}")


@mitigation.command("edit")
@REGISTER
@click.argument("ref")
@click.argument("number")
@mitigation_fields
@expect_version_option()
def mitigation_edit(register, ref, number, expected, **given):
    """Change the options given of mitigation NUMBER of risk REF."""
    with opened(register) as reg:
        found, current = find.mitigation(reg, ref, number)
        values = _mitigation_values(reg, given)
        if not values:
            raise UserError("Nothing to change: give at least one option, e.g. --description.")
        label = f"Mitigation {number} of {found.ref}"
        with find.guarded(reg, find.Record.MITIGATION, current.id, label, expected):
            risk_editing.save_mitigation(reg, current.id, found.id, values, expected)
        version = find.version(reg, find.Record.MITIGATION, current.id)
    click.echo(f"Saved mitigation {number} of {found.ref} (now version {version}).")


@mitigation.command("delete")
@REGISTER
@click.argument("ref")
@click.argument("number")
@expect_version_option()
def mitigation_delete(register, ref, number, expected):
    """Delete mitigation NUMBER of risk REF."""
    with opened(register) as reg:
        found, current = find.mitigation(reg, ref, number)
        with find.guarded(reg, find.Record.MITIGATION, current.id, f"Mitigation {number} of {found.ref}", expected):
            risk_editing.remove_mitigation(reg, current.id, found.id, expected)
    click.echo(f"Deleted mitigation {number} of {found.ref}.")
