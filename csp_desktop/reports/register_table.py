"""The register: open risks by residual score, mitigations under each, score cells in band colours."""
from __future__ import annotations

from reportlab.lib.units import cm

from ..domain.dates import show
from ..domain.pack import PackData, PackRisk
from ..domain.scoring import Scheme
from .scores import TIMES, band_style, direction_cell, score_cell
from .styles import BODY, OVERDUE, markup
from .tables import CELL_PADDING, chunked, wrapped
from .textblock import Run, TextBlock

HEADER = ["Ref", "Risk, description and mitigations", "Owner", "Inherent", "Residual", "Travel", "Target",
          "Next review"]
WIDTHS = [c * cm for c in (1.6, 12.0, 3.3, 1.9, 1.9, 1.4, 1.9, 2.7)]
INHERENT, RESIDUAL, TARGET, REVIEW = 3, 4, 6, 7


def register_flowables(data: PackData) -> list:
    risks = data.open_risks
    if not risks:
        return [markup("There are no open risks in this part of the register.", BODY)]
    rows = [_row(risk) for risk in risks]
    return chunked(HEADER, rows, WIDTHS, lambda index, line: _styles(data.scheme, risks[index], line))


def _row(risk: PackRisk) -> list:
    return [wrapped(risk.ref, WIDTHS[0]), _risk_cell(risk), wrapped(risk.owner, WIDTHS[2]), score_cell(risk.inherent), score_cell(risk.residual),
            direction_cell(risk.direction), score_cell(risk.target), _review(risk)]


def _risk_cell(risk: PackRisk) -> TextBlock:
    """Title, description and mitigations in one pre-wrapped block: cheap enough for thousands of risks."""
    runs = [Run(risk.title, bold=True)]
    context = " \u00b7 ".join(x for x in (risk.category, risk.priority) if x)
    if context:
        runs.append(Run(context, 7, muted=True))
    if risk.description:
        runs.append(Run(risk.description))
    if risk.mitigations:
        runs.append(Run("Mitigations", 7, bold=True, muted=True))
        runs.extend(Run(_mitigation(m)) for m in risk.mitigations)
    return TextBlock(runs, WIDTHS[1] - CELL_PADDING)


def _mitigation(m) -> str:
    line = f"\u2022 {m.description}"
    if m.owner:
        line += f" \u2013 {m.owner}"
    if m.expected:
        line += f" (expected {m.expected.likelihood}{TIMES}{m.expected.impact} = {m.expected.score})"
    return line


def _review(risk: PackRisk) -> str:
    when = show(risk.next_review) or "not set"
    return f"{when}\nOVERDUE" if risk.review_overdue else when


def _styles(scheme: Scheme, risk: PackRisk, line: int) -> list:
    commands = (band_style(scheme, risk.inherent, INHERENT, line) + band_style(scheme, risk.residual, RESIDUAL, line)
                + band_style(scheme, risk.target, TARGET, line))
    commands.append(("ALIGN", (INHERENT, line), (TARGET, line), "CENTER"))
    if risk.review_overdue:
        commands.append(("TEXTCOLOR", (REVIEW, line), (REVIEW, line), OVERDUE))
    return commands
