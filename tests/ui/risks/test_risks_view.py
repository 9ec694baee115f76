"""The Risks view and editor in the main window, on the demo register: filter, edit, undo, review, rescheme."""
from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from csp_desktop.services.changes import Changes, Kind
from csp_desktop.domain.derived import ARROWS
from csp_desktop.domain.scoring import Rating, words_3x3
from csp_desktop.store.risks import get_risk, list_risks, reviews_for
from csp_desktop.ui.risks.risk_table_model import RESIDUAL, TRAVEL
from tests.ui.windows import (OFFSCREEN_NOISE, demo_path, messages, qsettings, screenshot,  # noqa: F401
                              wait_loaded, window)
from tests.conftest import known

pytestmark = OFFSCREEN_NOISE
RISKS = 1  # navigation row of the Risks view


def risks_view(qtbot, window):
    window.nav.setCurrentRow(RISKS)
    return window.page("Risks")


def pick_risk(view, ref):
    risk = next(row.risk for row in view.model.rows if row.risk.ref == ref)
    view.select_risk(risk.id)
    return risk


def test_opens_the_demo_with_every_risk_listed(qtbot, window):
    view = risks_view(qtbot, window)
    assert window.windowTitle().startswith("Safer Glanhafren Community Safety Partnership \u2013 demo.cspreg")
    risks = list_risks(window.session.register)
    assert view.model.rowCount() == len(risks)
    assert view.proxy.rowCount() == len([r for r in risks if r.status != "closed"])  # closed ones hidden at first
    assert not window.banner.isVisible()


def test_typing_filters_and_find_focuses_the_box(qtbot, window):
    view = risks_view(qtbot, window)
    window.find_action.trigger()
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "exploitation")
    shown = view.proxy.rowCount()
    assert 0 < shown < view.model.rowCount()
    for row in range(shown):
        risk = view.proxy.risk_at(row)
        assert "exploitation" in f"{risk.ref} {risk.title} {risk.description} {risk.owner_name}".lower()
    assert view.count.text().startswith(f"{shown} of {view.model.rowCount()} risks shown")
    view.clear.click()
    open_risks = [row for row in view.model.rows if row.risk.status != "closed"]
    assert view.proxy.rowCount() == len(open_risks) < view.model.rowCount()  # closed ones stay hidden
    view.show_closed.setChecked(True)
    assert view.proxy.rowCount() == view.model.rowCount()


def test_residual_score_changed_on_the_grid_by_keyboard_then_undone(qtbot, window):
    view = risks_view(qtbot, window)
    risk = pick_risk(view, "R-03")
    reg = window.session.register
    before = get_risk(reg, risk.id).residual
    view.editor.tabs.setCurrentIndex(1)
    grid = view.editor.grids["residual"]
    grid.setFocus()
    assert grid.accessibleName() == "Residual (now)"
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Space):
        qtbot.keyClick(grid, key)
    expected = Rating(known(before).likelihood - 1, known(before).impact - 1)
    assert get_risk(reg, risk.id).residual == expected
    assert "= " + str(expected.score) in grid.caption()
    wait_loaded(qtbot, window)
    row = view.proxy.proxy_row_of(risk.id)
    assert view.proxy.index(row, RESIDUAL).data() == str(expected.score)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_risk(reg, risk.id).residual == before
    assert view.editor.grids["residual"].value == before
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert get_risk(reg, risk.id).residual == expected


def test_grid_click_sets_the_target(qtbot, window):
    view = risks_view(qtbot, window)
    risk = pick_risk(view, "R-05")
    view.editor.tabs.setCurrentIndex(1)
    grid = view.editor.grids["target"]
    view.editor.tabs.currentWidget().ensureWidgetVisible(grid)
    centre = grid._cell_rect(Rating(1, 2)).center()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert get_risk(window.session.register, risk.id).target == Rating(1, 2)


def test_recording_a_review_shows_in_history_and_direction_of_travel(qtbot, window):
    view = risks_view(qtbot, window)
    risk = pick_risk(view, "R-03")
    editor = view.editor
    rows_before = editor.history.table.rowCount()
    lower = Rating(2, 3)
    assert editor.record_review(after=lower, on=date.today(), reviewer="tester", note="Better \U0001F44D")
    assert editor.history.table.rowCount() == rows_before + 1
    assert editor.history.table.item(0, 4).text() == "Better \U0001F44D"
    assert editor.history.travel.text() == f"Direction of travel: {ARROWS['down']} Down (better)"
    wait_loaded(qtbot, window)
    assert view.proxy.index(view.proxy.proxy_row_of(risk.id), TRAVEL).data() == ARROWS["down"]
    # The same score again is a valid review: the history grows, travel is "unchanged".
    assert editor.record_review(after=lower, on=date.today(), reviewer="tester")
    assert len(reviews_for(window.session.register, risk.id)) == rows_before + 2
    assert "Unchanged" in editor.history.travel.text()


