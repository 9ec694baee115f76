"""Screenshots of the main views as a council laptop shows them at 125% or 150% scaling.

Run in its own process (QT_SCALE_FACTOR must be set before Qt starts):
    QT_SCALE_FACTOR=1.5 python -m tests.ui.scaled_screens REGISTER OUT_PREFIX
The window is sized to a 1366x768 screen in logical pixels (911x512 at 150%), so the screenshots show
whether everything still fits and reads.
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(register: str, prefix: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from csp_desktop.ui.shell.main_window import MainWindow
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    apply_workarounds()
    app = QApplication([])
    factor = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    settings = QSettings(str(Path(prefix).parent / f"scaled-{factor}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(round(1366 / factor), round(768 / factor))
    window.show()
    assert window.open_register(Path(register))
    deadline = time.time() + 20
    while window.data.listing is None and time.time() < deadline:
        app.processEvents()
    shots = []
    for row, name in ((0, "dashboard"), (1, "risks")):
        window.nav.setCurrentRow(row)
        risks = window.page("Risks")
        risks.select_risk(risks.model.rows[2].risk.id)
        app.processEvents()
        shots.append(f"{prefix}-{name}.png")
        window.grab().save(shots[-1])
    risks.editor.tabs.setCurrentIndex(1)
    app.processEvents()
    shots.append(f"{prefix}-risks-scores.png")
    window.grab().save(shots[-1])
    print(f"size={window.width()}x{window.height()} min={window.minimumSizeHint().width()}x"
          f"{window.minimumSizeHint().height()}")
    chrome = window.minimumSizeHint().width() - window.stack.minimumSizeHint().width()
    from csp_desktop.ui.shell.main_window import VIEWS
    for title, _module, _cls in VIEWS:
        page = window.page(title)
        print(f"page={title.split()[0]} needs={page.minimumSizeHint().width() + chrome}")
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
