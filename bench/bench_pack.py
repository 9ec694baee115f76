"""Board pack speed: the demo register, 500 risks + 2,000 actions, 5,000 risks + 20,000 actions, and beside
them what secretaries do today, LibreOffice turning the 500-risk register (as .xlsx) into a PDF.

Run from the repository root:  python bench/bench_pack.py [--repeat 3] [--skip-big]
Each pack is built in a fresh process (so peak memory is that build's own); figures are medians.
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)
WORDS = ("funding partner data night-time economy violence housing youth drugs county lines cyber fraud "
         "hate crime Prevent referral domestic abuse IDVA MARAC CCTV licensing ŵ ŷ Łódź £ \u2013").split()


def fake_register(path: Path, risks: int, actions: int):
    """A register of the given size, written in one transaction through the store's generic insert."""
    from csp_desktop.domain.model import Meeting
    from csp_desktop.domain.scoring import Rating
    from csp_desktop.store import Register
    from csp_desktop.store.meetings import add_meeting
    from csp_desktop.store.rows import action_row, mitigation_row, risk_row
    from csp_desktop.domain.model import Action, Mitigation, Risk, new_id
    rnd = random.Random(risks)
    reg = Register.create(path, f"Benchmark CSP ({risks} risks)")
    last = Meeting("Partnership Executive Group", datetime(2026, 9, 1, 10))
    this = Meeting("Partnership Executive Group", datetime(2026, 12, 1, 10))
    add_meeting(reg, last)
    add_meeting(reg, this)
    owners = [{"id": new_id(), "name": f"Owner {n} {rnd.choice(WORDS)}"} for n in range(max(10, risks // 25))]

    def text(n):
        return " ".join(rnd.choice(WORDS) for _ in range(n))

    def rating():
        return Rating(rnd.randint(1, 5), rnd.randint(1, 5))
    risk_rows, mitigation_rows, action_rows = [], [], []
    for n in range(risks):
        risk = Risk(text(6), ref=f"R-{n + 1}", description=text(30), owner_id=rnd.choice(owners)["id"],
                    inherent=rating(), residual=rating(), target=rating(), exempt=n % 50 == 0,
                    next_review=TODAY + timedelta(days=rnd.randint(-60, 120)))
        risk_rows.append({**risk_row(risk), "id": risk.id})
        for m in range(2):
            mitigation_rows.append(mitigation_row(Mitigation(risk.id, text(12), owner_id=rnd.choice(owners)["id"],
                                                             position=m)))
    for n in range(actions):
        action = Action(text(10), ref=f"A-{n + 1}", owner_id=rnd.choice(owners)["id"],
                        due=TODAY + timedelta(days=rnd.randint(-90, 200)), progress=text(15),
                        status=rnd.choice(("not started", "in progress", "in progress", "complete")),
                        risk_id=rnd.choice(risk_rows)["id"], meeting_id=last.id if n % 20 == 0 else None)
        action_rows.append(action_row(action))
    with reg.transaction():
        reg.insert_many("owners", owners)
        reg.insert_many("risks", risk_rows)
        reg.insert_many("mitigations", mitigation_rows)
        reg.insert_many("actions", action_rows)
    _a_quarter_later(reg, last.id, risk_rows, rnd)
    return reg, this.id


def _a_quarter_later(reg, last_meeting: str, risk_rows: list[dict], rnd: random.Random) -> None:
    """The previous meeting's pack was issued; since then one risk in ten was re-scored, as in a real quarter."""
    from csp_desktop.services.packs import issue
    issue(reg, last_meeting, date(2026, 8, 25))
    with reg.transaction():
        for row in rnd.sample(risk_rows, len(risk_rows) // 10):
            reg.update("risks", row["id"], {"residual_likelihood": rnd.randint(1, 5),
                                            "residual_impact": rnd.randint(1, 5)})


def demo_register(path: Path):
    try:
        from csp_desktop.services.demo import create_demo
    except ImportError:
        from tests.pack_register import fill
        from csp_desktop.store import Register
        reg = Register.create(path, "Test partnership (demo not in main yet)")
        return reg, fill(reg)["this"], "test register (demo not yet in main)"
    reg = create_demo(path, TODAY)
    from csp_desktop.store.meetings import list_meetings
    meetings = list_meetings(reg)
    return reg, (meetings[-1].id if meetings else None), "demo register"


def one_build(register: str, out: str, meeting_id: str) -> None:
    """Child process: build one pack, print seconds and peak memory in MB."""
    from csp_desktop.services.packs import PackOptions, build_pack
    from csp_desktop.store import Register
    start = time.perf_counter()
    with Register.open(Path(register), read_only=True) as reg:
        result = build_pack(reg, Path(out), PackOptions(meeting_id=meeting_id or None), TODAY)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {peak:.0f} {result.pages}")


def timed_builds(register: Path, meeting_id: str | None, repeat: int, folder: Path):
    runs = []
    for n in range(repeat):
        out = folder / f"{register.stem}-{n}.pdf"
        started = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--one", str(register), str(out), meeting_id or ""],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        whole = time.perf_counter() - started
        seconds, peak, pages = done.stdout.split()
        runs.append((float(seconds), whole, float(peak), int(pages)))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs), runs[0][3])


def xlsx_of(register_path: Path, out: Path) -> None:
    """The register as a secretary's spreadsheet: one row per risk, wrapped text, landscape, repeated header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from csp_desktop.services.listing import risk_rows
    from csp_desktop.store import Register
    from csp_desktop.store.risks import mitigations_by_risk
    with Register.open(register_path, read_only=True) as reg:
        rows = risk_rows(reg)
        mitigations = mitigations_by_risk(reg)
        descriptions = {r["ref"]: r for r in reg.query("SELECT id, ref, description FROM risks")}
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Risk", "Description", "Mitigations", "Owner", "Inherent", "Residual", "Band"])
    for row in rows:
        risk = descriptions[row["ref"]]
        sheet.append([row["ref"], row["title"], risk["description"],
                      "\n".join(m.description for m in mitigations.get(risk["id"], [])), row["owner"],
                      row["inherent_score"], row["residual_score"], row["band"]])
    for column, width in zip("ABCDEFGH", (8, 30, 50, 45, 18, 9, 9, 10)):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "1:1"
    book.save(out)


def libreoffice(xlsx: Path, repeat: int, folder: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = folder / "lo-profile"
    runs = []
    for _ in range(repeat + 1):  # the first run builds LibreOffice's profile; it is reported apart
        start = time.perf_counter()
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), str(xlsx)], capture_output=True, check=True)
        runs.append(time.perf_counter() - start)
    from pypdf import PdfReader
    return runs[0], statistics.median(runs[1:]), len(PdfReader(folder / f"{xlsx.stem}.pdf").pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-big", action="store_true", help="leave out the 5,000-risk register")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return one_build(*args.one)
    folder = Path(tempfile.mkdtemp(prefix="bench-pack-"))
    rows = []
    reg, meeting, label = demo_register(folder / "demo.cspreg")
    reg.close()
    rows.append((label, *timed_builds(folder / "demo.cspreg", meeting, args.repeat, folder)))
    sizes = [(500, 2000)] + ([] if args.skip_big else [(5000, 20000)])
    for risks, actions in sizes:
        path = folder / f"r{risks}.cspreg"
        reg, meeting = fake_register(path, risks, actions)
        reg.close()
        repeat = args.repeat if risks <= 500 else 1
        rows.append((f"{risks} risks + {actions} actions", *timed_builds(path, meeting, repeat, folder)))
    xlsx = folder / "r500.xlsx"
    xlsx_of(folder / "r500.cspreg", xlsx)
    office = libreoffice(xlsx, args.repeat, folder)
    _print(rows, office, args.repeat)
    shutil.rmtree(folder, ignore_errors=True)


def _print(rows, office, repeat) -> None:
    baseline = office[1] if office else None
    print(f"{'what':42} {'pages':>6} {'build s':>8} {'process s':>10} {'peak MB':>8} {'process vs LibreOffice':>23}")
    for label, seconds, whole, peak, pages in rows:
        ratio = f"{whole / baseline:.2f}x" if baseline else "n/a"
        print(f"{'pack: ' + label:42} {pages:>6} {seconds:>8.2f} {whole:>10.2f} {peak:>8.0f} {ratio:>23}")
    if office:
        first, median, pages = office
        print(f"{'LibreOffice xlsx->pdf, 500 risks':42} {pages:>6} {'':>8} {median:>10.2f} {'':>8} {'1.00x':>23}")
        print(f"(build s: open the register, gather, write the PDF; process s: the whole command, Python start "
              f"and imports included. LibreOffice's first run, building its profile: {first:.2f} s. Medians of "
              f"{repeat} runs; the 5,000-risk pack is one run.)")
    else:
        print("LibreOffice row skipped: soffice is not installed (apt-get install libreoffice-calc).")


if __name__ == "__main__":
    main()
