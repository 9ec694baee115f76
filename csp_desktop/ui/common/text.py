"""User text shown by Qt: never let it be read as markup (Qt guesses rich text in labels and tooltips)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ...domain.shorten import shorten

TOOLTIP_CHARS = 500


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as typed, cut to a readable length."""
    if not text:
        return None
    import html  # here: the window's first paint need not wait for it
    cut = shorten(text, TOOLTIP_CHARS + 1, flat=False)
    return f"<qt>{html.escape(cut).replace(chr(10), '<br>')}</qt>"


def ask(parent, title: str, text: str, default_no: bool = False) -> bool:
    """A yes/no question whose text (which may quote the user's own words) is shown as typed.
    default_no makes Enter answer No, for a question whose Yes destroys something."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(_plain())
    if default_no:
        box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class ChoiceBox(QMessageBox):
    """A message box that knows which key each of its choice buttons stands for."""
    choices: dict


def choice_box(parent, title: str, text: str, detail: str, choices: list[tuple[str, str]]) -> ChoiceBox:
    """A warning offering `choices` ((key, button label), the first the default) and Cancel, in plain
    text. Run it with `chosen`; it is returned unrun so a test can look at it."""
    box = ChoiceBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(_plain())
    box.setInformativeText(detail)
    box.choices = {}
    for n, (key, label) in enumerate(choices):
        role = QMessageBox.ButtonRole.AcceptRole if n == 0 else QMessageBox.ButtonRole.DestructiveRole
        box.choices[box.addButton(label, role)] = key
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(box.choices)))
    return box


def chosen(box: ChoiceBox) -> str | None:
    """Run a `choice_box`: the key of the button pressed, or None for Cancel."""
    box.exec()
    return box.choices.get(box.clickedButton())


def tell(parent, title: str, text: str, icon: str = "warning") -> None:
    """A one-sentence message (an error the user can put right), shown as plain text."""
    icons = {"warning": QMessageBox.Icon.Warning, "info": QMessageBox.Icon.Information,
             "error": QMessageBox.Icon.Critical}
    box = QMessageBox(icons[icon], title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(_plain())
    box.exec()


def _plain():
    """Qt's PlainText format, looked up when a message is shown: importing the Qt namespace costs ~15 ms
    (PySide builds all its enums), which the window's first paint should not wait for."""
    from PySide6.QtCore import Qt
    return Qt.TextFormat.PlainText
