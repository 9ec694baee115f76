"""The one timing helper of the benchmarks: the median of repeated runs, in milliseconds."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def median_ms(work: Callable[[], object], repeat: int, settle: Callable[[], object] | None = None) -> float:
    """Median milliseconds of `work`, each run followed by `settle` (e.g. processing the Qt events it caused)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        if settle is not None:
            settle()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
