"""The scoring scheme as a small sheet in exported workbooks, so a round trip keeps the matrix."""
from __future__ import annotations

from ..domain.scoring import Band, Scheme, SchemeError
from .problems import Problem, ReadError

SCHEME_SHEET = "Scoring scheme"
HEADER = ("Setting", "Level or band", "Label", "Lowest score", "Colour")


def scheme_rows(scheme: Scheme) -> list[tuple]:
    rows: list[tuple] = [("likelihood", n, label, None, None) for n, label in enumerate(scheme.likelihood_labels, 1)]
    rows += [("impact", n, label, None, None) for n, label in enumerate(scheme.impact_labels, 1)]
    rows += [("band", n, band.name, band.lowest, band.colour) for n, band in enumerate(scheme.bands, 1)]
    rows.append(("appetite", None, scheme.appetite, None, None))
    return rows


def read_scheme_sheet(sheet, file: str) -> Scheme:
    parts: dict[str, list] = {"likelihood": [], "impact": [], "band": [], "appetite": []}
    for row in sheet.rows[1:]:
        cells = list(row) + [None] * 5
        if cells[0] in parts:
            parts[cells[0]].append(cells)
    try:
        return Scheme(likelihood_labels=tuple(str(c[2]) for c in parts["likelihood"]),
                      impact_labels=tuple(str(c[2]) for c in parts["impact"]),
                      bands=tuple(Band(str(c[2]), int(c[3]), str(c[4])) for c in parts["band"]),
                      appetite=str(parts["appetite"][0][2]) if parts["appetite"] else "")
    except (SchemeError, TypeError, ValueError) as exc:
        raise ReadError([Problem(file, f"its scoring scheme is not usable ({exc})", sheet=SCHEME_SHEET)]) from None
