"""Partners & owners: the member organisations and the people or bodies who own risks and actions."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ...domain.model import OWNER_KINDS, Organisation, Owner
from ...services import partner_editing as editing
from ...services import lookups
from ...services.changes import Changes, Kind
from ..common.accessible import named
from ..common.text import ask
from .partner_commands import (AddOrganisationCommand, AddOwnerCommand, DeleteOrganisationCommand,
                               DeleteOwnerCommand, RenameOrganisationCommand, UpdateOwnerCommand)
from .partner_models import ITEM_ROLE, OrganisationModel, OwnerModel
from ..shell.undoable import push


def _table(model, name: str) -> QTableView:
    table = named(QTableView(), name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def _delete_shortcut(table: QTableView, slot) -> None:
    action = QAction("Delete", table)
    action.setShortcut(QKeySequence.StandardKey.Delete)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    table.addAction(action)


class PartnersView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Partners and owners")
        self.org_model = OrganisationModel(self)
        self.owner_model = OwnerModel(self)
        splitter = QSplitter()
        splitter.addWidget(self._build_organisations())
        splitter.addWidget(self._build_owners())
        splitter.setSizes([400, 900])
        self.message = named(QLabel(), "Problem")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        session.changed.connect(self._on_changed)
        if session.read_only:
            for button in (self.add_org_button, self.rename_org_button, self.delete_org_button,
                           self.add_owner_button, self.save_owner_button, self.delete_owner_button):
                button.setEnabled(False)
            self._say(f"{session.register.path.name} is open read-only: partners and owners cannot be changed.")
        self.reload()

    # -- building ------------------------------------------------------------------------------------

    def _build_organisations(self) -> QGroupBox:
        box = QGroupBox("Partner organisations")
        layout = QVBoxLayout(box)
        self.org_table = _table(self.org_model, "Partner organisations")
        self.org_table.selectionModel().currentRowChanged.connect(self._show_organisation)
        _delete_shortcut(self.org_table, self.delete_organisation)
        self.org_table.horizontalHeader().setStretchLastSection(False)
        self.org_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.org_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.org_name_edit = named(QLineEdit(), "Organisation name")
        self.add_org_button = named(QPushButton("Add or&ganisation"), "Add organisation")
        self.rename_org_button = named(QPushButton("&Rename"), "Rename organisation")
        self.delete_org_button = named(QPushButton("Delete"), "Delete organisation")
        self.add_org_button.clicked.connect(self.add_organisation)
        self.rename_org_button.clicked.connect(self.rename_organisation)
        self.delete_org_button.clicked.connect(self.delete_organisation)
        caption = QLabel("Organisation na&me")
        caption.setBuddy(self.org_name_edit)
        buttons = QHBoxLayout()
        for button in (self.add_org_button, self.rename_org_button, self.delete_org_button):
            buttons.addWidget(button)
        layout.addWidget(self.org_table, 1)
        layout.addWidget(caption)
        layout.addWidget(self.org_name_edit)
        layout.addLayout(buttons)
        return box

    def _build_owners(self) -> QGroupBox:
        box = QGroupBox("Owners (people and bodies)")
        layout = QVBoxLayout(box)
        self.owner_table = _table(self.owner_model, "Owners")
        self.owner_table.selectionModel().currentRowChanged.connect(self._show_owner)
        _delete_shortcut(self.owner_table, self.delete_owner)
        for column, width in enumerate((260, 80, 260)):
            self.owner_table.setColumnWidth(column, width)
        self.owner_name_edit = named(QLineEdit(), "Owner name")
        self.kind_combo = named(QComboBox(), "Person or body")
        self.kind_combo.addItems(OWNER_KINDS)
        self.org_combo = named(QComboBox(), "Owner's organisation")
        self.email_edit = named(QLineEdit(), "Owner's email")
        form = QFormLayout()
        for label, field in (("Owner &name", self.owner_name_edit), ("&Kind", self.kind_combo),
                             ("&Organisation", self.org_combo), ("&Email", self.email_edit)):
            form.addRow(label, field)
        self.add_owner_button = named(QPushButton("&Add as new owner"), "Add owner")
        self.save_owner_button = named(QPushButton("&Save changes"), "Save owner changes")
        self.delete_owner_button = named(QPushButton("&Delete owner"), "Delete owner")
        self.add_owner_button.clicked.connect(self.add_owner)
        self.save_owner_button.clicked.connect(self.save_owner)
        self.delete_owner_button.clicked.connect(self.delete_owner)
        buttons = QHBoxLayout()
        for button in (self.add_owner_button, self.save_owner_button, self.delete_owner_button):
            buttons.addWidget(button)
        layout.addWidget(self.owner_table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    # -- showing -------------------------------------------------------------------------------------

    def reload(self) -> None:
        reg = self.session.register
        organisations, owners = lookups.organisations(reg), lookups.owners(reg)
        keep_org, keep_owner = self.current_organisation(), self.current_owner()
        self.org_model.set_organisations(organisations, owners)
        self.owner_model.set_owners(owners, organisations)
        self.org_combo.clear()
        self.org_combo.addItem("(none)", None)
        for org in organisations:
            self.org_combo.addItem(org.name, org.id)
        self._reselect(self.org_table, self.org_model, keep_org)
        self._reselect(self.owner_table, self.owner_model, keep_owner)

    def current_organisation(self) -> Organisation | None:
        index = self.org_table.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def current_owner(self) -> Owner | None:
        index = self.owner_table.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def select_owner(self, owner_id: str) -> None:
        row = self.owner_model.row_of(owner_id)
        if row is not None:
            self.owner_table.selectRow(row)

    def _reselect(self, table, model, item) -> None:
        row = model.row_of(item.id) if item is not None else None
        if row is not None:
            table.selectRow(row)

    def _show_organisation(self, current, _previous=None) -> None:
        org = current.data(ITEM_ROLE) if current.isValid() else None
        self.org_name_edit.setText(org.name if org else "")

    def _show_owner(self, current, _previous=None) -> None:
        owner = current.data(ITEM_ROLE) if current.isValid() else None
        self.owner_name_edit.setText(owner.name if owner else "")
        self.kind_combo.setCurrentText(owner.kind if owner else OWNER_KINDS[0])
        found = self.org_combo.findData(owner.organisation_id) if owner and owner.organisation_id else 0
        self.org_combo.setCurrentIndex(max(found, 0))
        self.email_edit.setText(owner.email if owner else "")

    # -- editing organisations -----------------------------------------------------------------------

    def add_organisation(self) -> None:
        self._run(AddOrganisationCommand(self.session, Organisation(self.org_name_edit.text())))

    def rename_organisation(self) -> None:
        org = self.current_organisation()
        if org is None:
            return self._say("Choose the organisation to rename first.")
        if self.org_name_edit.text() != org.name:
            self._run(RenameOrganisationCommand(self.session, org, self.org_name_edit.text()))

    def delete_organisation(self) -> None:
        org = self.current_organisation()
        if org is None:
            return self._say("Choose the organisation to delete first.")
        members = self.org_model.owner_counts.get(org.id, 0)
        if members and not self.confirm(
                f"{members} owner{'s' if members != 1 else ''} belong{'s' if members == 1 else ''} to "
                f"{org.name}; they will stay, with no organisation. Delete {org.name}?"):
            return
        self._run(DeleteOrganisationCommand(self.session, org))

    # -- editing owners ------------------------------------------------------------------------------

    def _form_values(self) -> dict:
        return {"name": self.owner_name_edit.text(), "kind": self.kind_combo.currentText(),
                "organisation_id": self.org_combo.currentData(), "email": self.email_edit.text()}

    def add_owner(self) -> None:
        command = AddOwnerCommand(self.session, Owner(**self._form_values()))
        if self._run(command):
            self.select_owner(command.row.id)

    def save_owner(self) -> None:
        owner = self.current_owner()
        if owner is None:
            return self._say("Choose the owner to change first, or add a new one.")
        values = {k: v for k, v in self._form_values().items() if getattr(owner, k) != v}
        if values:
            self._run(UpdateOwnerCommand(self.session, owner, values))

    def delete_owner(self) -> None:
        owner = self.current_owner()
        if owner is None:
            return self._say("Choose the owner to delete first.")
        usage = editing.owner_usage(self.session.register, owner.id)
        if any(usage.values()) and not self.confirm(
                f"{owner.name} owns {editing.describe_usage(usage)}; these will have no owner. "
                f"Delete {owner.name}?"):
            return
        self._run(DeleteOwnerCommand(self.session, owner))

    # -- plumbing ------------------------------------------------------------------------------------

    def confirm(self, question: str) -> bool:
        return ask(self, "Delete?", question, default_no=True)

    def _run(self, command) -> bool:
        error = push(self.session, command)
        self._say(error)
        return error is None

    def _say(self, sentence: str | None) -> None:
        self.message.setVisible(bool(sentence))
        self.message.setText("\u26a0 " + sentence if sentence else "")

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.OWNERS):
            self.reload()
