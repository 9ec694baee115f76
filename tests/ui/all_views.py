"""Screenshots of every view of the main window on the demo register, at one scale and palette.

Run in its own process (QT_SCALE_FACTOR must be set before Qt starts):
    QT_SCALE_FACTOR=1.25 python -m tests.ui.all_views light|dark OUTDIR
The window is a 1366x768 screen in logical pixels (1093x614 at 125%). Prints, per view, the width its
minimum size hint needs ("page=Risks needs=812"), so a test can check every view fits.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CSP_DESKTOP_USER", "tester")


def clipped(page) -> list[str]:
    """Labels and combo boxes shown narrower than their text (cut off, not ended in "…")."""
    from PySide6.QtWidgets import QComboBox, QLabel
    from csp_desktop.ui.common.eliding_combo import ElidingComboBox
    from csp_desktop.ui.common.elided_label import ElidedLabel
    found = []
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap() and not isinstance(label, ElidedLabel) \
                and label.width() + 1 < label.sizeHint().width():
            found.append(f"label {label.text()[:30]!r} {label.width()}<{label.sizeHint().width()}")
    for combo in page.findChildren(QComboBox):
        text_width = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if combo.isVisible() and not isinstance(combo, ElidingComboBox) and combo.width() < text_width + 30:
            found.append(f"combo {combo.currentText()[:30]!r} {combo.width()}<{text_width + 30}")
    return found


def show_a_pack(app, page) -> None:
    from csp_desktop.services.packs import PackOptions
    page.table.selectRow(0)
    page.start_build(PackOptions(meeting_id=page.model.rows[0]["id"]))
    deadline = time.time() + 60
    while page.build is not None and time.time() < deadline:
        app.processEvents()
    for _ in range(20):  # QPdfView renders asynchronously
        app.processEvents()
        time.sleep(0.02)


def main(mode: str, out: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from csp_desktop.services.demo import create_demo
    from csp_desktop.ui.meetings.meetings_view import MeetingsView
    from csp_desktop.ui.risks.risks_view import RisksView
    from csp_desktop.ui.shell.main_window import VIEWS, MainWindow
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    factor = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    apply_workarounds()
    app = QApplication([])
    app.setStyle("Fusion")
    from tests.ui.render_views import dark_palette  # (sets QT_SCALE_FACTOR on import: too late to matter now)
    if mode == "dark":
        app.setPalette(dark_palette())
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.cspreg"
        create_demo(path).close()
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(round(1366 / factor), round(768 / factor))
        window.show()
        assert window.open_register(path)
        deadline = time.time() + 20
        data = window.data
        assert data is not None
        while data.listing is None and time.time() < deadline:
            app.processEvents()
        chrome = window.minimumSizeHint().width() - window.stack.minimumSizeHint().width()
        for row, title in enumerate(view.title for view in VIEWS):
            window.nav.setCurrentRow(row)
            page = window.page(title)
            if isinstance(page, RisksView) and page.model.rows:
                page.select_risk(page.model.rows[0].risk.id)
            if isinstance(page, MeetingsView) and page.model.rows:
                show_a_pack(app, page)
            for _ in range(5):
                app.processEvents()
            name = title.split()[0].lower()
            window.grab().save(str(folder / f"{name}-{mode}-{factor}.png"))
            print(f"page={title.split()[0]} needs={page.minimumSizeHint().width() + chrome} "
                  f"window={window.width()}x{window.height()}")
            for what in clipped(page):
                print(f"clipped={title.split()[0]}: {what}")
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
