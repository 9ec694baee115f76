"""One side of the two-process proof, run as `python -m tests.store.two_process_worker MODE REGISTER N`.

app:     holds the register as the app does, makes N read-and-increment edits of one risk (each
         carrying the version it read), opens background connections as the app does (a reader after
         every edit, a writer every tenth), and publishes each committed value.
reader:  until told to stop, reads the published value, then the register through a fresh read-only
         connection, as `risks` or `backup` would; a smaller value is a stale read. With `try-writing`
         it also tries to write, which must be refused in one sentence naming the holder.
counter: N increments, each as one command: hold, edit, let go (retrying while the other holds it).
Prints one JSON line: its counts (the app then holds on until its stdin closes).
"""
from __future__ import annotations

import json
import os
import sys
import time
from typing import Any
from pathlib import Path

from csp_desktop.services import opening, risk_editing
from csp_desktop.store import Register
from csp_desktop.store.maintenance import backup
from csp_desktop.store.writer_lock import RegisterHeld


def counter_of(reg: Register) -> tuple[str, int, int]:
    [risk] = risk_editing.load_risks(reg).risks
    return risk.id, int(risk.description or 0), risk.version


def publish(path: Path, value: int) -> None:
    note = path.with_name(path.name + f".committed.{os.getpid()}")
    note.write_text(str(value))
    os.replace(note, path.with_name(path.name + ".committed"))


def published(path: Path) -> int:
    try:
        return int(path.with_name(path.name + ".committed").read_text() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def increment(reg: Register) -> int:
    risk_id, value, version = counter_of(reg)
    risk_editing.set_risk_fields(reg, risk_id, {"description": str(value + 1)}, version)
    return value + 1


def app(path: Path, n: int) -> dict:
    counts: dict[str, Any] = {"edits": 0, "background writes": 0, "stale background reads": 0, "errors": []}
    opened = opening.open_for_editing(path, who="Jo Bloggs")
    assert opened.read_only_reason is None, opened.read_only_reason
    print("held", flush=True)
    reg = opened.register
    try:
        for i in range(n):
            value = increment(reg)
            counts["edits"] += 1
            publish(path, value)
            with Register.open(path, read_only=True) as background:  # a pack build, a list reload
                if counter_of(background)[1] < value:
                    counts["stale background reads"] += 1
            if i % 10 == 9:
                with Register.open(path) as job:  # an import on the background worker
                    publish(path, increment(job))
                    counts["background writes"] += 1
    except Exception as exc:  # noqa: BLE001 - the proof counts every failure
        counts["errors"].append(f"{type(exc).__name__}: {exc}")
    print(json.dumps(counts), flush=True)
    sys.stdin.read()  # still holding it until the test has stopped the other process
    reg.close()
    return counts


def reader(path: Path, stop: Path, try_writing: bool) -> dict:
    counts: dict[str, Any] = {"reads": 0, "stale reads": 0, "refusals": 0, "backups": 0, "errors": [], "refusal": ""}
    folder = path.with_name("backups")
    folder.mkdir(exist_ok=True)
    while not stop.exists():
        try:
            committed = published(path)
            with Register.open(path, read_only=True) as reg:
                seen = counter_of(reg)[1]
                if counts["reads"] % 25 == 0:
                    copy = backup(reg, folder)
                    with Register.open(copy, read_only=True) as kept:
                        if counter_of(kept)[1] < committed:
                            counts["stale reads"] += 1
                    copy.unlink()
                    counts["backups"] += 1
            counts["reads"] += 1
            if seen < committed:
                counts["stale reads"] += 1
            if try_writing and counts["reads"] % 10 == 0:
                for attempt in (lambda: opening.opened(path), lambda: Register.open(path)):
                    try:  # a write command, and any code that opens the file to write without the lock
                        with attempt():
                            counts["errors"].append("a second writer was let in")
                    except RegisterHeld as exc:
                        counts["refusals"] += 1
                        counts["refusal"] = str(exc)
        except Exception as exc:  # noqa: BLE001
            counts["errors"].append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.05)
    return counts


def counter(path: Path, n: int) -> dict:
    counts: dict[str, Any] = {"increments": 0, "waits": 0, "errors": []}
    while counts["increments"] < n:
        try:
            with opening.opened(path) as reg:
                publish(path, increment(reg))
            counts["increments"] += 1
        except RegisterHeld:
            counts["waits"] += 1
            time.sleep(0.002)
        except Exception as exc:  # noqa: BLE001
            counts["errors"].append(f"{type(exc).__name__}: {exc}")
    return counts


if __name__ == "__main__":
    mode, register = sys.argv[1], Path(sys.argv[2])
    if mode == "app":
        app(register, int(sys.argv[3]))
        sys.exit(0)
    elif mode == "reader":
        result = reader(register, Path(sys.argv[3]), sys.argv[4:] == ["try-writing"])
    else:
        result = counter(register, int(sys.argv[3]))
    print(json.dumps(result), flush=True)
