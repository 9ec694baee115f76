"""The kills proof, run as `python -m tests.store.kill_worker REGISTER WORKDIR KILLS SEED`.

A driver process, with every module already imported, forks a child that holds the register as the app
does and makes scripted edits, imports and owner returns for ever, noting each in a journal once it
has returned (that is, once it is reported committed). The driver SIGKILLs it after a random pause,
then checks the register as `csp-desktop check` does, finds every journalled write, and finds no write
half there. Prints one JSON line of counts.
"""
from __future__ import annotations

import json
import os
import random
from typing import Any
import signal
import sys
import time
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from csp_desktop.domain.model import Risk
from csp_desktop.interchange.owner_layout import HEADER_ROW
from csp_desktop.services import opening, risk_editing, updates
from csp_desktop.store import Register
from csp_desktop.store.maintenance import check
from csp_desktop.store.risks import add_risk

IMPORT_ROWS = 5
COUNTER = "Kill counter"
TODAY = date(2026, 11, 27)


def prepare(path: Path) -> None:
    from tests.services.update_helpers import build_round_register
    with Register.create(path, "Kills") as reg:
        build_round_register(reg)
        add_risk(reg, Risk(COUNTER, description="0"))


# -- the child: scripted work until killed ------------------------------------------------------------

def work(path: Path, folder: Path, journal: Path, seed: int) -> None:
    rng = random.Random(seed)
    note = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    opened = opening.open_for_editing(path, who="Killed")
    if opened.read_only_reason:
        raise SystemExit(opened.read_only_reason)
    reg = opened.register
    n = 0
    while True:
        n += 1
        tag = f"{seed}-{n}"
        step = rng.choice(["edit", "edit", "edit", "import", "return"])
        if step == "edit":
            counter = next(r for r in risk_editing.load_risks(reg).risks if r.title == COUNTER)
            value = int(counter.description) + 1
            risk_editing.set_risk_fields(reg, counter.id, {"description": str(value)}, counter.version)
            os.write(note, f"edit {value}\n".encode())
        elif step == "import":
            csv = folder / f"import-{tag}.csv"
            rows = "".join(f"imp {tag} {i},3,3\n" for i in range(IMPORT_ROWS))
            csv.write_text("Risk,Likelihood,Impact\n" + rows, encoding="utf-8")
            opening.import_into(opened, csv, dry_run=False)  # the app's background worker connection
            os.write(note, f"import {tag}\n".encode())
        else:
            sent = updates.send_round(reg, folder / f"round-{tag}")
            book = next(f.path for f in sent.files if f.owner == "Siân Prŵs")
            _fill(book, f"ret {tag}")
            receipt = updates.receive(reg, book, accept_all=True, today=TODAY)
            assert not receipt.refused and receipt.duplicate_of is None, receipt.refused
            os.write(note, f"return {tag}\n".encode())


def _fill(book: Path, text: str) -> None:
    wb = load_workbook(book)
    ws = wb["Actions"]
    column = [c.value for c in ws[HEADER_ROW]].index("Progress update") + 1
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, 1).value in ("A-1", "A-2"):
            ws.cell(row, column).value = text
    wb.save(book)


# -- the driver: kill, then look ---------------------------------------------------------------------

def verify(path: Path, journal: Path) -> list[str]:
    """What is wrong with the register after a kill; [] when all is well."""
    lines = journal.read_text().split("\n") if journal.exists() else []
    reported = [line.split(" ", 1) for line in lines if line]
    with Register.open(path, read_only=True) as reg:
        wrong = [f"check: {p}" for p in check(reg)]
        counter = reg.query("SELECT id, description FROM risks WHERE title = ?", [COUNTER])[0]
        value = int(counter["description"])
        audited = reg.query("SELECT COUNT(*) AS n FROM audit WHERE row_id = ? AND field = 'description'",
                            [counter["id"]])[0]["n"]
        imported: dict[str, int] = {}
        for row in reg.query("SELECT title FROM risks WHERE title LIKE 'imp %'"):
            tag = row["title"].split(" ")[1]
            imported[tag] = imported.get(tag, 0) + 1
        notes: dict[str, int] = {}
        for row in reg.query("SELECT text FROM progress_notes WHERE text LIKE 'ret %'"):
            notes[row["text"][4:]] = notes.get(row["text"][4:], 0) + 1
        logged: dict[str, list[str]] = {}
        for row in reg.query("SELECT new_value, outcome FROM return_changes WHERE new_value LIKE 'ret %'"):
            logged.setdefault(row["new_value"][4:], []).append(row["outcome"])
    edits = [int(v) for kind, v in reported if kind == "edit"]
    if edits and value < max(edits):  # (above it is fine: a killed child may have committed and not said so)
        wrong.append(f"counter is {value} but edit {max(edits)} was reported")
    if audited != value:
        wrong.append(f"counter is {value} with {audited} audit rows: half applied")
    for kind, tag in reported:
        if kind == "import" and imported.get(tag) != IMPORT_ROWS:
            wrong.append(f"import {tag} reported but {imported.get(tag, 0)} rows there")
        if kind == "return" and notes.get(tag) != 2:
            wrong.append(f"return {tag} reported but {notes.get(tag, 0)} notes there")
    wrong += [f"import {t} half applied ({n} rows)" for t, n in imported.items() if n != IMPORT_ROWS]
    wrong += [f"return {t} half applied ({n} notes)" for t, n in notes.items() if n != 2]
    for tag in set(notes) | set(logged):  # applied and logged together, or neither
        if notes.get(tag, 0) != len(logged.get(tag, [])) or set(logged.get(tag, [])) - {"applied"}:
            wrong.append(f"return {tag}: {notes.get(tag, 0)} notes, logged as {logged.get(tag)}")
    return wrong


def drive(path: Path, folder: Path, kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    journal = folder / "journal.txt"
    counts: dict[str, Any] = {"kills": 0, "reported": 0, "problems": [], "edits": 0, "imports": 0, "returns": 0}
    for k in range(kills):
        child = os.fork()
        if child == 0:  # the child: never returns
            try:
                work(path, folder, journal, seed * 100_000 + k)
            except BaseException:  # noqa: BLE001 - the driver reports a child that stopped by itself
                import traceback
                traceback.print_exc()
            finally:
                os._exit(3)
        time.sleep(rng.uniform(0.05, 0.5))
        os.kill(child, signal.SIGKILL)
        _, status = os.waitpid(child, 0)
        if not os.WIFSIGNALED(status):
            counts["problems"].append(f"kill {k}: the child stopped by itself ({status})")
            break
        counts["kills"] += 1
        problems = verify(path, journal)
        if problems:
            counts["problems"] += [f"kill {k}: {p}" for p in problems]
            break
    lines = [line.split(" ")[0] for line in journal.read_text().split("\n") if line] if journal.exists() else []
    counts["reported"] = len(lines)
    for kind in ("edit", "import", "return"):
        counts[kind + "s"] = lines.count(kind)
    return counts


if __name__ == "__main__":
    register, workdir, kills, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if not register.exists():
        prepare(register)
    print(json.dumps(drive(register, workdir, kills, seed)), flush=True)
