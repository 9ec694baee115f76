"""The navigation list: one item per view in VIEWS (view_table), with an icon and a count ("Actions · 10 overdue").

Counts come from the window's risk listing (loaded off the GUI thread and reloaded on every change),
so the sidebar costs no query of its own. A view this module does not know gets a plain icon and no count.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from .toolbar import blank_icon, icon

# view class: (theme icon, Qt's standard icon as the fallback). Each view has its own of both, so no two rows
# look alike with or without a desktop theme (Qt's standard set has no people or clock: the partnership is a
# network, history is rewinding, the update round goes round).
ICONS = {"DashboardView": ("go-home", "SP_FileDialogListView"), "RisksView": ("dialog-warning", "SP_MessageBoxWarning"),
         "ActionsView": ("view-list-details", "SP_FileDialogDetailedView"),
         "PlanView": ("x-office-document", "SP_DesktopIcon"),
         "MeetingsView": ("x-office-calendar", "SP_FileDialogInfoView"),
         "ReturnsView": ("mail-send", "SP_BrowserReload"), "PartnersView": ("system-users", "SP_DriveNetIcon"),
         "SettingsView": ("preferences-system", "SP_ComputerIcon"),
         "HistoryView": ("document-open-recent", "SP_MediaSeekBackward")}


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
        # Each name first paints beside a blank of the icon's size (the icons come a frame later: after_paint),
        # so the list's rows and width are those it keeps.
        blank = blank_icon(self.iconSize())
        for view in views:
            self.addItem(QListWidgetItem(blank, view.title))
        # Wide enough for the longest name and a count under it; the count never widens the list.
        width = max(self.sizeHintForColumn(0), self.fontMetrics().horizontalAdvance("999 reviews due") + 18)
        self.setFixedWidth(width + 14)
        window.after_paint.later(lambda: self._set_icons(window))

    def _set_icons(self, window) -> None:
        for row, view in enumerate(self.views):
            self.item(row).setIcon(icon(window, *ICONS.get(view.name, ("text-x-generic", "SP_FileIcon"))))

    def show_counts(self, listing) -> None:
        for row, view in enumerate(self.views):
            words = count_words(view.name, listing)
            item = self.item(row)
            item.setText(f"{view.title}\n{words}" if words else view.title)
            item.setData(0x0101, words)  # Qt.UserRole + 1: the count alone, for tests
            item.setToolTip(f"{view.title}: {words}" if words else view.title)

    def clear_counts(self) -> None:
        self.show_counts(None)
