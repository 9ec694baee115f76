"""The partnership plan on the command line: priorities, indicators and their values, the whole plan."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..services import plan as plan_service
from ..services import plan_editing as editing
from ..services import plan_listing as listing
from ..services.cli_lookup import Record, guarded
from .base import expect_version_option, main, opened
from .output import emit, format_option

REGISTER = click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
HISTORY_COLUMNS = ("indicator_ref", "indicator", "period", "period_end", "text", "value", "numerator",
                   "denominator", "rate", "note")


@main.command()
@REGISTER
@format_option()
def priorities(register, fmt):
    """List the plan's priorities with their lead agencies and what hangs under each."""
    with opened(register, read_only=True) as reg:
        emit(listing.priority_rows(plan_service.load_plan(reg)), listing.PRIORITY_COLUMNS, fmt)


@main.command("priority-add")
@REGISTER
@click.argument("title")
@click.option("--ref", default="", help="The priority's number, such as 2.")
@click.option("--lead", "leads", multiple=True, help="A lead agency (repeat for two or more).")
@click.option("--outcomes", default="", help="The outcomes the priority is to bring about.")
def priority_add(register, title, ref, leads, outcomes):
    """Add a priority TITLE to the plan."""
    from ..domain.model import Priority
    with opened(register) as reg:
        editing.add_priority(reg, Priority(title, ref=ref, outcomes=outcomes), list(leads))
    click.echo(f"Added priority {ref + ' ' if ref else ''}{title}.")


@main.command("priority-edit")
@REGISTER
@click.argument("priority")
@click.option("--title", help="A new title.")
@click.option("--ref", help="A new number.")
@click.option("--lead", "leads", multiple=True, help="The lead agencies (repeat; replaces the ones there are).")
@click.option("--outcomes", help="The outcomes the priority is to bring about.")
@expect_version_option()
def priority_edit(register, priority, title, ref, leads, outcomes, expected):
    """Change PRIORITY (its number or title): its title, number, lead agencies or outcomes."""
    with opened(register) as reg:
        found = listing.find_priority(reg, priority)
        changes = {k: v for k, v in (("title", title), ("ref", ref), ("outcomes", outcomes)) if v is not None}
        _not_stale(reg, Record.PRIORITY, found.id, f"Priority {found.ref or found.title}", expected)
        if changes:
            editing.set_fields(reg, "priority", found.id, changes)
        if leads:
            editing.set_lead_agencies(reg, found.id, list(leads))
    click.echo(f"Changed priority {found.ref or found.title}.")


@main.command("objective-add")
@REGISTER
@click.argument("priority")
@click.argument("title")
@click.option("--ref", default="", help="The objective's number, such as 2.1.")
def objective_add(register, priority, title, ref):
    """Add an objective TITLE under PRIORITY (its number or title)."""
    from ..domain.plan import Objective
    with opened(register) as reg:
        found = listing.find_priority(reg, priority)
        editing.add_objective(reg, Objective(found.id, title, ref=ref))
    click.echo(f"Added objective {ref + ' ' if ref else ''}{title} under priority {found.ref or found.title}.")


@main.command("theme-add")
@REGISTER
@click.argument("title")
@click.option("--description", default="", help="What the theme asks of every priority.")
def theme_add(register, title, description):
    """Add a cross-cutting theme TITLE to the plan."""
    from ..domain.plan import Theme
    with opened(register) as reg:
        editing.add_theme(reg, Theme(title, description))
    click.echo(f"Added cross-cutting theme {title}.")


@main.command()
@REGISTER
@click.option("--history", is_flag=True, help="Every value of every indicator, with its period and text.")
@format_option()
def indicators(register, history, fmt):
    """List the plan's indicators with target, latest value, RAG and trend (or --history: every value)."""
    with opened(register, read_only=True) as reg:
        if history:
            emit(plan_service.indicator_history(reg), HISTORY_COLUMNS, fmt)
        else:
            emit(listing.indicator_rows(plan_service.load_plan(reg)), listing.INDICATOR_COLUMNS, fmt)


