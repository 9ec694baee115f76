"""Taking a register from a writer that cannot let go: a laptop that died, a copy open on another machine."""
from __future__ import annotations

from pathlib import Path

import click

from .base import main

REGISTER = click.argument("register", type=click.Path(dir_okay=False, path_type=Path))


@main.command()
@REGISTER
@click.option("--yes", is_flag=True, help="Do not ask: take the register over at once.")
def unlock(register, yes):
    """Take REGISTER over from a holder on another machine (or one that died on this one).

    Only do this when that holder really has stopped: two writers at once lose each other's work. A
    holder still running on this computer is refused.
    """
    from ..services.holding import holder_words, take_over
    held = holder_words(register)
    if held is None:
        click.echo(f"Nobody holds {register.name} for editing.")
        return
    if not yes:
        click.confirm(f"{register.name} is held by {held}. Anything that program saves after this may be "
                      "lost. Take it over?", abort=True, err=True)
    click.echo(f"Took {register.name} over from {take_over(register)}.")
