"""Screenshots of the import preview at 1366x768: `python -m tests.ui.imports.shoot_preview OUT.png FILE`
(QT_SCALE_FACTOR=1.5 for 150%). Run by test_preview_screens in a subprocess, one per scale."""
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: str, file: str) -> None:
    from PySide6.QtWidgets import QApplication

    from csp_desktop.services.registers import create_register
    from csp_desktop.ui.imports.preview_dialog import PreviewDialog
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    app = QApplication.instance() or QApplication([])
    apply_workarounds()  # as the app's start-up does (PySide6 6.12 drops references to None)
    folder = Path(tempfile.mkdtemp())
    try:
        create_register(folder / "r.cspreg", name="r").close()
        dialog = PreviewDialog(folder / "r.cspreg", Path(file))
        factor = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        dialog.resize(round(1366 / factor), round(768 / factor))  # a 1366x768 laptop screen, scaled
        dialog.show()
        while dialog.preview is None or not dialog.preview.checked or not dialog.status.isHidden():
            dialog.worker.wait()
            app.processEvents()
        app.processEvents()
        dialog.grab().save(out)
        hint = dialog.minimumSizeHint()
        clipped = [label.accessibleName() for label in (dialog.why, dialog.scale_labels)
                   if label.height() < label.heightForWidth(label.width())]
        print(f"needs={hint.width()}x{hint.height()} import={dialog.import_button.isEnabled()} "
              f"clipped={','.join(clipped) or 'none'}")
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
