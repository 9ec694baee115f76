"""The register: open risks by residual score, mitigations under each, score cells in band colours."""
from __future__ import annotations

from reportlab.lib.units import cm

from ..domain.dates import show
from ..domain.pack import PackData, PackRisk
from ..domain.scoring import Scheme
from .scores import TIMES, band_style, direction_cell, score_cell
from .styles import CELL, OVERDUE, esc, markup
from .tables import chunked

HEADER = ["Ref", "Risk, description and mitigations", "Owner", "Inherent", "Residual", "Travel", "Target",
          "Next review"]
WIDTHS = [c * cm for c in (1.6, 12.0, 3.3, 1.9, 1.9, 1.4, 1.9, 2.7)]
INHERENT, RESIDUAL, TARGET, REVIEW = 3, 4, 6, 7


def register_flowables(data: PackData) -> list:
    risks = data.open_risks
    if not risks:
        return [markup("There are no open risks in this part of the register.")]
    rows = [_row(risk) for risk in risks]
    return chunked(HEADER, rows, WIDTHS, lambda index, line: _styles(data.scheme, risks[index], line))


def _row(risk: PackRisk) -> list:
    return [risk.ref, _risk_cell(risk), risk.owner, score_cell(risk.inherent), score_cell(risk.residual),
            direction_cell(risk.direction), score_cell(risk.target), _review(risk)]


def _risk_cell(risk: PackRisk):
    """Title, description and mitigations in one paragraph: one flowable per row keeps big packs fast."""
    parts = [f"<b>{esc(risk.title)}</b>"]
    context = " \u00b7 ".join(esc(x) for x in (risk.category, risk.priority) if x)
    if context:
        parts.append(f'<font size="7" color="#52606D">{context}</font>')
    if risk.description:
        parts.append(esc(risk.description))
    if risk.mitigations:
        parts.append('<font size="7" color="#52606D"><b>Mitigations</b></font>')
        parts.extend(_mitigation(m) for m in risk.mitigations)
    return markup("<br/>".join(parts), CELL)


def _mitigation(m) -> str:
    line = f"\u2022 {esc(m.description)}"
    if m.owner:
        line += f' <font color="#52606D">\u2013 {esc(m.owner)}</font>'
    if m.expected:
        line += f' <font color="#52606D">(expected {m.expected.likelihood}{TIMES}{m.expected.impact}' \
                f' = {m.expected.score})</font>'
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
