"""Undoable changes to the register's settings."""
from __future__ import annotations

from datetime import date

from ...domain.remap import Remap
from ...domain.scoring import Scheme
from ...services.registers import rename_partnership
from ...services.scheme_editing import RemapDone, apply_scheme, apply_scheme_remapped, redo_remap, undo_remap
from ...services.changes import Changes
from ..shell.undoable import EditCommand


# Each takes `expected`, the version of the register's details when the user read them: the first run is
# refused if they changed since (in another window); undo and redo apply to whatever is stored then.

class SetSchemeCommand(EditCommand):
    """Replace the scoring scheme; the old one is kept from the first run for undo."""
    def __init__(self, session, scheme: Scheme, expected: int | None = None):
        super().__init__(session, f"Change the scoring scheme to {scheme.size}")
        self.new, self.expected = scheme, expected
        self.old: Scheme | None = None

    def do(self) -> Changes:
        done = apply_scheme(self.session.register, self.new, self.expected)
        self.expected = None
        if self.old is None:
            self.old = done.value
        return done.changes

    def undo_it(self) -> Changes:
        assert self.old is not None  # undone only after done
        return apply_scheme(self.session.register, self.old).changes


class RemapSchemeCommand(EditCommand):
    """A smaller matrix with every score moved by `remap` and a review on each re-scored risk: one step."""
    def __init__(self, session, scheme: Scheme, remap: Remap, today: date, expected: int | None = None):
        super().__init__(session, f"Change the matrix to {scheme.size}, re-scoring risks")
        self.new, self.remap, self.today, self.expected = scheme, remap, today, expected
        self.done: RemapDone | None = None

    def do(self) -> Changes:
        reg = self.session.register
        if self.done is not None:
            return redo_remap(reg, self.done, self.new, self.remap)
        done = apply_scheme_remapped(reg, self.new, self.remap, on=self.today, reviewer=reg.who,
                                     expected_version=self.expected)
        self.done = done.value
        return done.changes

    def undo_it(self) -> Changes:
        assert self.done is not None  # undone only after done
        return undo_remap(self.session.register, self.done)


class RenamePartnershipCommand(EditCommand):
    """The partnership's name; the title bar and packs follow it."""
    def __init__(self, session, name: str, expected: int | None = None):
        super().__init__(session, "Rename the partnership")
        self.new, self.old, self.expected = name, session.register.name, expected

    def do(self) -> Changes:
        done = rename_partnership(self.session.register, self.new, self.expected)  # refused in one sentence if bad
        self.expected = None
        _, self.new = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return rename_partnership(self.session.register, self.old).changes
