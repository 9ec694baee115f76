"""The risks every view shows, loaded off the GUI thread so a big register never freezes the window.

One loader per window: the risks view and the dashboard both draw from it. A full load runs on the
background worker through a connection of its own (`loaded`); after an edit whose rows are known,
only those risks are read again, on the GUI thread's connection, and announced as `updated`, so
editing one field of one risk does not re-read 10,000.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...services import risk_editing as editing
from ...services.changes import Changes, Kind
from ...services.dashboard import summarise
from .risk_table_model import make_rows
from ..shell.workers import Worker

ROW_KINDS = (Kind.RISKS, Kind.MITIGATIONS, Kind.REVIEWS)  # what a risk's row (or travel) may show
RELOAD_KINDS = (*ROW_KINDS, Kind.ACTIONS, Kind.OWNERS)     # owners' names are on every row


class RiskData(QObject):
    loaded = Signal(object)      # RiskListing: everything is new
    updated = Signal(object)     # RiskUpdate: only these risks changed (listing already holds them)
    busy = Signal(bool)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.listing: editing.RiskListing | None = None
        self._latest = 0
        self._worker = Worker(self)
        self._worker.finished.connect(self._arrived)
        session.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*RELOAD_KINDS):
            return
        if self.listing is not None and self._latest <= 0 and changes.names_only:  # an owner renamed or added
            owned = [risk.id for risk in self.listing.risks if risk.owner_id in changes.ids]
            if owned:
                self.update_rows(owned)
        elif self.listing is None or self._latest > 0 or changes.touches(Kind.OWNERS) or not changes.rows_known:
            self.reload()  # rows unknown, links to owners cleared, or a full load already on its way
        else:  # an action edited changes no risk row, only the count of overdue actions
            ids = () if changes.only(Kind.ACTIONS, Kind.PLAN) else changes.ids
            self.update_rows(ids, count_actions=changes.touches(Kind.ACTIONS))

    def update_rows(self, ids, *, count_actions: bool = False) -> None:
        """Read again only the risks among `ids` and fold them into the listing."""
        listing = self.listing
        assert listing is not None  # rows are updated only once loaded (_on_changed)
        update = editing.load_some(self.session.register, ids, listing.today, count_actions=count_actions)
        by_id = {risk.id: n for n, risk in enumerate(listing.risks)} if update.risks or update.removed else {}
        for risk in update.risks:
            if risk.id in by_id:
                listing.risks[by_id[risk.id]] = risk
            else:
                listing.risks.append(risk)
        if update.removed & by_id.keys():
            listing.risks = [r for r in listing.risks if r.id not in update.removed]
        listing.travel.update(update.travel)
        if update.overdue_actions is not None:
            listing.overdue_actions = update.overdue_actions
        listing.summary = None  # counted again when the dashboard next shows it
        self.updated.emit(update)

    def reload(self) -> None:
        workspace, scheme = self.session.workspace, self.session.scheme
        self.busy.emit(True)
        self._latest = self._worker.start(lambda: _prepared(editing.load_risks_from(workspace), scheme))

    def load_now(self) -> None:
        """Load on this thread (small registers, right after an add, tests)."""
        self._latest = -1
        self._deliver(_prepared(editing.load_risks(self.session.register), self.session.scheme))

    def _arrived(self, ticket: int, outcome) -> None:
        if ticket != self._latest or self.session.workspace.closed:
            return  # a newer load is coming, or the register closed while this one ran
        # If a second connection could not be opened, read through the window's own one instead.
        if not outcome.ok:
            self.load_now()
            return
        self._deliver(outcome.value)

    def _deliver(self, listing) -> None:
        self._latest = 0
        self.listing = listing
        self.busy.emit(False)
        self.loaded.emit(listing)

    def summary(self, scheme):
        """The dashboard's figures for the listing as it is now, counted once per change."""
        listing = self.listing
        assert listing is not None  # asked only once loaded
        if listing.summary is None or listing.summary_scheme != scheme:
            listing.summary = summarise(listing.risks, scheme, listing.today, listing.overdue_actions)
            listing.summary_scheme = scheme
        return listing.summary

    def wait(self) -> None:
        """Let a running load finish (before the register closes)."""
        self._worker.wait()


def _prepared(listing, scheme):
    """The table's rows (search text and all) and the dashboard's figures, made where the listing was
    loaded, off the GUI thread. The figures note the scheme they were counted for."""
    listing.rows = make_rows(listing.risks, listing.travel)
    listing.summary = summarise(listing.risks, scheme, listing.today, listing.overdue_actions)
    listing.summary_scheme = scheme
    return listing
