"""The partnership's name: asked for by File > New register, changed in Settings (undoable, audited) or
with `csp-desktop rename`; shown in the title bar and on the pack cover."""
from datetime import date

from click.testing import CliRunner
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from csp_desktop.cli import main
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store import Register
from tests.conftest import snapshot
from tests.ui.windows import OFFSCREEN_NOISE, demo_path, messages, qsettings, window  # noqa: F401

pytestmark = OFFSCREEN_NOISE
NAME = "Safer Herefordshire Community Safety Partnership"


def typing_into_input_dialogs(monkeypatch, qtbot, answers: list[str]):
    """Each QInputDialog shown is answered by typing the next answer, as a person would, then OK."""
    def fake_exec(dialog):
        if not answers:
            return 0
        dialog.show()  # Return presses the default button only of a dialog on screen
        qtbot.waitExposed(dialog)
        line = dialog.findChild(QLineEdit)
        line.selectAll()
        qtbot.keyClicks(line, answers.pop(0))
        qtbot.keyClick(line, Qt.Key.Key_Return)
        dialog.hide()
        return dialog.result()
    monkeypatch.setattr(QInputDialog, "exec", fake_exec)


def test_new_register_asks_the_partnerships_name_and_the_title_bar_shows_it(qtbot, window, monkeypatch, tmp_path,
                                                                          messages):
    path = tmp_path / "hereford.cspreg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    typing_into_input_dialogs(monkeypatch, qtbot, ["   ", NAME])  # an empty name is refused first
    window.files.new_register()
    assert messages and messages[0][1].startswith("The partnership needs a name")
    assert window.windowTitle().startswith(f"{NAME} \u2013 hereford.cspreg")
    assert window.session.register.name == NAME


def test_renamed_in_settings_undoably_with_audit_then_on_the_pack_cover(qtbot, window, tmp_path):
    settings = window.page("Settings")
    reg = window.session.register
    old = reg.name
    settings.partnership_edit.selectAll()
    qtbot.keyClicks(settings.partnership_edit, "Safer Powys CSP")
    qtbot.keyClick(settings.partnership_edit, Qt.Key.Key_Return)
    assert reg.name == "Safer Powys CSP" and window.windowTitle().startswith("Safer Powys CSP \u2013 ")
    assert settings.partnership_message.text() == "The partnership is now called Safer Powys CSP."
    audit = reg.query("SELECT old, new FROM audit WHERE tbl = 'register_info' AND field = 'name'")
    assert [(a["old"], a["new"]) for a in audit] == [(old, "Safer Powys CSP")]
    pack = build_pack(reg, tmp_path / "p.pdf", PackOptions(), date(2026, 11, 27))
    assert "Safer Powys CSP" in PdfReader(pack.path).pages[0].extract_text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reg.name == old and window.windowTitle().startswith(old)
    assert settings.partnership_edit.text() == old
    before = snapshot(reg)
    for bad in ("   ", "x" * 201, "Null\x00byte"):
        settings.partnership_edit.setText(bad) if not bad.isprintable() else None
        if bad.isprintable():
            settings.partnership_edit.selectAll()
            qtbot.keyClicks(settings.partnership_edit, bad)
        qtbot.keyClick(settings.partnership_edit, Qt.Key.Key_Return)
        assert settings.partnership_message.text().startswith("\u26a0 The partnership")
        assert snapshot(reg) == before


def test_cli_rename(tmp_path):
    path = tmp_path / "p.cspreg"
    Register.create(path, "p").close()
    result = CliRunner().invoke(main, ["rename", str(path), NAME])
    assert result.exit_code == 0 and result.output == f"Renamed p to {NAME}.\n"
    with Register.open(path, read_only=True) as reg:
        assert reg.name == NAME
    result = CliRunner().invoke(main, ["rename", str(path), " "])
    assert result.exit_code == 1 and "needs a name" in result.output
