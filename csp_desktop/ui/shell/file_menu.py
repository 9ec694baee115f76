"""The File menu: New, Open, Open Recent, Import, Export, Backup, Backups (and restore), Save to the
original (for a local copy of a register on a share), Quit.

Import and export run off the GUI thread through their own connections (a progress bar shows
meanwhile); an import is checked in full first (a dry run), shown, and only then applied, after a
backup, which File > Undo last import restores. Spreadsheets open the import preview (ui/imports) instead.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from ...errors import UserError
from ..common.text import ask, tell
from .locations import data_dir
from .menus import add_action

RECENT_MAX = 8
REGISTER_FILES = "Registers (*.cspreg *.sqlite *.db);;All files (*)"
IMPORT_FILES = "Spreadsheets and register exports (*.xlsx *.csv *.json);;All files (*)"
# Each format in both parts: the part is chosen with the file, in the same dialog.
PUBLIC_PART = "public part: no exempt items"
EXPORT_FILES = ";;".join(f"{what}, {part} (*{suffix})" for what, suffix in (
    ("Excel workbook, every table", ".xlsx"), ("Register export (JSON)", ".json"), ("Risks as CSV", ".csv"))
    for part in ("all items, exempt rows marked", PUBLIC_PART))
PROBLEMS_SHOWN = 15


def data_folder() -> Path:
    """The user's own folder for registers and the log (Qt's AppLocalDataLocation: see locations.py)."""
    return data_dir()


class FileMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._pending: dict[int, tuple] = {}

    # Made on first use, not with the window: the first paint need not wait for these modules.
    @cached_property
    def worker(self):
        from .workers import Worker
        worker = Worker(self)
        worker.finished.connect(self._finished)
        return worker

    @cached_property
    def local(self):
        from .share_warning import LocalWork
        return LocalWork(self.window)

    def add_to(self, menu) -> None:
        window = self.window
        self.new = add_action(window, menu, "&New register…", QKeySequence.StandardKey.New, self.new_register)
        self.open = add_action(window, menu, "&Open…", QKeySequence.StandardKey.Open, self.open_dialog)
        self.recent = menu.addMenu("Open &Recent")
        self.recent.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.import_ = add_action(window, menu, "&Import…", QKeySequence("Ctrl+I"), self.import_dialog)
        self.undo_import = add_action(window, menu, "&Undo last import…", QKeySequence(), self.undo_last_import)
        menu.aboutToShow.connect(self._offer_undo_import)
        self.export = add_action(window, menu, "&Export…", QKeySequence("Ctrl+E"), self.export_dialog)
        self.backup = add_action(window, menu, "&Backup…", QKeySequence("Ctrl+B"), self.backup_dialog)
        self.backups = add_action(window, menu, "Bac&kups…", QKeySequence("Ctrl+Shift+B"), self.show_backups)
        self.save_back = add_action(window, menu, "&Save to the original", QKeySequence.StandardKey.Save,
                                    lambda _=False: self.local.save())
        menu.addSeparator()
        add_action(window, menu, "&Quit", QKeySequence.StandardKey.Quit, window.close)

    def set_open(self, is_open: bool, read_only: bool = False) -> None:
        self.import_.setEnabled(is_open and not read_only)
        self.undo_import.setEnabled(is_open and not read_only)
        self.export.setEnabled(is_open)
        self.backup.setEnabled(is_open)
        self.backups.setEnabled(is_open)
        self.save_back.setEnabled(is_open and self.local.copy is not None)

    def wait(self) -> None:
        if "worker" in self.__dict__:  # made: it may have work to finish
            self.worker.wait()

    # -- recent files ------------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.window.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        files = [text] + [f for f in self.recent_files() if f != text]
        self.window.settings.setValue("recent", files[:RECENT_MAX])
        self.window.settings.setValue("last_register", text)

    def _fill_recent(self) -> None:
        self.recent.clear()
        files = self.recent_files()
        for n, name in enumerate(files, start=1):
            action = self.recent.addAction(f"&{n} {name}")
            action.triggered.connect(lambda _=False, name=name: self.window.open_register(Path(name)))
        if not files:
            self.recent.addAction("(none yet)").setEnabled(False)

    # -- new and open -------------------------------------------------------------------------------

    def new_register(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "New register", str(data_folder() / "register.cspreg"),
                                              REGISTER_FILES)
        if not name:
            return
        from ...services.registers import create_register
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".cspreg")
        partnership = self.ask_partnership_name()
        if partnership is None:
            return
        try:
            create_register(path, name=partnership).close()
        except UserError as exc:
            return tell(self.window, "New register", str(exc))
        self.window.open_register(path)

    def ask_partnership_name(self) -> str | None:
        """The partnership's name for the title bar and the pack cover, asked until it is a good one."""
        from PySide6.QtWidgets import QInputDialog
        from ...services.registers import partnership_name
        text = ""
        while True:
            dialog = QInputDialog(self.window)
            dialog.setWindowTitle("New register")
            dialog.setLabelText("The partnership's name, as it should appear in the title bar and on the "
                                "cover of board packs (you can change it later in Settings):")
            dialog.setTextValue(text)
            dialog.setAccessibleName("The partnership's name")
            if not dialog.exec():
                return None
            text = dialog.textValue()
            try:
                return partnership_name(text)
            except UserError as exc:
                tell(self.window, "New register", str(exc))

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open register", str(data_folder()), REGISTER_FILES)
        if name:
            self.window.open_register(Path(name))

    # -- import, export, backup -------------------------------------------------------------------------

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Import", str(Path.home()), IMPORT_FILES)
        if name:
            self.preview(Path(name))

    def preview(self, file: Path) -> None:
        """A spreadsheet opens the import preview (ui/imports); a register export is checked and imported."""
        from ..imports.import_flow import can_preview, open_preview
        if can_preview(file):
            open_preview(self.window, file)
        else:
            self.start_import(file, dry_run=True)

    def _offer_undo_import(self) -> None:
        from ..imports.import_flow import offer_undo
        offer_undo(self.window, self.undo_import)

    def undo_last_import(self) -> None:
        from ..imports.import_flow import undo_last_import
        undo_last_import(self.window)

    def start_import(self, file: Path, *, dry_run: bool) -> None:
        from ...services.opening import import_into
        workspace = self.window.session.workspace
        self.import_.setEnabled(False)
        self.window.set_busy(True, f"{'Checking' if dry_run else 'Importing'} {file.name}…")
        ticket = self.worker.start(lambda: import_into(workspace, file, dry_run=dry_run))
        self._pending[ticket] = ("import", file, dry_run)

    def export_dialog(self) -> None:
        workspace = self.window.session.workspace
        suggested = str(Path.home() / f"{workspace.path.stem}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(self.window, "Export", suggested, EXPORT_FILES)
        if not name:
            return
        from ...services.opening import export_from
        out = Path(name)
        if not out.suffix:
            out = out.with_suffix(".json" if "json" in chosen else ".csv" if "CSV" in chosen else ".xlsx")
        part = "public" if PUBLIC_PART in chosen else "all"
        self.window.set_busy(True, f"Exporting to {out.name}…")
        ticket = self.worker.start(lambda: export_from(workspace, out, part))
        self._pending[ticket] = ("export", out, False)

    def backup_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Back up into folder", str(data_folder()))
        if not folder:
            return
        from ...services.opening import backup_to
        try:
            target = backup_to(self.window.session.workspace, Path(folder))
        except UserError as exc:
            return tell(self.window, "Backup", str(exc))
        self.window.statusBar().showMessage(f"Backed up to {target}", 10000)

    # -- rolling backups and restore -----------------------------------------------------------------

    def show_backups(self) -> None:
        from PySide6.QtWidgets import QDialog

        from .backups_dialog import BackupsDialog
        dialog = BackupsDialog(self.window.session, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.restore(dialog.chosen)

    def restore(self, backup) -> bool:
        """Close the register, put `backup` back, open it again; the present is kept as a backup first."""
        from ...services.restoring import restore
        path = self.window.session.register.path
        self.window.close_register()
        try:
            done = restore(path, backup.path)
        except UserError as exc:
            tell(self.window, "Restore", str(exc))
            self.window.open_register(path)
            return False
        self.window.open_register(path)
        kept = f" The register as it was just before is kept as the backup {done.kept.name}; restore that one " \
               "to undo this." if done.kept else ""
        tell(self.window, "Restore", f"{path.name} is back as it was on {backup.when} ({backup.why}).{kept}",
             icon="info")
        return True

    def open_failed(self, path: Path, message: str) -> bool:
        """A register that cannot be opened (damaged, missing) is offered its newest backup that passes."""
        from ...services.backups import newest_good_backup
        good = newest_good_backup(path)
        if good is None:
            tell(self.window, "Open register", message)
            return False
        if not ask(self.window, "Open register", f"{message}\n\nThe newest backup of it that passes the check was "
                                                 f"made {good.when} ({good.why}). Restore it and open it? The file "
                                                 "as it is now is kept as a backup first."):
            return False
        from ...services.restoring import restore
        try:
            restore(path, good.path)
        except UserError as exc:
            tell(self.window, "Restore", str(exc))
            return False
        return self.window.open_register(path)

    def _finished(self, ticket: int, outcome) -> None:
        kind, file, dry_run = self._pending.pop(ticket, (None, None, None))
        self.window.set_busy(False)
        if kind == "export":
            return self._exported(file, outcome)
        if kind == "import":
            self._imported(file, dry_run, outcome)

    def _exported(self, out: Path, outcome) -> None:
        if not outcome.ok:
            return tell(self.window, "Export", outcome.message)
        self.window.statusBar().showMessage(f"Exported to {out}", 10000)

    def _imported(self, file: Path, dry_run: bool, outcome) -> None:
        self.set_open(self.window.session is not None,
                      self.window.session is not None and self.window.session.read_only)
        if not outcome.ok:
            details = "\n".join(outcome.details[:PROBLEMS_SHOWN])
            from ...services.import_preview import in_app_words  # no command-line option in the app
            message = in_app_words(outcome.message)
            return tell(self.window, "Import", f"{message}\n\n{details}".strip())
        if dry_run:
            if ask(self.window, "Import", import_summary(outcome.value)):
                self.start_import(file, dry_run=False)
            return
        self.window.open_register(self.window.session.register.path)  # everything fresh, scheme included
        self.window.statusBar().showMessage(f"Imported {_counts(outcome.value.counts)} from {file}.", 10000)


def _counts(counts: dict) -> str:
    return ", ".join(f"{n} {name}" for name, n in counts.items()) or "nothing"


def import_summary(result) -> str:
    """What a dry run found, as plain text for the confirmation question."""
    lines = [f"{result.file} can be imported: {_counts(result.counts)}."]
    if result.scheme_changed and result.scheme is not None:
        lines.append(f"The register will take the file's {result.scheme.size} scoring scheme.")
    if result.warnings:
        lines.append(f"{len(result.warnings)} warning(s):")
        lines += [str(w) for w in result.warnings[:PROBLEMS_SHOWN]]
    lines.append("A backup is made first: File > Undo last import takes it back. Import now?")
    return "\n".join(lines)
