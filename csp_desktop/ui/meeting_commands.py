"""Undoable meeting edits. The first write happens before the command is pushed (so a refused edit
never reaches the stack); undo and redo then replay it."""
from __future__ import annotations

import copy
import logging

from PySide6.QtGui import QUndoCommand

from ..domain.model import Meeting
from ..errors import UserError
from ..services.meetings import create_meeting, remove_meeting, set_meeting

log = logging.getLogger("csp_desktop")


class _MeetingCommand(QUndoCommand):
    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session
        self._first = True

    def redo(self):
        if self._first:  # already written by the view
            self._first = False
            return
        self._run(self._redo)

    def undo(self):
        self._run(self._undo)

    def _run(self, action) -> None:
        try:
            action()
        except UserError as exc:  # e.g. someone else deleted the meeting meanwhile: this step cannot replay
            log.warning("Meeting undo/redo could not be applied: %s", exc)
            self.setObsolete(True)
        self.session.notify("meetings")


class AddMeetingCommand(_MeetingCommand):
    def __init__(self, session, meeting: Meeting):
        super().__init__(session, f"Add meeting {meeting.board} {meeting.held_on:%d/%m/%Y}")
        self.meeting = copy.copy(meeting)

    def _undo(self):
        remove_meeting(self.session.register, self.meeting.id)

    def _redo(self):
        again = copy.copy(self.meeting)
        again.version = 0
        create_meeting(self.session.register, again)


class EditMeetingCommand(_MeetingCommand):
    def __init__(self, session, before: Meeting, after: Meeting):
        super().__init__(session, f"Edit meeting {after.board} {after.held_on:%d/%m/%Y}")
        self.before, self.after = copy.copy(before), copy.copy(after)

    def _undo(self):
        set_meeting(self.session.register, self.before.id, self.before)

    def _redo(self):
        set_meeting(self.session.register, self.after.id, self.after)
