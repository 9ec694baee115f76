"""The one date field of the app: typed as people write dates (en-GB), with a calendar popup.

Qt's QDateEdit types into fixed sections, so selecting all and typing 31/01/2027 gave 27/01/2027,
and QDateTimeEdit turned `14/01/2027 10:00` into a date in the past without a word. This field is a
plain line of text read by the one parser in domain/dates.py; a date it cannot read is refused in
one sentence, and the calendar button is there for those who prefer to pick.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidgetAction, QWidget

from ...domain.dates import parse_date, parse_datetime, show, show_datetime
from .accessible import named

DATE_HINT = "dd/mm/yyyy"
DATETIME_HINT = "dd/mm/yyyy hh:mm"


class DateField(QWidget):
    """A date (or, with `with_time`, a date and time) typed or picked; empty means none if `optional`.

    `value()` gives the date, None, or raises ValueError with the sentence to show; `refused(sentence)`
    is emitted when the user leaves the field holding something that is not a date.
    """
    editingFinished = Signal()
    refused = Signal(str)

    def __init__(self, name: str, value: date | datetime | None = None, *, with_time: bool = False,
                 optional: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.with_time, self.optional, self._name = with_time, optional, name
        hint = DATETIME_HINT if with_time else DATE_HINT
        self.line = named(QLineEdit(), name, f"{name}: type it as {hint}, or pick it from the calendar")
        self.line.setPlaceholderText(hint)
        self.line.editingFinished.connect(self._finished)
        self.button = named(QToolButton(), f"Pick {name.lower()} from a calendar")
        self.button.setText("\u25be")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field, not to the button
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar: QCalendarWidget | None = None  # made when first opened: forms hold many fields
        menu = QMenu(self.button)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.button.setMenu(menu)
        self._menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.set_value(value)

    # -- the value -----------------------------------------------------------------------------------

    def value(self) -> date | datetime | None:
        """The date typed, or None when empty; ValueError (one sentence) when it cannot be read."""
        text = self.line.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValueError(f"{self._name} is needed: type it as {self._hint()}")
        return parse_datetime(text) if self.with_time else parse_date(text)

    def problem(self) -> str | None:
        """The sentence saying why the field's text is refused, or None when it can be read."""
        if not self.optional and not self.line.text().strip():
            return f"{self._name} is needed: type it as {self._hint()}."
        try:
            self.value()
        except ValueError as exc:
            return f"{self._name}: {exc}."
        return None

    def set_value(self, value: date | datetime | None) -> None:
        if value is None:
            self.line.setText("")
        elif self.with_time:
            moment = value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())
            self.line.setText(show_datetime(moment))
        else:
            self.line.setText(show(value.date() if isinstance(value, datetime) else value))
        self._mark(None)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 (as QLineEdit, for code that fills forms)
        self.line.setText(text)
        self._mark(None)

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (Qt's spelling, as QLineEdit)
        self.line.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    @property
    def calendar(self) -> QCalendarWidget:
        if self._calendar is None:
            self._calendar = named(QCalendarWidget(), f"{self._name} calendar")
            self._calendar.setGridVisible(True)
            self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
            action = QWidgetAction(self._menu)
            action.setDefaultWidget(self._calendar)
            self._menu.addAction(action)
        return self._calendar

    # -- behaviour -----------------------------------------------------------------------------------

    def _hint(self) -> str:
        return DATETIME_HINT if self.with_time else DATE_HINT

    def _finished(self) -> None:
        sentence = self.problem()
        self._mark(sentence)
        if sentence:
            self.refused.emit(sentence)
            return
        value = self.value()
        if value is not None:  # show what was understood, in the one way dates are shown
            self.line.blockSignals(True)
            self.line.setText(show_datetime(value) if isinstance(value, datetime) else show(value))  # with_time
            self.line.blockSignals(False)
        self.editingFinished.emit()

    def _mark(self, sentence: str | None) -> None:
        self.line.setStyleSheet("QLineEdit { border: 2px solid #C00000; }" if sentence else "")
        self.line.setToolTip(sentence or self.line.accessibleDescription())

    def _calendar_to_text(self) -> None:
        try:
            current = self.value()
        except ValueError:
            current = None
        current = current or date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        day = date(picked.year(), picked.month(), picked.day())
        if self.with_time:
            try:
                old = self.value()
            except ValueError:
                old = None
            hour, minute = (old.hour, old.minute) if isinstance(old, datetime) else (10, 0)
            self.line.setText(show_datetime(datetime(day.year, day.month, day.day, hour, minute)))
        else:
            self.line.setText(show(day))
        self._menu.close()
        self._finished()
