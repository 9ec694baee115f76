"""Commands that take files in and write them out."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UserError
from ..interchange.headers import FIELDS, IGNORE
from ..interchange.problems import ReadError
from .base import main, opened
from .register_commands import REGISTER

ALL_FIELDS = sorted({f for fields in FIELDS.values() for f in fields} | {IGNORE})


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip():
            raise UserError(f"--map {pair!r} must be written COLUMN=FIELD, e.g. --map \"Threat=title\".")
        if field.strip() not in ALL_FIELDS:
            raise UserError(f"--map {pair!r}: {field!r} is not a field; use one of {', '.join(ALL_FIELDS)}.")
        if field.strip() != IGNORE and field.strip() in mapping.values():
            raise UserError(f"--map gives two columns the field {field.strip()!r}; each field takes one column.")
        mapping[column.strip()] = field.strip()
    return mapping


@main.command("import")
@REGISTER
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sheet", help="Read only this sheet of an .xlsx workbook.")
@click.option("--map", "maps", multiple=True, metavar="COLUMN=FIELD",
              help="Say what a column holds when its heading is not recognised (repeatable), "
                   "e.g. --map \"Threat=title\" --map \"Prob.=inherent_likelihood\".")
@click.option("--scheme", metavar="3x3|4x4|5x5|LxI",
              help="The matrix the file is scored on, likelihood levels x impact levels, e.g. 5x4 "
                   "(default: worked out from the file).")
@click.option("--dry-run", is_flag=True, help="Check the file and report what would be imported; write nothing.")
@click.option("--mapping", "mapping_name", metavar="NAME",
              help="Apply the column, sheet and scale choices kept in the register as NAME (see --save-mapping; "
                   "the app keeps them too). --map, --sheet and --scheme given as well win over it.")
@click.option("--save-mapping", "save_as", metavar="NAME",
              help="Keep this import's --map, sheet and --scheme choices in the register as NAME, for next time.")
@click.option("--explain", is_flag=True, help="Show how each sheet and column would be read, and why; "
                                              "import nothing.")
def import_(register, file, sheet, maps, scheme, dry_run, mapping_name, save_as, explain):
    """Import risks, mitigations, actions, priorities or indicators from FILE (.csv, .xlsx or .json).

    The header row and columns are found by name ("Risk", "Risk description", "Likelihood",
    "Controlling mechanism", "Risk owner", ...). Either all of the file is imported, or, if any row
    cannot be read, none of it.
    """
    from ..services.imports import explain_file, import_file
    mapping = _mapping(maps)
    if scheme:
        from ..domain.scoring import preset
        preset(scheme)  # a wrong size is refused before the register is opened
    if explain:
        click.echo(explain_text(file.name, explain_file(file, sheet=sheet, mapping=mapping)))
        return
    with opened(register) as reg:
        kinds = None
        if mapping_name:
            from ..services.import_mappings import named
            kept = named(reg, mapping_name)
            mapping, kinds, scheme = {**kept.columns, **mapping}, kept.sheets, scheme or kept.scheme or None
        try:
            result = import_file(reg, file, sheet=sheet, mapping=mapping, scheme=scheme, dry_run=dry_run,
                                 kinds=kinds, keep_as=save_as or "")
        except ReadError as exc:
            # The summary names the first problem: it goes first, then the others, all in row order.
            click.echo(f"Error: {exc}", err=True)
            for problem in exc.problems[1:]:
                click.echo(str(problem), err=True)
            raise click.exceptions.Exit(1) from None
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items()) or "nothing"
    verb = "Would import" if dry_run else "Imported"
    matched = ", ".join(f"{n} {name}" for name, n in result.matched.items())
    also = f" (matched {matched} already in the register)" if matched else ""
    click.echo(f"{verb} {counts} from {file.name} into {register.name}{also}.")
    if result.review_note:
        click.echo(result.review_note)
    if result.scale_note:
        click.echo(f"Scale: {result.scale_note}.")
    if result.scheme_changed and result.scheme is not None:
        # "the file's" only when the file carried its scheme; a scale read from its levels was said above.
        whose = "that" if result.scale_note else "the file's"
        click.echo(f"The register now scores on {whose} {result.scheme.size} matrix.")
    if save_as and not dry_run:
        click.echo(f"Kept these choices as the mapping {save_as!r}.")


@main.command("import-undo")
@REGISTER
@click.option("--even-if-changed", is_flag=True, help="Undo it even though other changes were saved since "
                                                       "(they are lost too).")
def import_undo(register, even_if_changed):
    """Undo the last import into REGISTER by restoring the backup made just before it."""
    from ..services.import_undo import undo_last_import
    found, done = undo_last_import(register, even_if_changed=even_if_changed)
    click.echo(found.words)
    click.echo(f"Done: {register.name} is back as it was before {found.file} was imported; the register as it "
               f"was is kept as the backup {done.kept.name if done.kept else '(none)'}.")


def explain_text(name: str, readings) -> str:
    """The column-by-column reading as a person reads it: one block per sheet."""
    lines = []
    for sheet in readings:
        where = f"sheet {sheet.sheet!r}" if sheet.sheet else name
        if sheet.kind is None:
            lines.append(f"{where}: not read ({sheet.why})")
            continue
        lines.append(f"{where}: read as {sheet.kind}, headings in row {sheet.header_row} ({sheet.why})")
        for c in sheet.columns:
            if not c.heading:
                continue
            taken = c.field if c.field and c.field != IGNORE else ("left out" if c.field == IGNORE else "NOT TAKEN IN")
            lines.append(f"  {c.column:>3}  {c.heading[:40]:<40}  {taken:<20} {c.confidence:>4.2f}  {c.why}")
    return "\n".join(lines)


@main.command()
@REGISTER
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--table", type=click.Choice(["risks", "actions", "mitigations", "priorities",
                                            "indicators", "owners", "reviews",
                                    "notes", "meetings"]),
              default="risks", show_default=True, help="Which table a .csv holds (.xlsx and .json hold them all).")
@click.option("--part", type=click.Choice(["all", "public"]), default="all", show_default=True,
              help="all: every item, exempt rows marked. public: no exempt item, nor anything that gives one "
                   "away (its actions, mitigations, reviews and notes).")
def export(register, out, table, part):
    """Export REGISTER to OUT: .csv (one table), .xlsx (every table) or .json (everything, exactly)."""
    from ..services.exports import export_register
    with opened(register, read_only=True) as reg:
        export_register(reg, out, table, part)
    which = ", exempt items left out" if part == "public" else ""
    click.echo(f"Exported {register.name} to {out}{which}.")
