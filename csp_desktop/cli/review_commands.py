"""The review cycle from the command line: what is coming up, chasing owners, the cadence, the history."""
from __future__ import annotations

from pathlib import Path

import click

from ..domain.dates import parse_date
from .base import expect_version_option, main, opened
from .output import counted, emit, format_option

REGISTER = click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
HISTORY_COLUMNS = ("when", "who", "item", "change", "old", "new", "exempt")
COMING_COLUMNS = ("due", "what", "item", "owner", "organisation", "overdue", "exempt")


def _date(ctx, param, value):
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.ClickException(f"--{param.name.replace('_', '-')}: {exc}.") from None


@main.command("coming-up")
@REGISTER
@click.option("--days", type=click.IntRange(0, 3660), help="Within this many days (default: before the next meeting).")
@click.option("--part", type=click.Choice(["all", "public"]), default="all", show_default=True,
              help="'public' leaves exempt (Part II) items out.")
@format_option()
def coming_up_(register, days, part, fmt):
    """What falls due before the next meeting (or within --days), and what is overdue, by owner."""
    from ..services.coming_up import KIND_WORDS, coming_up
    with opened(register, read_only=True) as reg:
        found = coming_up(reg, days=days)
    items = found.due + [i for g in found.overdue for i in g.items]
    rows = [{"due": i.due.isoformat(), "what": KIND_WORDS[i.kind], "item": i.label, "owner": i.owner_name,
             "organisation": i.organisation, "overdue": i.overdue, "exempt": i.exempt}
            for i in items if part == "all" or not i.exempt]
    emit(rows, COMING_COLUMNS, fmt)


@main.command()
@REGISTER
@click.argument("outdir", type=click.Path(file_okay=True, path_type=Path))
@click.option("--owner", "owners", multiple=True, metavar="NAME",
              help="Chase only this owner (repeat for several). Default: every owner with items due or overdue.")
@click.option("--days", type=click.IntRange(0, 3660), help="Items due within this many days (default: before the "
                                                           "next meeting).")
@click.option("--workbook", is_flag=True, help="Attach each owner's update workbook (sent as an update round).")
def chase(register, outdir, owners, days, workbook):
    """Write one email draft (.eml, opens in Outlook ready to send) and one calendar file (.ics) per owner
    into OUTDIR, an existing folder. Exempt items go only in separate drafts marked OFFICIAL-SENSITIVE,
    Part II. Nothing is sent; the register keeps a log of what was drafted for whom."""
    from ..services.chase import chase as write_drafts
    with opened(register) as reg:
        result = write_drafts(reg, outdir, owners=list(owners) or None, days=days, workbooks=workbook)
    for w in result.written:
        note = "" if w.has_email else " (no email address: the To line is empty)"
        click.echo(f"{w.eml.name}: {counted(w.items, 'item')}{note}")
    if result.no_owner:
        click.echo(f"{counted(result.no_owner, 'item')} due or overdue with no owner to chase.")
    click.echo(f"Wrote {counted(len(result.written), 'draft')} in {outdir}.")


@main.command()
@REGISTER
@click.option("--set", "settings", multiple=True, metavar="BAND=MONTHS",
              help="Months between reviews for a band, e.g. --set 'Very high=1' (repeat for each band).")
@expect_version_option()
@format_option()
def cadence(register, settings, expected, fmt):
    """Show, or set, how often risks in each band are reviewed."""
    from ..domain.cadence import describe
    from ..services import cadence as service
    from ..services.cli_lookup import Record, guarded
    with opened(register, read_only=not settings) as reg:
        if settings:
            months = service.cadence(reg).by_band(reg.scheme)
            for setting in settings:
                band, _, value = setting.partition("=")
                match = next((b for b in months if b.casefold() == band.strip().casefold()), None)
                if match is None:
                    raise click.ClickException(f"There is no band called {band.strip()!r} (the bands are "
                                               f"{', '.join(months)}).")
                months[match] = value
            with guarded(reg, Record.REGISTER, reg.info()["id"], "The register", expected):
                service.set_cadence(reg, months, expected)
        shown = service.cadence(reg).by_band(reg.scheme).items()
    if fmt == "table":  # the form people have always read
        for band, every in shown:
            click.echo(f"{band}: {describe(every)}")
        return
    emit([{"band": band, "months": every, "every": describe(every)} for band, every in shown],
         ("band", "months", "every"), fmt)


@main.command("history")
@REGISTER
@click.option("--item", metavar="REF", help="Only this risk, action or meeting (by reference, e.g. R-07).")
@click.option("--since", callback=_date, metavar="DATE", help="Only changes on or after this date (22/11/2026).")
@click.option("--until", callback=_date, metavar="DATE", help="Only changes on or before this date.")
@click.option("--who", metavar="NAME", help="Only changes by this person (or from their returns).")
@click.option("--kind", type=click.Choice(["risks", "actions", "meetings", "partners", "settings", "updates"]),
              help="Only changes of this kind.")
@click.option("--part", type=click.Choice(["all", "public"]), default="all", show_default=True,
              help="'public' leaves exempt (Part II) items out.")
@format_option()
def history_(register, item, since, until, who, kind, part, fmt):
    """Every change to the register, newest first: when, who, the item, the old and new values."""
    from ..services import history
    from ..services.history import Filter
    kinds = {"risks": "Risks", "actions": "Actions", "meetings": "Meetings", "partners": "Partners and owners",
             "settings": "Settings", "updates": "Owner updates"}
    with opened(register, read_only=True) as reg:
        options = dict(since=since, until=until, who=who or "", public_only=part == "public",
                       tables=history.KIND_CHOICES[kinds[kind]] if kind else [])
        chosen = history.item_filter(reg, item, **options) if item else Filter(**options)
        entries = history.all_matching(reg, chosen)
    rows = [{**e.as_row(), "when": e.at.isoformat() if fmt != "table" else e.when} for e in entries]
    emit(rows, HISTORY_COLUMNS, fmt)
