"""Owners, partner organisations, meetings' deletion and "Who am I" from the command line: the same service
calls as the app's Partners view and Settings. Owners and organisations are named by their name."""
from __future__ import annotations

import click

from ..domain.model import OWNER_KINDS, Organisation, Owner
from ..errors import UserError
from ..services import cli_lookup as find
from ..services import partner_editing
from ..services.risk_editing import owners as list_owners
from .base import expect_version_option, main, opened, recorded_name, register_argument
from .output import emit, format_option

REGISTER = register_argument()
OWNER_COLUMNS = ("name", "kind", "organisation", "email", "version")
ORGANISATION_COLUMNS = ("name", "version")


@main.group()
def owner():
    """List, add, edit or delete the owners risks, mitigations and actions are given to."""


@owner.command("list")
@REGISTER
@format_option()
def owner_list(register, fmt):
    """List the owners, with their organisation, email and version."""
    with opened(register, read_only=True) as reg:
        orgs = {o.id: o.name for o in find.organisations(reg)}
        rows = [{"name": o.name, "kind": o.kind, "organisation": orgs.get(o.organisation_id),
                 "email": o.email or None, "version": o.version} for o in list_owners(reg)]
    emit(rows, OWNER_COLUMNS, fmt)


def owner_fields(func):
    for option in reversed([
        click.option("--kind", type=click.Choice(OWNER_KINDS), help="A person or a role."),
        click.option("--organisation", help="The partner organisation's name (empty: none)."),
        click.option("--email", help="Where the owner's update workbook is sent."),
    ]):
        func = option(func)
    return func


def _owner_values(reg, kind, organisation, email) -> dict:
    values = {}
    if kind is not None:
        values["kind"] = kind
    if organisation is not None:
        values["organisation_id"] = find.organisation(reg, organisation).id if organisation else None
    if email is not None:
        values["email"] = email
    return values


@owner.command("add")
@REGISTER
@click.argument("name")
@owner_fields
def owner_add(register, name, kind, organisation, email):
    """Add the owner NAME (a person or a role)."""
    with opened(register) as reg:
        added = partner_editing.add_owner(reg, Owner(name=name, **_owner_values(reg, kind, organisation, email))).value
    click.echo(f"Added {added.name}.")


@owner.command("edit")
@REGISTER
@click.argument("name")
@click.option("--name", "new_name", help="The owner's new name.")
@owner_fields
@expect_version_option()
def owner_edit(register, name, new_name, kind, organisation, email, expected):
    """Change the options given of the owner NAME."""
    with opened(register) as reg:
        found = find.owner(reg, name)
        values = _owner_values(reg, kind, organisation, email)
        if new_name is not None:
            values["name"] = new_name
        if not values:
            raise UserError("Nothing to change: give at least one option, e.g. --email.")
        with find.guarded(reg, find.Record.OWNER, found.id, f"Owner {found.name}", expected):
            saved = partner_editing.update_owner(reg, found.id, values, expected).value
        version = find.version(reg, find.Record.OWNER, found.id)
    click.echo(f"Saved {saved.name} (now version {version}).")


@owner.command("delete")
@REGISTER
@click.argument("name")
@expect_version_option()
def owner_delete(register, name, expected):
    """Delete the owner NAME; what they owned is left without an owner."""
    with opened(register) as reg:
        found = find.owner(reg, name)
        with find.guarded(reg, find.Record.OWNER, found.id, f"Owner {found.name}", expected):
            _, links = partner_editing.delete_owner(reg, found.id, expected).value
    usage = partner_editing.describe_usage({table: len(ids) for table, ids in links.items()})
    click.echo(f"Deleted {found.name}" + (f"; {usage} now have no owner." if usage else "."))


@main.group()
def organisation():
    """List, add, rename or delete the partner organisations."""


@organisation.command("list")
@REGISTER
@format_option()
def organisation_list(register, fmt):
    """List the partner organisations with their versions."""
    with opened(register, read_only=True) as reg:
        rows = [{"name": o.name, "version": o.version} for o in find.organisations(reg)]
    emit(rows, ORGANISATION_COLUMNS, fmt)


@organisation.command("add")
@REGISTER
@click.argument("name")
def organisation_add(register, name):
    """Add the partner organisation NAME."""
    with opened(register) as reg:
        added = partner_editing.add_organisation(reg, Organisation(name=name)).value
    click.echo(f"Added {added.name}.")


@organisation.command("edit")
@REGISTER
@click.argument("name")
@click.option("--name", "new_name", required=True, help="The organisation's new name.")
@expect_version_option()
def organisation_edit(register, name, new_name, expected):
    """Rename the partner organisation NAME."""
    with opened(register) as reg:
        found = find.organisation(reg, name)
        with find.guarded(reg, find.Record.ORGANISATION, found.id, f"Organisation {found.name}", expected):
            saved = partner_editing.rename_organisation(reg, found.id, new_name, expected).value
    click.echo(f"Renamed {found.name} to {saved.name}.")


@organisation.command("delete")
@REGISTER
@click.argument("name")
@expect_version_option()
def organisation_delete(register, name, expected):
    """Delete the partner organisation NAME; its owners are left without one."""
    with opened(register) as reg:
        found = find.organisation(reg, name)
        with find.guarded(reg, find.Record.ORGANISATION, found.id, f"Organisation {found.name}", expected):
            partner_editing.delete_organisation(reg, found.id, expected)
    click.echo(f"Deleted {found.name}.")


@main.command("meeting-delete")
@REGISTER
@click.argument("meeting_id")
@expect_version_option()
def meeting_delete(register, meeting_id, expected):
    """Delete the meeting MEETING_ID (see `meetings` for ids)."""
    from ..services.meetings import get_meeting, remove_meeting
    with opened(register) as reg:
        meeting = get_meeting(reg, meeting_id)
        label = f"The meeting of {meeting.held_on:%d/%m/%Y}"
        with find.guarded(reg, find.Record.MEETING, meeting.id, label, expected):
            remove_meeting(reg, meeting.id, expected)
    click.echo(f"Deleted the {meeting.board} meeting of {meeting.held_on:%d/%m/%Y}.")


@main.command()
@REGISTER
@click.argument("name", required=False)
def whoami(register, name):
    """Show, or set to NAME, the name your changes are recorded under (the app's "Who am I").

    The name is kept on this computer, for the app and the command line alike, for every register."""
    from ..ui.settings.identity import save_name
    with opened(register, read_only=True) as reg:  # a mistyped REGISTER is refused, not silently passed by
        who = recorded_name() or reg.who
    if name is None:
        click.echo(who)
        return
    click.echo(f"Your changes are now recorded as {save_name(name)}.")
