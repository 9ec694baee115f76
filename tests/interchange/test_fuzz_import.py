"""Fuzzing the import reader with mutated real layouts (stress: 2,050 generated files, about 3 minutes).

For every file: the reader never crashes (a ReadError or a refusal in one sentence is fine), a refused
import leaves the register exactly as it was, and an accepted one never drops a row or a cell's words
without a warning naming that row.
"""
import csv
import io
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from csp_desktop.errors import UserError
from csp_desktop.interchange.register_reader import read_spreadsheet
from csp_desktop.services.imports import apply_contents
from csp_desktop.store import Register
from tests.conftest import snapshot
from tests.interchange.corpus import CORPUS
from tests.interchange.hostile import with_stated_size, with_zip_version

pytestmark = pytest.mark.stress

LAYOUTS = [list(csv.reader(io.StringIO(p.read_text(encoding="utf-8")))) for p in sorted(CORPUS.glob("*.csv"))
           if not p.name.startswith("bad-")]
ODD_CELLS = ["", " ", "N/A", "TBC", "Ongoing", "3 - Likely", "4 (Major)", "Very high", "Q4 2026/27", "31.03.27",
             "=1+1", "'=SUM(A1)", "\t=1+1", "Delayed", "G", "Amber", "caf\u00e9", "\u00a0", "P1", "SP-3", "7", "0",
             "-1", "2.5", "1e9", "nan", "yes", "Part II", "\"core\"", "a,b", "line\nbreak", "x" * 300]
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                          HealthCheck.data_too_large])


@st.composite
def mutated_layout(draw):
    """A real layout with cells replaced, rows dropped, doubled or blanked, and columns shuffled."""
    rows = [list(r) for r in draw(st.sampled_from(LAYOUTS))]
    for _ in range(draw(st.integers(0, 6))):
        r = draw(st.integers(0, len(rows) - 1))
        if rows[r]:
            c = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = draw(st.one_of(st.sampled_from(ODD_CELLS), st.text(max_size=30)))
    action = draw(st.sampled_from(["none", "drop", "double", "blank", "shuffle", "widen"]))
    if action == "drop" and len(rows) > 2:
        del rows[draw(st.integers(1, len(rows) - 1))]
    elif action == "double":
        rows.append(list(rows[-1]))
    elif action == "blank":
        rows.insert(draw(st.integers(0, len(rows))), [])
    elif action == "shuffle":
        order = draw(st.permutations(range(len(rows[0]))))
        rows = [[row[i] if i < len(row) else "" for i in order] for row in rows]
    elif action == "widen":
        rows = [row + [draw(st.sampled_from(ODD_CELLS))] for row in rows]
    return rows


def _csv_bytes(rows, delimiter: str, stray: bytes | None, at: int) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    data = out.getvalue().encode("utf-8")
    if stray:
        at = min(at, len(data))
        data = data[:at] + stray + data[at:]
    return data