@main.command("indicator-edit")
@REGISTER
@click.argument("ref")
@click.option("--title", help="What the indicator measures.")
@click.option("--new-ref", help="A new reference, such as 2.3.")
@click.option("--owner", help="Who supplies its values (an owner's name): they get it in the update round.")
@click.option("--target", help="The target as the plan words it (its number is read from it).")
@click.option("--target-period", help="The period the target is for, such as 2012/13.")
@click.option("--unit", type=click.Choice(["count", "rate", "percentage"]))
@click.option("--direction", type=click.Choice(["reduce", "increase"]))
@click.option("--baseline", help="The baseline as the plan words it.")
@click.option("--source", "data_source", help="Where the figures come from.")
@click.option("--exempt/--public", default=None, help="Keep it out of the public (Part I) pack, or not.")
@expect_version_option()
def indicator_edit(register, ref, title, new_ref, owner, target, target_period, unit, direction, baseline,
                   data_source, exempt, expected):
    """Change indicator REF (such as 2.1): its wording, owner, target, unit, direction, baseline or source."""
    from ..domain.plan import read_measure
    changes = {k: v for k, v in (("title", title), ("ref", new_ref), ("target", target),
                                 ("target_period", target_period), ("unit", unit), ("direction", direction),
                                 ("baseline", baseline), ("data_source", data_source), ("exempt", exempt))
               if v is not None}
    if baseline is not None:
        changes["baseline_value"] = read_measure(baseline).value
    with opened(register) as reg:
        ind = listing.find_indicator(reg, ref)
        if owner is not None:
            changes["owner_id"] = listing.find_owner_id(reg, owner)
        if not changes:
            raise click.ClickException("Say what to change (see --help).")
        _not_stale(reg, Record.INDICATOR, ind.id, f"Indicator {ind.ref or ind.title}", expected)
        editing.set_fields(reg, "indicator", ind.id, changes)
    click.echo(f"Changed indicator {new_ref or ref}.")


@main.command("indicator-value")
@REGISTER
@click.argument("ref")
@click.option("--period", required=True, help="The period the value is for: 2011/12 Q3, 2011/12 or 31/01/2012.")
@click.option("--value", "text", required=True, help="The value as published: 8031, 41%, 82/200 = 41%, n/a.")
@click.option("--note", default="", help="A commentary on the value.")
@click.option("--correct", is_flag=True, help="Correct the value already recorded for that period.")
def indicator_value(register, ref, period, text, note, correct):
    """Record the value of indicator REF (such as 2.1) for a period, or --correct the one recorded."""
    with opened(register) as reg:
        ind = listing.find_indicator(reg, ref)
        if correct:
            value = editing.make_value(reg, ind.id, period, text, note, where=f"Indicator {ref}")
            existing = editing.value_for_period(reg, ind.id, value.period_end)
            if existing is None:
                raise click.ClickException(f"Indicator {ref} has no value for {period} "
                                           "to correct; leave out --correct.")
            editing.correct_value(reg, existing.id, text=text, note=note, period=period)
        else:
            value = editing.record_value(reg, ind.id, period, text, note, where=f"Indicator {ref}").value
    number = "" if value.value is None else f" (read as {value.value:g})"
    click.echo(f"Indicator {ref}, {value.period}: {value.text}{number}.")


@main.command()
@REGISTER
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="An outline to read, or JSON.")
@click.option("--year", type=int, help="A closed plan year (see plan-next-year), as it stood when closed.")
def plan(register, fmt, year):
    """Show the plan: each priority with its lead agency, objectives, actions, indicators and risks."""
    if year is not None:
        return _closed_year(register, year, fmt)
    with opened(register, read_only=True) as reg:
        summary = plan_service.load_plan(reg)
    if fmt == "json":
        click.echo(json.dumps(listing.plan_document(summary), indent=2, ensure_ascii=False))
    else:
        click.echo(listing.plan_text(summary))


@main.command("plan-period")
@REGISTER
@click.option("--title", help="The plan's name, such as 'Community Safety Strategy'.")
@click.option("--start", type=int, help="The year the plan starts (its first year runs from April).")
@click.option("--end", type=int, help="The year the plan ends (its last year runs to March).")
@click.option("--year", type=int, help="Which year of the plan this is (1 = the first).")
@click.option("--amber-tolerance", type=click.FloatRange(0, 100),
              help="How far from target, in % of the target, an indicator is amber rather than red.")
