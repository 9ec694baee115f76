"""Undoable edits of partner organisations and owners."""
from __future__ import annotations

from ...domain.model import Organisation, Owner
from ...services import partner_editing as editing
from ...services.changes import Changes
from ..shell.undoable import EditCommand


class AddOwnerCommand(EditCommand):
    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Add owner {owner.name.strip()}")
        self.owner = owner

    def do(self) -> Changes:
        done = editing.add_owner(self.session.register, self.owner)
        self.owner = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return editing.delete_owner(self.session.register, self.owner.id, None).changes


class UpdateOwnerCommand(EditCommand):
    """Rename an owner or change its kind, organisation or email."""
    def __init__(self, session, before: Owner, values: dict):
        super().__init__(session, f"Change owner {before.name}")
        self.owner_id = before.id
        self.old = {name: getattr(before, name) for name in values}
        self.new = dict(values)
        self.expected: int | None = before.version  # the first run only: undo and redo apply as stored

    def do(self) -> Changes:
        done = editing.update_owner(self.session.register, self.owner_id, self.new, self.expected)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.update_owner(self.session.register, self.owner_id, self.old, None).changes


class DeleteOwnerCommand(EditCommand):
    """Delete an owner; undo brings it back as the owner of everything it owned."""
    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Delete owner {owner.name}")
        self.owner_id = owner.id
        self.expected: int | None = owner.version
        self.removed: tuple[Owner, dict[str, list[str]]] | None = None

    def do(self) -> Changes:
        done = editing.delete_owner(self.session.register, self.owner_id, self.expected)
        self.removed, self.expected = done.value, None
        return done.changes

    def undo_it(self) -> Changes:
        assert self.removed is not None  # undone only after done
        return editing.restore_owner(self.session.register, *self.removed)


class AddOrganisationCommand(EditCommand):
    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Add organisation {org.name.strip()}")
        self.org = org

    def do(self) -> Changes:
        done = editing.add_organisation(self.session.register, self.org)
        self.org = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return editing.delete_organisation(self.session.register, self.org.id, None).changes


class RenameOrganisationCommand(EditCommand):
    def __init__(self, session, org: Organisation, name: str):
        super().__init__(session, f"Rename organisation {org.name}")
        self.org_id, self.old, self.new = org.id, org.name, name
        self.expected: int | None = org.version

    def do(self) -> Changes:
        done = editing.rename_organisation(self.session.register, self.org_id, self.new, self.expected)
        self.expected = None
        return done.changes

    def undo_it(self) -> Changes:
        return editing.rename_organisation(self.session.register, self.org_id, self.old, None).changes


class DeleteOrganisationCommand(EditCommand):
    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Delete organisation {org.name}")
        self.org_id = org.id
        self.expected: int | None = org.version
        self.removed: tuple[Organisation, dict[str, list[str]]] | None = None

    def do(self) -> Changes:
        done = editing.delete_organisation(self.session.register, self.org_id, self.expected)
        self.removed, self.expected = done.value, None
        return done.changes

    def undo_it(self) -> Changes:
        assert self.removed is not None  # undone only after done
        return editing.restore_organisation(self.session.register, *self.removed)
