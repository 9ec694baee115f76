"""The Help menu's windows: the guide (a local HTML page shipped in resources/guide), the keyboard
shortcuts (read from the window's own actions, so the list cannot go stale) and About."""
from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ...paths import resource

# The libraries the app ships with, by distribution name (their licences are read from their metadata).
PICTURE_WIDTH = 840  # as resources/guide/make_screenshots.py makes them
LIBRARIES = ("PySide6-Essentials", "PySide6-Pdf", "sqlite-utils", "click", "reportlab", "rl-accel",
             "arabic-reshaper", "python-bidi", "openpyxl", "defusedxml")


class HelpWindow(QDialog):
    """A page of help in a QTextBrowser, with a Close button."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(title)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        available = parent.screen().availableGeometry() if parent is not None else None
        width, height = (900, 640) if available is None else (min(900, available.width() - 40),
                                                              min(640, available.height() - 60))
        self.resize(width, height)


def guide(parent=None) -> HelpWindow:
    window = HelpWindow("CSP Desktop guide", parent)
    page = resource("guide", "index.html")
    window.browser.setSearchPaths([str(page.parent)])
    window.browser.document().setBaseUrl(QUrl.fromLocalFile(str(page)))
    # Pictures no wider than the window (QTextBrowser knows no max-width), so a small screen needs no sideways scroll.
    width = min(PICTURE_WIDTH, window.width() - 60)
    window.browser.setHtml(page.read_text(encoding="utf-8").replace("<img ", f'<img width="{width}" '))
    return window


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, in menu order, texts as shown."""
    rows, seen = [], set()
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        text = action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("\u2026.")
        if keys and text and (text, tuple(keys)) not in seen:
            seen.add((text, tuple(keys)))
            rows.append((text, " or ".join(keys)))
    return rows


def shortcuts(window) -> HelpWindow:
    help_window = HelpWindow("Keyboard shortcuts", window)
    rows = "".join(f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                   for what, keys in shortcut_rows(window))
    help_window.browser.setHtml(f"<h2>Keyboard shortcuts</h2><table cellpadding='4'>{rows}</table>"
                                "<p>In a list, Alt with the underlined letter of a button presses it.</p>")
    return help_window


def version() -> str:
    try:
        return metadata.version("csp-desktop")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def library_licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each library shipped, as its package states it."""
    rows = []
    for name in LIBRARIES:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        licence = _first(meta, "License-Expression")
        if not licence:
            classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License")]
            licence = ", ".join(classifiers) or (_first(meta, "License") or "see the package").splitlines()[0]
        rows.append((name, _first(meta, "Version"), licence))
    return rows


def _first(meta: metadata.PackageMetadata, field: str) -> str:
    """A field's first value, "" when absent (PackageMetadata declares get_all but not get)."""
    return (meta.get_all(field) or [""])[0]


def font_licences() -> list[tuple[str, str]]:
    """(licence file, fonts it covers) for the fonts in resources/fonts."""
    folder = resource("fonts")
    rows = []
    for licence in sorted(folder.glob("*LICENSE*")):
        family = licence.name.split("-")[0]
        fonts = sorted(f.name for f in folder.glob(f"{family}*.ttf"))
        rows.append((licence.name, ", ".join(fonts)))
    return rows


def about_html(register_path, log_path) -> str:
    esc = html.escape
    libraries = "".join(f"<tr><td>{esc(n)}</td><td>{esc(v)}</td><td>{esc(lic)}</td></tr>"
                        for n, v, lic in library_licences())
    fonts = "".join(f"<li>{esc(fonts)}: {esc(name)} (in {esc(str(resource('fonts')))})</li>"
                    for name, fonts in font_licences())
    register = esc(str(register_path)) if register_path else "no register is open"
    return (f"<h2>CSP Desktop {esc(version())}</h2>"
            "<p>A risk register for Community Safety Partnerships, kept on this computer.</p>"
            f"<p><b>Register:</b> {register}<br><b>Log file:</b> {esc(str(log_path))}</p>"
            f"<h3>Fonts shipped</h3><ul>{fonts}</ul>"
            f"<h3>Libraries</h3><table cellpadding='3'>{libraries}</table>"
            "<p>Icons are Qt's standard icons or your desktop's icon theme.</p>")


def about(window) -> HelpWindow:
    from ..shell.locations import log_file
    help_window = HelpWindow("About CSP Desktop", window)
    session = getattr(window, "session", None)
    help_window.browser.setHtml(about_html(session.register.path if session else None, log_file()))
    return help_window
