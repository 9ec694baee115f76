"""The review and mitigation dialogs refuse what they cannot take, in one sentence, and return clean values."""
from datetime import date

from PySide6.QtCore import Qt

from csp_desktop.domain.model import Mitigation, Owner, Risk
from csp_desktop.domain.scoring import Rating, default_5x5
from csp_desktop.ui.common.matrix_grid import COUNTS, MatrixGrid
from csp_desktop.ui.risks.risk_dialogs import MitigationDialog, ReviewDialog

TODAY = date(2026, 11, 23)


def test_review_dialog_defaults_to_today_and_the_current_score(qtbot):
    dialog = ReviewDialog(default_5x5(), Risk("R", residual=Rating(3, 4)), "tester", TODAY)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("Confirmed at the board \u2013 \u05e9\u05dc\u05d5\u05dd")
    dialog.accept()
    assert dialog.values == {"after": Rating(3, 4), "on": TODAY, "reviewer": "tester",
                             "note": "Confirmed at the board \u2013 \u05e9\u05dc\u05d5\u05dd", "next_review": None}


def test_review_dialog_refuses_an_impossible_or_missing_date(qtbot):
    dialog = ReviewDialog(default_5x5(), Risk("R"), "tester", TODAY)
    qtbot.addWidget(dialog)
    dialog.on.line.selectAll()
    qtbot.keyClicks(dialog.on.line, "30/02/2026")
    dialog.accept()
    assert dialog.values is None
    assert dialog.problem.text() == ("Review date: '30/02/2026' is not a date "
                                     "(write it as 22/11/2026, March 2027, Q4 2026/27 or 2026/27).")
    dialog.on.line.selectAll()
    qtbot.keyClick(dialog.on.line, Qt.Key.Key_Delete)
    dialog.accept()
    assert dialog.problem.text() == "Review date is needed: type it as dd/mm/yyyy."


def test_mitigation_dialog_needs_a_description_and_a_picked_expected_score(qtbot):
    owner = Owner("Ffion Jones")
    dialog = MitigationDialog(default_5x5(), [owner])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.problem.text() == "A mitigation needs a description."
    dialog.description.setPlainText("  Joint <protocol> & patrols  ")
    dialog.has_expected.setChecked(True)
    dialog.accept()
    assert dialog.problem.text() == "Pick the expected residual score on the grid, or untick it."
    dialog.grid._pick(Rating(2, 2))
    dialog.owner.setCurrentIndex(1)
    dialog.accept()
    assert dialog.values == {"description": "Joint <protocol> & patrols", "owner_id": owner.id,
                             "expected": Rating(2, 2)}


def test_editing_a_mitigation_starts_from_its_values(qtbot):
    mitigation = Mitigation(risk_id="r", description="Patrols", expected=Rating(1, 3))
    dialog = MitigationDialog(default_5x5(), [], mitigation)
    qtbot.addWidget(dialog)
    assert dialog.has_expected.isChecked() and dialog.grid.value == Rating(1, 3)
    assert dialog.windowTitle() == "Edit mitigation"


def test_counts_grid_announces_the_cell_under_the_cursor(qtbot):
    from PySide6.QtCore import Qt
    grid = MatrixGrid(default_5x5(), COUNTS, "Residual risks (open)")
    qtbot.addWidget(grid)
    grid.set_counts({(1, 2): 4})
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.accessibleDescription().endswith("Cell under the cursor: Likelihood 1 Rare x impact 2 Minor = 2, "
                                                 "Low: 4 risks.")
    with qtbot.waitSignal(grid.cellActivated) as chosen:
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert chosen.args == [Rating(1, 2)]
