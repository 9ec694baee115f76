"""The toolbar of everyday steps, each calling the same code as the button in its view.

A step belongs to a view class (New risk to RisksView); it goes to that view, wherever it sits in
VIEWS (view_table), and is left out when the view is not there. Shortcuts are Ctrl+Shift+letter, so they cannot
clash with Ctrl+1..Ctrl+9 (the views) or the File and Edit menus.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QToolBar, QToolButton

from ..common.status import say
from .view_table import row_of

TEXT_BESIDE_ICON = 2  # Qt.ToolButtonTextBesideIcon: the Qt namespace's enums (~11 ms) wait for the first paint
# (text, view class, method on that view, shortcut, theme icon, Qt's standard icon as the fallback)
STEPS = (("New risk", "RisksView", "add_risk", "Ctrl+Shift+N", "document-new", "SP_FileIcon"),
         ("New action", "ActionsView", "new_action", "Ctrl+Shift+A", "list-add", "SP_FileDialogNewFolder"),
         ("Record review", "RisksView", "record_review_of_selected", "Ctrl+Shift+R", "document-edit",
          "SP_DialogApplyButton"),
         ("Build pack", "MeetingsView", "build_pack", "Ctrl+Shift+P", "document-print", "SP_DialogSaveButton"))


def icon(window, theme: str, standard: str) -> QIcon:
    """The desktop theme's icon where there is one (Linux), else Qt's own standard icon (Windows), named
    by its QStyle.StandardPixmap member (looked up here: QStyle's enums cost ~9 ms, after the first paint)."""
    from PySide6.QtWidgets import QStyle
    return QIcon.fromTheme(theme, window.style().standardIcon(getattr(QStyle.StandardPixmap, standard)))


def blank_icon(size: QSize) -> QIcon:
    """A transparent icon of `size`: holds an icon's place until the real one is set."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor(0, 0, 0, 0))  # not Qt.GlobalColor.transparent: that builds the Qt namespace's enums
    return QIcon(pixmap)


def glyph_icon(window, theme: str, glyph: str) -> QIcon:
    """The theme's icon, else a glyph drawn in the palette's text colour: Qt's standard arrows are dark
    triangles that all but vanish on a dark toolbar."""
    if QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QPainter, QPalette
    pixmap = QPixmap(40, 40)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont(window.font())
    font.setPixelSize(34)
    painter.setFont(font)
    painter.setPen(window.palette().color(QPalette.ColorRole.ButtonText))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def view_title(views, class_name: str) -> str | None:
    return next((view.title for view in views if view.name == class_name), None)


class Toolbar(QToolBar):
    def __init__(self, window, views):
        super().__init__("Toolbar", window)
        self.setObjectName("toolbar")  # saveState needs a name
        self.setMovable(False)
        self.setIconSize(QSize(20, 20))
        self.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        self.window_ = window
        self.steps: dict[str, QAction] = {}
        # The buttons first paint with blank icons, so they have the size they keep when the icons come
        # (after_paint), with their shortcuts and tooltips.
        blank = blank_icon(self.iconSize())
        extras = []  # (action, shortcut, icon names)
        for text, view, method, keys, theme, standard in STEPS:
            title = view_title(views, view)
            if title is None:
                continue
            action = QAction(blank, text, window)
            window.keys_later(action, QKeySequence(keys))
            action.triggered.connect(lambda _=False, title=title, method=method: self.run(title, method))
            self.addAction(action)
            self.steps[text] = action
            extras.append((action, keys, theme, standard))
        self.addSeparator()
        for action in (window.undo_action, window.redo_action, window.find_action):
            action.setIcon(blank)
            self.addAction(action)
        # The toolbar shows short words; the menus keep the texts that name the step ("Undo add risk R-27").
        for action, word in ((window.undo_action, "Undo"), (window.redo_action, "Redo"), (window.find_action, "Find")):
            button = self.widgetForAction(action)
            assert isinstance(button, QToolButton)  # the button the toolbar just made for it
            button.setText(word)
            action.changed.connect(lambda action=action, word=word: self._keep_word(action, word))
        window.after_paint.later(lambda: self._finish(window, extras))

    def _finish(self, window, extras) -> None:
        """Icons, and tooltips naming the shortcut as the system writes it (the Qt enums are built by now)."""
        native = QKeySequence.SequenceFormat.NativeText
        for action, keys, theme, standard in extras:
            action.setIcon(icon(window, theme, standard))
            action.setToolTip(f"{action.text()} ({QKeySequence(keys).toString(native)})")
        window.undo_action.setIcon(glyph_icon(window, "edit-undo", "\u21b6"))
        window.redo_action.setIcon(glyph_icon(window, "edit-redo", "\u21b7"))
        window.find_action.setIcon(icon(window, "edit-find", "SP_FileDialogContentsView"))

    def _keep_word(self, action: QAction, word: str) -> None:
        button = self.widgetForAction(action)
        if isinstance(button, QToolButton) and button.text() != word:  # (None once the action is removed)
            button.setToolTip(action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&"))
            button.setText(word)

    def set_open(self, is_open: bool, read_only: bool) -> None:
        for action in self.steps.values():
            action.setEnabled(is_open and not read_only)

    def run(self, title: str, method: str) -> None:
        window = self.window_
        if window.session is None:
            return
        window.nav.setCurrentRow(row_of(window.views, title))
        page = window.page(title)
        refusal = getattr(page, method)()
        if isinstance(refusal, str):
            say(window, refusal)
