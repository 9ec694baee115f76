"""Undoable meeting edits, on the project's one undo base (undoable.EditCommand)."""
from __future__ import annotations

import copy

from ...domain.model import Meeting
from ...services.meetings import create_meeting, remove_meeting, set_meeting, update_meeting
from ...services.changes import Kind
from ..shell.undoable import EditCommand
from ...domain.dates import show


class AddMeetingCommand(EditCommand):
    kinds = (Kind.MEETINGS,)

    def __init__(self, session, meeting: Meeting):
        super().__init__(session, f"Add meeting {meeting.board} {show(meeting.held_on)}")
        self.meeting = copy.copy(meeting)

    def do(self) -> None:
        again = copy.copy(self.meeting)  # the same id each time, so a redo brings back the same meeting
        again.version = 0
        create_meeting(self.session.register, again)

    def undo_it(self) -> None:
        remove_meeting(self.session.register, self.meeting.id)


class EditMeetingCommand(EditCommand):
    kinds = (Kind.MEETINGS,)

    def __init__(self, session, before: Meeting, after: Meeting):
        super().__init__(session, f"Edit meeting {after.board} {show(after.held_on)}")
        self.before, self.after = copy.copy(before), copy.copy(after)

    def do(self) -> None:
        if not self._pushed:  # the edit itself: refused if someone changed the meeting since it was read
            update_meeting(self.session.register, copy.copy(self.after))
        else:
            set_meeting(self.session.register, self.after.id, self.after)

    def undo_it(self) -> None:
        set_meeting(self.session.register, self.before.id, self.before)
