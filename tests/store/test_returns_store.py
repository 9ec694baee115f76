"""The returns log's store: rounds, progress per owner, author of audit rows, no audit rows of its own."""
import pytest

from csp_desktop.domain.model import Owner
from csp_desktop.store import returns as log
from csp_desktop.store.partners import add_owner
from tests.conftest import known


def _round(reg, owner, sent_at, file_name):
    sending = {"id": f"s-{file_name}", "owner_id": owner.id, "owner_name": owner.name, "file_name": file_name}
    items = [{"tbl": "risks", "row_id": "r1", "row_version": 1, "label": "R-1", "sent": "{}"}]
    return log.record_round(reg, {"sent_at": sent_at, "sent_by": "tester"}, [(sending, items)])


def test_progress_follows_each_owners_latest_workbook(register):
    owner = Owner(name="Siân")
    add_owner(register, owner)
    audit_before = register.query("SELECT COUNT(*) AS n FROM audit")[0]["n"]
    _round(register, owner, "2026-08-01T10:00:00", "q2.xlsx")
    _round(register, owner, "2026-11-01T10:00:00", "q3.xlsx")
    log.log_return(register, {"round_owner_id": "s-q2.xlsx", "owner_name": "Siân", "file_name": "back.xlsx",
                              "file_sha256": "abc", "status": log.TAKEN}, [{"field": "status", "new_value": "x"}])
    (row,) = log.round_progress(register)
    assert (row["file_name"], row["returned_at"]) == ("q3.xlsx", None)   # the old round's return does not count
    assert known(log.taken_return_with_hash(register, "abc"))["file_name"] == "back.xlsx"
    assert register.query("SELECT COUNT(*) AS n FROM audit")[0]["n"] == audit_before  # the log is its own record
    (change,) = log.changes(register, outcome=log.PENDING)
    assert (change["old_value"], change["flag"], change["owner_name"]) == ("", "", "Siân")


def test_acting_as_restores_the_author_even_after_an_error(register):
    with pytest.raises(RuntimeError):
        with log.acting_as(register, "Siân (return back.xlsx)"):
            assert register.who == "Siân (return back.xlsx)"
            raise RuntimeError("boom")
    assert register.who == "tester"


def test_current_rows_only_reads_the_tables_owners_update(register):
    with pytest.raises(ValueError):
        log.current_rows(register, "audit", ["x"])
    assert log.current_rows(register, "risks", []) == {}
