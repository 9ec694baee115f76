"""Table models for partner organisations and owners: plain lists set whole inside a reset."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...domain.model import Organisation, Owner

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class _ListTableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []

    def set_rows(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, item_id: str) -> int | None:
        return next((n for n, item in enumerate(self.items) if item.id == item_id), None)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(item, index.column())
        return None

    def text(self, item, column: int) -> str:
        raise NotImplementedError


class OrganisationModel(_ListTableModel):
    headers = ("Organisation", "Owners")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.owner_counts: dict[str, int] = {}

    def set_organisations(self, organisations: list[Organisation], owners: list[Owner]) -> None:
        self.owner_counts = {}
        for owner in owners:
            if owner.organisation_id:
                self.owner_counts[owner.organisation_id] = self.owner_counts.get(owner.organisation_id, 0) + 1
        self.set_rows(organisations)

    def text(self, org: Organisation, column: int) -> str:
        return org.name if column == 0 else str(self.owner_counts.get(org.id, 0))


class OwnerModel(_ListTableModel):
    headers = ("Owner", "Kind", "Organisation", "Email")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.org_names: dict[str, str] = {}

    def set_owners(self, owners: list[Owner], organisations: list[Organisation]) -> None:
        self.org_names = {org.id: org.name for org in organisations}
        self.set_rows(owners)

    def text(self, owner: Owner, column: int) -> str:
        return (owner.name, owner.kind, self.org_names.get(owner.organisation_id or "", ""), owner.email)[column]
