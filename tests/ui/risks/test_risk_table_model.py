"""The risks table model and its filter/sort proxy, checked by Qt's own model tester."""
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from csp_desktop.domain.model import Risk
from csp_desktop.domain.scoring import Rating, default_5x5, words_3x3
from csp_desktop.ui.risks.risk_table_model import (INHERENT, REF, RESIDUAL, TITLE, TRAVEL, RiskFilter, RiskFilterProxy,
                                             RiskTableModel, travel_column_header)
from csp_desktop.domain.ordering import natural_key
from tests.conftest import known

TODAY = date(2026, 11, 23)
FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


def risks():
    return [
        Risk("Funding ends", ref="R-10", owner_id="o1", owner_name="Ffion Jones", residual=Rating(5, 4),
             inherent=Rating(5, 5), next_review=TODAY - timedelta(days=3)),
        Risk("CCTV <coverage> & cameras", ref="R-2", owner_id="o2", owner_name="Łukasz Żak",
             residual=Rating(2, 2), description="Cameras fail in the \u0645\u0631\u06a9\u0632 town centre \U0001F4F7"),
        Risk("Exempt matter", ref="R-1", exempt=True, residual=Rating(3, 3), status="closed"),
        Risk("Not yet scored", ref="7", next_review=TODAY + timedelta(days=30)),
    ]


@pytest.fixture
def models(qtbot):
    model = RiskTableModel(default_5x5())
    proxy = RiskFilterProxy(model)
    QAbstractItemModelTester(model, FAIL)
    QAbstractItemModelTester(proxy, FAIL)
    model.set_rows(risks(), {})
    return model, proxy


def refs(proxy):
    return [proxy.index(r, REF).data() for r in range(proxy.rowCount())]


def test_natural_sort_of_refs(models):
    _model, proxy = models
    proxy.sort(REF, Qt.SortOrder.AscendingOrder)
    assert refs(proxy) == ["7", "R-1", "R-2", "R-10"]
    proxy.sort(REF, Qt.SortOrder.DescendingOrder)
    assert refs(proxy) == ["R-10", "R-2", "R-1", "7"]
    assert natural_key("R-2") < natural_key("R-10") < natural_key("r-11")


def test_scores_sort_as_numbers_and_show_band_colours(models):
    model, proxy = models
    proxy.sort(RESIDUAL, Qt.SortOrder.DescendingOrder)
    assert refs(proxy) == ["R-10", "R-1", "R-2", "7"]
    top = proxy.index(0, RESIDUAL)
    assert top.data() == "20"
    assert top.data(Qt.ItemDataRole.BackgroundRole).name().upper() == "#C00000"
    assert top.data(Qt.ItemDataRole.ForegroundRole).name().upper() == "#FFFFFF"
    assert top.data(Qt.ItemDataRole.AccessibleTextRole) == "20, Very high"
    assert proxy.index(3, RESIDUAL).data(Qt.ItemDataRole.BackgroundRole) is None


def test_sorting_is_announced_as_a_reset_never_a_python_emitted_layout_change(models):
    """PySide6 6.12 emitting layoutChanged from Python leaks a reference and crashes with arguments."""
    model, proxy = models
    seen = []
    model.layoutChanged.connect(lambda *args: seen.append("layout"))
    model.modelReset.connect(lambda: seen.append("reset"))
    proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)
    proxy.sort(RESIDUAL, Qt.SortOrder.DescendingOrder)
    assert seen == ["reset", "reset"]


def test_text_filter_covers_ref_title_description_and_owner_whatever_the_case(models):
    _model, proxy = models
    for text, expected in (("r-10", ["R-10"]), ("<coverage>", ["R-2"]), ("\U0001F4F7", ["R-2"]),
                           ("\u0645\u0631\u06a9\u0632", ["R-2"]), ("łukasz", ["R-2"]), ("nothing like it", [])):
        proxy.set_filter(RiskFilter(text=text.casefold()))
        assert refs(proxy) == expected, text
    proxy.set_filter(RiskFilter())
    assert proxy.rowCount() == 4


