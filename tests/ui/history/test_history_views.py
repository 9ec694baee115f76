"""The History tab of a risk and the register-wide History view, with screenshots at 1366x768."""
import csv
from datetime import date

import pytest

from csp_desktop.domain.scoring import Rating
from csp_desktop.services import risk_editing
from csp_desktop.store.returns import acting_as
from csp_desktop.ui.history.history_view import HistoryView
from tests.services.cycle_fixture import SECRET, build_cycle_register
from tests.ui.windows import OFFSCREEN_NOISE, messages, qsettings, screenshot, window_on  # noqa: F401
from tests.conftest import known


@pytest.fixture
def changed(register):
    items = build_cycle_register(register)
    risk_editing.set_risk_fields(register, items["r1"].id,
                                 {"residual": Rating(3, 4), "next_review": date(2027, 2, 1)}, None)
    with register.transaction(), acting_as(register, "Siân Prŵs (return Siân - update.xlsx, taken in by tester)"):
        register.update("risks", items["r1"].id, {"residual_likelihood": 2})
    return items


def cells(model):
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


@OFFSCREEN_NOISE
def test_the_history_tab_of_a_risk(qtbot, register, changed, qsettings, messages):
    path = register.path
    register.close()
    win = window_on(qtbot, qsettings, path)
    qtbot.waitUntil(lambda: win.data.listing is not None, timeout=10000)
    win.pages.open_risk(changed["r1"].id)
    editor = win.page("Risks").editor
    editor.tabs.setCurrentWidget(editor.changes)
    rows = [editor.changes.list.item(n).text() for n in range(editor.changes.list.count())]
    assert rows[0].endswith(" \u2013 from the return of Siân Prŵs (taken in by tester)\n"
                            "changed the residual likelihood: 3 \u2192 2")
    assert any(r.endswith("changed the next review: 01/11/2026 \u2192 01/02/2027") for r in rows)
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=10000)
    screenshot(win, "history-tab")
    win.close()


@OFFSCREEN_NOISE
def test_the_history_view_filters_marks_exempt_and_exports(qtbot, register, changed, tmp_path, qsettings, messages):
    path = register.path
    register.close()
    win = window_on(qtbot, qsettings, path)
    win.nav.setCurrentRow(7)
    view = win.page("History")
    assert isinstance(view, HistoryView)
    assert any(row[2].startswith("Part II: ") and SECRET in row[2] for row in cells(view.model))
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=10000)
    screenshot(win, "history-view")
    view.public.setChecked(True)
    assert not any(SECRET in row[2] for row in cells(view.model))
    view.who.setCurrentIndex(view.who.findData("Siân Prŵs"))
    assert [row[1] for row in cells(view.model)] == ["from the return of Siân Prŵs (taken in by tester)"]
    view.who.setCurrentIndex(0)
    view.item.setText("R-02")
    view.item.editingFinished.emit()
    assert {row[2] for row in cells(view.model)} == {"Risk R-02 Funding gaps"}
    view.item.setText("R-99")
    view.item.editingFinished.emit()
    assert "no risk, action or meeting" in view.message.text() and view.model.rowCount() == 0
    view.item.clear()
    view.since.setText("31/02/2026")
    view.since.editingFinished.emit()
    assert "not a date" in view.message.text()
    view.since.clear()
    view.kind.setCurrentIndex(view.kind.findData("Actions"))
    out = view.export_csv(str(tmp_path / "h.csv"))
    rows = list(csv.DictReader(known(out).read_text(encoding="utf-8-sig").splitlines()))
    assert rows and all(r["kind"] in ("Action", "Progress note") for r in rows)
    assert not any(SECRET in r["item"] or "Secret follow-up" in r["item"] for r in rows)  # public part only
    win.close()
