"""The register: open risks by residual score, each with its mitigations and latest review (the reason for
its score), score chips readable in grey, travel since the basis, and who owns it for which partner."""
from __future__ import annotations

from reportlab.lib.units import cm

from ..domain.dates import show
from ..domain.pack import PackData, PackRisk, travel_header
from .scores import TIMES, direction_cell, score_cell
from .styles import BODY, OVERDUE, markup
from .tables import CELL_PADDING, chunked, wrapped
from .textblock import Run, TextBlock

TARGET_FLAG = "!"   # beside a target score above appetite; the key says so
COLUMNS = [("Ref", 1.5), ("Risk, description, mitigations and latest review", 8.6), ("Owner", 3.2),
           ("Inherent", 2.0), ("Residual", 2.0), ("Travel", 1.9), ("Target", 2.0), ("Response", 1.7),
           ("Reviewed\nNext review", 2.2), ("Actions", 1.6)]
RESPONSE = "Response"


def register_flowables(data: PackData) -> list:
    risks = data.open_risks
    if not risks:
        return [markup("There are no open risks in this part of the register.", BODY)]
    layout = _Layout(data, any(r.response for r in risks))
    rows = [layout.row(risk) for risk in risks]
    return chunked(layout.header, rows, layout.widths, layout.styles)


class _Layout:
    """The register's columns: the response column only where the register records responses (its width
    then comes out of the risk column)."""

    def __init__(self, data: PackData, with_response: bool):
        self.scheme, self.appetite = data.scheme, data.appetite_set
        columns = [(name, width) for name, width in COLUMNS if with_response or name != RESPONSE]
        if not with_response:
            columns[1] = (columns[1][0], columns[1][1] + dict(COLUMNS)[RESPONSE])
        self.names = [name for name, _ in columns]
        self.widths = [width * cm for _, width in columns]
        since = travel_header(data.travel_since).replace(" ", "\n", 1)
        self.header = [f"Travel\n{since}" if n == "Travel" else n for n in self.names]
        self.risks = data.open_risks

    def width(self, name: str) -> float:
        return self.widths[self.names.index(name)]

    def row(self, risk: PackRisk) -> list:
        target_flag = TARGET_FLAG if (self.appetite and risk.target
                                      and self.scheme.above_appetite(risk.target.score)) else ""
        cells = {
            "Ref": wrapped(risk.ref, self.width("Ref")),
            "Owner": wrapped("\n".join(x for x in (risk.owner, risk.owner_org) if x), self.width("Owner")),
            "Inherent": score_cell(self.scheme, risk.inherent, self.width("Inherent") - CELL_PADDING),
            "Residual": score_cell(self.scheme, risk.residual, self.width("Residual") - CELL_PADDING),
            "Travel": direction_cell(risk.direction),
            "Target": score_cell(self.scheme, risk.target, self.width("Target") - CELL_PADDING, target_flag),
            "Reviewed\nNext review": _review(risk),
            "Actions": wrapped(", ".join(risk.action_refs), self.width("Actions")),
        }
        if RESPONSE in self.names:
            cells[RESPONSE] = wrapped(risk.response.capitalize(), self.width(RESPONSE))
        return [cells[name] if name in cells else self._risk_cell(risk) for name in self.names]

    def _risk_cell(self, risk: PackRisk) -> TextBlock:
        """Title, description, mitigations and the latest review in one pre-wrapped block: cheap enough for
        thousands of risks."""
        runs = [Run(risk.title, bold=True)]
        context = " \u00b7 ".join(x for x in (risk.category, risk.priority) if x)
        if context:
            runs.append(Run(context, muted=True))
        if risk.description:
            runs.append(Run(risk.description))
        if risk.mitigations:
            runs.append(Run("Mitigations", bold=True, muted=True))
            runs.extend(Run(_mitigation(m)) for m in risk.mitigations)
        review = risk.last_review
        if review is not None:
            who = f", {review.by}" if review.by else ""
            runs.append(Run(f"Latest review {show(review.on)}{who}", bold=True, muted=True))
            if review.note:
                runs.append(Run(review.note))
        return TextBlock(runs, self.width(self.names[1]) - CELL_PADDING)

    def styles(self, index: int, line: int) -> list:
        risk = self.risks[index]
        commands = [("VALIGN", (0, line), (-1, line), "TOP")]
        if risk.review_overdue:
            column = self.names.index("Reviewed\nNext review")
            commands.append(("TEXTCOLOR", (column, line), (column, line), OVERDUE))
        return commands


def _mitigation(m) -> str:
    line = f"\u2022 {m.description}"
    if m.owner:
        line += f" \u2013 {m.owner}"
    if m.expected:
        line += f" (expected once in place: {m.expected.likelihood}{TIMES}{m.expected.impact} = {m.expected.score})"
    return line


def _review(risk: PackRisk) -> str:
    reviewed = show(risk.last_review.on) if risk.last_review else "never"
    when = show(risk.next_review) or "not set"
    return f"{reviewed}\n{when}" + ("\nOVERDUE" if risk.review_overdue else "")