def test_hostile_text_is_kept_exactly_and_an_impossible_date_refused(qtbot, window):
    view = risks_view(qtbot, window)
    risk = pick_risk(view, "R-02")
    form = view.editor.details
    long_text = ("\u05e1\u05d9\u05db\u05d5\u05df <b>&amp;</b> \U0001F525 " * 800)[:10000]
    form.description.setFocus()
    form.description.setPlainText(long_text)
    form.title.setFocus()  # leaving the box saves it
    qtbot.waitUntil(lambda: get_risk(window.session.register, risk.id).description == long_text)
    form.title.setText("\u0645\u062e\u0627\u0637\u0631 \u2013 "
                       "\u0141\u00f3d\u017a \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F")
    form.title.editingFinished.emit()
    assert get_risk(window.session.register, risk.id).title.startswith("\u0645\u062e\u0627\u0637\u0631")
    review_before = get_risk(window.session.register, risk.id).next_review
    form.next_review.line.selectAll()
    qtbot.keyClicks(form.next_review.line, "31/02/2026")
    qtbot.keyClick(form.next_review.line, Qt.Key.Key_Return)
    assert view.editor.message.text() == ("Next review date: '31/02/2026' is not a date "
                                          "(write it as 22/11/2026, March 2027, Q4 2026/27 or 2026/27).")
    assert get_risk(window.session.register, risk.id).next_review == review_before
    form.title.setText("   ")
    form.title.editingFinished.emit()
    assert view.editor.message.text() == "A risk needs a title."


def test_switching_to_3x3_recolours_every_view(qtbot, window):
    view = risks_view(qtbot, window)
    reg = window.session.register
    reg.set_scheme(words_3x3())
    window.session.notify(Changes.of(Kind.SCHEME))
    # Score 4 is "Low" (green) on the 5x5 demo scheme and "Medium" (amber) on the 3x3 words scheme.
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, RESIDUAL).data() == "4")
    assert view.proxy.index(row, RESIDUAL).data(Qt.ItemDataRole.BackgroundRole).name().upper() == "#FFC000"
    assert view.editor.grids["residual"].scheme.size == "3x3"
    dashboard = window.page("Dashboard")
    assert all(grid.scheme.size == "3x3" for grid in dashboard.maps.values())
    assert view.band.count() == 1 + 3
    outside = [label.text() for label in dashboard.figures_panel.findChildren(QLabel)
               if label.text().startswith("Scored outside the 3x3 matrix")]
    assert outside and dashboard.summary.outside_matrix > 0  # the demo scores on 5 levels: say so
    window.nav.setCurrentRow(0)
    screenshot(window, "dashboard-3x3")


def test_dashboard_cell_opens_the_risks_in_it(qtbot, window):
    dashboard = window.page("Dashboard")
    window.nav.setCurrentRow(0)
    cells = dashboard.summary.residual_cells
    (likelihood, impact), count = max(cells.items(), key=lambda item: item[1])
    grid = dashboard.maps["residual"]
    centre = grid._cell_rect(Rating(likelihood, impact)).center()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    view = window.page("Risks")
    assert window.stack.currentWidget() is view
    shown = [view.proxy.risk_at(r) for r in range(view.proxy.rowCount())]
    assert len(shown) == count and all(r.residual == Rating(likelihood, impact) and r.status == "open" for r in shown)


def test_new_risk_then_delete_and_undo(qtbot, window, messages):
    view = risks_view(qtbot, window)
    total = view.model.rowCount()
    view.new_risk.click()
    assert view.model.rowCount() == total + 1
    assert view.editor.risk.title == "New risk" and view.editor.risk.ref == "R-27"
    view.delete_risk.click()
    assert messages[-1][0] == "Delete risk"
    qtbot.waitUntil(lambda: view.model.rowCount() == total)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view.model.rowCount() == total + 1)


