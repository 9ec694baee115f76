"""Fixtures for the main window and risks tests: the demo register, isolated settings, screenshots.

Import the fixtures a test module needs from here (kept out of conftest.py so other helpers' UI
tests stay independent of them).
"""
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

V = TypeVar("V", bound=QWidget)

# The offscreen platform says this whenever a top-level window with a menu bar is shown; it is not ours.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-screenshots"
SCREEN = (1366, 768)


@pytest.fixture
def demo_path(tmp_path) -> Path:
    from csp_desktop.services.demo import create_demo
    path = tmp_path / "demo.cspreg"
    create_demo(path).close()
    return path


@pytest.fixture
def qsettings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class Messages(list):
    """Every message box the code under test showed, as (title, text); `answer` is what the user clicks."""
    answer = QMessageBox.StandardButton.Yes


@pytest.fixture
def messages(monkeypatch) -> Messages:
    shown = Messages()

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text()))
        buttons = box.standardButtons()
        return shown.answer if buttons & shown.answer else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def on_screen(qtbot, view, *models, show: bool = False):
    """`view` at 1366x768, closed with the test, with Qt's model tester on each of `models` (a model that
    breaks Qt's rules fails the test)."""
    from PySide6.QtTest import QAbstractItemModelTester
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    if show:
        view.show()
    for model in models:
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, view)
    return view


def view_of(window, title: str, kind: type[V]) -> V:
    """The window's view called `title`, as the class it is (the window's page() says only QWidget)."""
    view = window.page(title)
    assert isinstance(view, kind), f"{title} is a {type(view).__name__}"
    return view


def shown_window(qtbot, qsettings):
    """The main window on a 1366x768 screen, shown, with no register open yet."""
    from csp_desktop.ui.shell.main_window import MainWindow
    win = MainWindow(qsettings)
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    return win


def window_on(qtbot, qsettings, path):
    """The main window shown with the register at `path` open in it."""
    win = shown_window(qtbot, qsettings)
    assert win.open_register(path)
    return win


@pytest.fixture
def window(qtbot, demo_path, qsettings, messages):
    win = shown_window(qtbot, qsettings)
    with qtbot.waitSignal(_loaded_signal(win, demo_path), timeout=10000):
        pass
    yield win
    win.close()


def _loaded_signal(win, path):
    assert win.open_register(path)
    return win.data.loaded


def wait_loaded(qtbot, win):
    """Wait for the background reload a change started (the risks view and dashboard show its result)."""
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=10000)


def screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
