"""Board pack speed: the demo register, 500 risks + 2,000 actions, 5,000 risks + 20,000 actions, and beside
them what secretaries do today: LibreOffice headless turning the same rows (the 500-risk pack's open risks and
tracked actions, as an .xlsx) into a PDF.

Run from the repository root:  python bench/bench_pack.py [--repeat 5] [--skip-big]
Each pack is built in a fresh process (so peak memory is that build's own); figures are medians. The 500-risk
pack and the LibreOffice conversions take turns, run by run, so a busy spell on the machine falls on both.
LibreOffice is timed twice: the sheets as laid out (wide columns run onto further pages) and fitted to the page
width (what a readable PDF needs, and slower); the target ratio is taken against the faster of the two.
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
    """Medians of (build s, process s, process CPU s), the peak MB and the page count."""
    runs = []
    for n in range(repeat):
        out = folder / f"{register.stem}-{n}.pdf"
        (whole, cpu), done = timed([sys.executable, __file__, "--one", str(register), str(out), meeting_id or ""])
        seconds, peak, pages = done.stdout.split()
        runs.append((float(seconds), whole, cpu, float(peak), int(pages)))
    return (*(statistics.median(r[i] for r in runs) for i in range(3)), max(r[3] for r in runs), runs[0][4])


def timed(command: list[str]):
    """((wall s, CPU s of the command and its children), the finished process)."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return (time.perf_counter() - start, _children_cpu() - cpu_before), done


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def xlsx_of(register_path: Path, meeting_id: str, out: Path, fit_width: bool) -> tuple[int, int]:
    """The rows the Part I pack prints, as a secretary's spreadsheet: a Register sheet (one row per open risk
    with its description, mitigations, scores and latest review) and a Tracker sheet (one row per tracked
    action with its latest note); wrapped text, A4 landscape, repeated header. Returns (risks, actions)."""
    from openpyxl import Workbook
    from csp_desktop.reports.tracker import tracked_actions
    from csp_desktop.services.packs import PackOptions, for_part, gather, with_options
    from csp_desktop.store import Register
    with Register.open(register_path, read_only=True) as reg:
        data = for_part(with_options(gather(reg, meeting_id, TODAY), PackOptions(meeting_id)), "public")
    book = Workbook()
    risks, actions = data.open_risks, tracked_actions(data)
    _sheet(book.active, "Register", (
        ("Ref", 8), ("Risk", 30), ("Description", 45), ("Mitigations", 45), ("Owner", 18), ("Inherent", 8),
        ("Residual", 8), ("Target", 8), ("Travel", 7), ("Latest review", 35), ("Next review", 10),
        ("Actions", 12)),
        fit_width, [[r.ref, r.title, r.description, "\n".join(m.description for m in r.mitigations),
          f"{r.owner}\n{r.owner_org}", _score(r.inherent), _score(r.residual), _score(r.target), r.direction,
          f"{r.last_review.on} {r.last_review.by}: {r.last_review.note}" if r.last_review else "",
          r.next_review, ", ".join(r.action_refs)] for r in risks])
    _sheet(book.create_sheet(), "Tracker", (
        ("Ref", 8), ("Action", 45), ("Owner", 22), ("Latest progress", 45), ("Risk", 8), ("Due", 11),
        ("Status", 12), ("RAG", 7)),
        fit_width, [[a.ref, a.title, a.owner, a.progress, a.risk_ref, a.due, a.status, a.rag or ""] for a in actions])
    book.save(out)
    return len(risks), len(actions)


def _score(rating) -> int | None:
    return rating.score if rating else None


