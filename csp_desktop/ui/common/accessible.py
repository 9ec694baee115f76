"""Naming controls for screen readers."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control the name a screen reader says (and a tooltip for the sighted)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget
