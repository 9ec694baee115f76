"""Meetings and their board packs from the command line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..domain.model import PACK_SECTIONS
from ..domain.pack import MARKINGS, PARTS, PUBLIC
from ..services.meetings import MEETING_COLUMNS, create_meeting, meeting_rows, new_meeting
from ..errors import UserError
from .base import expect_version_option, main, opened, register_argument
from .output import counted, emit, format_option
from ..domain.dates import show

REGISTER = register_argument()


@main.command()
@REGISTER
@format_option()
def meetings(register, fmt):
    """List the board meetings, oldest first, with their ids and whether their pack was issued."""
    with opened(register, read_only=True) as reg:
        emit(meeting_rows(reg), MEETING_COLUMNS, fmt)


def cover_options(command):
    """The covering report's options, shared by meeting-add and meeting-edit."""
    for name, text in reversed(COVER_HELP):
        command = click.option(f"--{name.replace('_', '-')}", name, default=None, help=text)(command)
    return command


COVER_HELP = (("agenda_item", "The agenda item number, e.g. '6'."),
              ("report_of", "Whose report it is, e.g. 'Community Safety Partnership Manager'."),
              ("contact_officer", "The contact officer: name, role, email or phone."),
              ("purpose", "The report's purpose, in a sentence or two."),
              ("recommendation", "The recommendations the board is asked to agree (default: note the "
                                 "register and agree the actions)."))


def _cover(values: dict) -> dict:
    cover = {name: values.pop(name) for name, _ in COVER_HELP if values.get(name) is not None}
    if "recommendation" in cover:
        cover["recommendations"] = cover.pop("recommendation")
    return cover


@main.command("meeting-add")
@REGISTER
@click.option("--board", required=True, help="The board that meets, e.g. 'Partnership Executive Group'.")
@click.option("--date", "on", required=True, help="The meeting's date, YYYY-MM-DD (or DD/MM/YYYY).")
@click.option("--time", "at", default="", help="The time it starts, HH:MM.")
@click.option("--venue", default="", help="Where it meets.")
@click.option("--chair", default="", help="Who chairs it.")
@click.option("--marking", type=click.Choice(MARKINGS), default="OFFICIAL", show_default=True,
              help="The protective marking printed on its pack.")
@cover_options
def meeting_add(register, board, on, at, venue, chair, marking, **cover):
    """Add a board meeting to REGISTER and print its id."""
    meeting = new_meeting(board, on, at=at, venue=venue, chair=chair, marking=marking, **_cover(cover))
    with opened(register) as reg:
        click.echo(create_meeting(reg, meeting).value)


@main.command("meeting-edit")
@REGISTER
@click.argument("meeting_id")
@click.option("--board", default=None, help="The board that meets.")
@click.option("--venue", default=None, help="Where it meets.")
@click.option("--chair", default=None, help="Who chairs it.")
@click.option("--marking", type=click.Choice(MARKINGS), default=None, help="The marking printed on its pack.")
@cover_options
@expect_version_option()
def meeting_edit(register, meeting_id, expected, **values):
    """Change a meeting's details or its covering report (only the options given)."""
    from ..services.cli_lookup import Record, guarded
    from ..services.meetings import edit_meeting
    cover = _cover(values)
    with opened(register) as reg, guarded(reg, Record.MEETING, meeting_id, "That meeting", expected):
        meeting = edit_meeting(reg, meeting_id, **values, **cover).value
    click.echo(f"Saved {meeting.board}, {show(meeting.held_on)}.")


@main.command()
@REGISTER
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--meeting", "meeting_id", help="The meeting: its id (see `meetings`), the start of it, or the day "
                                              "it is held on; without it the pack is the register as at today.")
@click.option("--part", type=click.Choice(PARTS), default=PUBLIC, show_default=True,
              help="public: Part I, no exempt items. exempt: Part II, only the exempt items.")
