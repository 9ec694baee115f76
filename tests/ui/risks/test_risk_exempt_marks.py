"""The risks table marks exempt (Part II) risks after the title; searching finds the mark, sorting ignores it."""
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from csp_desktop.domain.model import Risk
from csp_desktop.domain.scoring import default_5x5
from csp_desktop.ui.common.exempt_mark import EXEMPT_SUFFIX
from csp_desktop.ui.risks.risk_table_model import REF, TITLE, RiskFilter, RiskFilterProxy, RiskTableModel

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def models(qtbot):
    model = RiskTableModel(default_5x5())
    proxy = RiskFilterProxy(model)
    QAbstractItemModelTester(model, FAIL)
    QAbstractItemModelTester(proxy, FAIL)
    model.set_rows([Risk("Informant at risk", ref="R-1", exempt=True, exempt_paragraph=7),
                    Risk("Allotments", ref="R-2", exempt=True, description="Land sale"),
                    Risk("Burglary", ref="R-3")], {})
    return model, proxy


def cells(proxy, role=Qt.ItemDataRole.DisplayRole) -> dict[str, str]:
    return {proxy.index(r, REF).data(): proxy.index(r, TITLE).data(role) for r in range(proxy.rowCount())}


def test_exempt_risks_are_marked_with_their_paragraph(models):
    _model, proxy = models
    assert cells(proxy) == {"R-1": "Informant at risk" + EXEMPT_SUFFIX, "R-2": "Allotments" + EXEMPT_SUFFIX,
                            "R-3": "Burglary"}
    tips = cells(proxy, Qt.ItemDataRole.ToolTipRole)
    assert "Exempt information (Schedule 12A, paragraph 7)<br>Informant at risk" in tips["R-1"]
    assert "Exempt information (Schedule 12A)<br>Land sale" in tips["R-2"]  # no paragraph recorded
    assert "Exempt" not in tips["R-3"]


def test_search_finds_part_ii_and_title_sort_ignores_the_mark(models):
    _model, proxy = models
    proxy.set_filter(RiskFilter(text="part ii"))
    assert sorted(cells(proxy)) == ["R-1", "R-2"]
    proxy.set_filter(RiskFilter())
    proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert list(cells(proxy)) == ["R-2", "R-3", "R-1"]


def test_a_flipped_flag_moves_the_mark(models):
    model, proxy = models
    one, _two, three = (row.risk for row in sorted(model.rows, key=lambda row: row.risk.ref))
    model.update_rows([replace(one, exempt=False), replace(three, exempt=True)], {}, set())
    assert {ref for ref, title in cells(proxy).items() if title.endswith(EXEMPT_SUFFIX)} == {"R-2", "R-3"}
    proxy.set_filter(RiskFilter(text="part ii"))
    assert sorted(cells(proxy)) == ["R-2", "R-3"]


def test_a_narrow_title_cell_elides_the_title_not_the_mark(models):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem
    from csp_desktop.ui.common.exempt_mark import MarkKeepingDelegate
    model, _proxy = models
    delegate, option = MarkKeepingDelegate(), QStyleOptionViewItem()
    option.rect = QRect(0, 0, 110, 20)
    exempt = model.index(next(n for n, row in enumerate(model.rows) if row.risk.ref == "R-1"), TITLE)
    delegate.initStyleOption(option, exempt)
    assert option.text.endswith(EXEMPT_SUFFIX) and "\u2026" in option.text
    assert option.fontMetrics.horizontalAdvance(option.text) <= 110
