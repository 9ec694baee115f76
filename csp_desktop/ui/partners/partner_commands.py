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


class _Change(EditCommand):
    """Change an owner or an organisation from `old` to `new` (`save`); undo saves `old` again."""
    kinds = (Kind.OWNERS,)
    save: Callable

    def __init__(self, session, text: str, row: Owner | Organisation, old, new):
        super().__init__(session, text)
        self.row_id, self.old, self.new = row.id, old, new
        self.expected: int | None = row.version  # the first run only: undo and redo apply as stored

    def do(self) -> None:
        type(self).save(self.session.register, self.row_id, self.new, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        type(self).save(self.session.register, self.row_id, self.old, None)


class UpdateOwnerCommand(_Change):
    """Rename an owner or change its kind, organisation or email."""
    save = staticmethod(editing.update_owner)

    def __init__(self, session, before: Owner, values: dict):
        super().__init__(session, f"Change owner {before.name}", before,
                         {name: getattr(before, name) for name in values}, dict(values))


class DeleteOwnerCommand(_Delete):
    """Delete an owner; undo brings it back as the owner of everything it owned."""
    delete, restore = staticmethod(editing.delete_owner), staticmethod(editing.restore_owner)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Delete owner {owner.name}", owner)


class AddOrganisationCommand(_Add):
    add, delete = staticmethod(editing.add_organisation), staticmethod(editing.delete_organisation)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Add organisation {org.name.strip()}", org)


class RenameOrganisationCommand(_Change):
    save = staticmethod(editing.rename_organisation)

    def __init__(self, session, org: Organisation, name: str):
        super().__init__(session, f"Rename organisation {org.name}", org, org.name, name)


class DeleteOrganisationCommand(_Delete):
    """Delete an organisation; undo brings it back as the organisation of the owners who were in it."""
    delete, restore = staticmethod(editing.delete_organisation), staticmethod(editing.restore_organisation)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Delete organisation {org.name}", org)
