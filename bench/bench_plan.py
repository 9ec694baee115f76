"""The Plan view on a big plan, and the indicator chart: reportlab graphics to SVG in a QSvgWidget.

Run from the repository root:  python bench/bench_plan.py [--repeat 5]
A register of 50 priorities (two lead agencies each), 200 objectives, 2,000 actions, 200 indicators with
20 values each and 500 linked risks. Prints medians beside the bare window measured in the same run
(QMainWindow shown and painted, nothing in it). Target: the Plan view opens in under 0.5 s.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QByteArray  # noqa: E402
from PySide6.QtSvgWidgets import QSvgWidget  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from csp_desktop.domain.model import ACTION_STATUSES  # noqa: E402
from csp_desktop.domain.plan import quarter_end  # noqa: E402
from csp_desktop.services.plan import chart_svg, load_plan  # noqa: E402
from csp_desktop.store import Register  # noqa: E402
from csp_desktop.ui.plan.plan_view import PlanView  # noqa: E402
from timing import median_ms  # noqa: E402
from PySide6.QtCore import qInstallMessageHandler  # noqa: E402

# Offscreen Qt says "does not support propagateSizeHints" on every window; it is not a result.
qInstallMessageHandler(lambda kind, _context, text: None if "propagateSizeHints" in text
                       else sys.stderr.write(text + "\n"))
from csp_desktop.ui.shell.session import Session  # noqa: E402

TODAY = date(2012, 2, 1)


def make_register(path: Path, priorities=50, actions=2000, indicators=200, values=20) -> Register:
    rng = random.Random(7)
    reg = Register.create(path, "Bench plan")
    with reg.transaction():
        orgs = reg.insert_many("organisations", ({"name": f"Agency {n}"} for n in range(30)))
        owners = reg.insert_many("owners", ({"name": f"Owner {n}"} for n in range(100)))
        pids = reg.insert_many("priorities", ({"ref": str(n + 1), "title": f"Priority {n + 1} of the plan",
                                               "lead_agency": ""} for n in range(priorities)))
        reg.insert_many("priority_leads", ({"priority_id": p, "organisation_id": orgs[(n + k) % 30], "position": k}
                                           for n, p in enumerate(pids) for k in range(2)))
        objectives = reg.insert_many("objectives", ({"priority_id": pids[n % priorities], "ref": f"{n}",
                                                     "title": f"Objective {n}"} for n in range(priorities * 4)))
        reg.insert_many("actions", ({"ref": f"A-{n:04d}", "title": f"Plan action {n} to reduce harm",
                                     "owner_id": rng.choice(owners + [None]), "status": rng.choice(ACTION_STATUSES),
                                     "due": (TODAY + timedelta(days=rng.randint(-100, 300))).isoformat(),
                                     "priority_id": pids[n % priorities],
                                     "objective_id": rng.choice(objectives + [None] * 50)} for n in range(actions)))
        iids = reg.insert_many("indicators", ({"ref": f"{n % priorities + 1}.{n // priorities + 1}",
                                               "title": f"Reduce measure {n}", "priority_id": pids[n % priorities],
                                               "target": "1000", "target_value": 1000.0} for n in range(indicators)))
        reg.insert_many("indicator_values", ({"indicator_id": i, "period": f"{2007 + k // 4} Q{k % 4 + 1}",
                                              "period_end": quarter_end(2007 + k // 4, k % 4 + 1).isoformat(),
                                              "text": str(v), "value": float(v)}
                                             for i in iids for k, v in
                                             enumerate(rng.randint(800, 1200) for _ in range(values))))
        reg.insert_many("risks", ({"ref": f"R-{n}", "title": f"Risk {n}", "priority_id": pids[n % priorities],
                                   "inherent_likelihood": 3, "inherent_impact": 4, "residual_likelihood": 2,
                                   "residual_impact": 3} for n in range(500)))
    return reg


def settled_ms(work, repeat: int) -> float:
    """Median milliseconds of `work` and the Qt events it caused."""
    return median_ms(work, repeat, QApplication.processEvents)


def bare_window():
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    window.grab()
    window.close()


def plan_view(session):
    def work():
        view = PlanView(session)
        view.resize(1366, 768)
        view.show()
        view.grab()
        view.close()
        view.deleteLater()
    return work


def child(kind: str, path: str) -> None:
    """In a fresh process: QApplication, then a bare window or the Plan view on the register, painted.

    Both processes have imported the same modules before the clock starts, so the difference is the view."""
    start = time.perf_counter()
    app = QApplication([])  # noqa: F841
    window: QMainWindow | PlanView
    if kind == "bare":
        window = QMainWindow()
    else:
        reg = Register.open(Path(path), read_only=True)
        window = PlanView(Session(reg))
    window.resize(1366, 768)
    window.show()
    window.grab()
    print((time.perf_counter() - start) * 1000)


def process_ms(kind: str, path: Path, repeat: int) -> float:
    runs = [float(subprocess.run([sys.executable, __file__, "--child", kind, str(path)], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout.split()[-1]) for _ in range(repeat)]
    return statistics.median(runs)


def expand_all(session) -> float:
    view = PlanView(session)
    view.resize(1366, 768)
    view.show()
    start = time.perf_counter()
    for n in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(n)
        assert item is not None
        item.setExpanded(True)
    QApplication.processEvents()
    view.grab()
    elapsed = (time.perf_counter() - start) * 1000
    view.close()
    return elapsed


def import_cost() -> float:
    code = ("import time; t = time.perf_counter(); "
            "import csp_desktop.reports.indicator_chart, reportlab.graphics.renderSVG; "
            "print((time.perf_counter() - t) * 1000)")
    runs = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    app = QApplication.instance() or QApplication([])  # noqa: F841
    with tempfile.TemporaryDirectory() as folder:
        reg = make_register(Path(folder) / "bench.cspreg")
        fresh = [("fresh process: QApplication + bare window painted (baseline)",
                  process_ms("bare", reg.path, args.repeat)),
                 ("fresh process: QApplication + Plan view on the register painted",
                  process_ms("plan", reg.path, args.repeat))]
        session = Session(reg)
        summary = load_plan(reg)
        item = summary.priorities[0].indicators[0]
        svg = chart_svg(item)
        widget = QSvgWidget()
        rows = [("bare window shown and painted (baseline)", settled_ms(bare_window, args.repeat)),
                ("load_plan (50 priorities, 2,000 actions, 200 PIs x 20 values)",
                 settled_ms(lambda: load_plan(reg), args.repeat)),
                ("Plan view opened, shown and painted", settled_ms(plan_view(session), args.repeat)),
                ("open every priority in turn (its rows made on first opening)", expand_all(session)),
                ("import reportlab chart + renderSVG (fresh process)", import_cost()),
                ("one indicator chart (20 values) to SVG", settled_ms(lambda: chart_svg(item), args.repeat * 4)),
                ("QSvgWidget.load of that SVG and paint",
                 settled_ms(lambda: (widget.load(QByteArray(svg)), widget.grab()), args.repeat * 4))]
        reg.close()
    print(f"{'what':66} {'median ms':>10} {'x bare':>7}")
    for group in (fresh, rows):
        base = group[0][1]
        for name, ms in group:
            print(f"{name:66} {ms:10.1f} {ms / base:7.1f}")
    print(f"SVG size: {len(svg):,} bytes. Target: Plan view under 500 ms.")


if __name__ == "__main__":
    main()
