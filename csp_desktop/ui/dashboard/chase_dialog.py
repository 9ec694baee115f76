"""Chase owners...: choose whom, the folder and whether to attach workbooks; the drafts are written there."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from ...errors import UserError
from ...services.chase import chase
from ...services.coming_up import coming_up
from ..common.accessible import named
from ..common.dialog_parts import add_ticked, folder_row, ok_cancel, ticked
from ..common.text import tell


@dataclass
class ChaseChoice:
    owners: list[str]
    folder: Path
    workbooks: bool


class ChaseDialog(QDialog):
    def __init__(self, owners: list[tuple[str, int, str]], folder: Path, parent: QWidget | None = None):
        """`owners`: (name, items, note such as 'chased on 25/11') for each owner with something to chase."""
        super().__init__(parent)
        self.setWindowTitle("Chase owners")
        self.owner_list = named(QListWidget(), "Owners to chase")
        add_ticked(self.owner_list, ((f"{name} ({count} items{', ' + note if note else ''})", name,
                                      not note) for name, count, note in owners))  # not chased twice by mistake
        self.folder = named(QLineEdit(str(folder)), "Folder for the drafts")
        row = folder_row(self, self.folder, "Folder for the drafts")
        self.workbooks = named(QCheckBox("&Attach each owner's update workbook"), "Attach workbooks")
        form = QFormLayout()
        form.addRow("Write drafts to:", row)
        form.addRow("", self.workbooks)
        buttons = ok_cancel(self, "Write drafts")
        layout = QVBoxLayout(self)
        intro = QLabel("One email draft per owner, to open and send from your own mail program. Exempt items go "
                       "in a separate draft marked OFFICIAL-SENSITIVE, Part II. Owners chased already are unticked.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.owner_list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> ChaseChoice:
        return ChaseChoice(ticked(self.owner_list), Path(self.folder.text().strip()), self.workbooks.isChecked())


def owners_to_chase(session) -> list[tuple[str, int, str]]:
    found = coming_up(session.register)
    counts: dict[str, int] = {}
    for item in found.due + [i for g in found.overdue for i in g.items]:
        if item.owner_id:
            counts[item.owner_name] = counts.get(item.owner_name, 0) + 1
    chased = {g.owner_name: f"chased on {g.chased_at:%d/%m}" for g in found.overdue if g.chased_at}
    return [(name, counts[name], chased.get(name, "")) for name in sorted(counts, key=str.casefold)]


def chase_owners(parent: QWidget, session) -> None:
    if session.read_only:
        return tell(parent, "Chase owners", "The register is open read-only, so no chase can be logged in it.")
    owners = owners_to_chase(session)
    if not owners:
        return tell(parent, "Chase owners", "Nobody has anything due or overdue to chase.", "info")
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    dialog = ChaseDialog(owners, folder, parent)
    if not dialog.exec():
        return
    choice = dialog.choice()
    if not choice.owners:
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = chase(session.register, choice.folder, owners=choice.owners, workbooks=choice.workbooks)
    except UserError as exc:
        return tell(parent, "Chase owners", str(exc))
    finally:
        QGuiApplication.restoreOverrideCursor()
    session.notify(result.changes)
    tell(parent, "Chase owners", summary(result, choice.folder), "info")


def summary(result, folder: Path) -> str:
    without = [w.owner for w in result.written if not w.has_email]
    text = f"Wrote {len(result.written)} email drafts in {folder}; open each in your mail program to send it."
    if without:
        text += f" No email address for: {', '.join(sorted(set(without)))} (their To line is empty)."
    return text
