"""Benchmark the desktop app on big synthetic registers. One command, prints a table:

    /work/venv/bin/python bench/bench_app.py            # 10,000 and 100,000 risks
    /work/venv/bin/python bench/bench_app.py --sizes 10000 --runs 5

Measures, per register size, against a bare PySide6 QApplication + empty QMainWindow measured in the
same run: process start to the painted main window (subprocess, median of N; with --code also through the
program, `csp-desktop open PATH`, whose command line may load first), and to the risks
listed; the longest the GUI thread stalled while the register loaded; filter keystroke to updated
view; sort of every column; editing one field of one risk in the risks editor, from the edit to the
repainted row; peak memory (maxrss of the child).

`--code DIR` runs the same measurements against another checkout of csp_desktop (say, main before a
change, unpacked with `git archive`), so before and after come from one run on one machine.

Starts run from compiled bytecode, as an installed app does (pip and PyInstaller compile it), made first
into each checkout's __pycache__ folders (git ignores them) even where PYTHONDONTWRITEBYTECODE is set.
`--no-bytecode` compiles csp_desktop from source at every start instead (~15-25 ms more).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path[:0] = [os.environ.get("BENCH_CODE", str(ROOT)), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from child_start import until  # noqa: E402
from in_window import window_on  # noqa: E402

TARGETS = {"start": 2.0, "ratio": 1.5, "filter": 0.050, "sort": 0.100, "edit": 0.050, "rss": 300}
EDITS = 15  # one-field edits timed per register (median and worst reported)
BYTECODE: dict[str, Any] = {"use": True, "compiled": set()}


# -- children: one process start each ---------------------------------------------------------------

def child(mode: str, path: str | None) -> None:
    """Started by the parent; prints 'painted=<s> listed=<s> stall=<s> rss_mb=<MB>' and exits."""
    start = float(os.environ["BENCH_T0"])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    marks: dict[str, float] = {}

    def mark() -> None:
        if "painted" not in marks:
            marks["painted"] = time.time() - start
            marks["cpu"] = time.process_time()  # this process's own work: steadier than the clock on a busy machine

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "painted" not in marks:
                QTimer.singleShot(0, mark)
            return False

    # Watching the window alone: a filter on the whole application would hand every event of every widget
    # to Python, making a wrapper for each, which slows a window of many widgets (~25 ms) but not the app.
    spy = FirstPaint()
    if mode == "bare":
        window = QMainWindow()
        window.installEventFilter(spy)
        window.show()
        _until(app, lambda: "painted" in marks)
        marks["listed"] = marks["painted"]
    elif mode == "program":
        assert path is not None  # only "bare" opens no register
        _run_program(app, Path(path), spy, marks)
        marks["listed"] = marks["painted"]
    else:
        assert path is not None
        window = _app_window(Path(path), spy)
        _until(app, lambda: "painted" in marks)
        _watch_stalls(app, window, marks, start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"painted={marks['painted']:.4f} listed={marks['listed']:.4f} stall={marks.get('stall', 0):.4f} "
          f"cpu={marks['cpu']:.4f} rss_mb={rss:.1f}", flush=True)
    if mode == "program":
        os._exit(0)  # the app's own loading may still be running on its pool: no teardown to wait for


def _app_window(path: Path, spy):
    """The app as `csp-desktop open PATH` starts it: window shown first, register opened once it runs."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from csp_desktop.ui.shell.main_window import MainWindow
    QApplication.setApplicationName("CSP Desktop bench")
    settings = QSettings(str(Path(os.environ["BENCH_HOME"]) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.show()
    window.open_after_paint(path)
    # Installed last, so it sees the first paint before any filter of the window's own (older checkouts
    # opened the register from one) queues its work; show() only asks for the paint.
    window.installEventFilter(spy)
    return window


def _run_program(app, path: Path, spy, marks) -> None:
    """`csp-desktop open PATH` as the user starts it, through the program's entry point (the command line's in
    checkouts older than csp_desktop.start), until its window has painted."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    def exec_until_painted(*_args) -> int:  # the app's event loop, left once the window has painted
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        window.installEventFilter(spy)
        _until(app, lambda: "painted" in marks)
        return 0

    QApplication.exec = exec_until_painted  # type: ignore[method-assign]  # the bench stands in for the event loop
    sys.argv = ["csp-desktop", "open", str(path)]
    try:
        from csp_desktop.start import main
    except ImportError:
        from csp_desktop.cli import main
    try:
        main()
    except SystemExit:
        pass


def _watch_stalls(app, window, marks, start) -> None:
    """Run until the risks are listed, noting the longest gap between event-loop turns (a frozen window)."""
    from PySide6.QtCore import QTimer
    last = [time.perf_counter()]
    worst = [0.0]

    def tick():
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    _until(app, lambda: window.data is not None and window.data.listing is not None)
    app.processEvents()
    marks["listed"] = time.time() - start
    marks["stall"] = worst[0]
    timer.stop()


def _until(app, done) -> None:
    until(app, done, nap=0.001)  # the nap leaves the CPU to the worker loading the register


# -- the parent -----------------------------------------------------------------------------------------

def start_once(mode: str, path: Path | None, home: Path, code: Path = ROOT) -> dict:
    env = dict(os.environ, BENCH_HOME=str(home), XDG_CONFIG_HOME=str(home), XDG_DATA_HOME=str(home),
               PYTHONPATH=str(code), BENCH_CODE=str(code))
    if BYTECODE["use"]:
        _compile(code)
    else:
        _uncompile(code)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["BENCH_T0"] = repr(time.time())
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path or "")], env=env, check=True,
                         capture_output=True, text=True).stdout
    line = [row for row in out.splitlines() if row.startswith("painted=")][-1]
    return {key: float(value) for key, value in (part.split("=") for part in line.split())}


def _compile(code: Path) -> None:
    """Bytecode for `code`'s csp_desktop (a cache folder beside each module, as installing makes), once a run."""
    if code not in BYTECODE["compiled"]:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "csp_desktop")], check=True)
        BYTECODE["compiled"].add(code)