@click.option("--marking", type=click.Choice(MARKINGS), help="Protective marking on every page "
                                                             "(default: the meeting's, else OFFICIAL).")
@click.option("--section", "sections", multiple=True, type=click.Choice(PACK_SECTIONS),
              help="Only these sections (repeat the option); default: the meeting's choice.")
@click.option("--issue", is_flag=True, help="Issue the meeting's pack: keep the register as presented, so "
                                            "later builds and the next meeting's changes use it.")
@click.option("--tracker-by", type=click.Choice(["owner", "priority"]), default="owner", show_default=True,
              help="Group the action tracker by owner, or by the plan priority each action serves.")
@click.option("--plan-year", type=int, help="Print a closed plan year's performance (see plan-next-year).")
@click.option("--yes", is_flag=True, help="Do not ask before an unusual marking (Part I marked OFFICIAL-SENSITIVE, "
                                          "or Part II marked lower than its meeting).")
def pack(register, out, meeting_id, part, marking, sections, issue, tracker_by, plan_year, yes):
    """Write the board pack of REGISTER to OUT (a PDF)."""
    if out.suffix.lower() != ".pdf":
        raise UserError(f"{out.name}: a pack is a PDF; name the file ending in .pdf.")
    from ..services.packs import PackOptions, build_pack  # reportlab loads only for this command
    options = PackOptions(meeting_id=meeting_id, part=part, marking=marking, sections=tuple(sections) or None,
                          issue=issue, tracker_by=tracker_by, plan_year=plan_year)
    if marking and not yes:
        with opened(register, read_only=True) as reg:
            _confirm_marking(reg, meeting_id, part, marking)
    with opened(register, read_only=not issue) as reg:
        if issue and meeting_id:
            _warn_if_issued_late(reg, meeting_id)
        result = build_pack(reg, out, options, date.today())
    note = f", as issued {result.issued_at[:10]}" if result.issued_at else ""
    click.echo(f"Wrote {out} ({counted(result.pages, 'page')}, {counted(result.risks, 'risk')}, "
               f"{counted(result.actions, 'action')}, {part} part{note}).")
    if result.exempt_since_issue:
        moved = "left out of" if part == PUBLIC else "added to"
        click.echo(f"note: {counted(result.exempt_since_issue, 'item')} marked exempt since the pack was issued "
                   f"{'is' if result.exempt_since_issue == 1 else 'are'} {moved} this copy, so its text differs "
                   "from the pack as issued.", err=True)


def _confirm_marking(reg, meeting_id: str | None, part: str, marking: str) -> None:
    """Ask before a Part I pack marked OFFICIAL-SENSITIVE or a Part II pack marked below its meeting."""
    from ..services.meetings import meeting_marking
    from ..services.packs import SENSITIVE, marking_below_meeting
    meeting = meeting_marking(reg, meeting_id) if meeting_id else "OFFICIAL"
    if part == PUBLIC and marking == SENSITIVE:
        question = "Part I is open to the public. Mark it OFFICIAL-SENSITIVE all the same?"
    elif part != PUBLIC and marking_below_meeting(meeting, marking):
        question = f"This Part II pack would be marked {marking}, lower than its meeting's {meeting}. Build it?"
    else:
        return
    if not click.confirm(question, default=False, err=True):
        raise UserError("Nothing was written (use --yes to build it without asking).")


def _warn_if_issued_late(reg, meeting_id: str) -> None:
    """Issuing keeps the register as it stands today as what the board saw; after the meeting that may not be so."""
    from ..domain.dates import show
    from ..services.packs import issued_on
    from ..services.meetings import meeting_of
    meeting = meeting_of(reg, meeting_id)
    if issued_on(reg, meeting_id) is None and meeting.held_on.date() < date.today():
        click.echo(f"warning: {meeting.board} met on {show(meeting.held_on)}; the register as it stands today is "
                   "kept as what that board saw.", err=True)
