"""Undoable changes to the register's settings."""
from __future__ import annotations

from ...domain.scoring import Scheme
from ...services.scheme_editing import apply_scheme
from ...services.changes import Kind
from ..shell.undoable import EditCommand


class SetSchemeCommand(EditCommand):
    """Replace the scoring scheme; the old one is kept from the first run for undo."""
    kinds = (Kind.SCHEME,)

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
