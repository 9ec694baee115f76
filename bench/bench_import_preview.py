"""The import preview of a 10,000-row workbook: how long until it is shown (sheets, columns and first
rows), until every row has been checked (counts, problems, Import enabled), and the longest the GUI
thread stalls meanwhile (targets: shown under 2 s, and no stall over 100 ms).

Run from the repository root:  python bench/bench_import_preview.py [--rows 10000] [--repeat 3] [--in-thread]
The stall is the longest gap between ticks of a 5 ms timer on the GUI thread. The preview reads and
checks the file in a child process; --in-thread also measures the old way (both on the worker thread),
each repeat running the two ways in turn so that both meet the same load on a shared machine. The baseline, measured
in the same run, is reading the same workbook's cells alone (interchange.tables.read_tables), the floor
any preview pays before it can show anything.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from typing import Any, Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from csp_desktop.interchange.tables import read_tables  # noqa: E402
from csp_desktop.store import Register  # noqa: E402
from csp_desktop.ui.imports.preview_dialog import PreviewDialog  # noqa: E402
from csp_desktop.ui.shell.qt_workarounds import apply_workarounds  # noqa: E402

LEVELS = ("Low", "Medium", "High")


def make_workbook(path: Path, rows: int) -> None:
    """A council-style workbook: a cover sheet, the risks, their actions and the priorities."""
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    cover = book.create_sheet("Cover")
    cover.append(["Strategic risk register"])
    cover.append(["Community Safety Partnership"])
    risks = book.create_sheet("Risks")
    risks.append(["Risk register 2026/27"])
    risks.append(["Ref", "Risk", "Likelihood", "Impact", "Residual likelihood", "Residual impact",
                  "Key controls", "Risk owner", "Next review"])
    for n in range(rows):
        risks.append([f"R{n}", f"Risk number {n} about community safety", LEVELS[n % 3], LEVELS[(n + 1) % 3],
                      LEVELS[(n + 2) % 3], LEVELS[n % 3], f"Control {n}", f"Owner {n % 40}", "31/03/2027"])
    actions = book.create_sheet("Actions")
    actions.append(["Action", "Lead", "Due", "Status"])
    for n in range(200):
        actions.append([f"Action {n}", f"Owner {n % 40}", "31/03/2027", "On track"])
    priorities = book.create_sheet("Priorities")
    priorities.append(["Priority", "Title", "Lead agency"])
    for n in range(5):
        priorities.append([f"P{n}", f"Priority {n}", "Police"])
    book.save(path)


def in_thread(p) -> None:
    """The preview's two parts run on the worker thread, sharing this process's interpreter lock."""
    def build(register, file, choices=None, *, on_read=None, progress=None, cancelled=None):
        preview = p.read_preview(register, file, choices)
        on_read(preview)
        return p.check_preview(register, preview)
    p.build_preview_apart = build


@contextlib.contextmanager
def patched(patch):
    from csp_desktop.services import import_preview as p
    original = p.build_preview_apart
    if patch is not None:
        patch(p)
    try:
        yield
    finally:
        p.build_preview_apart = original


def measure(app, register: Path, file: Path) -> tuple[float, float, float]:
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    dialog = PreviewDialog(register, file)
    dialog.show()
    while dialog.preview is None:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()  # the table painted with the preview
    shown = time.perf_counter() - start
    while not dialog.preview.checked or not dialog.status.isHidden():
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    checked = time.perf_counter() - start
    tick()
    timer.stop()
    dialog.done(0)
    dialog.deleteLater()
    app.processEvents()
    return shown, checked, max(gaps)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--in-thread", action="store_true",
                        help="also measure the old way (read and check on the worker thread), in turn with the new")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    apply_workarounds()  # as the app's start-up does: PySide6 6.12 drops references to None and True
    ways: dict[str, Callable[[Any], None] | None] = {"child process": None}
    if args.in_thread:
        ways["worker thread"] = in_thread
    with tempfile.TemporaryDirectory() as folder:
        file, register = Path(folder) / "council.xlsx", Path(folder) / "r.cspreg"
        make_workbook(file, args.rows)
        Register.create(register, "Bench").close()
        base: list[float] = []
        runs: dict[str, list[tuple[float, float, float]]] = {way: [] for way in ways}
        for _ in range(args.repeat):  # the ways in turn, so both meet the same load on a shared machine
            t = time.perf_counter()
            read_tables(file)
            base.append(time.perf_counter() - t)
            for way, patch in ways.items():
                with patched(patch):
                    runs[way].append(measure(app, register, file))
    b = statistics.median(base)
    print(f"{'rows':>7} {'read and checked in':>20} {'read cells (s)':>15} {'preview shown (s)':>18} {'ratio':>6} "
          f"{'all rows checked (s)':>21} {'GUI stall median (ms)':>22} {'worst (ms)':>11}")
    for way, measured in runs.items():
        shown, checked, stall = (statistics.median(x) for x in zip(*measured))
        print(f"{args.rows:>7} {way:>20} {b:>15.2f} {shown:>18.2f} {shown / b:>6.1f} {checked:>21.2f} "
              f"{stall * 1000:>22.0f} {max(m[2] for m in measured) * 1000:>11.0f}")
        print(f"{'':>7} {'':>20} stalls of each run (ms): {', '.join(f'{m[2] * 1000:.0f}' for m in measured)}; "
              f"worst shown {max(m[0] for m in measured):.2f} s")
    shown, _, stall = (statistics.median(x) for x in zip(*runs["child process"]))
    print(f"targets (child process, medians of {args.repeat}): shown < 2 s: {'met' if shown < 2 else 'NOT MET'}; "
          f"stall < 100 ms: {'met' if stall < 0.1 else 'NOT MET'}")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    # PySide6 may crash while the interpreter tears down a QApplication that ran many dialogs
    # ("none_dealloc" in its garbage collection); the measurements are printed by then.
    os._exit(0)
