"""Commands on a register as a whole: create, open, list, check and back up."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..errors import UserError
from ..services import listing
from ..services.opening import backup_to, check_register
from .base import expect_version_option, main, opened, opened_workspace, register_argument
from .output import emit, format_option

REGISTER = register_argument()


@main.command()
@REGISTER
@click.option("--name", help="The partnership's name (default: the file name).")
@click.option("--scheme", type=click.Choice(["5x5", "3x3"]), default="5x5", show_default=True,
              help="The scoring matrix to start with; change it later in Settings.")
@click.option("--demo", is_flag=True, help="Fill the new register with the fictional demo partnership.")
def init(register, name, scheme, demo):
    """Create a new, empty register file REGISTER."""
    from ..services.registers import create_register
    reg = create_register(register, name=name, scheme=scheme, demo=demo)
    click.echo(f"Created {register} ({reg.name}, {reg.scheme.size} matrix).")
    reg.close()


@main.command("open")
@click.argument("register", required=False, type=click.Path(dir_okay=False, path_type=Path))
def open_(register):
    """Open the app on REGISTER (or on the last register used)."""
    import sys
    from ..ui.shell.app import run
    sys.exit(run(register))


@main.command()
@REGISTER
@format_option()
def risks(register, fmt):
    """List the risks, highest residual score first."""
    with opened(register, read_only=True) as reg:
        emit(listing.risk_rows(reg), listing.RISK_COLUMNS, fmt)


@main.command()
@REGISTER
@click.option("--overdue", is_flag=True, help="Only actions past their due date and not complete.")
@format_option()
def actions(register, overdue, fmt):
    """List the actions, soonest due first."""
    with opened(register, read_only=True) as reg:
        emit(listing.action_rows(reg, date.today(), overdue_only=overdue), listing.ACTION_COLUMNS, fmt)


@main.command()
@REGISTER
def check(register):
    """Check REGISTER's integrity, foreign keys and schema version.

    A register with problems, or one that cannot be opened, is offered its newest backup that passes.
    """
    from ..services.backups import damaged_help
    try:
        with opened_workspace(register, read_only=True) as workspace:
            problems = check_register(workspace)
    except UserError as exc:  # damaged or not a register: say which backup would bring it back
        offer = "" if Path(register).is_dir() else f" {damaged_help(register)}"
        raise click.ClickException(f"{exc}{offer}") from None
    if problems:
        for line in problems:
            click.echo(line, err=True)
        if any(not line.startswith("schema version") for line in problems):
            raise click.ClickException(f"{register.name} is damaged: {len(problems)} problem(s) found. "
                                       f"{damaged_help(register)}")
        raise click.ClickException(f"{register.name} has {len(problems)} problem(s).")
    click.echo(f"{register.name}: ok")


@main.command()
@REGISTER
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def backup(register, folder):
    """Copy REGISTER into FOLDER safely, even while the app has it open."""
    with opened_workspace(register, read_only=True) as workspace:
        target = backup_to(workspace, folder)
    click.echo(f"Backed up to {target}")


@main.command()
@REGISTER
@click.argument("name")
@expect_version_option()
def rename(register, name, expected):
    """Give the partnership of REGISTER the name NAME (shown in the title bar and on the pack cover)."""
    from ..services.cli_lookup import Record, guarded
    from ..services.registers import rename_partnership
    with opened(register) as reg, guarded(reg, Record.REGISTER, reg.info()["id"], "The register", expected):
        old, new = rename_partnership(reg, name, expected).value
    click.echo(f"Renamed {old} to {new}." if old != new else f"The partnership is already called {new}.")
