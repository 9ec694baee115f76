"""What the benchmarks that time a process start share: starting the child with the clock running, and
waiting in the child until the window shows what is timed."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def start_child(script: str, args: list[str], home: str | Path, code: Path = ROOT, byte_code: bool = False) -> str:
    """Run `script --child ARGS` in a fresh Python importing csp_desktop from `code`, with its settings and data
    under `home`, and BENCH_T0 set to the moment it was started; returns what it printed.
    `byte_code`: cached byte code, as an installed app has it (pip compiles it), kept under `home`."""
    home = str(home)
    env = dict(os.environ, BENCH_HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, PYTHONPATH=str(code),
               BENCH_CODE=str(code))
    if byte_code:
        env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")  # not in the source tree
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["BENCH_T0"] = repr(time.time())
    return subprocess.run([sys.executable, script, "--child", *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def until(app, done: Callable[[], bool], limit: float = 120.0, nap: float = 0.0) -> None:
    """Turn the event loop until `done()`; exits the child after `limit` seconds. `nap` leaves the CPU to
    other threads between turns."""
    deadline = time.perf_counter() + limit
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        if nap:
            time.sleep(nap)
