"""Make the guide's pictures from the app itself, on the demo register, offscreen.

    python resources/guide/make_screenshots.py        (from the repository root)

Writes small PNGs (256 colours, 840 pixels wide) beside this file; run it again after a change to a
view and commit the pictures with the change. The dates are the demo's, so the pictures stay stable.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CSP_DESKTOP_USER", "Coordinator")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
WIDTH = 840  # the guide window is 900 wide: shown at this size, the words stay readable


def settle(app, seconds: float = 0.3) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget, name: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    image.save(str(HERE / f"{name}.png"), "PNG", 9)
    print(f"{name}.png {(HERE / f'{name}.png').stat().st_size // 1024} KB")


def shoot(app, window) -> None:
    from csp_desktop.services.packs import PackOptions
    titles = {name: title for title, _module, name in window.views}

    def show(name: str):
        window.nav.setCurrentRow([n for _t, _m, n in window.views].index(name))
        settle(app)
        return window.page(titles[name])

    show("DashboardView")
    save(window, "dashboard")
    risks = show("RisksView")
    risks.select_risk(risks.model.rows[2].risk.id)
    settle(app)
    save(window, "risks")
    risks.editor.tabs.setCurrentIndex(1)
    settle(app)
    save(window, "scores")
    show("ActionsView")
    save(window, "actions")
    show("ReturnsView")
    save(window, "updates")
    meetings = show("MeetingsView")
    meetings.table.selectRow(0)
    meetings.start_build(PackOptions(meeting_id=meetings.model.rows[0]["id"]))
    end = time.time() + 60
    while meetings.build is not None and time.time() < end:
        app.processEvents()
    settle(app, 1.0)
    save(window, "meetings")


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from csp_desktop.services.demo import create_demo
    from csp_desktop.ui.shell.main_window import MainWindow
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    apply_workarounds()
    app = QApplication([])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.cspreg"
        create_demo(path).close()
        window = MainWindow(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        assert window.open_register(path)
        end = time.time() + 20
        while window.data.listing is None and time.time() < end:
            app.processEvents()
        shoot(app, window)
        window.close()
        settle(app)


if __name__ == "__main__":
    main()
