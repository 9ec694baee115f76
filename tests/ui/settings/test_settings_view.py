"""Settings: the scoring scheme editor and "who am I"."""
import pytest
from PySide6.QtCore import QSettings, Qt

from csp_desktop.services.changes import Changes, Kind
from csp_desktop.domain.model import Risk
from csp_desktop.domain.scoring import Rating, default_5x5, words_3x3
from csp_desktop.store import risks
from csp_desktop.ui.settings import identity
from csp_desktop.services.scheme_editing import rescored
from csp_desktop.ui.settings.remap_dialog import RemapDialog
from csp_desktop.ui.settings.settings_view import SettingsView
from tests.conftest import snapshot
from csp_desktop.domain.colours import ink_on
from tests.ui.seen import clipped
from tests.ui.tracker_data import fill
from tests.ui.windows import SCREENSHOTS, on_screen

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def view(session, settings, qtbot):
    return on_screen(qtbot, SettingsView(session, settings=settings))


def test_shows_the_register_scheme(view):
    assert view.form.scheme() == default_5x5()
    assert [row.band().name for row in view.form.band_rows] == ["Low", "Medium", "High", "Very high"]
    assert view.form.appetite_combo.currentText() == "Medium"


def test_switch_to_3x3_with_undo(view, session, register, qtbot):
    view.preset_combo.setCurrentText("3x3")
    view.load_preset_button.click()
    assert register.scheme == default_5x5()  # nothing changes until applied
    with qtbot.waitSignal(session.changed) as signal:
        view.apply_button.click()
    assert signal.args == [Changes.of(Kind.SCHEME)]
    assert register.scheme == words_3x3()
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert register.scheme == default_5x5()
    assert view.form.size_spins["likelihood"].value() == 5


def test_edits_labels_bands_and_appetite(view, register):
    view.form.size_spins["impact"].setValue(4)
    view.form.label_edits["impact"][3][1].setText("Sévère \u0634\u062f\u06cc\u062f")
    view.form.band_rows[-1].lowest_spin.setValue(12)
    view.form.band_rows[-1].set_colour("#7030A0")
    view.form.appetite_combo.setCurrentText("High")
    assert view.apply()
    scheme = register.scheme
    assert scheme.size == "5x4"
    assert scheme.impact_labels[3] == "Sévère \u0634\u062f\u06cc\u062f"
    assert (scheme.bands[-1].lowest, scheme.bands[-1].colour, scheme.appetite) == (12, "#7030A0", "High")


@pytest.mark.parametrize("spoil, sentence", [
    (lambda f: f.label_edits["likelihood"][2][1].setText("  "), "Every likelihood level needs a label."),
    (lambda f: f.band_rows[1].lowest_spin.setValue(1), "Bands must start at score 1 and rise without repeating."),
    (lambda f: f.band_rows[1].name_edit.setText(""), "Every band needs a name."),
    (lambda f: f.band_rows[-1].lowest_spin.setValue(25) or f.size_spins["impact"].setValue(3),
     "Band 'Very high' starts above the highest score 15."),
])
def test_rejects_an_invalid_scheme_and_changes_nothing(view, register, session, spoil, sentence):
    before = snapshot(register)
    spoil(view.form)
    assert not view.apply()
    assert view.scheme_message.text() == "\u26a0 " + sentence
    assert snapshot(register) == before
    assert session.undo_stack.count() == 0


def _shrink_to_3x3_typing_a_name(view, qtbot):
    view.preset_combo.setCurrentText("3x3")
    view.load_preset_button.click()
    view.form.name_edit.selectAll()
    qtbot.keyClicks(view.form.name_edit, "Powys three by three")


def test_a_refused_or_cancelled_shrink_keeps_everything_typed(view, register, session, qtbot, monkeypatch):
    fill(register)  # R-02 is 4x4 inherent, R-10 is 5x5
    before = snapshot(register)
    _shrink_to_3x3_typing_a_name(view, qtbot)
    dialog = RemapDialog(session.scheme, view.form.scheme(), lambda remap: rescored(register, remap), view)
    monkeypatch.setattr(dialog, "exec", lambda: 0)  # Cancel
    assert not view.apply(dialog)
    assert view.scheme_message.text() == "\u26a0 Nothing was changed: the matrix needs the scores re-mapped first."
    assert view.form.name_edit.text() == "Powys three by three" and view.form.scheme().size == "3x3"
    from csp_desktop.errors import UserError
    from csp_desktop.ui.settings import settings_commands

    def refuse(command):
        raise UserError("The register refused it.")
    monkeypatch.setattr(settings_commands.RemapSchemeCommand, "do", refuse)
    monkeypatch.setattr(dialog, "exec", lambda: 1)
    assert not view.apply(dialog)
    assert view.scheme_message.text() == "\u26a0 The register refused it."
    assert view.form.name_edit.text() == "Powys three by three" and view.form.scheme().size == "3x3"
    assert snapshot(register) == before and session.undo_stack.count() == 0


