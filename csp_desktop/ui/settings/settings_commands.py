"""Undoable changes to the register's settings."""
from __future__ import annotations

from datetime import date

from ...domain.remap import Remap
from ...domain.scoring import Scheme
from ...services.registers import rename_partnership
from ...services.scheme_editing import RemapDone, apply_scheme, apply_scheme_remapped, redo_remap, undo_remap
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
        assert self.old is not None  # undone only after done
        apply_scheme(self.session.register, self.old)


class RemapSchemeCommand(EditCommand):
    """A smaller matrix with every score moved by `remap` and a review on each re-scored risk: one step."""
    kinds = (Kind.SCHEME, Kind.RISKS, Kind.REVIEWS)  # scores, reviews and the scheme all change

    def __init__(self, session, scheme: Scheme, remap: Remap, today: date):
        super().__init__(session, f"Change the matrix to {scheme.size}, re-scoring risks")
        self.new, self.remap, self.today = scheme, remap, today
        self.done: RemapDone | None = None

    def do(self) -> None:
        reg = self.session.register
        if self.done is None:
            self.done = apply_scheme_remapped(reg, self.new, self.remap, on=self.today, reviewer=reg.who)
        else:
            redo_remap(reg, self.done, self.new, self.remap)

    def undo_it(self) -> None:
        assert self.done is not None  # undone only after done
        undo_remap(self.session.register, self.done)


class RenamePartnershipCommand(EditCommand):
    """The partnership's name; the title bar and packs follow it."""
    kinds = (Kind.REGISTER,)

    def __init__(self, session, name: str):
        super().__init__(session, "Rename the partnership")
        self.new, self.old = name, session.register.name

    def do(self) -> None:
        _, self.new = rename_partnership(self.session.register, self.new)  # refused in one sentence if bad

    def undo_it(self) -> None:
        rename_partnership(self.session.register, self.old)
