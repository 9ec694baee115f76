"""Undoable edits of partner organisations and owners."""
from __future__ import annotations

from ...domain.model import Organisation, Owner
from ...services import partner_editing as editing
from ...services.changes import Kind
from ..shell.undoable import EditCommand


class AddOwnerCommand(EditCommand):
    kinds = (Kind.OWNERS,)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Add owner {owner.name.strip()}")
        self.owner = owner

    def do(self) -> None:
        self.owner = editing.add_owner(self.session.register, self.owner)

    def undo_it(self) -> None:
        editing.delete_owner(self.session.register, self.owner.id, None)


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


class DeleteOwnerCommand(EditCommand):
    """Delete an owner; undo brings it back as the owner of everything it owned."""
    kinds = (Kind.OWNERS,)

    def __init__(self, session, owner: Owner):
        super().__init__(session, f"Delete owner {owner.name}")
        self.owner_id = owner.id
        self.expected: int | None = owner.version
        self.removed: tuple[Owner, dict[str, list[str]]] | None = None

    def do(self) -> None:
        self.removed = editing.delete_owner(self.session.register, self.owner_id, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        assert self.removed is not None  # undone only after done
        editing.restore_owner(self.session.register, *self.removed)


class AddOrganisationCommand(EditCommand):
    kinds = (Kind.OWNERS,)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Add organisation {org.name.strip()}")
        self.org = org

    def do(self) -> None:
        self.org = editing.add_organisation(self.session.register, self.org)

    def undo_it(self) -> None:
        editing.delete_organisation(self.session.register, self.org.id, None)


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


class DeleteOrganisationCommand(EditCommand):
    kinds = (Kind.OWNERS,)

    def __init__(self, session, org: Organisation):
        super().__init__(session, f"Delete organisation {org.name}")
        self.org_id = org.id
        self.expected: int | None = org.version
        self.removed: tuple[Organisation, dict[str, list[str]]] | None = None

    def do(self) -> None:
        self.removed = editing.delete_organisation(self.session.register, self.org_id, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        assert self.removed is not None  # undone only after done
        editing.restore_organisation(self.session.register, *self.removed)
