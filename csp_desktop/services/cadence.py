"""The review cadence in use: setting it, the next review date a review sets, and band changes."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..domain.cadence import Cadence, cadence_from_bands, describe
from ..domain.model import Risk
from ..domain.scoring import Rating, Scheme
from ..store import Register
from ..store.review_cycle import read_cadence, write_cadence
from ..domain.dates import show
from .changes import Changes, Done, Kind


def cadence(reg: Register) -> Cadence:
    return read_cadence(reg)


def set_cadence(reg: Register, months_by_band: Mapping[str, object],
                expected_version: int | None = None) -> Done[Cadence]:
    """Store a cadence typed as {band name: months}; a 0 or a 10-year figure is refused in one sentence, and so
    is a register whose details changed since `expected_version` (the version the user read them at)."""
    new = cadence_from_bands(reg.scheme, months_by_band)
    write_cadence(reg, new, expected_version)
    return Done(new, Changes.of(Kind.CADENCE))


def next_review_after(reg: Register, rating: Rating | None, on: date) -> date | None:
    """The date a review on `on` leaves for the next one, from the band of `rating`."""
    return read_cadence(reg).next_review(reg.scheme, rating.score if rating else None, on)


def band_change(reg: Register, risk: Risk, changes: dict, today: date) -> tuple[dict, str]:
    """When an edit moves a risk into another band, its next review follows the new band's cadence.

    Returns the extra change ({"next_review": date}) and the sentence telling the user; ({}, '') when
    the band stays, or when the edit sets the next review itself.
    """
    if "next_review" in changes or not {"inherent", "residual"} & set(changes):
        return {}, ""
    scheme = reg.scheme
    before = _band(scheme, risk.current)
    after_residual = changes.get("residual", risk.residual)
    after_inherent = changes.get("inherent", risk.inherent)
    rating = after_residual or after_inherent
    after = _band(scheme, rating)
    if rating is None or after is None or before == after:
        return {}, ""
    every = read_cadence(reg).months_for(scheme, scheme.band_for(rating.score))
    assert every is not None  # `after` names a band, and every band has a cadence
    due = read_cadence(reg).next_review(scheme, rating.score, today)
    label = risk.ref or risk.title
    was = f"from {before} " if before else ""
    return ({"next_review": due},
            f"{label} moved {was}to {after}: its next review is now {show(due)} ({after} risks are "
            f"reviewed {describe(every)}).")


def _band(scheme: Scheme, rating: Rating | None) -> str | None:
    band = scheme.band_for(rating.score) if rating else None
    return band.name if band else None
