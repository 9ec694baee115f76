"""The scoring scheme from the command line: the matrix size, labels, bands and appetite, changed through the
same service as Settings, which refuses a matrix too small for the scores already recorded."""
from __future__ import annotations

import json
from dataclasses import replace

import click

from ..domain.scoring import (
    DEFAULT_LABELS,
    IMPACT,
    LIKELIHOOD,
    Band,
    Scheme,
    SchemeError,
    preset,
)
from ..errors import UserError
from ..services import cli_lookup as find
from ..services.scheme_editing import apply_scheme
from .base import expect_version_option, main, opened, register_argument
from .output import emit, format_option

REGISTER = register_argument()
BAND_COLUMNS = ("band", "lowest", "colour", "appetite")


@main.group()
def scheme():
    """Show or change the scoring scheme: matrix size, labels, bands and appetite."""


def scheme_json(scheme_: Scheme, version: int) -> dict:
    return {"size": scheme_.size, "likelihood_labels": list(scheme_.likelihood_labels),
            "impact_labels": list(scheme_.impact_labels),
            "bands": [{"name": b.name, "lowest": b.lowest, "colour": b.colour} for b in scheme_.bands],
            "appetite": scheme_.appetite or None, "version": version}


@scheme.command("show")
@REGISTER
@format_option()
def scheme_show(register, fmt):
    """Show REGISTER's scheme; csv and the table list its bands (json: everything, see README)."""
    with opened(register, read_only=True) as reg:
        current, version = reg.scheme, reg.info()["version"]
    if fmt == "json":
        click.echo(json.dumps(scheme_json(current, version), indent=2, ensure_ascii=False))
        return
    rows = [{"band": b.name, "lowest": b.lowest, "colour": b.colour, "appetite": b.name == current.appetite}
            for b in current.bands]
    if fmt == "table":
        click.echo(f"Matrix {current.size} (version {version})")
        click.echo(f"Likelihood: {', '.join(current.likelihood_labels)}")
        click.echo(f"Impact: {', '.join(current.impact_labels)}")
        click.echo(f"Appetite: {current.appetite or 'none adopted'}")
    emit(rows, BAND_COLUMNS, fmt)


def _labels(text: str) -> tuple[str, ...]:
    return tuple(" ".join(part.split()) for part in text.split(","))


def _band(text: str) -> Band:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) != 3 or not parts[1].isdigit():
        raise UserError(f"Give a band as NAME:LOWEST:#RRGGBB (e.g. High:10:#ED7D31), not {text!r}.")
    return Band(parts[0], int(parts[1]), parts[2])


def changed_scheme(current: Scheme, size, likelihood, impact, bands, appetite) -> Scheme:
    """The scheme with the options given applied; a new size brings its usual labels and bands."""
    new = current
    try:
        if size:
            sized = preset(size)
            levels = [len(sized.likelihood_labels), len(sized.impact_labels)]
            if size.strip().lower() not in ("5x5", "3x3"):
                sized = replace(sized, likelihood_labels=DEFAULT_LABELS[LIKELIHOOD][levels[0]],
                                impact_labels=DEFAULT_LABELS[IMPACT][levels[1]])
            new = sized
        values: dict = {}  # Scheme fields to replace: label tuples, bands, appetite
        if likelihood:
            values["likelihood_labels"] = _labels(likelihood)
        if impact:
            values["impact_labels"] = _labels(impact)
        if bands:
            values["bands"] = tuple(_band(b) for b in bands)
            if appetite is None and new.appetite not in [b.name for b in values["bands"]]:
                values["appetite"] = ""
        if appetite is not None:
            values["appetite"] = appetite
        return replace(new, **values) if values else new
    except SchemeError as exc:
        raise UserError(str(exc)) from None


@scheme.command("set")
@REGISTER
@click.option("--size", metavar="LxI", help="Likelihood x impact levels, 3x3 to 5x5 (e.g. 5x4).")
@click.option("--likelihood", metavar="A,B,C", help="The likelihood labels, lowest first, comma-separated.")
@click.option("--impact", metavar="A,B,C", help="The impact labels, lowest first, comma-separated.")
@click.option("--band", "bands", multiple=True, metavar="NAME:LOWEST:#RRGGBB",
              help="A band (repeat for each; the given bands replace all the bands).")
@click.option("--appetite", help="The highest band the board tolerates (empty: none adopted).")
@expect_version_option()
def scheme_set(register, size, likelihood, impact, bands, appetite, expected):
    """Change REGISTER's scheme; refused, with the risks named, if scores would fall outside the matrix."""
    if not any([size, likelihood, impact, bands, appetite is not None]):
        raise UserError("Nothing to change: give at least one option, e.g. --size 5x4.")
    with opened(register) as reg:
        info = reg.info()
        new = changed_scheme(reg.scheme, size, likelihood, impact, bands, appetite)
        with find.guarded(reg, find.Record.REGISTER, info["id"], "The register", expected):
            apply_scheme(reg, new, expected)
        version = reg.info()["version"]
    click.echo(f"The scheme is now {new.size}, appetite {new.appetite or 'none adopted'} (version {version}).")
