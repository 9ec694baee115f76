"""Meetings and their board packs from the command line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..domain.model import PACK_SECTIONS
from ..domain.pack import MARKINGS, PARTS, PUBLIC
from ..services.meetings import MEETING_COLUMNS, create_meeting, meeting_rows, new_meeting
from ..errors import UserError
from .base import main, opened, register_argument
from .output import counted, emit, format_option

REGISTER = register_argument()


@main.command()
@REGISTER
@format_option()
def meetings(register, fmt):
    """List the board meetings, oldest first, with their ids and whether their pack was issued."""
    with opened(register, read_only=True) as reg:
        emit(meeting_rows(reg), MEETING_COLUMNS, fmt)


@main.command("meeting-add")
@REGISTER
@click.option("--board", required=True, help="The board that meets, e.g. 'Partnership Executive Group'.")
@click.option("--date", "on", required=True, help="The meeting's date, YYYY-MM-DD (or DD/MM/YYYY).")
@click.option("--time", "at", default="", help="The time it starts, HH:MM.")
@click.option("--venue", default="", help="Where it meets.")
@click.option("--chair", default="", help="Who chairs it.")
@click.option("--marking", type=click.Choice(MARKINGS), default="OFFICIAL", show_default=True,
              help="The protective marking printed on its pack.")
def meeting_add(register, board, on, at, venue, chair, marking):
    """Add a board meeting to REGISTER and print its id."""
    meeting = new_meeting(board, on, at=at, venue=venue, chair=chair, marking=marking)
    with opened(register) as reg:
        click.echo(create_meeting(reg, meeting))


@main.command()
@REGISTER
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--meeting", "meeting_id", help="The meeting's id (see `meetings`); without it the pack is "
                                              "the register as at today.")
@click.option("--part", type=click.Choice(PARTS), default=PUBLIC, show_default=True,
              help="public: Part I, no exempt items. exempt: Part II, only the exempt items.")
@click.option("--marking", type=click.Choice(MARKINGS), help="Protective marking on every page "
                                                             "(default: the meeting's, else OFFICIAL).")
@click.option("--section", "sections", multiple=True, type=click.Choice(PACK_SECTIONS),
              help="Only these sections (repeat the option); default: the meeting's choice.")
@click.option("--issue", is_flag=True, help="Issue the meeting's pack: keep the register as presented, so "
                                            "later builds and the next meeting's changes use it.")
def pack(register, out, meeting_id, part, marking, sections, issue):
    """Write the board pack of REGISTER to OUT (a PDF)."""
    if out.suffix.lower() != ".pdf":
        raise UserError(f"{out.name}: a pack is a PDF; name the file ending in .pdf.")
    from ..services.packs import PackOptions, build_pack  # reportlab loads only for this command
    options = PackOptions(meeting_id=meeting_id, part=part, marking=marking, sections=tuple(sections) or None,
                          issue=issue)
    with opened(register, read_only=not issue) as reg:
        if issue and meeting_id:
            _warn_if_issued_late(reg, meeting_id)
        result = build_pack(reg, out, options, date.today())
    note = f", as issued {result.issued_at[:10]}" if result.issued_at else ""
    click.echo(f"Wrote {out} ({counted(result.pages, 'page')}, {counted(result.risks, 'risk')}, "
               f"{counted(result.actions, 'action')}, {part} part{note}).")


def _warn_if_issued_late(reg, meeting_id: str) -> None:
    """Issuing keeps the register as it stands today as what the board saw; after the meeting that may not be so."""
    from ..domain.dates import show
    from ..services.packs import issued_on
    from ..services.meetings import meeting_of
    meeting = meeting_of(reg, meeting_id)
    if issued_on(reg, meeting_id) is None and meeting.held_on.date() < date.today():
        click.echo(f"warning: {meeting.board} met on {show(meeting.held_on)}; the register as it stands today is "
                   "kept as what that board saw.", err=True)
