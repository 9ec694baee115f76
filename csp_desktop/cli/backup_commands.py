"""Rolling backups from the command line: list them, change how many are kept, restore one."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UserError
from .base import main, opened
from .output import emit, format_option

REGISTER = click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
COLUMNS = ("made", "reason", "size", "check", "file")


@main.command()
@REGISTER
@click.option("--keep", type=int, help="Keep this many automatic backups (default 10; those made before an "
                                       "upgrade are always kept).")
@click.option("--max-mb", type=int, help="Let the automatic backups take at most this many MB (default 500).")
@format_option()
def backups(register, keep, max_mb, fmt):
    """List REGISTER's backups, newest first, with why each was made and whether it passes `check`.

    Backups are made automatically in a backups folder beside the register: on opening (once a day)
    and before an upgrade, an import, an owner's return, a matrix change or a restore.
    """
    from ..services import backups as service
    if not register.exists():
        raise UserError(f"There is no register at {register}.")
    if keep is not None or max_mb is not None:
        with opened(register) as reg:
            old_keep, old_mb = service.settings(reg)
            service.change_settings(reg, keep or old_keep, max_mb or old_mb)
            click.echo(f"{register.name} keeps {keep or old_keep} automatic backups, at most {max_mb or old_mb} MB.")
    found = service.list_backups(register, checked=True)
    if not found:
        click.echo(f"{register.name} has no backups yet in {service.backups_folder(register)}.")
        return
    emit([{"made": b.made_at.isoformat(sep=" ") if fmt != "table" else b.when, "reason": b.why,
           "size": _size(b.size) if fmt == "table" else b.size,
           "check": "ok" if b.passes else f"fails: {(b.problems or ['?'])[0]}", "file": b.path.name} for b in found],
         COLUMNS, fmt)
    if fmt == "table":
        click.echo(f"\nIn {service.backups_folder(register)}.")


@main.command()
@REGISTER
@click.argument("backup")
def restore(register, backup):
    """Put REGISTER back as it was when BACKUP was made (a file name from `csp-desktop backups`).

    Refused while another program holds the register. The register as it is now is first kept as a
    backup of its own, so a restore can be undone by restoring that one.
    """
    from ..services.restoring import restore as restore_backup
    done = restore_backup(register, backup)
    click.echo(f"Restored {register.name} as it was on {done.backup.when} ({done.backup.why}).")
    if done.kept is not None:
        click.echo(f"The register as it was just before is kept as {done.kept.name}.")


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"
