"""What the benchmarks that time an edit in the whole app share: the window open on a register with its
risks listed, each view a user would have visited shown once, a row's rectangle to repaint, and running
`measure` in a fresh process for each checkout (this one, and the 'before' given with --code)."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from child_start import until

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def window_on(path: Path) -> Iterator[tuple]:
    """(app, window): the app's window at 1366x768 with `path` open and its risks listed; closed after."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from csp_desktop.ui.shell import qt_workarounds
    from csp_desktop.ui.shell.main_window import MainWindow
    if hasattr(qt_workarounds, "apply_workarounds"):  # older checkouts (--code) applied it on import
        qt_workarounds.apply_workarounds()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as home:
        window = MainWindow(QSettings(str(Path(home) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        window.open_register(path)
        data = window.data
        assert data is not None, "the register did not open"
        data.wait()
        until(app, lambda: data.listing is not None, nap=0.001)  # the CPU left to the loading worker
        try:
            yield app, window
        finally:
            window.close()


def visit(app, window, titles) -> None:
    """Show each view named (by the start of its sidebar entry) once, in order, as a user would have."""
    for title in titles:
        window.nav.setCurrentRow(next(n for n in range(window.nav.count())
                                      if window.nav.item(n).text().startswith(title)))
        app.processEvents()


def tracker_after_every_view(app, window):
    """The Actions view, on screen and filled, after every view an edit can reach was shown once."""
    visit(app, window, ("Dashboard", "Risks", "Plan", "Actions"))
    view = window.page("Actions")
    until(app, lambda: view.model.rowCount() > 0)
    return view


def action_row_rect(view, action_id: str):
    """The tracker row of `action_id` on screen: what Qt repaints for one changed row."""
    proxy_row = view.proxy.mapFromSource(view.model.index(view.model.row_for(action_id), 0)).row()
    first, last = view.proxy.index(proxy_row, 0), view.proxy.index(proxy_row, view.proxy.columnCount() - 1)
    return view.table.visualRect(first).united(view.table.visualRect(last))


def measured_per_checkout(script: str, description: str, measure: Callable[[Path], dict],
                          register_of: Callable[..., Path]) -> list[tuple[str, dict]] | None:
    """The command line of such a benchmark: with --child, measure here and print the figures (returns None);
    else run the child once per checkout, each on a register its own code made, and return their figures."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--risks", type=int, default=10_000, help="risks (five actions each)")
    parser.add_argument("--code", type=Path, help="Also measure the csp_desktop in this checkout (the 'before').")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("measured=" + json.dumps(measure(args.child)), flush=True)
        return None
    codes = ([("before", args.code.resolve())] if args.code else []) + [("after" if args.code else "this", ROOT)]
    return [(label, _measure_in(script, code, register_of(args.risks, code, label if args.code else "")))
            for label, code in codes]


def _measure_in(script: str, code: Path, path: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code), BENCH_CODE=str(code))
    out = subprocess.run([sys.executable, script, "--child", str(path)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads([r for r in out.splitlines() if r.startswith("measured=")][-1].split("=", 1)[1])
