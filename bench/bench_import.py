"""Import a 10,000-risk register from CSV and XLSX, against `sqlite-utils insert --csv` as the floor;
and how fast each hostile file is refused.

Every import figure is a whole process (start, read, write, exit), the median of several runs, measured
in this one run so that the ratio means something on a shared, noisy machine. Refusals are timed both
inside the process (the reader alone) and as a whole `csp-desktop import` process.

    python bench/bench_import.py [--rows 10000] [--runs 5]
"""
from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's csp_desktop, as the subprocesses use
HEADER = ["Ref", "Risk Description", "Likelihood", "Impact", "Risk Score", "Risk Owner", "Action Description",
          "Residual Likelihood", "Residual Impact", "Residual Risk Score"]


def make_rows(n: int) -> list[list]:
    rows = []
    for i in range(n):
        li, im = i % 5 + 1, (i * 7) % 5 + 1
        rl, ri = max(1, li - 1), max(1, im - 1)
        rows.append([f"R-{i + 1:05d}", f"Risk {i + 1}: partner funding or staffing may not cover the plan's work",
                     li, im, li * im, f"Owner body {i % 50}",
                     "Review budgets quarterly, share resources across partners and keep a costed exit plan. " * 2,
                     rl, ri, rl * ri])
    return rows


def write_files(folder: Path, rows: list[list]) -> tuple[Path, Path]:
    csv_path, xlsx_path = folder / "register.csv", folder / "register.xlsx"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Risk register")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(xlsx_path)
    return csv_path, xlsx_path


def timed(command: list[str], prepare=None, expect: int = 0) -> float:
    if prepare:
        prepare()
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=REPO)
    if done.returncode != expect:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return time.perf_counter() - start


def median_of(runs: int, command_for, prepare) -> float:
    return statistics.median(timed(command_for(), prepare) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sqlite_utils = shutil.which("sqlite-utils", path=str(Path(sys.executable).parent)) or "sqlite-utils"
    app = [sys.executable, "-m", "csp_desktop"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path, xlsx_path = write_files(folder, make_rows(args.rows))
        floor_db, register = folder / "floor.db", folder / "bench.cspreg"

        def fresh_floor():
            floor_db.unlink(missing_ok=True)

        def fresh_register():
            for p in folder.glob("bench.cspreg*"):
                p.unlink()
            subprocess.run(app + ["init", str(register)], check=True, capture_output=True, cwd=REPO)

        floor = median_of(args.runs, lambda: [sqlite_utils, "insert", str(floor_db), "risks", str(csv_path), "--csv"],
                          fresh_floor)
        ours_csv = median_of(args.runs, lambda: app + ["import", str(register), str(csv_path)], fresh_register)
        ours_xlsx = median_of(args.runs, lambda: app + ["import", str(register), str(xlsx_path)], fresh_register)

    print(f"{'what':<42} {'rows':>7} {'seconds':>8} {'rows/s':>9} {'x floor':>8}")
    for name, seconds in (("sqlite-utils insert --csv (floor)", floor), ("csp-desktop import .csv", ours_csv),
                          ("csp-desktop import .xlsx", ours_xlsx)):
        print(f"{name:<42} {args.rows:>7} {seconds:>8.2f} {args.rows / seconds:>9.0f} {seconds / floor:>8.2f}")
    print(f"targets: csv within 2x of the floor ({'met' if ours_csv <= 2 * floor else 'NOT met'}), "
          f"xlsx under 5 s ({'met' if ours_xlsx < 5 else 'NOT met'}); median of {args.runs} runs each")
    refusals(args.runs, app)


def hostile_files(folder: Path) -> dict[str, Path]:
    """The hostile files the fuzzing found, made on the spot."""
    from tests.interchange.hostile import sheet_bomb, with_zip_version, workbook_bytes
    files = {"180-sheet bomb (each part < 1 MB)": sheet_bomb(folder / "sheets.xlsx")}
    million = folder / "million.csv"
    million.write_bytes(b"Risk,Likelihood,Impact\n" + b"Flood,2,3\n" * 1_000_000)
    files["1,000,000-row CSV"] = million
    bomb = folder / "bomb.xlsx"
    import zipfile
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (600 * 1024 * 1024))
    files["600 MB zip bomb"] = bomb
    odd = folder / "odd.xlsx"
    odd.write_bytes(with_zip_version(workbook_bytes([["Risk", "Likelihood", "Impact"], ["Flood", 2, 3]]), 80))
    files["zip version 8.0"] = odd
    xls = folder / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    files["old .xls"] = xls
    return files


def refusals(runs: int, app: list[str]) -> None:
    from csp_desktop.interchange.problems import ReadError
    from csp_desktop.interchange.register_reader import read_spreadsheet
    print(f"\n{'hostile file':<42} {'MB':>7} {'reader s':>8} {'process s':>9} {'< 1 s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        register = folder / "r.cspreg"
        subprocess.run(app + ["init", str(register)], check=True, capture_output=True, cwd=REPO)
        for name, path in hostile_files(folder).items():
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                try:
                    read_spreadsheet(path)
                    raise SystemExit(f"{name} was not refused")
                except ReadError:
                    times.append(time.perf_counter() - start)
            process = statistics.median(timed(app + ["import", str(register), str(path)], None, expect=1)
                                        for _ in range(runs))
            reader = statistics.median(times)
            print(f"{name:<42} {path.stat().st_size / 1e6:>7.2f} {reader:>8.3f} {process:>9.2f} "
                  f"{'met' if reader < 1 else 'NOT met':>8}")


if __name__ == "__main__":
    main()
