"""One action edited in the whole app, from the edit to the repainted row, at 50,000 actions. Prints a table:

    python bench/bench_action_edit.py                       # 10,000 risks, 50,000 actions
    python bench/bench_action_edit.py --code /tmp/before    # the same against another checkout, one run

The window is opened on the register and every view an edit can reach is visited first (Dashboard,
Risks, Actions, Plan), as a user would have, so whatever each does after an action edit is inside the
time. Then the title of one action is changed the way the action editor does it (an undoable command)
and timed until the tracker's row shows the new title, repainted. Baseline, in the same run on the same
register: the write alone (the service operation, its transaction and audit row, no view told).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [os.environ.get("BENCH_CODE", str(ROOT)), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_app import _until, register_of  # noqa: E402

EDITS = 15


def measure(path: Path) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from csp_desktop.services import action_editing
    from csp_desktop.ui.actions.action_commands import EditActionCommand
    from csp_desktop.ui.shell import qt_workarounds
    from csp_desktop.ui.shell.main_window import MainWindow
    from csp_desktop.ui.shell.undoable import push
    if hasattr(qt_workarounds, "apply_workarounds"):
        qt_workarounds.apply_workarounds()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as home:
        window = MainWindow(QSettings(str(Path(home) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        window.open_register(path)
        window.data.wait()
        _until(app, lambda: window.data.listing is not None)
        for title in ("Dashboard", "Risks", "Plan", "Actions"):  # each view built and shown once
            window.nav.setCurrentRow(next(n for n in range(window.nav.count())
                                          if window.nav.item(n).text().startswith(title)))
            app.processEvents()
        view = window.page("Actions")
        _until(app, lambda: view.model.rowCount() > 0)
        edits, writes = [], []
        for n in range(EDITS):
            row = view.model.rows[(n * 997) % len(view.model.rows)]
            title = f"Edited {n} {time.perf_counter_ns()}"
            action_id = row.action.id

            def shown() -> bool:
                number = view.model.row_for(action_id)
                return number is not None and view.model.rows[number].action.title == title

            t0 = time.perf_counter()
            push(window.session, EditActionCommand(window.session, row.action, {"title": title}))
            while not shown():
                app.processEvents()
                if time.perf_counter() - t0 > 60:
                    raise SystemExit("the edited row never showed its new title")
            app.processEvents()
            rect = _row_rect(view, action_id)
            view.table.viewport().repaint(rect)
            edits.append(time.perf_counter() - t0)
        for n in range(EDITS):
            action_id = view.model.rows[(n * 991) % len(view.model.rows)].action.id
            t0 = time.perf_counter()
            action_editing.update_action(window.session.register, action_id, {"title": f"Written {n}"}, None)
            writes.append(time.perf_counter() - t0)
        window.close()
    return {"actions": len(view.model.all_rows), "edit_median": statistics.median(edits), "edit_max": max(edits),
            "write_median": statistics.median(writes)}


def _row_rect(view, action_id: str):
    proxy_row = view.proxy.mapFromSource(view.model.index(view.model.row_for(action_id), 0)).row()
    first, last = view.proxy.index(proxy_row, 0), view.proxy.index(proxy_row, view.proxy.columnCount() - 1)
    return view.table.visualRect(first).united(view.table.visualRect(last))


def measure_in(code: Path, path: Path) -> dict:
    """`measure` in a fresh process importing csp_desktop from `code`."""
    env = dict(os.environ, PYTHONPATH=str(code), BENCH_CODE=str(code))
    out = subprocess.run([sys.executable, __file__, "--child", str(path)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads([r for r in out.splitlines() if r.startswith("measured=")][-1].split("=", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=10_000, help="risks (five actions each)")
    parser.add_argument("--code", type=Path, help="Also measure the csp_desktop in this checkout (the 'before').")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return print("measured=" + json.dumps(measure(args.child)), flush=True)
    codes = ([("before", args.code.resolve())] if args.code else []) + [("after" if args.code else "this", ROOT)]
    rows = [(label, measure_in(code, register_of(args.risks, code, label if args.code else "")))
            for label, code in codes]
    print(f"\nOne action's title edited in the app, to its repainted row (median and worst of {EDITS}; "
          "baseline: the write alone)")
    print("code | actions | edit ms median | edit ms worst | write alone ms | x write")
    print("--- | --- | --- | --- | --- | ---")
    for label, m in rows:
        print(f"{label} | {m['actions']:,} | {m['edit_median'] * 1000:.1f} | {m['edit_max'] * 1000:.1f} | "
              f"{m['write_median'] * 1000:.1f} | {m['edit_median'] / m['write_median']:.1f}")


if __name__ == "__main__":
    main()