def plan_period(register, title, start, end, year, amber_tolerance):
    """Set the plan's period (e.g. --start 2011 --end 2014 --year 2) and its amber tolerance."""
    changes = {k: v for k, v in (("title", title), ("start_year", start), ("end_year", end), ("year_number", year))
               if v is not None}
    if amber_tolerance is not None:
        changes["amber_tolerance"] = amber_tolerance / 100
    with opened(register) as reg:
        info = editing.set_plan_info(reg, **changes).value
    click.echo(f"Plan: {info.label or 'no period set'}; amber within {info.amber_tolerance:.0%} of target.")


def _closed_year(register, year, fmt):
    from ..services.plan_year import closed_year
    with opened(register, read_only=True) as reg:
        kept = closed_year(reg, year)
    if fmt == "json":
        click.echo(json.dumps({"year": kept["year_number"], "label": kept["label"], "closed_at": kept["closed_at"],
                               "closed_by": kept["closed_by"], "decisions": kept["decisions"],
                               **kept["data"]["document"]}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{kept['label']} (closed {kept['closed_at'][:10]} by {kept['closed_by']}; read-only)")
    for p in kept["data"]["document"]["priorities"]:
        actions = len(p["actions"]) + sum(len(o["actions"]) for o in p["objectives"])
        click.echo(f"\nPriority {p['ref']}: {p['title']}\n  Lead: {', '.join(p['lead_agencies']) or 'none named'}"
                   f"\n  Actions: {actions}")
        for i in p["indicators"]:
            click.echo(f"  Indicator {i['ref']} {i['title'][:70]}\n      target {i['target'] or '-'}; latest "
                       f"{i['latest'] or '-'} ({i['latest_period'] or '-'}); RAG {i['rag'] or 'none'}")
    click.echo("\nDecisions at the refresh:")
    for d in kept["decisions"]:
        click.echo(f"  {d['priority']}: {d['decision']}{' - ' + d['reason'] if d['reason'] else ''}")


@main.command("priority-retire")
@REGISTER
@click.argument("priority")
@click.option("--reason", required=True, help="Why the priority is dropped (the board reads it).")
@expect_version_option()
def priority_retire(register, priority, reason, expected):
    """Retire PRIORITY (its number or title) from the plan, with the reason; it stays on record."""
    from ..services.plan_year import retire_priority
    with opened(register) as reg:
        found = listing.find_priority(reg, priority)
        with guarded(reg, Record.PRIORITY, found.id, f"Priority {found.ref or found.title}", expected):
            retire_priority(reg, found.id, reason, expected_version=expected)
    click.echo(f"Retired priority {found.ref or found.title}.")


@main.command("plan-next-year")
@REGISTER
@click.option("--retire", "retire", multiple=True, metavar="PRIORITY=REASON",
              help="Retire a priority (its number or title) with the reason; repeat for more.")
@click.option("--add", "add", multiple=True, metavar="TITLE", help="Add a new priority; repeat for more.")
@click.option("--lead", "leads", multiple=True, help="The lead agency of the added priorities (repeat).")
def plan_next_year(register, retire, add, leads):
    """Start the plan's next year: keep the year closing as it stood, retire or add priorities with a reason;
    open actions and risks carry forward."""
    from datetime import date
    from ..services.plan_year import start_next_year
    decisions = {}
    for item in retire:
        name, sep, reason = item.partition("=")
        if not sep:
            raise click.ClickException(f"--retire {item!r}: write it as PRIORITY=REASON.")
        decisions[name] = reason
    with opened(register) as reg:
        done = start_next_year(reg, date.today(), retire=decisions, add=[(t, list(leads)) for t in add])
    click.echo(f"Closed {done.closed}; now {done.opened}. Carried forward: {done.open_actions} open plan "
               f"actions and {done.open_risks} open risks.")
    for d in done.decisions:
        click.echo(f"  {d['priority']}: {d['decision']}{' - ' + d['reason'] if d['reason'] else ''}")


def _not_stale(reg, record: Record, row_id: str, label: str, expected: int | None) -> None:
    """Refuse, naming who changed it and when, an edit started from an older version than the one stored
    (this command holds the register for writing, so nothing can change it between the check and the write)."""
    with guarded(reg, record, row_id, label, expected):
        pass
