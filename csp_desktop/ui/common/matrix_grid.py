"""A likelihood x impact grid drawn in the register's own matrix size, labels and band colours.

Two uses: picking a score (click a cell, or arrow keys then Space/Enter; Delete clears it), and a
heat map of counts per cell (click or Enter opens the risks in that cell). Likelihood rises up the
side, impact along the bottom, as on the partnerships' own printed matrices.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from .colours import text_colour_on
from ..risks.risk_table_model import describe_rating
from .text import plain_tooltip

PICK, COUNTS = "pick", "counts"
SMALLEST_LABEL_PT = 7.0
MIN_CELL = 28


class MatrixGrid(QWidget):
    picked = Signal(object)          # Rating | None, in pick mode
    cellActivated = Signal(object)   # Rating, in counts mode

    def __init__(self, scheme: Scheme, mode: str = PICK, title: str = "", parent=None):
        super().__init__(parent)
        self.scheme, self.mode, self.title = scheme, mode, title
        self.value: Rating | None = None
        self.counts: dict[tuple[int, int], int] = {}
        self._cursor = Rating(1, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title or "Score grid")
        self._describe()

    # -- state -------------------------------------------------------------------------------------

    def set_scheme(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self._cursor = self._clamped(self._cursor)
        self.updateGeometry()
        self._describe()
        self.update()

    def set_value(self, rating: Rating | None) -> None:
        """Show a score without announcing it as picked (used when a risk is loaded)."""
        self.value = rating
        if rating is not None and self.scheme.fits(rating):
            self._cursor = rating
        self._describe()
        self.update()

    def set_counts(self, counts: dict[tuple[int, int], int]) -> None:
        self.counts = dict(counts)
        self._describe()
        self.update()

    def caption(self) -> str:
        if self.mode == COUNTS:
            return self.title
        return f"{self.title}: {describe_rating(self.scheme, self.value)}" if self.title else describe_rating(
            self.scheme, self.value)

    def _describe(self) -> None:
        cursor = self._cursor
        at = describe_rating(self.scheme, cursor)
        if self.mode == COUNTS:
            at += f": {self.counts.get((cursor.likelihood, cursor.impact), 0)} risks"
        self.setAccessibleDescription(f"{self.caption()}. Cell under the cursor: {at}.")
        self.setToolTip(plain_tooltip(self.caption()) or "")  # scheme labels are the user's words

    def _clamped(self, rating: Rating) -> Rating:
        top_l, top_i = self.scheme.levels(LIKELIHOOD), self.scheme.levels(IMPACT)
        return Rating(min(max(rating.likelihood, 1), top_l), min(max(rating.impact, 1), top_i))

    # -- geometry ----------------------------------------------------------------------------------

    def _margins(self) -> tuple[int, int, int]:
        """Left label width, bottom label height, caption height."""
        metrics = self.fontMetrics()
        left = min(max(metrics.horizontalAdvance(t) for t in self.scheme.likelihood_labels) + 10, 120)
        caption_lines = 3 if self.mode == PICK else 1
        return left, metrics.height() * 2 + 6, metrics.height() * caption_lines + 6

    def sizeHint(self) -> QSize:
        left, bottom, top = self._margins()
        cell = self._hint_cell()
        return QSize(left + cell * self.scheme.levels(IMPACT) + self._right(),
                     top + cell * self.scheme.levels(LIKELIHOOD)
                     + bottom)

    def _hint_cell(self) -> int:
        return max(MIN_CELL, int(self.fontMetrics().height() * 1.6) + 4)

    def _right(self) -> int:
        """Room right of the grid for the last impact label, wider than its cell when cells are small."""
        last = self.scheme.label(IMPACT, self.scheme.levels(IMPACT))
        small = QFont(self.font())
        small.setPointSizeF(min(small.pointSizeF(), SMALLEST_LABEL_PT))  # as _impact_font draws it at worst
        return max(4, int(QFontMetricsF(small).horizontalAdvance(last) - self._hint_cell()) // 2 + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _cell_rect(self, rating: Rating) -> QRectF:
        left, bottom, top = self._margins()
        cols, rows = self.scheme.levels(IMPACT), self.scheme.levels(LIKELIHOOD)
        width = (self.width() - left - self._right()) / cols
        height = (self.height() - top - bottom) / rows
        return QRectF(left + (rating.impact - 1) * width, top + (rows - rating.likelihood) * height, width, height)

    def _rating_at(self, x: float, y: float) -> Rating | None:
        for likelihood in range(1, self.scheme.levels(LIKELIHOOD) + 1):
            for impact in range(1, self.scheme.levels(IMPACT) + 1):
                if self._cell_rect(Rating(likelihood, impact)).contains(x, y):
                    return Rating(likelihood, impact)
        return None

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text = self.palette().windowText().color()
        left, bottom, top = self._margins()
        self._paint_caption(painter, text, top)
        for likelihood in range(1, self.scheme.levels(LIKELIHOOD) + 1):
            for impact in range(1, self.scheme.levels(IMPACT) + 1):
                self._paint_cell(painter, Rating(likelihood, impact))
        self._paint_labels(painter, text, left)
        painter.end()

    def _paint_caption(self, painter: QPainter, colour: QColor, height: int) -> None:
        """The title in bold; in pick mode the score picked and its band on the lines below."""
        painter.setPen(colour)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        line = self.fontMetrics().height()
        painter.drawText(QRect(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, self.width()))
        painter.setFont(self.font())
        if self.mode == PICK:
            painter.drawText(QRect(0, line, self.width(), height - line),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                                 describe_rating(self.scheme, self.value))

    def _paint_cell(self, painter: QPainter, rating: Rating) -> None:
        rect = self._cell_rect(rating).adjusted(1, 1, -1, -1)
        band = self.scheme.band_for(rating.score)
        fill = QColor(band.colour) if band else QColor("#808080")
        painter.fillRect(rect, fill)
        painter.setPen(text_colour_on(fill))
        if self.mode == COUNTS:
            count = self.counts.get((rating.likelihood, rating.impact), 0)
            label = str(count) if count else ""
        else:
            label = str(rating.score)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        if self.mode == PICK and rating == self.value:
            painter.setPen(QPen(text_colour_on(fill), 3))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
            painter.setPen(QPen(self.palette().windowText().color(), 2))
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        if self.hasFocus() and rating == self._cursor:
            painter.setPen(QPen(text_colour_on(fill), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(5, 5, -5, -5))

    def _paint_labels(self, painter: QPainter, colour: QColor, left: int) -> None:
        painter.setPen(colour)
        for likelihood in range(1, self.scheme.levels(LIKELIHOOD) + 1):
            rect = self._cell_rect(Rating(likelihood, 1))
            label = self.fontMetrics().elidedText(self.scheme.label(LIKELIHOOD, likelihood),
                                                  Qt.TextElideMode.ElideRight, left - 6)
            painter.drawText(QRectF(0, rect.top(), left - 4, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(self._impact_font())
        metrics = painter.fontMetrics()
        if not self._impact_words_fit(metrics):
            self._paint_staggered(painter, metrics)
            painter.setFont(self.font())
            return
        for impact in range(1, self.scheme.levels(IMPACT) + 1):
            rect = self._cell_rect(Rating(1, impact))
            words = [metrics.elidedText(w, Qt.TextElideMode.ElideRight, int(rect.width()) - 2)
                     for w in self.scheme.label(IMPACT, impact).split()]
            painter.drawText(QRectF(rect.left(), rect.bottom() + 2, rect.width(), self.height() - rect.bottom() - 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             " ".join(words))
        painter.setFont(self.font())

    def _impact_words_fit(self, metrics) -> bool:
        width = self._cell_rect(Rating(1, 1)).width() - 2
        return all(metrics.horizontalAdvance(w) <= width for label in self.scheme.impact_labels for w in label.split())

    def _paint_staggered(self, painter: QPainter, metrics) -> None:
        """Narrow cells (a scaled laptop): labels on two alternating lines, each as wide as two cells, so
        "Catastrophic" reads whole instead of "Cat…"."""
        line = metrics.height()
        for impact in range(1, self.scheme.levels(IMPACT) + 1):
            rect = self._cell_rect(Rating(1, impact))
            text = self.scheme.label(IMPACT, impact)
            width = metrics.horizontalAdvance(text) + 4.0
            if 1 < impact < self.scheme.levels(IMPACT):
                width = min(rect.width() * 2, width)  # its neighbours on the same line are two cells away
            x = max(0.0, min(rect.center().x() - width / 2, self.width() - width))
            if impact == self.scheme.levels(IMPACT):
                x = max(x, rect.left() - rect.width() / 2)  # not over the label centred two cells to its left
            label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 2)
            top = rect.bottom() + 2 + ((impact - 1) % 2) * line
            painter.drawText(QRectF(x, top, width, line), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             label)

    def _impact_font(self) -> QFont:
        """The widget's font, made smaller (not below 7 pt) until the longest impact word fits a cell."""
        font = QFont(self.font())
        width = self._cell_rect(Rating(1, 1)).width() - 4
        longest = max((w for label in self.scheme.impact_labels for w in label.split()), key=len, default="")
        size = font.pointSizeF()
        while size > SMALLEST_LABEL_PT and QFontMetricsF(font).horizontalAdvance(longest) > width:
            size -= 0.5
            font.setPointSizeF(size)
        return font

    # -- input ---------------------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        rating = self._rating_at(event.position().x(), event.position().y())
        if rating is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._cursor = rating
        self._choose(rating)

    def keyPressEvent(self, event) -> None:
        moves = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)}
        key = event.key()
        if key in moves:
            dl, di = moves[key]
            self._cursor = self._clamped(Rating(self._cursor.likelihood + dl, self._cursor.impact + di))
            self._describe()
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self._cursor)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.mode == PICK and self.isEnabled():
            self._pick(None)
        else:
            super().keyPressEvent(event)

    def _choose(self, rating: Rating) -> None:
        if self.mode == COUNTS:
            self._describe()
            self.update()
            self.cellActivated.emit(rating)
        else:
            self._pick(rating)

    def _pick(self, rating: Rating | None) -> None:
        self.set_value(rating)
        self.picked.emit(rating)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)
