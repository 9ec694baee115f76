"""The dashboard's figures, worked out from the loaded risks: plain data, no Qt, no SQL."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..domain.derived import review_due
from ..domain.model import Risk
from ..domain.scoring import Scheme
from .listing import by_current_score

TOP = 10


@dataclass
class Dashboard:
    open_risks: int = 0
    inherent_cells: dict = field(default_factory=dict)   # {(likelihood, impact): count}
    residual_cells: dict = field(default_factory=dict)
    band_counts: dict = field(default_factory=dict)      # {band name: count}, by current score
    unscored: int = 0
    outside_matrix: int = 0  # scored on levels the scheme no longer has (after a change of matrix)
    above_appetite: list = field(default_factory=list)
    reviews_overdue: list = field(default_factory=list)
    overdue_actions: int = 0
    top: list = field(default_factory=list)              # the ten highest current scores


def summarise(risks: list[Risk], scheme: Scheme, today: date, overdue_actions: int = 0) -> Dashboard:
    """Figures over the open risks (closed ones are history, not exposure)."""
    live = [r for r in risks if r.status == "open"]
    bands: Counter[str] = Counter()
    for risk in live:
        band = scheme.band_for(risk.current.score) if risk.current else None
        if band:
            bands[band.name] += 1
    return Dashboard(
        open_risks=len(live),
        inherent_cells=_cells(live, "inherent", scheme), residual_cells=_cells(live, "residual", scheme),
        band_counts={b.name: bands.get(b.name, 0) for b in scheme.bands},
        unscored=sum(1 for r in live if r.current is None),
        outside_matrix=sum(1 for r in live if not (scheme.fits(r.inherent) and scheme.fits(r.residual))),
        above_appetite=by_current_score([r for r in live if r.current and scheme.above_appetite(r.current.score)]),
        reviews_overdue=[r for r in live if review_due(r, today)],
        overdue_actions=overdue_actions,
        top=by_current_score([r for r in live if r.current])[:TOP])


def _cells(risks: list[Risk], name: str, scheme: Scheme) -> dict:
    counts: Counter[tuple] = Counter()
    for risk in risks:
        rating = getattr(risk, name)
        if rating is not None and scheme.fits(rating):
            counts[(rating.likelihood, rating.impact)] += 1
    return dict(counts)