def test_filters_by_owner_band_status_overdue_exempt_and_cell(models):
    _model, proxy = models
    cases: tuple[tuple[RiskFilter, list[str]], ...] = (
             (RiskFilter(owner_id="o2"), ["R-2"]), (RiskFilter(band="Very high"), ["R-10"]),
             (RiskFilter(band="Medium"), ["R-1"]), (RiskFilter(status="closed"), ["R-1"]),
             (RiskFilter(review_overdue=True, today=TODAY), ["R-10"]), (RiskFilter(exempt_only=True), ["R-1"]),
             (RiskFilter(cell=("residual", Rating(2, 2))), ["R-2"]),
                 (RiskFilter(cell=("inherent", Rating(5, 5))), ["R-10"]),
             (RiskFilter(owner_id="o1", band="Low"), []))
    for row_filter, expected in cases:
        proxy.set_filter(row_filter)
        assert refs(proxy) == expected, row_filter


def test_filter_survives_reload_and_sort(models):
    model, proxy = models
    proxy.set_filter(RiskFilter(text="cctv"))
    model.set_rows(risks(), {})
    assert refs(proxy) == ["R-2"]
    proxy.sort(INHERENT, Qt.SortOrder.AscendingOrder)
    assert refs(proxy) == ["R-2"]


def test_travel_arrows_and_a_changed_scheme_recolour(models):
    model, proxy = models
    data = risks()
    model.set_rows(data, {data[0].id: "up", data[1].id: "down"})
    proxy.sort(REF, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, TRAVEL).data() for r in range(2)] == ["\u25b2", "\u25bc"]
    model.set_scheme(words_3x3())
    # R-2 residual 2x2 = 4 is "Medium" (amber) on the 3x3 words scheme, "Low" (green) on 5x5.
    assert proxy.index(1, RESIDUAL).data(Qt.ItemDataRole.BackgroundRole).name().upper() == "#FFC000"


def test_one_changed_risk_is_shown_without_a_reload(models):
    model, proxy = models
    changed = model.rows[1].risk
    changed.title = "Renamed"
    model.update_rows([changed], {changed.id: "up"}, set())
    assert proxy.index(proxy.proxy_row_of(changed.id), TITLE).data() == "Renamed"


def test_a_review_date_already_past_reads_bold_and_red(models):
    model, _proxy = models
    today = date.today()  # the view judges against the real day, so the data must too
    model.set_rows([Risk("Late", ref="R-1", next_review=today - timedelta(days=1)),
                    Risk("Due later", ref="R-2", next_review=today + timedelta(days=30))], {})
    column = model.columnCount() - 2  # Next review
    assert model.index(0, column).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, column).data(Qt.ItemDataRole.ForegroundRole).name().upper() == "#D32F2F"
    assert model.index(1, column).data(Qt.ItemDataRole.FontRole) is None


def test_the_travel_column_has_the_packs_basis_and_arrows(qtbot, demo_register):
    """The app's Travel column is measured as the pack measures it (since the previous meeting), and says so."""
    from datetime import date

    from csp_desktop.services.packs import gather
    from csp_desktop.services.risk_editing import load_risks
    today = date(2026, 11, 23)
    listing = load_risks(demo_register, today)
    model = RiskTableModel(demo_register.scheme)
    model.set_rows(listing.risks, listing.travel, travel_basis=listing.travel_basis)
    pack = gather(demo_register, None, today)
    since = known(pack.previous).held_on.strftime("%d/%m/%Y")
    assert model.headerData(TRAVEL, Qt.Orientation.Horizontal) == f"Travel\nsince {since[:5]}"
    assert model.headerData(TRAVEL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
        f"Direction of travel since {since}, as in the board pack"
    assert {r.id: r.direction for r in pack.risks} == {rid: listing.travel[rid] for rid in (r.id for r in pack.risks)}



def test_the_travel_header_names_its_basis_on_two_short_lines():
    assert travel_column_header("since 24/10/2026") == "Travel\nsince 24/10"
    assert travel_column_header("since first review") == "Travel since\nfirst review"
    assert travel_column_header("") == "Travel"


def test_a_score_in_words_says_a_numeric_label_once():
    """A scheme whose labels are the numbers read "Likelihood 4 4 x impact 5 5"."""
    from dataclasses import replace

    from csp_desktop.ui.risks.risk_table_model import describe_rating
    digits = ("1", "2", "3", "4", "5")
    numbered = replace(default_5x5(), likelihood_labels=digits, impact_labels=digits)
    assert describe_rating(numbered, Rating(4, 5)).startswith("Likelihood 4 x impact 5 = 20")
    assert describe_rating(default_5x5(), Rating(4, 3)).startswith("Likelihood 4 Likely x impact 3 Moderate = 12")
