"""The meeting form and the pack options form."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QGridLayout, QGroupBox, QLineEdit,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from ...domain.model import PACK_SECTIONS, Meeting
from ...domain.pack import MARKINGS, PARTS, PUBLIC, SECTION_TITLES
from ...services.packs import SENSITIVE, PackOptions, default_marking, marking_below_meeting
from ..common.accessible import named
from ..common.date_field import DateField
from ..common.dialog_parts import ok_cancel, problem_line, refused
from ..common.text import ask
from ...domain.dates import show


def _section_boxes(parent: QWidget, chosen: tuple[str, ...]) -> tuple[QGroupBox, dict[str, QCheckBox]]:
    group = QGroupBox("Sections", parent)
    layout = QGridLayout(group)
    boxes = {}
    half = (len(SECTION_TITLES) + 1) // 2
    for number, key in enumerate(SECTION_TITLES):  # in the order the pack prints them, in two columns
        box = QCheckBox(SECTION_TITLES[key], group)
        box.setChecked(key in chosen)
        layout.addWidget(box, number % half, number // half)
        boxes[key] = box
    return group, boxes


class MeetingDialog(QDialog):
    """Add or edit a meeting: board, date and time, venue, chair, attendees, marking and pack sections."""

    def __init__(self, meeting: Meeting | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Edit meeting" if meeting else "Add meeting")
        self.meeting = meeting
        m = meeting or Meeting(board="", held_on=datetime.now().replace(hour=10, minute=0, second=0, microsecond=0))
        self.board = QLineEdit(m.board, self)
        self.when = DateField("Date and time", m.held_on, with_time=True, optional=False, parent=self)
        self.venue, self.chair = QLineEdit(m.venue, self), QLineEdit(m.chair, self)
        self.attendees = QPlainTextEdit(m.attendees, self)
        self.attendees.setFixedHeight(60)
        self.marking = QComboBox(self)
        self.marking.addItems(MARKINGS)
        self.marking.setCurrentText(m.marking if m.marking in MARKINGS else MARKINGS[0])
        group, self.sections = _section_boxes(self, m.sections)
        self.agenda_item, self.report_of = QLineEdit(m.agenda_item, self), QLineEdit(m.report_of, self)
        self.contact_officer = QLineEdit(m.contact_officer, self)
        self.purpose, self.recommendations = QPlainTextEdit(m.purpose, self), QPlainTextEdit(m.recommendations, self)
        for box in (self.purpose, self.recommendations):
            box.setFixedHeight(54)
        self.recommendations.setPlaceholderText("Empty: the board is asked to note the register and agree the "
                                                "actions (the pack's default)")
        form = QFormLayout()
        for label, widget in (("Board", self.board), ("Date and time", self.when), ("Venue", self.venue),
                              ("Chair", self.chair), ("Attendees", self.attendees), ("Marking", self.marking),
                              ("Agenda item", self.agenda_item), ("Report of", self.report_of),
                              ("Contact officer", self.contact_officer), ("Purpose", self.purpose),
                              ("Recommendations", self.recommendations)):
            form.addRow(label, named(widget, widget.accessibleName() or label))
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        self.problem = problem_line(self)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not refused(self.problem, self.when.problem()):
            super().accept()

    def values(self) -> dict:
        """What was typed, for services.meetings.new_meeting (which checks it)."""
        held = self.when.value()
        assert isinstance(held, datetime)  # a required date-and-time field, checked by accept()
        return {"board": self.board.text(), "on": held.date().isoformat(), "at": held.strftime("%H:%M"),
                "venue": self.venue.text(), "chair": self.chair.text(), "attendees": self.attendees.toPlainText(),
                "marking": self.marking.currentText(),
                "sections": tuple(k for k, box in self.sections.items() if box.isChecked()),
                "agenda_item": self.agenda_item.text(), "report_of": self.report_of.text(),
                "contact_officer": self.contact_officer.text(), "purpose": self.purpose.toPlainText(),
                "recommendations": self.recommendations.toPlainText()}


class PackOptionsDialog(QDialog):
    """Which part, marking and sections, and whether to issue the pack (keep the register as presented)."""

    def __init__(self, meeting: Meeting | None, issued: bool, parent=None):
        super().__init__(parent)
        self.meeting = meeting
        self.setWindowTitle(f"Build pack: {meeting.board}, {show(meeting.held_on)}" if meeting
                            else "Build pack: register as at today")
        self.part = QComboBox(self)
        for part in PARTS:
            self.part.addItem("Part I (public)" if part == PUBLIC else "Part II (exempt items only)", part)
        self.marking = QComboBox(self)
        self.marking.addItems(MARKINGS)
        self._default_marking()
        self.part.currentIndexChanged.connect(self._default_marking)
        group, self.sections = _section_boxes(self, meeting.sections if meeting else PACK_SECTIONS)
        self.issue = QCheckBox("Issue this pack (keep the register as presented to the meeting)", self)
        self.issue.setEnabled(meeting is not None and not issued)
        if issued:
            self.issue.setText("Issued: the pack is rebuilt as presented")
        form = QFormLayout()
        form.addRow("Part", named(self.part, "Part"))
        form.addRow("Marking", named(self.marking, "Marking"))
        buttons = ok_cancel(self, "Build")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(self.issue)
        layout.addWidget(buttons)

    def _meeting_marking(self) -> str:
        return self.meeting.marking if self.meeting and self.meeting.marking in MARKINGS else "OFFICIAL"

    def _default_marking(self) -> None:
        """Part I: OFFICIAL (or NONE), never the meeting's OFFICIAL-SENSITIVE; Part II: at least as high as
        the meeting's."""
        self.marking.setCurrentText(default_marking(self._meeting_marking(), self.part.currentData()))

    def accept(self) -> None:
        chosen, part = self.marking.currentText(), self.part.currentData()
        if part == PUBLIC and chosen == SENSITIVE and not ask(
                self, "Marking", "Part I is open to the public. Mark it OFFICIAL-SENSITIVE all the same?"):
            return
        if part != PUBLIC and marking_below_meeting(self._meeting_marking(), chosen) and not ask(
                self, "Marking", f"This Part II pack would be marked {chosen}, lower than its meeting's "
                                 f"{self._meeting_marking()}. Build it marked {chosen}?"):
            return
        super().accept()

    def options(self) -> PackOptions:
        return PackOptions(meeting_id=self.meeting.id if self.meeting else None, part=self.part.currentData(),
                           marking=self.marking.currentText(),
                           sections=tuple(k for k, box in self.sections.items() if box.isChecked()),
                           issue=self.issue.isEnabled() and self.issue.isChecked())


