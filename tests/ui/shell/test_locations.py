"""The data folder is Qt's AppLocalDataLocation, once (not doubled), and old files are moved there."""
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from csp_desktop.ui.shell import app, locations
from tests.ui.windows import OFFSCREEN_NOISE, messages, qsettings  # noqa: F401


def test_the_data_folder_is_app_local_data_and_not_doubled(qapp):
    folder = locations.data_dir()
    assert folder == Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    assert folder.name == "CSP Desktop" and folder.parent.name != "CSP Desktop"
    assert locations.old_data_dir() == Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)) / "CSP Desktop"
    # The settings stay where they always were (organisation and application both named).
    assert Path(locations.app_settings().fileName()).parent.name == "CSP Desktop"


def test_first_start_moves_old_files_and_remembered_paths_follow(tmp_path, qsettings, monkeypatch):
    new = tmp_path / "CSP Desktop"
    old = new / "CSP Desktop"
    old.mkdir(parents=True)
    (old / "p.cspreg").write_bytes(b"p")
    qsettings.setValue("recent", [str(old / "p.cspreg"), "/elsewhere/q.cspreg"])
    qsettings.setValue("last_register", str(old / "p.cspreg"))
    monkeypatch.setattr(locations, "old_data_dir", lambda: old)
    monkeypatch.setattr(locations, "data_dir", lambda: new)
    moved = locations.move_old_data(qsettings)
    assert moved is not None and (new / "p.cspreg").exists()
    assert qsettings.value("recent") == [str(new / "p.cspreg"), "/elsewhere/q.cspreg"]
    assert qsettings.value("last_register") == str(new / "p.cspreg")
    assert locations.move_old_data(qsettings) is None


@OFFSCREEN_NOISE
def test_the_app_says_so_on_first_start(tmp_path, qtbot, qsettings, messages, monkeypatch):
    new = tmp_path / "CSP Desktop"
    old = new / "CSP Desktop"
    old.mkdir(parents=True)
    (old / "p.cspreg").write_bytes(b"p")
    monkeypatch.setattr(locations, "old_data_dir", lambda: old)
    monkeypatch.setattr(locations, "data_dir", lambda: new)
    monkeypatch.setattr(app, "app_settings", lambda: qsettings)
    monkeypatch.setattr(app, "data_folder", lambda: new)
    monkeypatch.setattr(app, "MainWindow", lambda: _Quiet(qsettings, qtbot))
    monkeypatch.setattr(app.QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app, "_log_to_file", lambda path: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app.run(new / "none.cspreg") == 0
    qtbot.waitUntil(lambda: any(title == "Your registers have moved" for title, _ in messages))
    text = next(text for title, text in messages if title == "Your registers have moved")
    assert str(new) in text and "p.cspreg" in text


def _Quiet(settings, qtbot):
    from csp_desktop.ui.shell.main_window import MainWindow
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_after_paint = lambda path_or_chooser: None  # type: ignore[method-assign]  # these tests open nothing
    return window
