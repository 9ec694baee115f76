"""Printing rows as an aligned table, CSV or JSON."""
from __future__ import annotations

import csv
import json
import re
import sys

import click

from ..interchange.writers import safe_text

FORMATS = ("table", "csv", "json")
MAX_CELL = 48
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def format_option():
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="How to print the rows.")


def counted(n: int, noun: str) -> str:
    """"1 risk", "2 risks": counts as a person writes them."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def emit(rows: list[dict], columns: tuple[str, ...], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: safe_text(_plain(row[k])) for k in columns} for row in rows)
    else:
        click.echo(table(rows, columns))


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _cell(value) -> str:
    text = " ".join(_plain(value).split())
    if ISO_DATE.fullmatch(text):
        text = f"{text[8:10]}/{text[5:7]}/{text[:4]}"  # people read dates en-GB; csv and json keep ISO
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "\u2026"


SHORT_HEADINGS = {"inherent_likelihood": "inh L", "inherent_impact": "inh I", "inherent_score": "inh",
                  "residual_likelihood": "res L", "residual_impact": "res I", "residual_score": "res"}


def table(rows: list[dict], columns: tuple[str, ...]) -> str:
    headings = [SHORT_HEADINGS.get(c, c) for c in columns]
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headings)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)
