"""Starting the GUI."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def run(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CSP Desktop")
    app.setOrganizationName("CSP Desktop")
    window = QMainWindow()
    if path is not None:
        from ..store import Register
        with Register.open(path, read_only=True) as reg:
            title = f"{reg.name} \u2013 {path.name}"
    else:
        title = "CSP Desktop"
    window.setWindowTitle(title)
    window.setCentralWidget(QLabel(title))
    window.resize(1366, 768)
    window.show()
    return app.exec()
