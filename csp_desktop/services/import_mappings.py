"""Import choices kept in the register, found again by the set of headings of the next file.

A coordinator who told the preview once that "Prob. (after)" is the residual likelihood should not
have to say it again next quarter: the choices are kept under a name and keyed by the file's headings.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import UserError
from ..interchange.columns import clean
from ..store import Register
from ..store import import_records as records


@dataclass
class Choices:
    """What the user chose: what a column holds (by heading), what a sheet holds (by sheet_key; None
    leaves it out), and the scale ("" = as read from the file)."""
    columns: dict[str, str] = field(default_factory=dict)
    sheets: dict[str, str | None] = field(default_factory=dict)
    scheme: str = ""
    name: str = ""          # the kept mapping these came from, if any

    @property
    def empty(self) -> bool:
        return not (self.columns or self.sheets or self.scheme)


def headings_key(readings) -> str:
    """The file's headings as a set (cleaned, sorted, one a line), over every sheet that has a header row."""
    found = {clean(c.heading) for r in readings for c in r.columns if c.heading}
    return "\n".join(sorted(h for h in found if h))


def _choices(row: dict | None) -> Choices | None:
    if row is None:
        return None
    return Choices(dict(row["columns"]), dict(row["sheets"]), row["scheme"], row["name"])


def kept_for(reg: Register, readings) -> Choices | None:
    """The mapping kept for a file with these headings, or None."""
    return _choices(records.mapping_for(reg, headings_key(readings)))


def named(reg: Register, name: str) -> Choices:
    found = _choices(records.mapping_named(reg, name))
    if found is None:
        names = ", ".join(repr(m["name"]) for m in records.list_mappings(reg)) or "none yet"
        raise UserError(f"{reg.path.name} keeps no import mapping called {name!r} (kept: {names}).")
    return found


def keep(reg: Register, name: str, readings, choices: Choices) -> None:
    """Keep `choices` as `name`; inside the import's transaction when there is one."""
    name = " ".join(name.split())
    if not name:
        raise UserError("Give the mapping a name, such as the file's usual name.")
    if len(name) > 100:
        raise UserError("A mapping's name is at most 100 characters.")
    with reg.transaction():
        records.put_mapping(reg, name, headings_key(readings), choices.columns, choices.sheets, choices.scheme)


def kept(reg: Register) -> list[dict]:
    """Every kept mapping: name, when it was saved, and how many choices it holds."""
    return [{"name": m["name"], "saved_at": m["saved_at"], "columns": len(m["columns"]),
             "sheets": len(m["sheets"]), "scheme": m["scheme"]} for m in records.list_mappings(reg)]


def forget(reg: Register, name: str) -> None:
    if not records.delete_mapping(reg, name):
        raise UserError(f"There is no kept import mapping called {name!r}.")
