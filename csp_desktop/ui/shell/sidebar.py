"""The navigation list: one item per view in VIEWS, with an icon and a count ("Actions · 10 overdue").

Counts come from the window's risk listing (loaded off the GUI thread and reloaded on every change),
so the sidebar costs no query of its own. A view this module does not know gets a plain icon and no count.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from .toolbar import icon

SP = QStyle.StandardPixmap
ICONS = {"DashboardView": ("go-home", SP.SP_DirHomeIcon), "RisksView": ("dialog-warning", SP.SP_MessageBoxWarning),
         "ActionsView": ("view-list-details", SP.SP_FileDialogDetailedView),
         "MeetingsView": ("x-office-calendar", SP.SP_FileDialogInfoView),
         "ReturnsView": ("mail-send", SP.SP_DriveNetIcon), "PartnersView": ("system-users", SP.SP_DirIcon),
         "SettingsView": ("preferences-system", SP.SP_ComputerIcon)}


def count_words(class_name: str, listing) -> str:
    """The count shown under a view's name, or "" when it has none worth showing."""
    summary = getattr(listing, "summary", None)
    if summary is None:
        return ""
    if class_name == "RisksView":
        return f"{summary.open_risks} open"
    if class_name == "ActionsView":
        return f"{summary.overdue_actions} overdue" if summary.overdue_actions else "none overdue"
    if class_name == "DashboardView" and summary.reviews_overdue:
        return f"{len(summary.reviews_overdue)} reviews due"
    return ""


class Sidebar(QListWidget):
    def __init__(self, window, views):
        super().__init__()
        self.views = views
        self.setAccessibleName("Views")
        self.setIconSize(QSize(18, 18))
        self.setSpacing(1)
        for title, _module, name in views:
            theme, standard = ICONS.get(name, ("text-x-generic", SP.SP_FileIcon))
            item = QListWidgetItem(icon(window, theme, standard), title)
            self.addItem(item)
        # Wide enough for the longest name and a count under it; the count never widens the list.
        width = max(self.sizeHintForColumn(0), self.fontMetrics().horizontalAdvance("999 reviews due") + 18)
        self.setFixedWidth(width + 14)

    def show_counts(self, listing) -> None:
        for row, (title, _module, name) in enumerate(self.views):
            words = count_words(name, listing)
            item = self.item(row)
            item.setText(f"{title}\n{words}" if words else title)
            item.setData(0x0101, words)  # Qt.UserRole + 1: the count alone, for tests
            item.setToolTip(f"{title}: {words}" if words else title)

    def clear_counts(self) -> None:
        self.show_counts(None)
