"""Bad files of the corpus are refused naming file, sheet, row and column, and change nothing; and the
checks that keep a real register from importing half-read."""
import time

import openpyxl
import pytest

from csp_desktop.interchange.problems import ReadError
from csp_desktop.services.imports import import_file
from csp_desktop.store import Register
from csp_desktop.store.risks import list_risks
from tests.conftest import snapshot
from tests.interchange.corpus import CORPUS, imported
from tests.conftest import known


@pytest.fixture
def reg(tmp_path):
    with Register.create(tmp_path / "r.cspreg", "R") as register:
        yield register


def _refused(reg, path, *, within: float = 1.0):
    before = snapshot(reg)
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        import_file(reg, path)
    assert time.perf_counter() - started < within
    assert snapshot(reg) == before
    assert str(info.value).startswith(path.name) and str(info.value).endswith("nothing was imported.")
    return info.value


def test_a_wrong_level_is_named_at_its_own_cell_and_never_sways_the_others(reg):
    error = _refused(reg, CORPUS / "bad-wrong-level.csv")
    assert [str(p) for p in error.problems] == [
        "bad-wrong-level.csv, row 3, column C (Likelihood (1-5)): '7' is not a likelihood level on this 5-level "
        "scale (use Rare, Unlikely, Possible, Likely, Almost certain or 1-5)",
        "bad-wrong-level.csv, row 4, column C (Likelihood (1-5)): 'TBC' is not a likelihood level on this 5-level "
        "scale (use Rare, Unlikely, Possible, Likely, Almost certain or 1-5)"]


def test_a_stray_word_in_a_numbered_column_keeps_the_five_level_scale(reg, tmp_path):
    path = tmp_path / "stray.csv"
    path.write_text("Risk,Likelihood,Impact\nFlood,4,5\nFire,5,4\nTheft,Unsure,3\n", encoding="utf-8")
    plan_error = _refused(reg, path)
    assert len(plan_error.problems) == 1 and "row 4, column B (Likelihood): 'Unsure'" in str(plan_error.problems[0])


def test_a_broken_review_date_is_named_at_its_cell(reg):
    error = _refused(reg, CORPUS / "bad-broken-date.csv")
    assert str(error.problems[0]).startswith("bad-broken-date.csv, row 2, column E (Next review): '31/02/2027' is "
                                             "not a date")


def test_a_broken_due_date_is_kept_as_words_with_a_warning(reg, tmp_path):
    path = tmp_path / "due.csv"
    path.write_text("Action,Due date\nBuy CCTV,31/02/2027\n", encoding="utf-8")
    result = import_file(reg, path)
    from csp_desktop.store.actions import list_actions
    (action,) = list_actions(reg)
    assert action.due is None and action.due_text == "31/02/2027"
    assert "row 2, column B (Due date): '31/02/2027' is not a date" in str(result.warnings[0])


def test_an_empty_book_names_the_sheets_looked_at(reg):
    error = _refused(reg, CORPUS / "bad-empty-book.xlsx")
    assert "is empty" in str(error) and "'Risk register', 'Closed risks'" in str(error)


def test_an_old_xls_is_one_sentence(reg):
    assert "old-style .xls" in str(_refused(reg, CORPUS / "bad-old-format.xls"))


def test_a_zip_bomb_is_refused_within_a_second(reg):
    assert "zip bomb" in str(_refused(reg, CORPUS / "bad-zip-bomb.xlsx"))


def test_a_likelihood_column_not_taken_in_is_an_error(reg):
    error = _refused(reg, CORPUS / "bad-unread-likelihood.xlsx")
    assert str(error.problems[0]).startswith("bad-unread-likelihood.xlsx, sheet 'Register', row 1, column F "
                                             "(Probability (net)): names a likelihood or impact, but it was not "
                                             "taken in")


def test_a_book_whose_risk_sheet_is_not_recognised_is_an_error_not_an_empty_import(reg, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Register"
    book.active.append(["Peril", "Odds", "Harm"])
    book.active.append(["Flood", 2, 3])
    closed = book.create_sheet("Closed risks")
    closed.append(["Ref", "Risk", "Likelihood", "Impact"])
    book.save(tmp_path / "book.xlsx")
    error = _refused(reg, tmp_path / "book.xlsx")
    assert "yielded no risk, action, priority or indicator" in str(error)
    assert "sheets looked at: 'Register', 'Closed risks'" in str(error) and "'Likelihood'" in str(error)


def test_headings_with_scale_hints_bring_their_scores(reg, tmp_path):
    path = tmp_path / "hints.csv"
    path.write_text("Risk No.,Risk,Likelihood (1-5),Impact (1-5),Score *\n1,Flood,4,5,20\n", encoding="utf-8")
    import_file(reg, path)
    assert known(list_risks(reg)[0].inherent).score == 20


def test_bracknell_scored_four_by_four_when_told(tmp_path):
    got = imported(tmp_path, "bracknell-unmitigated-current.xlsx", scheme="4x4")
    assert got["scheme"] == (("Unlikely", "Possible", "Likely", "Very likely"), ("Minor", "Moderate", "Major",
                                                                                 "Critical"))
    assert [r[6] for r in got["risks"]] == [(4, 3), (3, 3), (3, 2), (4, 4), (3, 4)]
