"""Coming up on a big register: how long after the window it appears. One command, prints a table:

    /work/main/.venv/bin/python bench/bench_coming_up.py [--risks 10000 --actions 50000 --runs 5]

Each run is a fresh process. Measured beside a bare QApplication + empty QMainWindow in the same run:
  bare      process start -> an empty QMainWindow painted
  window    process start -> the app's main window painted (no register yet)
  coming up the window painted -> the register opened and Coming up painted with its counts (target 0.3 s)
  service   services.coming_up.overview (what the panel reads first) and coming_up (every item, as the
            chase and the command line read it), alone on the same register (in the parent, median)
Children run with byte code cached (as an installed app; PYTHONDONTWRITEBYTECODE is dropped for them).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from child_start import start_child, until  # noqa: E402
TARGET = 0.3


def child(mode: str, path: str) -> None:
    t0 = float(os.environ["BENCH_T0"])
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    painted: dict[str, float] = {}

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                painted.setdefault(type(obj).__name__, time.time())
            return False

    spy = Spy()
    app.installEventFilter(spy)
    if mode == "bare":
        window = QMainWindow()
        window.show()
        _until(app, lambda: "QMainWindow" in painted)
        print(f"bare={painted['QMainWindow'] - t0:.4f}")
        return
    from csp_desktop.ui.shell.main_window import MainWindow
    window = MainWindow(QSettings(os.path.join(os.environ["BENCH_HOME"], "s.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    _until(app, lambda: "MainWindow" in painted)
    shown = painted["MainWindow"]
    window.open_register(Path(path))
    opened = time.time()
    _until(app, lambda: "ComingUpPanel" in painted or "QTreeWidget" in painted)
    from csp_desktop.ui.dashboard.dashboard_view import DashboardView  # built by now: importing it costs nothing
    dashboard = window.page("Dashboard")
    assert isinstance(dashboard, DashboardView)
    panel = dashboard.coming_up
    assert panel.found is not None and window.due_counts.text()
    print(f"window={shown - t0:.4f} coming_up={time.time() - shown:.4f} opened={opened - shown:.4f} "
          f"items={panel.found.counts}")


def _until(app, done) -> None:
    until(app, done, limit=60.0)


def run(mode: str, path: Path, home: str) -> dict:
    out = start_child(__file__, [mode, str(path)], home, byte_code=True).strip().splitlines()[-1]
    return {k: v for k, v in (part.split("=", 1) for part in out.split(" ", 3))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--risks", type=int, default=10000)
    parser.add_argument("--actions", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    from synthetic import build
    from csp_desktop.services.coming_up import coming_up
    from csp_desktop.store import Register
    with tempfile.TemporaryDirectory() as home:
        path = build(Path(home) / "big.cspreg", args.risks, args.actions)
        reg = Register.open(path)
        from csp_desktop.services.coming_up import overview
        service, quick = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            coming_up(reg, date.today())
            service.append(time.perf_counter() - started)
            started = time.perf_counter()
            overview(reg, date.today())
            quick.append(time.perf_counter() - started)
        reg.close()
        run("app", path, home)  # once to cache the byte code, not counted
        bare = [float(run("bare", path, home)["bare"]) for _ in range(args.runs)]
        apps = [run("app", path, home) for _ in range(args.runs)]
    window = statistics.median(float(a["window"]) for a in apps)
    shown = statistics.median(float(a["coming_up"]) for a in apps)
    print(f"{args.risks:,} risks, {args.actions:,} actions; {args.runs} runs, medians; items: {apps[-1]['items']}")
    print(f"{'what':<44}{'seconds':>10}{'x bare':>10}")
    for name, value in (("bare QMainWindow painted (baseline)", statistics.median(bare)),
                        ("app main window painted", window),
                        ("coming up painted, after the window", shown),
                        ("services.coming_up.overview alone", statistics.median(quick)),
                        ("services.coming_up alone (every item)", statistics.median(service))):
        print(f"{name:<44}{value:>10.3f}{value / statistics.median(bare):>10.2f}")
    print(f"target: coming up within {TARGET} s of the window: {'met' if shown <= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
