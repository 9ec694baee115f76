"""How long the rolling backups take: a backup on opening, listing with checks, what a restore loses,
and a restore, on registers of growing size. Baseline: Register.open of the same file, same run.

    /work/main/.venv/bin/python bench/bench_backups.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The package, and this folder so the bench helpers import by module name as in the other scripts.
sys.path[:0] = [str(HERE.parent), str(HERE)]

from csp_desktop.domain import backup_policy as policy  # noqa: E402
from csp_desktop.services import backups, restoring  # noqa: E402
from csp_desktop.store import Register  # noqa: E402
from synthetic import build  # noqa: E402
from timing import median_ms  # noqa: E402

SIZES = ((100, 500), (1000, 5000), (10000, 50000))
RUNS = 5


def main() -> None:
    print(f"{'risks':>6} {'actions':>7} {'MB':>6} {'open':>7} {'backup':>8} {'ratio':>6} {'list+check(11)':>15} "
          f"{'what lost':>10} {'restore':>8}")
    for risks, actions in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            path = build(Path(folder) / "r.cspreg", risks, actions)
            size = path.stat().st_size / 1024 / 1024
            opening = median_ms(lambda: Register.open(path).close(), RUNS)
            reg = Register.open(path)
            now = iter(datetime(2026, 1, 1) + timedelta(minutes=n) for n in range(1000))
            backup = median_ms(lambda: backups.make_backup(reg, policy.IMPORT, next(now)), RUNS)
            reg.close()
            listed = median_ms(lambda: backups.list_backups(path, checked=True), RUNS)
            newest = backups.list_backups(path)[0]
            lost = median_ms(lambda: restoring.what_is_lost(path, newest), RUNS)
            start = time.perf_counter()
            restoring.restore(path, newest.path.name)
            restore = (time.perf_counter() - start) * 1000
            print(f"{risks:>6} {actions:>7} {size:>6.1f} {opening:>6.0f}ms {backup:>6.0f}ms {backup / opening:>6.1f} "
                  f"{listed:>13.0f}ms {lost:>8.0f}ms {restore:>6.0f}ms")


if __name__ == "__main__":
    main()
