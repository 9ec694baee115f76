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
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    try:
        create_register(folder / "r.cspreg", name="r").close()
        dialog = PreviewDialog(folder / "r.cspreg", Path(file))
        dialog.resize(1366, 768)
        dialog.show()
        dialog.worker.wait()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(out)
        dialog.done(0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
