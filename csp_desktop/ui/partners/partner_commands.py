"""Undoable edits of partner organisations and owners."""
from __future__ import annotations

from typing import Callable

from ...domain.model import Organisation, Owner
from ...services import partner_editing as editing
from ...services.changes import Kind
from ..shell.undoable import EditCommand


class _Add(EditCommand):
    """Add an owner or an organisation (`add`); undo deletes it again (`delete`)."""
    kinds = (Kind.OWNERS,)
    add: Callable
    delete: Callable

    def __init__(self, session, text: str, row: Owner | Organisation):
        super().__init__(session, text)
        self.row = row

    def do(self) -> None:
        self.row = type(self).add(self.session.register, self.row)

    def undo_it(self) -> None:
        type(self).delete(self.session.register, self.row.id, None)


class _Delete(EditCommand):
    """Delete an owner or an organisation (`delete`); undo brings it back linked to all it was (`restore`)."""
    kinds = (Kind.OWNERS,)
    delete: Callable
    restore: Callable

    def __init__(self, session, text: str, row: Owner | Organisation):
        super().__init__(session, text)
        self.row_id = row.id
        self.expected: int | None = row.version  # the first run only: undo and redo apply as stored
        self.removed: tuple = ()  # the row and what linked to it, once deleted

    def do(self) -> None:
        self.removed = type(self).delete(self.session.register, self.row_id, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        type(self).restore(self.session.register, *self.removed)


class AddOwnerCommand(_Add):
    add, delete = staticmethod(editing.add_owner), staticmethod(editing.delete_owner)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Add owner {owner.name.strip()}", owner)


class UpdateOwnerCommand(EditCommand):
    """Rename an owner or change its kind, organisation or email."""
    kinds = (Kind.OWNERS,)

    def __init__(self, session, before: Owner, values: dict):
        super().__init__(session, f"Change owner {before.name}")
        self.owner_id = before.id
        self.old = {name: getattr(before, name) for name in values}
        self.new = dict(values)
        self.expected: int | None = before.version  # the first run only: undo and redo apply as stored

    def do(self) -> None:
        editing.update_owner(self.session.register, self.owner_id, self.new, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        editing.update_owner(self.session.register, self.owner_id, self.old, None)


class DeleteOwnerCommand(_Delete):
    """Delete an owner; undo brings it back as the owner of everything it owned."""
    delete, restore = staticmethod(editing.delete_owner), staticmethod(editing.restore_owner)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Delete owner {owner.name}", owner)


class AddOrganisationCommand(_Add):
    add, delete = staticmethod(editing.add_organisation), staticmethod(editing.delete_organisation)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Add organisation {org.name.strip()}", org)


class RenameOrganisationCommand(EditCommand):
    kinds = (Kind.OWNERS,)

    def __init__(self, session, org: Organisation, name: str):
        super().__init__(session, f"Rename organisation {org.name}")
        self.org_id, self.old, self.new = org.id, org.name, name
        self.expected: int | None = org.version

    def do(self) -> None:
        editing.rename_organisation(self.session.register, self.org_id, self.new, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        editing.rename_organisation(self.session.register, self.org_id, self.old, None)


class DeleteOrganisationCommand(_Delete):
    """Delete an organisation; undo brings it back as the organisation of the owners who were in it."""
    delete, restore = staticmethod(editing.delete_organisation), staticmethod(editing.restore_organisation)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Delete organisation {org.name}", org)