def test_sorting_by_a_header_keeps_the_risk_being_edited_selected(qtbot, window):
    view = risks_view(qtbot, window)
    risk = pick_risk(view, "R-07")
    for column in (RESIDUAL, TRAVEL, 1):
        view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        assert view.selected_risk().id == risk.id == view.editor.risk.id


def test_closed_risks_are_greyed_and_hidden_until_show_closed(qtbot, window):
    from csp_desktop.ui.risks.risk_table_model import CLOSED_GREY, TITLE
    view = risks_view(qtbot, window)
    closed = [row.risk for row in view.model.rows if row.risk.status == "closed"]
    assert closed and not view.show_closed.isChecked()
    assert all(view.proxy.proxy_row_of(r.id) is None for r in closed)
    assert f"({len(closed)} closed hidden" in view.count.text()
    view.show_closed.setChecked(True)
    row = view.proxy.proxy_row_of(closed[0].id)
    assert row is not None
    assert view.proxy.index(row, TITLE).data(Qt.ItemDataRole.ForegroundRole) == CLOSED_GREY
    assert "hidden" not in view.count.text()


def test_narrow_table_drops_columns_so_titles_keep_their_width(qtbot, window):
    view = risks_view(qtbot, window)
    window.resize(900, 600)
    qtbot.waitUntil(lambda: view.column_fit.hidden() != [])
    fit = view.column_fit
    assert view.table.columnWidth(1) >= fit.wanted - 2 or fit.hidden() == list(fit.dropped_first)
    view.set_editor_shown(False)
    qtbot.waitUntil(lambda: len(view.column_fit.hidden()) < len(view.column_fit.dropped_first))
    view.set_editor_shown(True)
def test_a_review_after_a_grid_change_records_the_previous_reviews_score_as_before(qtbot, window, monkeypatch):
    """R-03's residual is 20 at its last review; changed to 15 on the grid, then reviewed: 20 -> 15, not 15 -> 15."""
    from csp_desktop.ui.risks.risk_dialogs import ReviewDialog
    view = risks_view(qtbot, window)
    risk = pick_risk(view, "R-03")
    reg = window.session.register
    assert known(get_risk(reg, risk.id).residual).score == 20
    view.editor.tabs.setCurrentIndex(1)
    grid = view.editor.grids["residual"]
    view.editor.tabs.currentWidget().ensureWidgetVisible(grid)
    centre = grid._cell_rect(Rating(3, 5)).center()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert known(get_risk(reg, risk.id).residual).score == 15
    monkeypatch.setattr(ReviewDialog, "exec", lambda dialog: (dialog.accept(), dialog.result())[1])
    qtbot.mouseClick(view.editor.history.record, Qt.MouseButton.LeftButton)
    newest = view.editor.history.table
    assert (newest.item(0, 2).text(), newest.item(0, 3).text()) == ("20", "15")
    last = reviews_for(reg, risk.id)[-1]
    assert (known(last.before).score, known(last.after).score) == (20, 15)


def test_the_travel_header_fits_its_column_with_or_without_an_earlier_meeting(qtbot, window):
    """With no earlier meeting the header was clipped to "ince first reviev"."""
    view = risks_view(qtbot, window)
    view.set_editor_shown(False)  # beside the editor at 1366 wide, the Travel column gives the titles its room
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(TRAVEL))
    width = view.table.horizontalHeader().fontMetrics().horizontalAdvance
    for basis in ("since first review", "since 24/10/2026"):
        view.model.set_rows([row.risk for row in view.model.rows], {}, travel_basis=basis)
        header = view.model.headerData(TRAVEL, Qt.Orientation.Horizontal)
        assert all(width(line) + 8 <= view.table.columnWidth(TRAVEL) for line in header.split("\n")), header


def test_the_editor_shows_every_tab_and_its_fields_at_1366_wide(qtbot, window):
    """At 1366x768 the Response and History tabs were behind scroll arrows and the fields cut off."""
    view = risks_view(qtbot, window)
    pick_risk(view, "R-01")
    qtbot.wait(50)
    bar, tabs = view.editor.tabs.tabBar(), view.editor.tabs
    assert view.editor.width() >= view.editor.minimumSizeHint().width()
    assert all(bar.tabRect(i).right() <= tabs.width() for i in range(bar.count()))
    assert bar.sizeHint().width() <= tabs.width()
    details = tabs.widget(0)
    assert not details.horizontalScrollBar().isVisible()
