"""How the action tracker copes with 50,000 actions: load, filter keystroke, sort every column.

Run from the repository root:  python bench/actions_view.py [--actions 50000] [--repeat 5]
Prints medians, and the ratio to a baseline measured in the same run: Qt's own C++ filtering and
sorting of the same titles (a QStringListModel behind a plain QSortFilterProxyModel), the floor a
Python model can hope to approach.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from csp_desktop.domain.model import ACTION_STATUSES, new_id  # noqa: E402
from csp_desktop.store import Register  # noqa: E402
from csp_desktop.ui.actions.action_rows import HEADERS  # noqa: E402
from csp_desktop.ui.actions.actions_view import ActionsView  # noqa: E402
from csp_desktop.ui.shell.session import Session  # noqa: E402
from timing import median_ms  # noqa: E402

TODAY = date(2026, 11, 23)
WORDS = ("repair camera review protocol write funding youth diversion hate crime report community "
         "safety patrol licensing night time economy domestic abuse refuge partnership survey").split()


def make_register(path: Path, count: int) -> Register:
    rng = random.Random(7)
    reg = Register.create(path, "Bench partnership")
    owners = [{"id": new_id(), "name": f"Owner {n}", "kind": "person", "email": ""} for n in range(200)]
    actions = [{"id": new_id(), "ref": f"A-{n}", "title": " ".join(rng.choices(WORDS, k=6)),
                "owner_id": rng.choice(owners)["id"], "status": rng.choice(ACTION_STATUSES),
                "due": (TODAY + timedelta(days=rng.randint(-200, 400))).isoformat(),
                "progress": " ".join(rng.choices(WORDS, k=10)), "exempt": 0} for n in range(count)]
    with reg.transaction():
        reg.insert_many("owners", owners)
        reg.insert_many("actions", actions)
    return reg


def timed(work, repeat: int) -> float:
    """Median milliseconds of `work` followed by processing the events it caused and a repaint."""
    return median_ms(work, repeat, QApplication.processEvents)


def keystrokes(edit, texts):
    state = {"i": 0}

    def press():
        edit.setText(texts[state["i"] % len(texts)])
        state["i"] += 1
    return press


def edit_title(view):
    """One field of one action edited as the editor does it: an undoable command, then the row repainted."""
    from csp_desktop.ui.actions.action_commands import EditActionCommand
    from csp_desktop.ui.shell.undoable import push
    state = {"n": 0}

    def edit():
        action = view.model.rows[0].action
        state["n"] += 1
        push(view.session, EditActionCommand(view.session, action, {"title": f"Edited {state['n']}"}))
        view.table.viewport().repaint()
    return edit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    apply_workarounds()
    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, float, float | None]] = []
    with tempfile.TemporaryDirectory() as folder:
        reg = make_register(Path(folder) / "bench.cspreg", args.actions)
        start = time.perf_counter()
        view = ActionsView(Session(reg), today=lambda: TODAY)
        view.resize(1366, 768)
        view.show()
        app.processEvents()
        rows.append(("open the view (query + rows + paint)", (time.perf_counter() - start) * 1000, None))
        titles = [r.action.title for r in view.model.rows]
        base_model, base_proxy = QStringListModel(titles), QSortFilterProxyModel()
        base_proxy.setSourceModel(base_model)
        base_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        base_view = QTableView()
        base_view.setModel(base_proxy)
        base_view.resize(1366, 768)
        base_view.show()
        # Typing "camera" a letter at a time, then clearing it: each keystroke timed alone.
        typing = ["c", "ca", "cam", "came", "camer", "camera", ""]
        ours = timed(keystrokes(view.filter_edit, typing), args.repeat * len(typing))
        texts = iter(typing * args.repeat)
        base = timed(lambda: base_proxy.setFilterFixedString(next(texts)), args.repeat * len(typing))
        rows.append(("filter keystroke (typing, clearing)", ours, base))
        rows.append(("filter keystroke, two words", timed(keystrokes(view.filter_edit, ["camera rep", "camera re"]),
                                                           args.repeat * 2), None))
        view.filter_edit.setText("")
        orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * args.repeat)
        base_sort = timed(lambda: base_proxy.sort(0, next(orders)), args.repeat)
        for column, name in enumerate(HEADERS):
            orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * args.repeat)
            ms = timed(lambda: view.table.sortByColumn(column, next(orders)), args.repeat)  # noqa: B023
            rows.append((f"sort by {name}", ms, base_sort))
        view.reload()  # forget the cached sort keys: the first sort by a column makes them
        rows.append(("first sort by Title (makes its keys)",
                     timed(lambda: view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder), 1), base_sort))
        statuses = iter(["complete", "in progress"] * args.repeat)
        rows.append(("quick status change (write, refresh)",
                     timed(lambda: view.set_status([view.model.rows[0].action], next(statuses)), args.repeat), None))
        rows.append(("edit one action's title (undo command)", timed(edit_title(view), args.repeat), None))
        rows.append(("full reload (after an owner edit)", timed(view.reload, args.repeat), None))
        for widget in (view, base_view):  # close the views before the application goes
            widget.close()
            widget.deleteLater()
        app.processEvents()
        reg.close()
    print(f"Action tracker with {args.actions:,} actions (median of {args.repeat}+ runs, ms; "
          f"baseline: QStringListModel + QSortFilterProxyModel in C++ on the same titles)")
    print(f"{'what':40} {'ms':>9} {'baseline ms':>12} {'ratio':>7}")
    for what, ms, baseline in rows:
        ratio = f"{ms / baseline:7.1f}" if baseline else "      -"
        print(f"{what:40} {ms:9.1f} {baseline if baseline is None else round(baseline, 1)!s:>12} {ratio}")


if __name__ == "__main__":
    main()
