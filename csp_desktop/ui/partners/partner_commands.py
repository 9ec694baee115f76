"""Undoable edits of partner organisations and owners."""
from __future__ import annotations

from typing import Callable

from ...domain.model import Organisation, Owner
from ...services import partner_editing as editing
from ...services.changes import Changes
from ..shell.undoable import AddCommand, DeleteCommand, EditCommand


class AddOwnerCommand(AddCommand):
    add, delete = staticmethod(editing.add_owner), staticmethod(editing.delete_owner)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Add owner {owner.name.strip()}", owner)


class _Change(EditCommand):
    """Change an owner or an organisation from `old` to `new` (`save`); undo saves `old` again."""
    save: Callable

    def __init__(self, session, text: str, row: Owner | Organisation, old, new):
        super().__init__(session, text)
        self.row_id, self.old, self.new = row.id, old, new
        self.expected: int | None = row.version  # the first run only: undo and redo apply as stored

    def do(self) -> Changes:
        done = type(self).save(self.session.register, self.row_id, self.new, self.expected)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return type(self).save(self.session.register, self.row_id, self.old, None).changes


class UpdateOwnerCommand(_Change):
    """Rename an owner or change its kind, organisation or email."""
    save = staticmethod(editing.update_owner)

    def __init__(self, session, before: Owner, values: dict):
        super().__init__(session, f"Change owner {before.name}", before,
                         {name: getattr(before, name) for name in values}, dict(values))


class DeleteOwnerCommand(DeleteCommand):
    """Delete an owner; undo brings it back as the owner of everything it owned."""
    delete, restore = staticmethod(editing.delete_owner), staticmethod(editing.restore_owner)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Delete owner {owner.name}", owner)


class AddOrganisationCommand(AddCommand):
    add, delete = staticmethod(editing.add_organisation), staticmethod(editing.delete_organisation)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Add organisation {org.name.strip()}", org)


class RenameOrganisationCommand(_Change):
    save = staticmethod(editing.rename_organisation)

    def __init__(self, session, org: Organisation, name: str):
        super().__init__(session, f"Rename organisation {org.name}", org, org.name, name)


class DeleteOrganisationCommand(DeleteCommand):
    """Delete an organisation; undo brings it back as the organisation of the owners who were in it."""
    delete, restore = staticmethod(editing.delete_organisation), staticmethod(editing.restore_organisation)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Delete organisation {org.name}", org)
