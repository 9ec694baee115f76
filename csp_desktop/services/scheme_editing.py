"""Changing a register's scoring scheme without stranding any score outside the matrix."""
from __future__ import annotations

from ..domain.backup_policy import MATRIX
from ..domain.scoring import Scheme
from ..errors import UserError
from ..store import Register
from ..store.risks import list_risks, mitigations_by_risk
from .backups import make_backup

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


def apply_scheme(reg: Register, scheme: Scheme) -> Scheme:
    """Store a new scheme, refusing one too small for the scores already recorded; returns the old one."""
    names = risks_outside(reg, scheme)
    if names:
        raise UserError(describe_refusal(scheme, names))
    old = reg.scheme
    make_backup(reg, MATRIX)
    reg.set_scheme(scheme)
    return old
