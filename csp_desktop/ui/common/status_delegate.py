"""The quick status change in the tracker's status column: a combo that asks for an undoable command
instead of writing into the model."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from ...domain.model import ACTION_STATUSES
from ..actions.action_rows import ACTION_ROLE


class StatusDelegate(QStyledItemDelegate):
    chosen = Signal(object, str)  # the Action, the status picked

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setAccessibleName("Status")
        combo.addItems(ACTION_STATUSES)
        # Picking with the mouse or keyboard commits at once: one choice is one edit.
        combo.activated.connect(lambda _: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index) -> None:
        assert isinstance(editor, QComboBox)  # made by createEditor
        editor.setCurrentText(index.data(ACTION_ROLE).status)

    def setModelData(self, editor: QWidget, model, index) -> None:
        assert isinstance(editor, QComboBox)  # made by createEditor
        action = index.data(ACTION_ROLE)
        if action is not None and editor.currentText() != action.status:
            self.chosen.emit(action, editor.currentText())
