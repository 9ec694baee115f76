"""Benchmark: the quarterly update round over a 5,000-risk register with 30 owners.

    /work/venv/bin/python bench/bench_updates.py [--risks 5000] [--owners 30] [--repeat 3]

Steps: send one workbook per owner; edit a few cells in each with openpyxl (as an owner would);
receive all the returns with --accept-all. Baselines measured in the same run: openpyxl writing the
same rows as plain values (no styles, protection or validation), and openpyxl reading each return
read-only. Targets: send < 10 s, receive all < 15 s, peak memory < 500 MB. Prints medians.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from typing import Callable, TypeVar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook, load_workbook  # noqa: E402

from csp_desktop.domain.model import new_id  # noqa: E402
from csp_desktop.services import updates  # noqa: E402
from csp_desktop.store import Register  # noqa: E402

TARGETS = {"send": 10.0, "receive": 15.0}
MEMORY_TARGET_MB = 500
T = TypeVar("T")


def build(path: Path, risks: int, owners: int) -> None:
    reg = Register.create(path, "Bench Partnership")
    owner_ids = [new_id() for _ in range(owners)]
    risk_ids = [new_id() for _ in range(risks)]
    with reg.transaction():
        reg.insert_many("owners", ({"id": o, "name": f"Owner {n:02d} Ŵ&<>"} for n, o in enumerate(owner_ids)))
        reg.insert_many("risks", ({"id": r, "ref": f"R-{n}", "title": f"Risk {n}: {'cause and effect ' * 4}",
                                   "owner_id": owner_ids[n % owners], "inherent_likelihood": 4, "inherent_impact": 4,
                                   "residual_likelihood": 1 + n % 5, "residual_impact": 1 + (n // 5) % 5}
                                  for n, r in enumerate(risk_ids)))
        reg.insert_many("mitigations", ({"risk_id": r, "description": f"Control for risk {n}",
                                         "owner_id": owner_ids[(n + 1) % owners]} for n, r in enumerate(risk_ids)))
        reg.insert_many("actions", ({"ref": f"A-{n}", "title": f"Action {n}", "owner_id": owner_ids[n % owners],
                                     "risk_id": risk_ids[n % risks], "due": "2026-12-31",
                                     "status": "in progress", "progress": "Started"} for n in range(2 * risks)))
    reg.close()


def edit_returns(files: list[Path], folder: Path) -> list[Path]:
    """A few cells per workbook: two re-scores, a commentary, a status and a progress update."""
    folder.mkdir()
    edited = []
    for path in files:
        wb = load_workbook(path)
        risks, actions = wb["Risks"], wb["Actions"]
        risks["G3"], risks["H3"], risks["I3"] = "Likely", "Major", "Worse this quarter"
        risks["G4"] = "Rare"
        actions["G3"], actions["H4"] = "complete", "Done the training"
        out = folder / path.name
        wb.save(out)
        edited.append(out)
    return edited


def plain_write(rows: int, folder: Path) -> None:
    """Baseline: the same number of rows as values only, three sheets, no styles or validation."""
    wb = Workbook()
    for sheet in ("Risks", "Mitigations", "Actions"):
        ws = wb.create_sheet(sheet)
        for n in range(rows):
            ws.append([f"R-{n}", "Risk title " * 4, "Possible", "Major", 12, "• Control", None, None, None,
                       new_id(), 1])
    wb.save(folder / f"plain-{new_id()}.xlsx")


def plain_read(path: Path) -> None:
    wb = load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    wb.close()


def timed(action: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def one_run(base: Path, work: Path, risks: int, owners: int) -> dict:
    register = work / "register.cspreg"
    shutil.copy(base, register)
    reg = Register.open(register)
    try:
        send_s, sent = timed(lambda: updates.send_round(reg, work / "out"))
        files = [f.path for f in sent.files]
        edit_s, edited = timed(lambda: edit_returns(files, work / "back"))
        receive_s, receipts = timed(lambda: [updates.receive(reg, p, accept_all=True) for p in edited])
    finally:
        reg.close()
    applied = sum(len(r.applied.applied) for r in receipts if r.applied)
    rows_per_book = (risks * 4) // owners  # risks + mitigations + 2 actions, per owner

    def write_three() -> None:
        for _ in range(3):
            plain_write(rows_per_book // 3, work)

    def read_three() -> None:
        for path in edited[:3]:
            plain_read(path)

    plain_w, _ = timed(write_three)
    plain_r, _ = timed(read_three)
    return {"send": send_s, "edit": edit_s, "receive": receive_s, "workbooks": len(files), "applied": applied,
            "plain_write_per_book": plain_w / 3, "plain_read_per_book": plain_r / 3,
            "size_kb": statistics.mean(p.stat().st_size for p in files) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=5000)
    parser.add_argument("--owners", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        build_s, _ = timed(lambda: build(tmp / "base.cspreg", args.risks, args.owners))
        runs = []
        for n in range(args.repeat):
            (tmp / f"run{n}").mkdir()
            runs.append(one_run(tmp / "base.cspreg", tmp / f"run{n}", args.risks, args.owners))
    report(runs, args, build_s)


def report(runs: list[dict], args, build_s: float) -> None:
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    books = med["workbooks"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nUpdate round: {args.risks:,} risks, {args.owners} owners, {books:.0f} workbooks of "
          f"{med['size_kb']:.0f} KB, median of {len(runs)} run(s); register built in {build_s:.1f} s\n")
    print(f"{'step':<28}{'total s':>9}{'per book s':>12}{'baseline/book s':>17}{'ratio':>8}{'target s':>10}")
    lines = [("send (write + record)", med["send"], med["plain_write_per_book"], TARGETS["send"]),
             ("owner edits (openpyxl)", med["edit"], None, None),
             ("receive all, --accept-all", med["receive"], med["plain_read_per_book"], TARGETS["receive"])]
    for name, total, baseline, target in lines:
        per = total / books
        ratio = f"{per / baseline:>8.1f}" if baseline else f"{'':>8}"
        base = f"{baseline:>17.3f}" if baseline else f"{'':>17}"
        aim = f"{target:>10.0f}" if target else f"{'':>10}"
        print(f"{name:<28}{total:>9.2f}{per:>12.3f}{base}{ratio}{aim}")
    print(f"\nchanges applied per run: {med['applied']:.0f}; peak memory (max RSS): {peak_mb:.0f} MB "
          f"(target < {MEMORY_TARGET_MB} MB)")
    print("baselines: openpyxl writing the same rows as plain values; openpyxl read-only reading a return")


if __name__ == "__main__":
    main()
