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

import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [os.environ.get("BENCH_CODE", str(ROOT)), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_app import register_of  # noqa: E402
from in_window import action_row_rect, measured_per_checkout, tracker_after_every_view, window_on  # noqa: E402

EDITS = 15


def measure(path: Path) -> dict:
    from csp_desktop.services import action_editing
    from csp_desktop.ui.actions.action_commands import EditActionCommand
    from csp_desktop.ui.shell.undoable import push
    with window_on(path) as (app, window):
        view = tracker_after_every_view(app, window)
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
            rect = action_row_rect(view, action_id)
            view.table.viewport().repaint(rect)
            edits.append(time.perf_counter() - t0)
        for n in range(EDITS):
            action_id = view.model.rows[(n * 991) % len(view.model.rows)].action.id
            t0 = time.perf_counter()
            action_editing.update_action(window.session.register, action_id, {"title": f"Written {n}"}, None)
            writes.append(time.perf_counter() - t0)
    return {"actions": len(view.model.all_rows), "edit_median": statistics.median(edits), "edit_max": max(edits),
            "write_median": statistics.median(writes)}


def main() -> None:
    rows = measured_per_checkout(__file__, __doc__.splitlines()[0], measure, register_of)
    if rows is None:
        return
    print(f"\nOne action's title edited in the app, to its repainted row (median and worst of {EDITS}; "
          "baseline: the write alone)")
    print("code | actions | edit ms median | edit ms worst | write alone ms | x write")
    print("--- | --- | --- | --- | --- | ---")
    for label, m in rows:
        print(f"{label} | {m['actions']:,} | {m['edit_median'] * 1000:.1f} | {m['edit_max'] * 1000:.1f} | "
              f"{m['write_median'] * 1000:.1f} | {m['edit_median'] / m['write_median']:.1f}")


if __name__ == "__main__":
    main()
