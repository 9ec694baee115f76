"""An imported risk the file gives no next review date is due after its band's review cycle, as `risk add` does."""
from datetime import date

import openpyxl

from csp_desktop.services.cadence import cadence
from csp_desktop.services.imports import import_file
from csp_desktop.store.risks import list_risks
from tests.conftest import known, snapshot


def _due(register, risk, on: date) -> date:
    return known(cadence(register).next_review(register.scheme, known(risk.current).score, on))


def _book(path, risks: list[list], reviews: list[list] | None = None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risks"
    for row in risks:
        sheet.append(row)
    if reviews is not None:
        other = book.create_sheet("Reviews")
        for row in reviews:
            other.append(row)
    book.save(path)
    return path


def test_every_open_herefordshire_risk_is_due_after_its_band_cycle(register, shared_registers):
    result = import_file(register, shared_registers / "herefordshire-2012.csv")
    risks = [r for r in list_risks(register) if r.status == "open"]
    assert risks and all(r.next_review == _due(register, r, date.today()) for r in risks)
    assert result.review_note == (f"{len(risks)} risks had no next review date: each is due after its band's "
                                  "review cycle.")


def test_a_last_review_in_the_file_starts_the_cycle_even_when_that_makes_it_overdue(register, tmp_path):
    path = _book(tmp_path / "reviewed.xlsx",
                 [["Ref", "Risk", "Likelihood", "Impact"], ["R1", "Knife crime", 5, 5], ["R2", "Flooding", 1, 2]],
                 [["Risk ref", "Reviewed on", "Reviewer"], ["R1", date(2020, 1, 10), "Ann"],
                  ["R1", date(2020, 3, 5), "Ann"], ["R1", date(2019, 6, 1), "Bob"]])
    result = import_file(register, path)
    by_ref = {r.ref: r for r in list_risks(register)}
    assert by_ref["R1"].next_review == _due(register, by_ref["R1"], date(2020, 3, 5))  # the latest review
    assert known(by_ref["R1"].next_review) < date.today()   # overdue, which is the truth
    assert by_ref["R2"].next_review == _due(register, by_ref["R2"], date.today())
    assert "(1 from their last review in the file)" in result.review_note


def test_a_next_review_the_file_gives_is_kept_as_read(register, tmp_path):
    path = _book(tmp_path / "dated.xlsx", [["Ref", "Risk", "Likelihood", "Impact", "Next review date"],
                                           ["R1", "Knife crime", 5, 5, date(2031, 2, 3)]],
                 [["Risk ref", "Reviewed on"], ["R1", date(2020, 3, 5)]])
    result = import_file(register, path)
    assert [r.next_review for r in list_risks(register)] == [date(2031, 2, 3)]
    assert result.review_note == ""


def test_a_closed_risk_is_not_given_a_review(register, tmp_path):
    path = _book(tmp_path / "closed.xlsx", [["Ref", "Risk", "Likelihood", "Impact", "Status"],
                                            ["R1", "Knife crime", 5, 5, "Closed"]])
    import_file(register, path)
    assert [r.next_review for r in list_risks(register)] == [None]


def test_the_dry_run_says_what_it_would_set_and_changes_nothing(register, shared_registers):
    before = snapshot(register)
    result = import_file(register, shared_registers / "herefordshire-2012.csv", dry_run=True)
    assert snapshot(register) == before
    assert result.review_note.startswith(f"{result.counts['risks']} risks had no next review date")
