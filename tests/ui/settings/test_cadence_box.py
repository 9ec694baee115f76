"""The review cadence in Settings: shown per band, saved as one undoable step, 0 cannot be typed."""
from csp_desktop.services import cadence
from csp_desktop.ui.settings.settings_view import SettingsView
from csp_desktop.ui.shell.session import Session


def test_the_cadence_is_shown_saved_and_undone(qtbot, register):
    session = Session(register)
    view = SettingsView(session)
    qtbot.addWidget(view)
    box = view.cadence
    assert {band: spin.value() for band, spin in box.spins.items()} == {"Very high": 1, "High": 3, "Medium": 6,
                                                                        "Low": 12}
    box.spins["High"].setValue(0)
    assert box.spins["High"].value() == 1  # clamped: 0 months cannot be entered
    box.spins["High"].setValue(120)
    assert box.spins["High"].value() == 36
    box.spins["High"].setValue(2)
    assert box.apply()
    assert cadence.cadence(register).by_band(register.scheme)["High"] == 2
    session.undo_stack.undo()
    assert cadence.cadence(register).by_band(register.scheme)["High"] == 3
    assert box.spins["High"].value() == 3
