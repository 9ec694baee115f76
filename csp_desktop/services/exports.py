"""Writing a register out: CSV (one table), XLSX (every table) or JSON (everything, exactly).

Every export chooses its part: "all" marks each exempt row, "public" leaves out every exempt item and
everything that would give one away (actions, mitigations, reviews and notes of exempt items). Which
items are exempt is `domain.exemption`'s one rule.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..domain.exemption import covers, exempt_ids

from ..errors import UserError
from ..files import atomic_write
from ..interchange.contents import Contents
from ..store import Register
from ..store.actions import list_actions, notes_by_action
from ..store.indicators import list_indicators
from ..store.meetings import list_meetings
from ..store.plan import get_plan_info, list_objectives, list_themes, values_by_indicator
from ..store.partners import list_organisations, list_owners, list_priorities
from ..store.risks import list_risks, mitigations_by_risk, reviews_by_risk
from .listing import by_current_score

FORMATS = (".csv", ".xlsx", ".json")
PUBLIC, ALL = "public", "all"
EXPORT_PARTS = (ALL, PUBLIC)


def gather(reg: Register) -> Contents:
    risks = by_current_score(list_risks(reg))
    mitigations, reviews = mitigations_by_risk(reg), reviews_by_risk(reg)
    actions, notes = list_actions(reg), notes_by_action(reg)
    return Contents(
        reg.path.name, scheme=reg.scheme, name=reg.name, organisations=list_organisations(reg),
        owners=list_owners(reg), priorities=list_priorities(reg), meetings=list_meetings(reg), risks=risks,
        mitigations=[m for r in risks for m in mitigations.get(r.id, [])],
        reviews=[v for r in risks for v in reviews.get(r.id, [])], actions=actions,
        notes=[n for a in actions for n in notes.get(a.id, [])], indicators=list_indicators(reg),
        indicator_values=[v for values in values_by_indicator(reg).values() for v in values],
        objectives=list_objectives(reg), themes=list_themes(reg), plan_info=_plan_info(reg))


def _plan_info(reg: Register):
    info = get_plan_info(reg)
    return info if info.start_year or info.title else None


def public_part(contents: Contents) -> Contents:
    """`contents` without any exempt item, nor the mitigations, reviews and notes of one."""
    exempt = exempt_ids(contents.risks, contents.actions, contents.mitigations)

    def keep(items: list) -> list:
        return [item for item in items if not covers(exempt, item)]
    return replace(contents, risks=keep(contents.risks), mitigations=keep(contents.mitigations),
                   reviews=keep(contents.reviews), actions=keep(contents.actions), notes=keep(contents.notes),
                   _index={})


def export_register(reg: Register, out: Path, table: str = "risks", part: str = ALL) -> Path:
    """Write the register to `out`, whose extension names the format; written whole or not at all."""
    out = Path(out)
    if part not in EXPORT_PARTS:
        raise UserError(f"{part!r} is not a part to export (use {' or '.join(EXPORT_PARTS)}).")
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{out.name}: choose a file ending in {', '.join(FORMATS)} to export to.")
    if not out.parent.is_dir():
        raise UserError(f"There is no folder {out.parent} to export into.")
    contents = gather(reg) if part == ALL else public_part(gather(reg))
    _write_atomically(out, lambda tmp: _write(contents, tmp, suffix, table))
    return out


def _write(contents: Contents, path: Path, suffix: str, table: str) -> None:
    if suffix == ".json":
        from ..interchange.register_json import to_json
        path.write_text(to_json(contents), encoding="utf-8")
    elif suffix == ".xlsx":
        from ..interchange.writers import write_xlsx
        write_xlsx(contents, path)
    else:
        from ..interchange.writers import write_csv
        write_csv(contents, path, table)


def _write_atomically(out: Path, write) -> None:
    """A half-written export never replaces a good file: write beside it, then rename."""
    try:
        atomic_write(out, write)
    except OSError as exc:
        raise UserError(f"{out.name} could not be written ({exc.strerror or exc}).") from exc
