"""Settings edited in two windows: the scheme, cadence or name saved from what this window read, after the
other window changed the register's details, is refused in one sentence and changes nothing; this window's
own edits one after another are not."""
import pytest
from PySide6.QtCore import QSettings

from csp_desktop.services import cadence, registers
from csp_desktop.store import Register
from csp_desktop.ui.settings.settings_view import SettingsView
from tests.conftest import snapshot
from tests.ui.windows import on_screen

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(session, tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return on_screen(qtbot, SettingsView(session, settings=settings))


@pytest.fixture
def other_window(register):
    other = Register.open(register.path)
    yield other
    other.close()


def test_edits_from_what_this_window_read_are_refused_after_another_window_changed_the_details(
        view, session, register, other_window):
    registers.rename_partnership(other_window, "Renamed in the other window")
    before = snapshot(register)
    view.preset_combo.setCurrentText("3x3")
    view.load_preset_button.click()
    assert not view.apply()
    assert "changed in another window since you read them" in view.scheme_message.text()
    view.cadence.spins["High"].setValue(2)
    assert not view.cadence.apply()
    assert "changed in another window" in view.cadence.message.text()
    assert snapshot(register) == before and session.undo_stack.count() == 0
    registers.rename_partnership(other_window, "Renamed again in the other window")
    before = snapshot(register)
    view.partnership_edit.setText("Mine")
    assert not view.rename_partnership()
    assert "changed in another window" in view.partnership_message.text()
    assert snapshot(register) == before and session.undo_stack.count() == 0
    assert view.rename_partnership() and register.name == "Mine"  # told, and saved again: theirs is replaced


def test_this_windows_own_edits_one_after_another_go_through(view, session, register):
    view.cadence.spins["High"].setValue(2)
    assert view.cadence.apply()
    view.partnership_edit.setText("Mine")
    assert view.rename_partnership()
    view.preset_combo.setCurrentText("3x3")
    view.load_preset_button.click()
    assert view.apply()
    band = next(iter(view.cadence.spins))
    view.cadence.spins[band].setValue(11)
    assert view.cadence.apply()
    assert (register.name, register.scheme.size) == ("Mine", "3x3")
    assert cadence.cadence(register).by_band(register.scheme)[band] == 11
    assert session.undo_stack.count() == 4
