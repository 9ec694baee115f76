"""The History view's first page over 1,000,000 audit rows. One command, prints a table:

    /work/main/.venv/bin/python bench/bench_history.py [--rows 1000000 --runs 7]

A synthetic register (10,000 risks, 50,000 actions) gets `--rows` audit rows spread over three years,
thirty people and the owners' returns. For each filter, the median time for services.history to
return the first page (200 entries, in plain words), beside the same filter's SQL run on the audit
table without the indexes of db/*_review_cycle.sql (the baseline, measured in the same run).
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
TARGET = 0.100
FIELDS = ("residual_likelihood", "residual_impact", "next_review", "status", "progress", "due", "owner_id", "title")


def fill_audit(path: Path, rows: int) -> dict:
    conn = sqlite3.connect(path)
    risks = [r for (r,) in conn.execute("SELECT id FROM risks")]
    actions = [a for (a,) in conn.execute("SELECT id FROM actions")]
    rng = random.Random(11)
    people = [f"Officer {n:02d}" for n in range(30)]
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    span = int((datetime(2026, 11, 27, tzinfo=timezone.utc) - start).total_seconds())

    def row(n):
        tbl, ids = (("risks", risks) if rng.random() < 0.4 else ("actions", actions))
        who = rng.choice(people)
        if rng.random() < 0.1:
            who = f"Owner {rng.randint(1, 60):03d} (return update.xlsx, taken in by {who})"
        at = (start + timedelta(seconds=rng.randrange(span))).isoformat(timespec="seconds")
        return (f"bench-{n}", at, who, tbl, rng.choice(ids), "update", rng.choice(FIELDS), "1", "2")

    with conn:
        conn.executemany("INSERT INTO audit (id, at, who, tbl, row_id, change, field, old, new) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (row(n) for n in range(rows)))
    conn.close()
    return {"person": people[3], "risk": risks[17]}


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from synthetic import build
    from csp_desktop.services import history
    from csp_desktop.services.history import Filter
    from csp_desktop.store import Register
    with tempfile.TemporaryDirectory() as home:
        path = build(Path(home) / "big.cspreg", 10000, 50000)
        picked = fill_audit(path, args.rows)
        reg = Register.open(path, read_only=True)
        ref = reg.query("SELECT ref FROM risks WHERE id = ?", [picked["risk"]])[0]["ref"]
        cases = {
            "newest first, no filter": Filter(),
            "one person": Filter(who=picked["person"]),
            f"one item ({ref}, by reference)": history.item_filter(reg, ref),
            "one kind (actions)": Filter(tables=history.KIND_CHOICES["Actions"]),
            "a date range (one month)": Filter(since=date(2025, 6, 1), until=date(2025, 6, 30)),
            "public part only": Filter(public_only=True),
            "person + kind + dates + public": Filter(who=picked["person"], tables=["risks"], since=date(2025, 1, 1),
                                                     until=date(2025, 12, 31), public_only=True),
        }
        plain = sqlite3.connect(Path(home) / "plain.db")
        reg.db.conn.backup(plain)
        for (name,) in plain.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' "
                                     "AND sql IS NOT NULL").fetchall():
            plain.execute(f"DROP INDEX {name}")
        total = reg.query("SELECT COUNT(*) AS n FROM audit")[0]["n"]
        print(f"{total:,} audit rows; first page of {history.PAGE}; medians of {args.runs} runs")
        print(f"{'filter':<40}{'rows':>6}{'first page s':>14}{'no-index SQL s':>16}{'ratio':>8}")
        worst = 0.0
        from csp_desktop.store.history import _where
        for name, chosen in cases.items():
            shown = history.history(reg, chosen)
            took = median_time(lambda: history.history(reg, chosen), args.runs)
            where, params = _where(chosen)
            sql = (f"SELECT * FROM audit a{' WHERE ' + ' AND '.join(where) if where else ''} "
                   "ORDER BY a.at DESC LIMIT 200")
            base = median_time(lambda: plain.execute(sql, params).fetchall(), max(1, args.runs // 3))
            worst = max(worst, took)
            print(f"{name:<40}{len(shown):>6}{took:>14.4f}{base:>16.4f}{base / took:>8.1f}")
        print(f"target: first page within {TARGET * 1000:.0f} ms: {'met' if worst <= TARGET else 'NOT met'} "
              f"(worst {worst * 1000:.0f} ms)")
        reg.close()
        plain.close()


if __name__ == "__main__":
    main()