def _sheet(sheet, title: str, columns, fit_width: bool, rows) -> None:
    from openpyxl.styles import Alignment, Font
    sheet.title = title
    sheet.append([name for name, _ in columns])
    for row in rows:
        sheet.append(row)
    for number, (_, width) in enumerate(columns):
        sheet.column_dimensions[chr(ord("A") + number)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if fit_width:  # every column on one page across, as in a pack; as laid out, wide columns run on
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def soffice_command(folder: Path) -> list[str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    # its own profile, so a desktop LibreOffice running on the machine is neither used nor disturbed
    return [soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to", "pdf",
            "--outdir", str(folder)]


def versus_libreoffice(path: Path, meeting: str, repeat: int, folder: Path):
    """The 500-risk pack and LibreOffice converting the same rows, in turns. Returns (pack row, LibreOffice
    rows as (label, first run s, median s, pages), printed rows)."""
    as_laid_out, fitted = folder / "rows.xlsx", folder / "rows-fitted.xlsx"
    printed = xlsx_of(path, meeting, as_laid_out, fit_width=False)
    xlsx_of(path, meeting, fitted, fit_width=True)
    soffice = soffice_command(folder)
    office: dict[Path, list[tuple[float, float]]] = {as_laid_out: [], fitted: []}
    if soffice is not None:
        for xlsx in office:  # the first run builds LibreOffice's profile and caches: reported apart
            office[xlsx].append(timed(soffice + [str(xlsx)])[0])
    runs = []
    for _ in range(repeat):
        runs.append(timed_builds(path, meeting, 1, folder))
        if soffice is not None:
            for xlsx in office:
                office[xlsx].append(timed(soffice + [str(xlsx)])[0])
    pack = (*(statistics.median(r[i] for r in runs) for i in range(3)), max(r[3] for r in runs), runs[0][4])
    from pypdf import PdfReader
    rows = [(label, times[0][0], statistics.median(t[0] for t in times[1:]),
             statistics.median(t[1] for t in times[1:]), len(PdfReader(folder / f"{xlsx.stem}.pdf").pages))
            for (xlsx, times), label in zip(office.items(), ("as laid out", "fitted to page width"))
            if soffice is not None]
    return pack, rows, printed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
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
    path = folder / "r500.cspreg"
    reg, meeting = fake_register(path, 500, 2000)
    reg.close()
    pack, office, printed = versus_libreoffice(path, meeting, args.repeat, folder)
    rows.append(("500 risks + 2000 actions", *pack))
    if not args.skip_big:
        path = folder / "r5000.cspreg"
        reg, meeting = fake_register(path, 5000, 20000)
        reg.close()
        rows.append(("5000 risks + 20000 actions", *timed_builds(path, meeting, 1, folder)))
    _print(rows, office, args.repeat, printed)
    shutil.rmtree(folder, ignore_errors=True)


def _print(rows, office, repeat, printed) -> None:
    wall, cpu = (min(r[2] for r in office), min(r[3] for r in office)) if office else (None, None)
    print(f"{'what':46} {'pages':>6} {'build s':>8} {'process s':>10} {'CPU s':>6} {'peak MB':>8} "
          f"{'vs LibreOffice':>15} {'CPU vs LO':>10}")
    for label, seconds, whole, used, peak, pages in rows:
        ratios = (f"{whole / wall:.2f}x", f"{used / cpu:.2f}x") if office else ("n/a", "n/a")
        print(f"{'pack: ' + label:46} {pages:>6} {seconds:>8.2f} {whole:>10.2f} {used:>6.2f} {peak:>8.0f} "
              f"{ratios[0]:>15} {ratios[1]:>10}")
    for label, _, median, used, pages in office:
        print(f"{'LibreOffice, same rows, ' + label:46} {pages:>6} {'':>8} {median:>10.2f} {used:>6.2f} {'':>8} "
              f"{median / wall:>14.2f}x {used / cpu:>9.2f}x")
    if not office:
        print("LibreOffice rows skipped: soffice is not installed (apt-get install libreoffice-calc-nogui).")
        return
    print(f"(LibreOffice converts the rows the 500-risk Part I pack prints: {printed[0]} open risks with mitigations "
          f"and latest review, {printed[1]} tracked actions with their latest note; two sheets, A4 landscape. "
          f"Ratios are to the faster LibreOffice row.)")
    print(f"(build s: open the register, gather, write the PDF; process s: the whole command, Python start and "
          f"imports included; CPU s: the command's user + system time, steadier than wall time on a busy machine. "
          f"LibreOffice's first runs, building its profile: {', '.join(f'{r[1]:.2f} s' for r in office)}. "
          f"Medians of {repeat} runs, the 500-risk pack and LibreOffice taking turns; the 5,000-risk pack is one run.)")


if __name__ == "__main__":
    main()
