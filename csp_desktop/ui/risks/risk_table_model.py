"""The risks table: a Qt model over domain Risk objects, and the proxy that filters and sorts it.

Fast at 10,000+ risks because nothing is worked out per paint or per comparison: search text and
sort keys are computed once per row (lazily, then cached), filtering is one Python pass that marks
rows shown, and sorting is Python's sort over precomputed keys applied to the model as a layout
change. Qt's own proxy sort would call `data()` twice per comparison (seconds at 10,000 rows).
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.dates import show
from ...domain.exemption import exempt_ids
from ...domain.derived import ARROWS, NEW, review_due
from ...domain.model import Risk
from ...domain.ordering import natural_key
from ...domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from ..common.colours import text_colour_on
from ..common.exempt_mark import EXEMPT_MARK, exempt_note, marked
from ..common.text import plain_tooltip

COLUMNS = ("Ref", "Title", "Owner", "Priority", "Inherent", "Residual", "Target", "Travel", "Next review", "Status")
REF, TITLE, OWNER, PRIORITY, INHERENT, RESIDUAL, TARGET, TRAVEL, NEXT_REVIEW, STATUS = range(len(COLUMNS))
OVERDUE_RED = "#D32F2F"  # readable on light and dark palettes
SCORE_COLUMNS = {INHERENT: "inherent", RESIDUAL: "residual", TARGET: "target"}
TRAVEL_WORDS = {"up": "Up (worse)", "down": "Down (better)", "unchanged": "Unchanged",
                NEW: "not in the register, or not scored, then"}
_TRAVEL_ORDER = {"down": 0, "unchanged": 1, NEW: 2, "up": 3}
RISK_ROLE = Qt.ItemDataRole.UserRole + 1


class Row:
    """One risk as the table shows it; search text is made on first use and kept."""
    __slots__ = ("risk", "travel", "exempt", "shown", "position", "_search")
    _search: str | None

    def __init__(self, risk: Risk, travel: str, position: int):
        self.position, self.shown = position, True
        self.show(risk, travel)

    def show(self, risk: Risk, travel: str) -> None:
        """Hold `risk` as it now stands; whether it is exempt is asked of the one rule once, not at each paint."""
        self.risk, self.travel, self._search = risk, travel, None
        self.exempt = bool(exempt_ids((risk,)))

    @property
    def search(self) -> str:
        if self._search is None:
            r = self.risk
            mark = EXEMPT_MARK if self.exempt else ""
            self._search = "\n".join((r.ref, r.title, r.description, r.owner_name, mark)).casefold()
        return self._search


def make_rows(risks: list[Risk], travel: dict[str, str], with_search: bool = True) -> list[Row]:
    """Rows for the model; with their search text made now (cheap to do off the GUI thread)."""
    rows = [Row(risk, travel.get(risk.id, NEW), n) for n, risk in enumerate(risks)]
    if with_search:
        for row in rows:
            row.search  # noqa: B018  (computed and kept)
    return rows


CLOSED_GREY = QColor("#8c8c8c")  # readable on the light and the dark palette alike


@dataclass
class RiskFilter:
    """What the user asked to see. Empty fields mean "any"."""
    text: str = ""
    owner_id: str | None = None
    band: str | None = None  # band of the current (residual, else inherent) score
    priority_id: str | None = None
    status: str | None = None
    review_overdue: bool = False
    exempt_only: bool = False
    cell: tuple[str, Rating] | None = None  # ("inherent" | "residual", rating) from a dashboard heat map
    today: date | None = None
    response: str | None = None  # treat, tolerate, transfer, terminate, or "" for not yet decided
    show_closed: bool = True  # the Risks view hides closed risks until "Show closed" is ticked

    def is_empty(self) -> bool:
        return self == RiskFilter(today=self.today)

    def accepts(self, row: Row, scheme: Scheme) -> bool:
        risk = row.risk
        if self.text and self.text not in row.search:
            return False
        if self.owner_id and risk.owner_id != self.owner_id:
            return False
        if self.priority_id and risk.priority_id != self.priority_id:
            return False
        if self.status and risk.status != self.status:
            return False
        if not self.show_closed and risk.status == "closed" and self.status != "closed":
            return False
        if self.exempt_only and not risk.exempt:
            return False
        if self.response is not None and risk.response != self.response:
            return False
        if self.review_overdue and not review_due(risk, self.today or date.today()):
            return False
        if self.band:
            band = scheme.band_for(risk.current.score if risk.current else None)
            if band is None or band.name != self.band:
                return False
        return self.cell is None or getattr(risk, self.cell[0]) == self.cell[1]


class RiskTableModel(QAbstractTableModel):
    def __init__(self, scheme: Scheme, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self.scheme = scheme
        self.row_filter = RiskFilter()
        self._keys: dict[int, list] = {}
        self._where: dict[str, int] | None = None  # risk id -> row number, made on first use after a change
        self._colours: dict[str, tuple[QColor, QColor]] = {}
        self._set_colours()

    # -- loading -------------------------------------------------------------------------------

    def set_rows(self, risks: list[Risk], travel: dict[str, str], rows: list[Row] | None = None,
                 travel_basis: str = "") -> None:
        """Show these risks; `rows` may come ready-made from make_rows() on a worker thread. `travel_basis`
        ("since 24/10/2026") goes in the Travel column's header: the same basis as the board pack."""
        self.beginResetModel()
        self.travel_basis = travel_basis
        self.rows = rows if rows is not None else make_rows(risks, travel, with_search=False)
        self._keys, self._where = {}, None
        self.apply_filter()
        self.endResetModel()

    def set_scheme(self, scheme: Scheme) -> None:
        self.beginResetModel()
        self.scheme = scheme
        self._set_colours()
        self.apply_filter()
        self.endResetModel()

    def _set_colours(self) -> None:
        self._colours = {b.name: (QColor(b.colour), text_colour_on(b.colour)) for b in self.scheme.bands}

    def apply_filter(self) -> int:
        """Mark each row shown or not; the proxy reads the mark. Returns how many are shown."""
        accepts, scheme, flt = self.row_filter.accepts, self.scheme, self.row_filter
        if flt.is_empty():
            for row in self.rows:
                row.shown = True
            return len(self.rows)
        shown = 0
        for row in self.rows:
            row.shown = accepts(row, scheme)
            shown += row.shown
        return shown

    def row_for_id(self, risk_id: str) -> int | None:
        if self._where is None:
            self._where = {row.risk.id: n for n, row in enumerate(self.rows)}
        return self._where.get(risk_id)

    def update_rows(self, risks: list[Risk], travel: dict[str, str], removed: set[str]) -> bool:
        """Show a few risks' new values in place, add new ones at the end, drop removed ones.

        Returns whether any row's shown mark changed (then the proxy must filter again). The rows
        keep their places: a row that now sorts elsewhere moves at the next sort, not under the
        user's hand while they edit it.
        """
        flipped = False
        for risk in risks:
            n = self.row_for_id(risk.id)
            if n is None:
                self._append(Row(risk, travel.get(risk.id, NEW), len(self.rows)))
                continue
            row = self.rows[n]
            row.show(risk, travel.get(risk.id, row.travel))
            flipped |= self._refilter(row)
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(COLUMNS) - 1))
        for n in sorted((n for n in map(self.row_for_id, removed) if n is not None), reverse=True):
            self.beginRemoveRows(QModelIndex(), n, n)
            del self.rows[n]
            self._where = None
            self.endRemoveRows()
        self._keys = {}
        return flipped

    def _append(self, row: Row) -> None:
        self._refilter(row)
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        if self._where is not None:
            self._where[row.risk.id] = len(self.rows) - 1
        self.endInsertRows()

    def _refilter(self, row: Row) -> bool:
        before = row.shown
        row.shown = self.row_filter.is_empty() or self.row_filter.accepts(row, self.scheme)
        return row.shown != before

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            basis = getattr(self, "travel_basis", "")
            # on two lines, the date without its year: the column stays as narrow as its arrows
            return travel_column_header(basis) if section == TRAVEL else COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == TRAVEL:
            basis = getattr(self, "travel_basis", "")
            return f"Direction of travel {basis}, as in the board pack" if basis else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == RISK_ROLE:
            return row.risk
        if role == Qt.ItemDataRole.ForegroundRole and row.risk.status == "closed" and column not in SCORE_COLUMNS:
            return CLOSED_GREY  # history, not exposure: greyed like a disabled line
        if column in SCORE_COLUMNS and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._score_colour(getattr(row.risk, SCORE_COLUMNS[column]), role)
        if column == NEXT_REVIEW and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return self._overdue_look(row.risk, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column in (*SCORE_COLUMNS, TRAVEL):
            return self._spoken(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (*SCORE_COLUMNS, TRAVEL):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: Row, column: int) -> str:
        risk = row.risk
        if column in SCORE_COLUMNS:
            rating = getattr(risk, SCORE_COLUMNS[column])
            return str(rating.score) if rating else ""  # the band is the colour, the tooltip and the spoken text
        if column == TRAVEL:
            return ARROWS.get(row.travel, "")
        if column == NEXT_REVIEW:
            return show(risk.next_review)
        values = {REF: risk.ref, TITLE: marked(risk.title, row.exempt), OWNER: risk.owner_name,
                  PRIORITY: risk.priority_title, STATUS: risk.status}
        return values.get(column, "")

    def _spoken(self, row: Row, column: int) -> str:
        if column == TRAVEL:
            return TRAVEL_WORDS.get(row.travel, "")
        rating = getattr(row.risk, SCORE_COLUMNS[column])
        band = self.scheme.band_for(rating.score) if rating else None
        return f"{rating.score}, {band.name}" if rating and band else "not scored"

    def _overdue_look(self, risk: Risk, role):
        """A review date already past reads bold and red, as in the printed pack."""
        if not review_due(risk, date.today()):
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return QColor(OVERDUE_RED)

    def _score_colour(self, rating: Rating | None, role):
        band = self.scheme.band_for(rating.score) if rating else None
        if band is None:
            return None
        background, text = self._colours[band.name]
        return background if role == Qt.ItemDataRole.BackgroundRole else text

    def _tooltip(self, row: Row, column: int) -> str | None:
        risk = row.risk
        if column in SCORE_COLUMNS:
            return plain_tooltip(describe_rating(self.scheme, getattr(risk, SCORE_COLUMNS[column])))
        if column == TRAVEL:
            return TRAVEL_WORDS.get(row.travel)
        if column == TITLE:
            note = exempt_note(risk.exempt_paragraph) if row.exempt else ""
            return plain_tooltip("\n".join(filter(None, (note, risk.description or risk.title))))
        return plain_tooltip(self._text(row, column))

    # -- sorting -------------------------------------------------------------------------------

    def sort_rows(self, column: int, descending: bool) -> None:
        """Reorder the rows by one column's precomputed keys.

        Announced as a reset, not a layout change: in PySide6 6.12 emitting layoutChanged from Python
        leaks a reference to True per emit (see qt_workarounds) and crashes with arguments. The
        risks view puts the selection back by risk id.
        """
        keys = self._sort_keys(column)
        order = sorted(range(len(self.rows)), key=keys.__getitem__, reverse=descending)
        self.beginResetModel()
        self.rows = [self.rows[n] for n in order]
        self._where = None
        self._keys = {col: [cached[n] for n in order] for col, cached in self._keys.items()}
        self.endResetModel()

    def _sort_keys(self, column: int) -> list:
        if column not in self._keys:
            self._keys[column] = [self._key(row, column) for row in self.rows]
        return self._keys[column]

    def _key(self, row: Row, column: int):
        risk = row.risk
        if column in SCORE_COLUMNS:
            rating = getattr(risk, SCORE_COLUMNS[column])
            return (rating.score, rating.likelihood) if rating else (-1, -1)
        if column == REF:
            return natural_key(risk.ref)
        if column == TRAVEL:
            return _TRAVEL_ORDER.get(row.travel, 2)
        if column == NEXT_REVIEW:
            return risk.next_review.toordinal() if risk.next_review else 10**7
        text = {TITLE: risk.title, OWNER: risk.owner_name, PRIORITY: risk.priority_title, STATUS: risk.status}
        return natural_key(text.get(column, "")) if column in text else row.position


class RiskFilterProxy(QSortFilterProxyModel):
    """Shows the rows the model marked shown; sorting is handed to the model (see module doc)."""

    def __init__(self, model: RiskTableModel, parent=None):
        super().__init__(parent)
        self._model = model
        self.setSourceModel(model)
        self.setDynamicSortFilter(False)

    @property
    def row_filter(self) -> RiskFilter:
        return self._model.row_filter

    def set_filter(self, row_filter: RiskFilter) -> None:
        self.beginFilterChange()
        self._model.row_filter = row_filter
        self._model.apply_filter()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """The model changed some rows' shown marks itself: show and hide rows to match."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return self._model.rows[source_row].shown

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort_rows(column if column >= 0 else -1, order == Qt.SortOrder.DescendingOrder)

    def risk_at(self, proxy_row: int) -> Risk | None:
        index = self.index(proxy_row, 0)
        return index.data(RISK_ROLE) if index.isValid() else None

    def proxy_row_of(self, risk_id: str) -> int | None:
        source = self._model.row_for_id(risk_id)
        if source is None:
            return None
        index = self.mapFromSource(self._model.index(source, 0))
        return index.row() if index.isValid() else None


def describe_rating(scheme: Scheme, rating: Rating | None) -> str:
    """Words for a score, for tooltips and screen readers: 'Likelihood 4 Likely x impact 3 Moderate = 12, High'."""
    if rating is None:
        return "Not scored"
    if not scheme.fits(rating):
        return (f"Likelihood {rating.likelihood} x impact {rating.impact} = {rating.score}, "
                f"outside the {scheme.size} matrix")
    band = scheme.band_for(rating.score)
    return (f"Likelihood {_level(scheme, LIKELIHOOD, rating.likelihood)} x impact "
            f"{_level(scheme, IMPACT, rating.impact)} = {rating.score}, {band.name if band else ''}")


def _level(scheme: Scheme, axis: str, level: int) -> str:
    """"4 Likely"; just "4" when the scheme's label is the number itself (not "4 4")."""
    label = scheme.label(axis, level)
    return str(level) if label.strip() in ("", str(level)) else f"{level} {label}"


def travel_column_header(basis: str) -> str:
    """The Travel column's header on two lines no wider than its arrows need: "Travel\nsince 24/10" (the
    date without its year), and "Travel since\nfirst review" (not "since first review" clipped to fit)."""
    if not basis:
        return COLUMNS[TRAVEL]
    dated = re.sub(r"(\d\d/\d\d)/\d{4}$", r"\1", basis)
    if dated != basis:
        return f"{COLUMNS[TRAVEL]}\n{dated}"
    words = basis.split(" ", 1)
    return f"{COLUMNS[TRAVEL]} {words[0]}\n{words[1]}" if len(words) == 2 else f"{COLUMNS[TRAVEL]}\n{basis}"