def _uncompile(code: Path) -> None:
    """No bytecode for `code`'s csp_desktop: each start compiles it from source."""
    if code not in BYTECODE["compiled"]:
        for folder in (code / "csp_desktop").rglob("__pycache__"):
            shutil.rmtree(folder)
        BYTECODE["compiled"].add(code)


def starts(mode: str, path: Path | None, runs: int, home: Path, code: Path = ROOT) -> dict:
    results = [start_once(mode, path, home, code) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]} | {
        "rss_max": max(r["rss_mb"] for r in results)}


def interaction(path: Path) -> dict:
    """Filter keystrokes and column sorts in this process, on the real window, timed to a repainted view."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    with window_on(path) as (app, window):
        window.nav.setCurrentRow(1)
        view = window.page("Risks")
        app.processEvents()

        def settled(action) -> float:
            t0 = time.perf_counter()
            action()
            app.processEvents()
            view.table.viewport().repaint()
            return time.perf_counter() - t0

        keys = [settled(lambda ch=ch: QTest.keyClick(view.search, ch)) for ch in "county li"]
        keys += [settled(lambda: QTest.keyClick(view.search, Qt.Key.Key_Backspace)) for _ in range(9)]
        sorts = []
        for column in range(view.model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                sorts.append(settled(lambda c=column, o=order: view.table.sortByColumn(c, o)))
        edits = [edit_one_field(app, view, n) for n in range(EDITS)]
        rows = view.model.rowCount()
    return {"rows": rows, "filter_median": statistics.median(keys), "filter_max": max(keys),
            "sort_median": statistics.median(sorts), "sort_max": max(sorts),
            "edit_median": statistics.median(edits), "edit_max": max(edits)}


def edit_one_field(app, view, n: int) -> float:
    """Type a new title for one risk in the editor (as the details form reports it) and time it until the
    table's row shows the new title, repainted. Whatever the app does meanwhile (re-reading one row or
    every risk, on this thread or the worker) is inside the time."""
    from PySide6.QtCore import Qt
    shown_rows = [r for r in view.model.rows if r.risk.status != "closed"]  # closed risks are hidden by default
    row = shown_rows[(n * 997) % len(shown_rows)]
    view.select_risk(row.risk.id)
    app.processEvents()
    title = f"Edited title {n} {time.perf_counter_ns()}"
    risk_id = row.risk.id

    def shown() -> bool:
        proxy_row = view.proxy.proxy_row_of(risk_id)
        return proxy_row is not None and view.proxy.index(proxy_row, 1).data(Qt.ItemDataRole.DisplayRole) == title

    t0 = time.perf_counter()
    view.editor.details.edited.emit("title", title)
    while not shown():
        app.processEvents()
        if time.perf_counter() - t0 > 30:
            raise SystemExit("the edited row never showed its new title")
    app.processEvents()  # whatever else the edit set going on this thread (the editor panel, counts)
    view.table.viewport().repaint(_row_rect(view, risk_id))  # what Qt repaints for one changed row
    return time.perf_counter() - t0


def _row_rect(view, risk_id: str):
    row = view.proxy.proxy_row_of(risk_id)
    first, last = view.proxy.index(row, 0), view.proxy.index(row, view.proxy.columnCount() - 1)
    return view.table.visualRect(first).united(view.table.visualRect(last))


def register_of(risks: int, code: Path = ROOT, label: str = "") -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"synthetic-{risks}{'-' + label if label else ''}.cspreg"
    if not path.exists():
        t0 = time.perf_counter()
        script = f"from synthetic import build; build({str(path)!r}, {risks}, {risks * 5})"
        subprocess.run([sys.executable, "-c", script],
                       env=dict(os.environ, PYTHONPATH=os.pathsep.join((str(code), str(HERE)))), check=True,
                       cwd=HERE)  # not the repository root, whose csp_desktop would come first
        print(f"built {path.name}: {risks:,} risks, {risks * 5:,} actions in {time.perf_counter() - t0:.1f} s",
              flush=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, help="Also measure the csp_desktop in this checkout (the 'before').")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="Compile csp_desktop from source at every start, as without installed bytecode.")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    BYTECODE["use"] = not args.no_bytecode
    if args.child and args.child[0] == "interact":
        return print("interaction=" + json.dumps(interaction(Path(args.child[1]))), flush=True)
    if args.child:
        return child(args.child[0], args.child[1] or None)
    if args.code:
        return compare(args)
    with tempfile.TemporaryDirectory() as home:
        bare = starts("bare", None, args.runs, Path(home))
        rows = []
        for size in args.sizes:
            path = register_of(size)
            rows.append((size, starts("app", path, args.runs, Path(home)), interaction(path)))
    report(bare, rows, args.runs)


def interleaved(runs: list, times: int, home: Path) -> dict:
    """Start each of `runs` (key, mode, path, code) once per round, `times` rounds; medians per key."""
    results: dict[str, list] = {key: [] for key, *_ in runs}
    for _ in range(times):
        for key, mode, path, code in runs:
            results[key].append(start_once(mode, path, home, code))
    return {key: {name: statistics.median(r[name] for r in rs) for name in rs[0]} | {
        "rss_max": max(r["rss_mb"] for r in rs)} for key, rs in results.items()}


def interaction_in(code: Path, path: Path) -> dict:
    """`interaction` in a fresh process importing csp_desktop from `code`."""
    env = dict(os.environ, PYTHONPATH=str(code), BENCH_CODE=str(code))
    out = subprocess.run([sys.executable, __file__, "--child", "interact", str(path)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads([row for row in out.splitlines() if row.startswith("interaction=")][-1].split("=", 1)[1])


def compare(args) -> None:
    """Before (the checkout in --code) and after (this one), beside one bare window, in one run."""
    codes = (("before", args.code.resolve()), ("after", ROOT))
    with tempfile.TemporaryDirectory() as home:
        rows = []
        for size in args.sizes:
            # Each on a register its own code made (schemas may differ). Starts are interleaved (bare,
            # before, after, bare, ...) so a machine busy with other work weighs on all three alike.
            paths = {label: register_of(size, code, label) for label, code in codes}
            runs = [("bare", "bare", None, ROOT)] + [(label, "app", paths[label], code) for label, code in codes]
            runs += [(f"{label} program", "program", paths[label], code) for label, code in codes]
            started = interleaved(runs, args.runs, Path(home))
            bare = started["bare"]
            rows += [(f"{label} {size:,}", size, started[label] | {
                "program": started[f"{label} program"]["painted"], "program_cpu": started[f"{label} program"]["cpu"]},
                interaction_in(code, paths[label])) for label, code in codes]
    print(f"\nBaseline: bare QApplication + empty QMainWindow painted: {bare['painted']:.3f} s, CPU "
          f"{bare['cpu']:.3f} s (medians of {args.runs})")
    head = ("code, risks", "actions", "painted s", "x bare", "CPU x bare", "program painted s", "x bare",
            "CPU x bare", "listed s", "filter ms med", "sort ms med", f"edit ms med/max of {EDITS}", "peak MB")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for label, size, start, act in rows:
        ratio = start["painted"] / bare["painted"]
        print(" | ".join((label, f"{size * 5:,}", f"{start['painted']:.3f}", f"{ratio:.2f}",
                          f"{start['cpu'] / bare['cpu']:.2f}",
                          f"{start['program']:.3f}", f"{start['program'] / bare['painted']:.2f}",
                          f"{start['program_cpu'] / bare['cpu']:.2f}",
                          f"{start['listed']:.3f}", f"{act['filter_median'] * 1000:.1f}",
                          f"{act['sort_median'] * 1000:.1f}",
                          f"{act['edit_median'] * 1000:.1f} / {act['edit_max'] * 1000:.1f}",
                          f"{start['rss_max']:.0f}")))
    print(f"\nTargets at 10,000 risks: painted < {TARGETS['ratio']}x bare; one-field edit to repainted row < "
          f"{TARGETS['edit'] * 1000:.0f} ms.")


def report(bare: dict, rows: list, runs: int) -> None:
    print(f"\nBaseline: bare QApplication + empty QMainWindow painted: {bare['painted']:.3f} s "
          f"(median of {runs}), {bare['rss_max']:.0f} MB")
    head = ("risks", "actions", "painted s", "x bare", "CPU x bare", "risks listed s", "worst stall ms",
            "filter ms med/max", "sort ms med/max", "edit ms med/max", "peak MB")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for size, start, act in rows:
        print(" | ".join((f"{size:,}", f"{size * 5:,}", f"{start['painted']:.3f}",
                          f"{start['painted'] / bare['painted']:.2f}", f"{start['cpu'] / bare['cpu']:.2f}",
                          f"{start['listed']:.3f}",
                          f"{start['stall'] * 1000:.0f}",
                          f"{act['filter_median'] * 1000:.1f} / {act['filter_max'] * 1000:.1f}",
                          f"{act['sort_median'] * 1000:.1f} / {act['sort_max'] * 1000:.1f}",
                          f"{act['edit_median'] * 1000:.1f} / {act['edit_max'] * 1000:.1f}",
                          f"{start['rss_max']:.0f}")))
    print(f"\nTargets at 10,000 risks: painted < {TARGETS['start']} s and < {TARGETS['ratio']}x bare; "
          f"filter < {TARGETS['filter'] * 1000:.0f} ms; sort < {TARGETS['sort'] * 1000:.0f} ms; "
          f"edit < {TARGETS['edit'] * 1000:.0f} ms; "
          f"peak < {TARGETS['rss']} MB.")


if __name__ == "__main__":
    main()
