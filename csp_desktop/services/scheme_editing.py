"""Changing a register's scoring scheme without stranding any score outside the matrix."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..domain.backup_policy import MATRIX
from ..domain.model import Review
from ..domain.remap import Remap
from ..domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from ..errors import UserError
from ..store import Register, records
from ..store.risks import (get_risk, list_risks, mitigations_by_risk, record_review, reviews_for, save_mitigation,
                           save_risk)
from ..store.rows import review_row
from .backups import make_backup
from .changes import Changes, Done, Kind

RATED = ("inherent", "residual", "target")

MAX_NAMED = 5  # risks named in the refusal before "and N more"


def risks_outside(reg: Register, scheme: Scheme) -> list[str]:
    """The refs (or titles) of risks with a score, or a mitigation's expected score, the scheme cannot hold."""
    mitigations = mitigations_by_risk(reg)
    outside = []
    for risk in list_risks(reg):
        ratings = [risk.inherent, risk.residual, risk.target]
        ratings += [m.expected for m in mitigations.get(risk.id, [])]
        if not all(scheme.fits(r) for r in ratings):
            outside.append(risk.ref or risk.title)
    return outside


def describe_refusal(scheme: Scheme, names: list[str]) -> str:
    shown = ", ".join(names[:MAX_NAMED])
    more = f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else ""
    which = "risk uses" if len(names) == 1 else "risks use"
    return (f"The matrix cannot shrink to {scheme.size}: {len(names)} {which} a higher level "
            f"({shown}{more}); re-score them first.")


def apply_scheme(reg: Register, scheme: Scheme, expected_version: int | None = None) -> Done[Scheme]:
    """Store a new scheme, refusing one too small for the scores already recorded, or a register whose details
    changed since `expected_version` (the version the user read them at); the value is the old scheme."""
    names = risks_outside(reg, scheme)
    if names:
        raise UserError(describe_refusal(scheme, names))
    old = reg.scheme
    if scheme == old:
        return Done(old, Changes())
    reg.check_info_version(expected_version)  # before the backup: a refused change leaves nothing behind
    make_backup(reg, MATRIX)
    reg.set_scheme(scheme, expected_version)
    return Done(old, Changes.of(Kind.SCHEME))


# -- re-mapping onto a smaller matrix -----------------------------------------------------------------

@dataclass(frozen=True)
class Rescored:
    """One risk whose scores the mapping changes: its ref and each changed score, old -> new."""
    risk_id: str
    label: str
    changes: tuple[tuple[str, Rating | None, Rating | None], ...]


@dataclass
class RemapDone:
    """What undo needs: the old scheme, every score as it was, and the reviews recorded."""
    old_scheme: Scheme
    risks: list[tuple[str, dict]] = field(default_factory=list)         # risk id, old ratings
    mitigations: list[tuple[str, str, Rating | None]] = field(default_factory=list)  # risk, mitigation, old
    reviews: list[Review] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        """The scheme, and the risks, mitigations and reviews the re-mapping re-scored (or recorded)."""
        kinds = [Kind.SCHEME] + [Kind.RISKS, Kind.REVIEWS] * bool(self.risks)
        kinds += [Kind.MITIGATIONS] * bool(self.mitigations)
        return Changes.of(*kinds, ids=(*(risk_id for risk_id, _ in self.risks), *(m for _, m, _ in self.mitigations),
                                       *(r.id for r in self.reviews)))


def rescored(reg: Register, remap: Remap) -> list[Rescored]:
    """The risks whose inherent, residual, target or mitigations' expected scores the mapping changes."""
    mitigations = mitigations_by_risk(reg)
    found = []
    for risk in list_risks(reg):
        changes = [(name, getattr(risk, name), remap.rating(getattr(risk, name))) for name in RATED]
        changes += [("expected", m.expected, remap.rating(m.expected)) for m in mitigations.get(risk.id, [])]
        changed = tuple(c for c in changes if c[1] != c[2])
        if changed:
            found.append(Rescored(risk.id, risk.ref or risk.title, changed))
    return found


def apply_scheme_remapped(reg: Register, scheme: Scheme, remap: Remap, *, on: date, reviewer: str,
                          expected_version: int | None = None) -> Done[RemapDone]:
    """Change the matrix and move every score with `remap`, recording a review on each re-scored risk;
    all in one transaction (after a backup). Returns what `undo_remap` needs. Refused, like apply_scheme,
    if the register's details changed since `expected_version`."""
    remap.check(scheme)
    reg.check_info_version(expected_version)
    old = reg.scheme
    done = RemapDone(old)
    note = (f"Re-scored when the matrix changed from {old.size} to {scheme.size} "
            f"(likelihood {remap.describe(LIKELIHOOD)}; impact {remap.describe(IMPACT)}).")
    make_backup(reg, MATRIX)
    with reg.transaction():
        reg.set_scheme(scheme, expected_version)
        for item in rescored(reg, remap):
            risk = get_risk(reg, item.risk_id)
            done.risks.append((risk.id, {name: getattr(risk, name) for name in RATED}))
            for mitigation in mitigations_by_risk(reg).get(risk.id, []):
                if remap.rating(mitigation.expected) != mitigation.expected:
                    done.mitigations.append((risk.id, mitigation.id, mitigation.expected))
                    mitigation.expected = remap.rating(mitigation.expected)
                    save_mitigation(reg, mitigation)
            for name in RATED:
                setattr(risk, name, remap.rating(getattr(risk, name)))
            save_risk(reg, risk)
            risk = get_risk(reg, risk.id)
            done.reviews.append(record_review(reg, risk, risk.residual, on=on, reviewer=reviewer, note=note))
    return Done(done, done.changes)


def undo_remap(reg: Register, done: RemapDone) -> Changes:
    """Put the old matrix, every old score back and take away the reviews the re-mapping recorded."""
    with reg.transaction():
        reg.set_scheme(done.old_scheme)
        for review in done.reviews:
            stored = [r for r in reviews_for(reg, review.risk_id) if r.id == review.id]
            if stored:
                records.remove(reg, "reviews", stored[0])
        for risk_id, ratings in done.risks:
            risk = get_risk(reg, risk_id)
            for name, value in ratings.items():
                setattr(risk, name, value)
            save_risk(reg, risk)
        for risk_id, mitigation_id, expected in done.mitigations:
            for mitigation in mitigations_by_risk(reg).get(risk_id, []):
                if mitigation.id == mitigation_id:
                    mitigation.expected = expected
                    save_mitigation(reg, mitigation)
    return done.changes


def redo_remap(reg: Register, done: RemapDone, scheme: Scheme, remap: Remap) -> Changes:
    """Redo: the same reviews back (same ids) and the scores moved again."""
    with reg.transaction():
        reg.set_scheme(scheme)
        for risk_id, ratings in done.risks:
            risk = get_risk(reg, risk_id)
            for name, value in ratings.items():
                setattr(risk, name, remap.rating(value))
            save_risk(reg, risk)
        for risk_id, mitigation_id, expected in done.mitigations:
            for mitigation in mitigations_by_risk(reg).get(risk_id, []):
                if mitigation.id == mitigation_id:
                    mitigation.expected = remap.rating(expected)
                    save_mitigation(reg, mitigation)
        for review in done.reviews:
            records.add(reg, "reviews", review, review_row(review))
    return done.changes