def test_shrinking_proposes_a_mapping_lists_the_risks_and_is_one_undoable_step(view, register, session, qtbot,
                                                                               monkeypatch):
    fill(register)
    risks.add_risk(register, Risk("Low one", ref="R-03", inherent=Rating(1, 1), residual=Rating(1, 1)))
    before = snapshot(register)
    _shrink_to_3x3_typing_a_name(view, qtbot)
    dialog = RemapDialog(session.scheme, view.form.scheme(), lambda remap: rescored(register, remap), view)
    assert [dialog.combos["likelihood"][n].currentData() for n in range(1, 6)] == [1, 2, 2, 3, 3]
    listed = [dialog.risk_list.item(n).text() for n in range(dialog.risk_list.count())]
    assert [text.split(":")[0] for text in listed] == ["R-02", "R-10"]  # R-03 (1x1) keeps its scores
    assert "inherent 25 \u2192 9" in listed[1]
    dialog.combos["impact"][4].setFocus()
    qtbot.keyClick(dialog.combos["impact"][4], Qt.Key.Key_Up)  # impact 4 onto 2, not 3
    assert dialog.remap().impact[4] == 2
    monkeypatch.setattr(dialog, "exec", lambda: 1)
    assert view.apply(dialog)
    assert view.scheme_message.text() == ("The scoring scheme is now 3x3; 2 risk(s) re-scored, each with a review. "
                                          "Ctrl+Z undoes it.")
    stored = {r.ref: r for r in risks.list_risks(register)}
    assert stored["R-10"].inherent == Rating(3, 3) and stored["R-02"].inherent == Rating(3, 2)
    review = risks.reviews_for(register, stored["R-10"].id)[-1]
    assert review.note.startswith("Re-scored when the matrix changed from 5x5 to 3x3")
    assert risks.reviews_for(register, stored["R-03"].id) == []
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert snapshot_without_audit(register) == snapshot_without_audit_of(before)
    session.undo_stack.redo()
    assert register.scheme.size == "3x3" and risks.reviews_for(register, stored["R-10"].id)[-1].id == review.id


def snapshot_without_audit(register):
    return snapshot_without_audit_of(snapshot(register))


def snapshot_without_audit_of(shot):
    """Rows as they were, apart from the audit trail (which keeps the change and its undo) and versions."""
    import re
    return {t: sorted(re.sub(r"'version': \d+", "", row) for row in rows) for t, rows in shot.items()
            if t not in ("audit", "backups") and not t.startswith("sqlite")}


def test_band_colour_dialog(view, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *args: QColor("#123456")))
    view.form.band_rows[0].colour_button.click()
    assert view.form.scheme().bands[0].colour == "#123456"
    assert "#123456" in view.form.band_rows[0].colour_button.text()


def test_add_and_remove_bands(view, register):
    view.form.add_band_button.click()
    assert len(view.form.band_rows) == 5
    assert view.form.band_rows[-1].lowest_spin.value() == 17
    view.form.band_rows[-1].name_edit.setText("Extreme")
    view.form.band_rows[0].remove_button.click()
    assert not view.apply()  # the first band must start at 1
    view.form.band_rows[0].lowest_spin.setValue(1)
    assert view.apply()
    assert [b.name for b in register.scheme.bands] == ["Medium", "High", "Very high", "Extreme"]


def test_who_am_i_is_saved_and_used(view, session, register, settings):
    view.name_edit.setText("  Gwenllian  ap Rhys ")
    assert view.save_name()
    assert register.who == "Gwenllian ap Rhys"
    assert settings.value(identity.KEY) == "Gwenllian ap Rhys"
    assert identity.saved_name(settings) == "Gwenllian ap Rhys"  # what the next opening records under


@pytest.mark.parametrize("name", ["", "   ", "x" * 10_000, "tab\x07bell"])
def test_who_am_i_rejects_bad_names(view, register, settings, name):
    view.name_edit.setText(name)
    assert not view.save_name()
    assert view.name_message.text().startswith("\u26a0 ")
    assert register.who == "tester" and settings.value(identity.KEY) is None


def test_screenshot(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(10)  # let the scroll area lay out its body
    SCREENSHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SCREENSHOTS / "settings-view.png"))
    # What the user sees: the four bands by name, each colour button's text in the ink the table uses.
    assert [row.name_edit.text() for row in view.form.band_rows] == ["Low", "Medium", "High", "Very high"]
    for row in view.form.band_rows:
        assert row.colour_button.isVisible()
        assert f"color: {ink_on(row.colour).lower()}" in row.colour_button.styleSheet().lower()
    assert clipped(view) == []
