"""The tracker's RAG cell (ActionTableModel): an undated open action reads "No date" on no colour, a reported
Amber is never shown Green and says so in the cell and its tooltip, and RAG sorts worst first."""
from datetime import date, timedelta

from PySide6.QtCore import Qt

from csp_desktop.domain.model import Action
from csp_desktop.ui.actions.action_rows import RAG, REF
from csp_desktop.ui.actions.action_table_model import ActionTableModel

TODAY = date(2026, 11, 27)
LATER = TODAY + timedelta(days=120)
ROLE = Qt.ItemDataRole


def _model(qtbot) -> ActionTableModel:
    model = ActionTableModel()
    model.set_rows([
        Action("Undated, not started", ref="A-1"),
        Action("Imported Amber, due later", ref="A-2", due=LATER, status="in progress",
               status_reported="Delayed (Amber)"),
        Action("On time", ref="A-3", due=LATER, status="in progress", status_reported="On track"),
        Action("Late but reported on track", ref="A-4", due=TODAY - timedelta(days=3), status="in progress",
               status_reported="On track"),
        Action("Undated, at risk", ref="A-5", status="in progress", status_reported="At risk"),
        Action("Done", ref="A-6", status="complete", status_reported="Delayed"),
    ], TODAY)
    return model


def _cells(model, role=ROLE.DisplayRole) -> dict:
    return {model.index(r, REF).data(): model.index(r, RAG).data(role) for r in range(model.rowCount())}


def test_rag_cells_show_no_date_and_the_reported_band(qtbot):
    model = _model(qtbot)
    assert _cells(model) == {"A-1": "No date", "A-2": "Amber (reported)", "A-3": "Green",
                             "A-4": "Red (reported Green)", "A-5": "Amber (reported)", "A-6": ""}
    colours = {ref: c.name() if c is not None else None for ref, c in _cells(model, ROLE.BackgroundRole).items()}
    assert colours == {"A-1": None, "A-2": "#ffc000", "A-3": "#70ad47", "A-4": "#c00000", "A-5": "#ffc000",
                       "A-6": None}
    tips = _cells(model, ROLE.ToolTipRole)
    assert tips["A-2"] == "reported Amber; on time by its dates"
    assert tips["A-4"] == "reported Green; overdue by its dates"
    assert tips["A-5"] == "reported Amber; no due date"
    assert tips["A-1"] is None and tips["A-3"] is None


def test_overdue_is_the_dates_not_a_reported_red(qtbot):
    model = ActionTableModel()
    model.set_rows([Action("Off track", ref="A-1", due=LATER, status_reported="Off track")], TODAY)
    assert model.index(0, RAG).data() == "Red (reported)" and not model.rows[0].overdue


def test_rag_sorts_worst_first_with_no_date_between_amber_and_green(qtbot):
    model = _model(qtbot)
    model.sort(RAG, Qt.SortOrder.AscendingOrder)
    order = [model.index(r, RAG).data() for r in range(model.rowCount())]
    assert order[0] == "Red (reported Green)" and order[-1] == ""
    assert order.index("No date") > order.index("Amber (reported)") and order.index("No date") < order.index("Green")
