"""Starting: the window paints before the register layer loads, and what it leaves for after the paint
(icons, shortcuts, tooltips) arrives without moving anything."""
import os
import subprocess
import sys

from csp_desktop.ui.shell.after_paint import AfterPaint
from csp_desktop.ui.shell.main_window import VIEWS, MainWindow
from csp_desktop.ui.shell.sidebar import ICONS
from tests.ui.windows import OFFSCREEN_NOISE, REPO, demo_path, messages, qsettings, window  # noqa: F401

pytestmark = OFFSCREEN_NOISE

FIRST_PAINT = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from csp_desktop.ui.shell.main_window import MainWindow
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
while not window.after_paint.done:
    app.processEvents()
print(" ".join(sorted(sys.modules)))
"""
NOT_BEFORE_PAINT = ("sqlite3", "sqlite_utils", "reportlab", "openpyxl", "csp_desktop.store", "csp_desktop.services",
                    "csp_desktop.ui.risks.risks_view", "csp_desktop.ui.dashboard.dashboard_view")


def test_the_window_paints_before_the_register_layer_and_the_views_load(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(tmp_path / "s.ini")], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    loaded = set(out.split())
    assert "csp_desktop.ui.shell.main_window" in loaded
    assert [name for name in NOT_BEFORE_PAINT if name in loaded] == []


def test_icons_and_shortcuts_come_after_the_first_paint_and_move_nothing(qtbot, qsettings, monkeypatch):
    seen = {}
    run_steps = AfterPaint._run_steps

    def look_first(after_paint):
        seen["before"] = _layout(after_paint.parent())
        seen["keys"] = after_paint.parent().undo_action.shortcut().isEmpty()
        run_steps(after_paint)

    monkeypatch.setattr(AfterPaint, "_run_steps", look_first)
    win = MainWindow(qsettings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: "before" in seen and not win.after_paint.steps, timeout=5000)
    qtbot.wait(100)  # the toolbar and list lay themselves out again on a later turn, if at all
    assert seen["keys"] and not win.undo_action.shortcut().isEmpty()  # no shortcut before the paint; then set
    assert _layout(win) == seen["before"]
    icons = [win.nav.item(n).icon() for n in range(win.nav.count())]
    icons += [action.icon() for action in win.toolbar.actions() if not action.isSeparator()]
    assert all(not icon.isNull() for icon in icons)
    # No two views share an icon: compared as drawn (an icon's cacheKey differs for the same picture made twice).
    drawn = [_pixels(win.nav.item(n).icon()) for n in range(win.nav.count())]
    assert len(set(drawn)) == win.nav.count() == len(VIEWS)
    themes, standards = zip(*ICONS.values())
    assert len(set(themes)) == len(set(standards)) == len(ICONS)
    assert win.toolbar.steps["New risk"].toolTip() == "New risk (Ctrl+Shift+N)"


def _pixels(icon) -> bytes:
    image = icon.pixmap(18, 18).toImage()
    return bytes(image.constBits())


def _layout(win) -> list:
    buttons = [win.toolbar.widgetForAction(a).geometry().getRect() for a in win.toolbar.actions()
               if win.toolbar.widgetForAction(a) is not None]
    rows = [win.nav.visualItemRect(win.nav.item(n)).getRect() for n in range(win.nav.count())]
    return [buttons, rows, win.nav.width(), win.stack.geometry().getRect()]


def test_every_view_of_the_table_is_the_class_it_names(window):
    for view in VIEWS:
        assert type(window.page(view.title)).__name__ == view.name
