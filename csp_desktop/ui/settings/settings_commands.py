"""Undoable changes to the register's settings."""
from __future__ import annotations

from ...domain.scoring import Scheme
from ...services.registers import rename_partnership
from ...services.scheme_editing import apply_scheme
from ..shell.undoable import EditCommand


class SetSchemeCommand(EditCommand):
    """Replace the scoring scheme; the old one is kept from the first run for undo."""
    topic = "scheme"

    def __init__(self, session, scheme: Scheme):
        super().__init__(session, f"Change the scoring scheme to {scheme.size}")
        self.new = scheme
        self.old: Scheme | None = None

    def do(self) -> None:
        old = apply_scheme(self.session.register, self.new)
        if self.old is None:
            self.old = old

    def undo_it(self) -> None:
        apply_scheme(self.session.register, self.old)


class RenamePartnershipCommand(EditCommand):
    """The partnership's name; the title bar and packs follow it."""
    topic = "register"

    def __init__(self, session, name: str):
        super().__init__(session, "Rename the partnership")
        self.new, self.old = name, session.register.name

    def do(self) -> None:
        _, self.new = rename_partnership(self.session.register, self.new)  # refused in one sentence if bad

    def undo_it(self) -> None:
        rename_partnership(self.session.register, self.old)
