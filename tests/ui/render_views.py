"""Render the tracker, settings and partners views in a fresh process, at a given scale and palette.

QT_SCALE_FACTOR only takes effect before QApplication starts, hence a process of its own:
    python tests/ui/render_views.py SCALE light|dark OUTDIR
"""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_SCALE_FACTOR"] = sys.argv[1]
os.environ["CSP_DESKTOP_USER"] = "tester"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e8e8e8",
             QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
             QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#353535",
             QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#2f65ca",
             QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
             QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.PlaceholderText: "#9a9a9a"}
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def main() -> None:
    scale, mode, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    apply_workarounds()
    app = QApplication([])
    app.setStyle("Fusion")
    if mode == "dark":
        app.setPalette(dark_palette())
    from csp_desktop.store import Register
    from csp_desktop.ui.actions.actions_view import ActionsView
    from csp_desktop.ui.partners.partners_view import PartnersView
    from csp_desktop.ui.shell.session import Session
    from csp_desktop.ui.settings.settings_view import SettingsView
    from tests.ui.tracker_data import TODAY, fill
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        reg = Register.create(Path(folder) / "r.cspreg", "Render")
        fill(reg)
        session = Session(reg)
        views = {"actions": ActionsView(session, today=lambda: TODAY), "settings": SettingsView(session),
                 "partners": PartnersView(session)}
        for name, view in views.items():
            view.resize(1366, 768)
            view.show()
            app.processEvents()
            view.grab().save(str(out / f"{name}-{mode}-{scale}.png"))
        for view in views.values():  # tear down in order, before the application and register go
            view.close()
            view.deleteLater()
        app.processEvents()
        views.clear()
        session.deleteLater()
        app.processEvents()
        reg.close()
    print("rendered")


if __name__ == "__main__":
    main()
