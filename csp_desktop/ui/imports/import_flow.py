"""File > Import (and a file dropped on the window) opens the preview; File > Undo last import puts back
the backup made just before the last import. Called from the File menu with the main window."""
from __future__ import annotations

from pathlib import Path

from ...errors import UserError
from ..common.text import ask, tell

PREVIEWED = {".csv", ".xlsx", ".xlsm", ".xls"}  # .xls: the preview says why it cannot be read


def can_preview(file: Path) -> bool:
    return Path(file).suffix.lower() in PREVIEWED


def open_preview(window, file: Path):
    """Show the preview of importing `file` into the open register; returns the dialog (not modal-blocking)."""
    from .preview_dialog import PreviewDialog
    if window.session is None or window.session.read_only:
        tell(window, "Import", "Open a register you can change first, then import into it.")
        return None
    dialog = PreviewDialog(window.session.workspace, Path(file), window)
    dialog.imported.connect(lambda result: _imported(window, Path(file), result))
    dialog.go_to_updates.connect(lambda: window.nav.setCurrentRow(_view_row(window, "Owner updates")))
    dialog.new_register.connect(window.files.new_register)
    dialog.setModal(True)
    dialog.show()
    window.import_preview = dialog  # kept for tests and so it is not collected while open
    return dialog


def _view_row(window, title: str) -> int:
    from ..shell.view_table import row_of
    return row_of(window.views, title)


def _imported(window, file: Path, result) -> None:
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items()) or "nothing"
    window.open_register(window.session.register.path)  # everything fresh, the scale included
    window.statusBar().showMessage(f"Imported {file.name}: {counts}. File > Undo last import takes it back.", 15000)


def offer_undo(window, action) -> None:
    """File > Undo last import names the import it would undo, and is offered only when there is one."""
    from ...services.import_undo import last_import
    session = window.session
    found = last_import(session.register) if session is not None and not session.read_only else None
    action.setEnabled(found is not None)
    action.setText(f"&Undo last import ({found.file})\u2026" if found else "&Undo last import\u2026")


def undo_last_import(window) -> bool:
    """Say what will be lost, then restore the backup made before the last import."""
    from ...services.import_undo import last_import, undo_last_import as undo
    if window.session is None:
        return False
    path = window.session.register.path
    found = last_import(window.session.register)
    if found is None:
        tell(window, "Undo last import", "There is no import to undo in this register (or the backup made just "
                                         "before it is gone).", icon="info")
        return False
    question = found.words + "\n\nUndo the import?"
    if found.later_changes:
        question = found.words + "\n\nOther changes were made since the import. Undo it anyway, losing them too?"
    if not ask(window, "Undo last import", question):
        return False
    window.close_register()
    try:
        undo(path, even_if_changed=True)
    except UserError as exc:
        tell(window, "Undo last import", str(exc))
        window.open_register(path)
        return False
    window.open_register(path)
    window.statusBar().showMessage(f"The import of {found.file} was undone.", 15000)
    return True
