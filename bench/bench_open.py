"""What the safety on opening costs: the writer lock, the quick check on opening, and the integrity check
run before an import or a return, against a bare SQLite connect-and-read in the same run.

In-process timings, medians of several runs, at three register sizes.

    python bench/bench_open.py [--runs 7]
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from csp_desktop.services.opening import open_to_write  # noqa: E402
from csp_desktop.store import Register  # noqa: E402
from csp_desktop.store.damage import quick_check  # noqa: E402
from synthetic import build  # noqa: E402
from timing import median_ms  # noqa: E402

SIZES = ((100, 400), (1_000, 5_000), (10_000, 50_000))


def bare(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("SELECT * FROM register_info").fetchall()
    conn.close()


def read_only(path: Path) -> None:
    Register.open(path, read_only=True).close()


def writable(path: Path) -> None:
    open_to_write(path).close()  # the lock, the quick check, then let go


def checked(path: Path, thorough: bool) -> None:
    with Register.open(path, read_only=True) as reg:
        quick_check(reg.db.conn, thorough)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print("| risks | actions | file MB | bare connect+read ms | open read-only ms | "
          "open to write (lock + quick check) ms "
          "| quick_check ms | integrity check + foreign keys ms | write open / bare |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for risks, actions in SIZES:
            path = build(Path(folder) / f"r{risks}.cspreg", risks, actions)
            figures = [median_ms(lambda: bare(path), runs), median_ms(lambda: read_only(path), runs),
                       median_ms(lambda: writable(path), runs), median_ms(lambda: checked(path, False), runs),
                       median_ms(lambda: checked(path, True), runs)]
            size = path.stat().st_size / 1e6
            print(f"| {risks:,} | {actions:,} | {size:.1f} | " + " | ".join(f"{f:.1f}" for f in figures)
                  + f" | {figures[2] / figures[0]:.0f}x |", flush=True)


if __name__ == "__main__":
    main()
