"""Importing a corpus register into a fresh register and describing the result in plain values."""
from datetime import date
from pathlib import Path

from csp_desktop.services.cadence import cadence
from csp_desktop.services.imports import import_file
from csp_desktop.store import Register
from csp_desktop.store.actions import list_actions
from csp_desktop.store.indicators import list_indicators
from csp_desktop.store.partners import list_priorities
from csp_desktop.store.risks import list_risks, mitigations_by_risk

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "registers"


def _levels(rating):
    return (rating.likelihood, rating.impact) if rating else None


def _next_review(reg, risk) -> str | None:
    """A date the import set from the band's review cycle (the file gave none) reads "today + cycle",
    so the expectations hold on any day; a date the file gave reads as itself."""
    if risk.next_review is None:
        return None
    rating = risk.residual or risk.inherent
    if risk.next_review == cadence(reg).next_review(reg.scheme, rating.score if rating else None, date.today()):
        return "today + cycle"
    return risk.next_review.isoformat()


def imported(tmp_path, name: str, **options) -> dict:
    """Import one corpus file into a new register; return what the register then holds."""
    with Register.create(tmp_path / f"{Path(name).stem}.cspreg", "Corpus") as reg:
        result = import_file(reg, CORPUS / name, **options)
        risks = sorted(list_risks(reg), key=lambda r: r.ref)
        refs: dict[str | None, str] = {r.id: r.ref for r in risks}  # looked up by optional ids
        mitigations = mitigations_by_risk(reg)
        priorities: dict[str | None, tuple[str, str]] = {p.id: (p.ref, p.title) for p in list_priorities(reg)}
        return {
            "scheme": (reg.scheme.likelihood_labels, reg.scheme.impact_labels),
            "risks": [(r.ref, r.title, r.category, r.status, r.owner_name, priorities.get(r.priority_id),
                       _levels(r.inherent), _levels(r.residual), _levels(r.target),
                       _next_review(reg, r)) for r in risks],
            "descriptions": {r.ref: r.description for r in risks if r.description},
            "mitigations": {r.ref: [(m.description, m.owner_name) for m in mitigations.get(r.id, [])]
                            for r in risks if mitigations.get(r.id)},
            "actions": [(refs.get(a.risk_id), a.title, a.owner_name, a.due.isoformat() if a.due else None,
                         a.due_text, a.status, a.status_reported, a.progress, priorities.get(a.priority_id))
                        for a in sorted(list_actions(reg), key=lambda a: a.ref)],
            "priorities": sorted((p.ref, p.title, p.lead_agency) for p in list_priorities(reg)),
            "indicators": [(i.title, i.target, i.latest, i.latest_label) for i in list_indicators(reg)],
            "warnings": [str(w) for w in result.warnings],
            "scale": result.scale_note,
        }
