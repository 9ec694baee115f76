"""After an edit whose rows are known, the risks view repaints those rows; nothing reads every risk again."""
from PySide6.QtWidgets import QAbstractItemView

from csp_desktop.domain.model import Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.ui.risks import risk_commands as commands
from csp_desktop.ui.risks.risk_table_model import RESIDUAL, TITLE
from tests.ui.windows import OFFSCREEN_NOISE, demo_path, messages, qsettings, window  # noqa: F401

pytestmark = OFFSCREEN_NOISE


def _view(window):
    window.nav.setCurrentRow(1)
    return window.page("Risks")


def _no_full_reads(monkeypatch, window):
    """Fail the test if anything reads every risk again."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("every risk was read again")
    monkeypatch.setattr(window.data, "reload", refuse)
    monkeypatch.setattr(window.data, "load_now", refuse)
    monkeypatch.setattr(window.data.session.workspace, "reading", refuse)


def _shown(view, risk_id, column):
    return view.proxy.index(view.proxy.proxy_row_of(risk_id), column).data()


def test_editing_one_field_updates_that_row_in_place(qtbot, window, monkeypatch):
    view = _view(window)
    risk = view.model.rows[3].risk
    view.select_risk(risk.id)
    others = [row.risk for n, row in enumerate(view.model.rows) if n != 3]
    _no_full_reads(monkeypatch, window)
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(window.data.updated, timeout=2000):
        view.editor.details.edited.emit("title", "Retitled in place")
    assert _shown(view, risk.id, TITLE) == "Retitled in place"
    assert view.editor.heading.text().endswith("Retitled in place")
    assert [row.risk for n, row in enumerate(view.model.rows) if n != 3] == others  # the very same objects
    assert resets == []
    window.session.undo_stack.undo()
    assert _shown(view, risk.id, TITLE) == risk.title
    window.session.undo_stack.redo()
    view.editor.grids["residual"].picked.emit(Rating(1, 1))
    assert _shown(view, risk.id, RESIDUAL) == "1"
    assert resets == []


def test_an_edit_that_moves_a_row_out_of_the_filter_hides_it(qtbot, window, monkeypatch):
    view = _view(window)
    risk = view.model.rows[0].risk
    view.search.setText(risk.title[:12])
    assert view.proxy.proxy_row_of(risk.id) is not None
    _no_full_reads(monkeypatch, window)
    assert commands.push(window.session, commands.SetRiskField(window.session, risk, "title", "zzz")) is None
    assert view.proxy.proxy_row_of(risk.id) is None
    assert view.count.text().startswith(f"{view.proxy.rowCount()} of {view.model.rowCount()}")


def test_adding_and_deleting_a_risk_adds_and_drops_its_row(qtbot, window, monkeypatch):
    view = _view(window)
    total = view.model.rowCount()
    _no_full_reads(monkeypatch, window)
    risk = Risk(title="Added without a reload", ref="R-99")
    assert commands.push(window.session, commands.AddRisk(window.session, risk)) is None
    assert view.model.rowCount() == total + 1 and _shown(view, risk.id, TITLE) == "Added without a reload"
    assert commands.push(window.session, commands.RemoveRisk(window.session, risk)) is None
    assert view.model.rowCount() == total and view.model.row_for_id(risk.id) is None
    window.session.undo_stack.undo()
    assert view.model.row_for_id(risk.id) is not None
    assert view.table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows


def test_the_dashboard_counts_again_after_an_edit(qtbot, window):
    view = _view(window)
    risk = next(row.risk for row in view.model.rows if row.risk.status == "open" and row.risk.residual)
    before = window.data.summary(window.session.scheme).residual_cells.get(
        (risk.residual.likelihood, risk.residual.impact), 0)
    commands.push(window.session, commands.SetRiskField(window.session, risk, "residual", Rating(5, 5)))
    window.nav.setCurrentRow(0)
    after = window.page("Dashboard").summary.residual_cells
    assert after.get((risk.residual.likelihood, risk.residual.impact), 0) == before - 1
