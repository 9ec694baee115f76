"""One owner renamed in the whole app, from the edit to the tracker's repainted row and the risk list holding the
new name, at 50,000 actions. Prints a table:

    python bench/bench_owner_rename.py                       # 10,000 risks, 50,000 actions, 60 owners
    python bench/bench_owner_rename.py --code /tmp/before    # the same against another checkout, one run

The window is opened on the register and every view a rename can reach is visited first (Dashboard, Risks,
Plan, Actions), as a user would have, with the tracker left on screen. Then one owner (about 830 actions and
170 risks each) is renamed the way the Partners view does it (an undoable command) and timed until a tracker
row of theirs shows the new name, repainted, and the risk list (loaded on the background worker before) holds
it too. Baseline, in the same run on the same register: the write alone (the service operation, no view told).
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

EDITS = 9


def measure(path: Path) -> dict:
    from csp_desktop.services import partner_editing
    from csp_desktop.services.lookups import owners
    from csp_desktop.ui.partners.partner_commands import UpdateOwnerCommand
    from csp_desktop.ui.shell.undoable import push
    with window_on(path) as (app, window):
        view = tracker_after_every_view(app, window)
        people = owners(window.session.register)
        edits, writes, owned = [], [], []
        for n in range(EDITS):
            owner = next(o for o in owners(window.session.register) if o.id == people[n % len(people)].id)
            name = f"Renamed {n} {time.perf_counter_ns()}"
            action_id = next(r.action.id for r in view.model.rows if r.action.owner_id == owner.id)
            owned.append(sum(r.action.owner_id == owner.id for r in view.model.all_rows))

            def shown() -> bool:
                number = view.model.row_for(action_id)
                listing = window.data.listing
                return (number is not None and view.model.rows[number].action.owner_name == name
                        and listing is not None and any(r.owner_name == name for r in listing.risks))

            t0 = time.perf_counter()
            push(window.session, UpdateOwnerCommand(window.session, owner, {"name": name}))
            while not shown():
                app.processEvents()
                if time.perf_counter() - t0 > 60:
                    raise SystemExit("the renamed owner never showed")
            app.processEvents()
            view.table.viewport().repaint(action_row_rect(view, action_id))
            edits.append(time.perf_counter() - t0)
        for n in range(EDITS):
            owner = next(o for o in owners(window.session.register) if o.id == people[n % len(people)].id)
            t0 = time.perf_counter()
            name = f"Written {n} {time.perf_counter_ns()}"
            partner_editing.update_owner(window.session.register, owner.id, {"name": name}, None)
            writes.append(time.perf_counter() - t0)
    return {"actions": len(view.model.all_rows), "owned": int(statistics.median(owned)),
            "edit_median": statistics.median(edits), "edit_max": max(edits), "write_median": statistics.median(writes)}


def main() -> None:
    rows = measured_per_checkout(__file__, __doc__.splitlines()[0], measure, register_of)
    if rows is None:
        return
    print(f"\nOne owner renamed in the app, to the tracker's repainted row and the risk list (median and worst "
          f"of {EDITS}; baseline: the write alone)")
    print("code | actions | owner's actions | rename ms median | rename ms worst | write alone ms | x write")
    print("--- | --- | --- | --- | --- | --- | ---")
    for label, m in rows:
        print(f"{label} | {m['actions']:,} | {m['owned']:,} | {m['edit_median'] * 1000:.1f} | "
              f"{m['edit_max'] * 1000:.1f} | {m['write_median'] * 1000:.1f} | "
              f"{m['edit_median'] / m['write_median']:.1f}")


if __name__ == "__main__":
    main()
