"""The proof that no exempt item leaks: random registers, their Part I and Part II packs and a public export.

For each register (random exempt flags on risks and actions, actions on exempt risks and on their
mitigations, reviews and notes, an issued previous meeting, an issued pack, flags changed after issue):
- no token of an exempt item reaches the Part I pack: not its extracted text, the strings its content
  streams show, its metadata, bookmarks, annotations, nor any decompressed stream or byte of the file;
- nor the public export (JSON, XLSX unzipped, or a CSV table);
- the Part I pack of a register is exactly the pack of the same register with its exempt items deleted,
  so no count (summary, heat map, contents) changes with them;
- the Part II pack holds every exempt item, and Part I every public one (so the scans can see text).
What is exempt is the test's own oracle (tests/exempt_registers.py), not the product's rule.

`pytest -m stress tests/services/test_no_exempt_leaks.py -s` runs 1,000 registers and prints the tally.
"""
from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from csp_desktop.services.packs import PackOptions, build_pack
from tests.exempt_registers import (EXPORTS, SCRATCH, Plan, World, build, file_text, leaks_in_file, pack,
                                    pdf_surfaces, plans, public_export, twin)

TODAY = date.today()
STRESS_REGISTERS = 1000


def check(plan: Plan, tally: dict) -> None:
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        world = build(plan, Path(folder), TODAY)
        try:
            problems = _check_packs(world, plan, tally) + _check_export(world, plan, tally)
        finally:
            world.reg.close()
    tally["registers"] += 1
    tally["leaks"] += len([p for p in problems if p[0] == "leak"])
    assert problems == [], problems


def _check_packs(world: World, plan: Plan, tally: dict) -> list:
    # A rebuilt issued pack withholds what was exempt then or is exempt now; a fresh one what is exempt now.
    exempt = world.exempt("either" if plan.issue_this else "now")
    secret = {token for item in exempt for token in item.tokens}
    ids = {item.id for item in exempt}
    part1, part2 = pack(world, "public", TODAY), pack(world, "exempt", TODAY)
    tally["packs"] += 2
    public, private = pdf_surfaces(part1), pdf_surfaces(part2, extract=False)
    # (what, which file, the token, where it was found or what kind of item it names)
    problems: list[tuple[str, str, str, list[str] | str]] = [
        ("leak", part1.name, token, where) for token in sorted(secret) if (where := public.where(token))]
    seen = public.where(world.marker)  # a public token every scan must find, or the scans prove nothing
    problems += [("unseen", part1.name, world.marker, s)
                 for s in ("text", "strings", "metadata", "raw") if s not in seen]
    for item in world.risks + world.actions:
        if item.kind == "risk" and not item.open:
            continue  # closed risks are in neither part
        shown, wanted = (private, "strings") if item.id in ids else (public, "text")
        if item.title_token not in getattr(shown, wanted):
            problems.append(("missing", part2.name if item.id in ids else part1.name, item.title_token, item.kind))
    if not (plan.issue_this or plan.issue_last):
        problems += _check_twin(world, public, tally)
    return problems


def _check_twin(world: World, public, tally: dict) -> list:
    """Part I equals the pack of the register with every exempt item deleted: no count gives one away."""
    reg = twin(world)
    try:
        out = world.folder / "twin.pdf"
        build_pack(reg, out, PackOptions(meeting_id=world.this), TODAY)
    finally:
        reg.close()
    tally["packs"] += 1
    alone = pdf_surfaces(out, extract=False)
    if alone.contents == public.contents:
        return []
    return [("leak", "public.pdf", "differs from the pack without exempt items", _first_difference(public, alone))]


def _first_difference(a, b) -> str:
    for page, (x, y) in enumerate(zip(a.contents, b.contents), start=1):
        if x != y:
            at = next(i for i, (p, q) in enumerate(zip(x, y)) if p != q) if len(x) == len(y) else 0
            return f"page {page}: {x[max(at - 80, 0):at + 80]!r} vs {y[max(at - 80, 0):at + 80]!r}"
    return f"{len(a.contents)} pages vs {len(b.contents)}"


def _check_export(world: World, plan: Plan, tally: dict) -> list:
    out = public_export(world, plan.export)
    tally["exports"] += 1
    problems: list[tuple[str, str, str, list[str] | str]] = [("leak", *found)
                                                            for found in leaks_in_file(out, world.secrets("now"))]
    text, table = file_text(out), EXPORTS[plan.export][1]
    gone = {item.id for item in world.exempt("now")}
    for item in world.risks + world.actions:
        if item.id not in gone and (out.suffix != ".csv" or table == f"{item.kind}s") and item.title_token not in text:
            problems.append(("missing", out.name, item.title_token, item.kind))
    return problems


def _tally() -> dict:
    return {"registers": 0, "packs": 0, "exports": 0, "leaks": 0}


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(plan=plans())
def test_no_exempt_item_leaks_from_a_few_random_registers(plan):
    check(plan, _tally())


@pytest.mark.stress
def test_no_exempt_item_leaks_from_a_thousand_random_registers(capsys):
    tally = _tally()
    started = time.perf_counter()

    @settings(max_examples=STRESS_REGISTERS, deadline=None, suppress_health_check=list(HealthCheck),
              database=None)
    @given(plan=plans())
    def run(plan):
        check(plan, tally)
    run()
    with capsys.disabled():
        print(f"\nexempt leak proof: {tally['registers']} random registers, {tally['packs']} packs and "
              f"{tally['exports']} public exports built, {tally['leaks']} leaks, "
              f"{time.perf_counter() - started:.0f} s")
    assert tally["registers"] >= STRESS_REGISTERS and tally["leaks"] == 0
