"""Whatever a file holds, reading it ends in clean contents or a ReadError, never a crash."""
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from csp_desktop.interchange.problems import ReadError
from csp_desktop.interchange.register_reader import read_spreadsheet
from tests.conftest import known

HEADINGS = ["Risk", "Likelihood", "Impact", "Risk Score", "Owner", "Exempt", "Review date", "Action", "Due date",
            "Status", "Priority", "Residual likelihood", "Mitigation", ""]
CELLS = st.one_of(st.sampled_from(["High", "Med", "3", "7", "yes", "maybe", "31/02/2026", "2026-01-01", "=1+1",
                                   "'=cmd", "Closed", "", " "]), st.text(max_size=40))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=8),
       rows=st.lists(st.lists(CELLS, max_size=9), max_size=12))
def test_any_csv_reads_cleanly_or_is_refused(header, rows):
    import csv
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header] + rows)
        try:
            contents = read_spreadsheet(path)
        except ReadError as exc:
            assert exc.problems and str(exc).startswith("fuzz.csv")
        else:
            assert all(r.title for r in contents.risks)
            assert all(known(contents.scheme).fits(r.inherent) for r in contents.risks)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_read_cleanly_or_are_refused(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "blob.csv"
        path.write_bytes(data)
        try:
            read_spreadsheet(path)
        except ReadError as exc:
            assert str(exc).startswith("blob.csv")
