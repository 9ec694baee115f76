"""Starting the GUI: the application, the log file, and which register to open first."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from .file_menu import data_folder
from .locations import app_settings, bug_sentence, log_file, move_old_data, name_application
from .main_window import MainWindow
from ..common.text import tell
from .qt_workarounds import apply_workarounds

log = logging.getLogger("csp_desktop")
DEMO_NAME = "demo.cspreg"


def run(path: Path | None) -> int:
    """Open `path`, or (None) the last register used, else a copy of the demo register in the data folder."""
    apply_workarounds()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    name_application()
    moved = _move_old_data()
    _log_to_file(log_file())
    window = MainWindow()
    sys.excepthook = lambda *exc: _report_bug(window, *exc)
    window.show()
    if moved is not None:
        QTimer.singleShot(0, window, lambda: tell(window, "Your registers have moved", moved.summary(), icon="info"))
    window.open_after_paint(lambda: _first_or_none(window, path))
    return app.exec()


def _move_old_data():
    """Earlier versions kept files in a doubled, possibly roaming folder: move them, once."""
    try:
        return move_old_data(app_settings())
    except OSError as exc:  # never stop the app starting; the old files stay where they were
        log.warning("Could not move the old data folder: %s", exc)
        return None


def first_register(path: Path | None, settings: QSettings) -> Path:
    if path is not None:
        return Path(path)
    last = settings.value("last_register")
    if last and Path(str(last)).is_file():
        return Path(str(last))
    return demo_register(data_folder())


def demo_register(folder: Path) -> Path:
    """The demo partnership, made once in the user's folder (never inside the installed package)."""
    target = folder / DEMO_NAME
    if not target.exists():
        try:
            from ...services.demo import create_demo
        except ImportError as exc:  # an install without the demo content
            raise RuntimeError(f"The demo register is not available in this build ({exc}).") from exc
        create_demo(target).close()
    return target


def _first_or_none(window: MainWindow, path: Path | None) -> Path | None:
    try:
        return first_register(path, window.settings)
    except Exception as exc:  # the demo could not be made: say so, leave File > Open and New working
        log.exception("Could not prepare the first register")
        tell(window, "CSP Desktop", f"No register could be opened ({exc}); use File > Open or File > New.")
        return None


def _log_to_file(path: Path) -> None:
    if any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _report_bug(window, kind, value, tb) -> None:
    """A programming error: keep the traceback in the log and tell the user in one sentence."""
    log.error("Unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
    tell(window, "CSP Desktop", f"{bug_sentence(value)} Your saved work is safe.", icon="error")
