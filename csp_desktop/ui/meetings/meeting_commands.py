"""Undoable meeting edits, on the project's one undo base (undoable.EditCommand)."""
from __future__ import annotations

import copy

from ...domain.model import Meeting
from ...services.meetings import create_meeting, remove_meeting, set_meeting, update_meeting
from ...services.changes import Changes
from ..shell.undoable import EditCommand
from ...domain.dates import show


class AddMeetingCommand(EditCommand):
    def __init__(self, session, meeting: Meeting):
        super().__init__(session, f"Add meeting {meeting.board} {show(meeting.held_on)}")
        self.meeting = copy.copy(meeting)

    def do(self) -> Changes:
        again = copy.copy(self.meeting)  # the same id each time, so a redo brings back the same meeting
        again.version = 0
        return create_meeting(self.session.register, again).changes

    def undo_it(self) -> Changes:
        return remove_meeting(self.session.register, self.meeting.id)


class EditMeetingCommand(EditCommand):
    def __init__(self, session, before: Meeting, after: Meeting):
        super().__init__(session, f"Edit meeting {after.board} {show(after.held_on)}")
        self.before, self.after = copy.copy(before), copy.copy(after)

    def do(self) -> Changes:
        if not self._pushed:  # the edit itself: refused if someone changed the meeting since it was read
            return update_meeting(self.session.register, copy.copy(self.after))
        return set_meeting(self.session.register, self.after.id, self.after)

    def undo_it(self) -> Changes:
        return set_meeting(self.session.register, self.before.id, self.before)