def _xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([_typed(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _typed(value: str):
    """Numbers as numbers, as a spreadsheet holds them; anything that is not XML-safe as it is."""
    try:
        return int(value)
    except ValueError:
        return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)


def _check(path: Path, reg: Register) -> None:
    before = snapshot(reg)
    try:
        contents = read_spreadsheet(path, register_scheme=reg.scheme)
        apply_contents(reg, contents, dry_run=True)  # every check the register makes, then rolled back
    except UserError as exc:
        assert str(exc).strip(), "a refusal says why"
        assert snapshot(reg) == before, "a refused import changed the register"
        return
    assert snapshot(reg) == before
    _nothing_dropped(path, contents)


def _nothing_dropped(path: Path, contents) -> None:
    """Every word of every data row is in what was read, or a warning names its row."""
    kept = []
    for items, fields in ((contents.risks, ("title", "ref", "description", "category")),
                          (contents.mitigations, ("description",)),
                          (contents.actions, ("title", "ref", "progress", "due_text", "status_reported", "risk_ref")),
                          (contents.owners, ("name",)), (contents.priorities, ("ref", "title", "lead_agency")),
                          (contents.indicators, ("title", "target", "data_source", "latest", "latest_label"))):
        kept += [str(getattr(item, f)) for item in items for f in fields]
    text = "\n".join(kept)
    warned_rows = {w.row for w in contents.warnings if w.row}
    whole_file = [w for w in contents.warnings if w.row is None and "not imported" in w.message]
    if whole_file:
        return
    for number, row in _data_rows(path):
        words = [c for c in row if c is not None and len(c.strip()) > 3 and not _is_value(c)]
        missing = [w for w in words if w.strip(" \n") not in text]
        assert not missing or number in warned_rows, f"row {number}: {missing} dropped without a warning"


def _is_value(cell: str) -> bool:
    """Cells read as values, not words: levels, scores, dates, statuses, yes/no."""
    from csp_desktop.domain.dates import read_due
    from csp_desktop.domain.vocab import parse_action_status, parse_risk_status, parse_yes_no
    for parse in (parse_risk_status, parse_action_status, parse_yes_no, lambda v: read_due(v)[0] or 1 / 0):
        try:
            parse(cell)
            return True
        except (ValueError, ZeroDivisionError):
            continue
    from csp_desktop.domain.scoring import preset
    for size in ("3x3", "4x4", "5x5"):
        try:
            preset(size).parse_level(cell, "likelihood")
            return True
        except ValueError:
            try:
                preset(size).parse_level(cell, "impact")
                return True
            except ValueError:
                continue
    return False


def _data_rows(path: Path):
    from csp_desktop.interchange import headers as h
    from csp_desktop.interchange.tables import read_tables
    for sheet in read_tables(path).sheets:
        layout = h.find_layout(sheet.rows)
        if layout is None:
            continue
        # Columns named in a header-row warning (not taken in, or with no heading), or worked out (a band).
        named = {r.index for r in layout.readings if r.field in (None, h.IGNORE)}
        for index in range(layout.data_from, len(sheet.rows)):
            yield index + 1, [str(c) if c is not None and col not in named and col < len(layout.readings) else None
                              for col, c in enumerate(sheet.rows[index])]


@pytest.fixture(scope="module")
def fuzz_register(tmp_path_factory):
    with Register.create(tmp_path_factory.mktemp("fuzz") / "fuzz.cspreg", "Fuzz") as reg:
        yield reg


@settings(SETTINGS, max_examples=1200)
@given(rows=mutated_layout(), delimiter=st.sampled_from([",", ";", "\t"]),
       stray=st.one_of(st.none(), st.sampled_from([b"\xe9", b"\xff\xfe", b"\x92", b"\xc3", b"\r", b"\x00"])),
       at=st.integers(0, 2000))
def test_mutated_csv_layouts(fuzz_register, rows, delimiter, stray, at):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(_csv_bytes(rows, delimiter, stray, at))
        _check(path, fuzz_register)


@settings(SETTINGS, max_examples=600)
@given(rows=mutated_layout(), size=st.sampled_from([None, "A1:B2", "A1:A1", "A1:C3", "Z99:A1", "bogus"]))
def test_mutated_xlsx_layouts_with_wrong_stated_sizes(fuzz_register, rows, size):
    data = _xlsx_bytes(rows)
    if size:
        data = with_stated_size(data, size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        path.write_bytes(data)
        _check(path, fuzz_register)


@settings(SETTINGS, max_examples=250)
@given(rows=mutated_layout(), version=st.sampled_from([20, 45, 63, 64, 80, 999]),
       parts=st.integers(0, 300), flip=st.one_of(st.none(), st.integers(0, 4000)))
def test_odd_zips_many_parts_and_stray_bytes(fuzz_register, rows, version, parts, flip):
    data = _xlsx_bytes(rows)
    if parts:
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as z:
            for n in range(parts):
                z.writestr(f"xl/media/part{n}.xml", b"<x/>" * 50)
        data = buffer.getvalue()
    data = with_zip_version(data, version)
    if flip is not None and flip < len(data):
        data = data[:flip] + bytes([data[flip] ^ 0xFF]) + data[flip + 1:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        path.write_bytes(data)
        _check(path, fuzz_register)
