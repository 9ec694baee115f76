"""A meeting named as a person would: its whole id, the start of its id, or the day it is held on."""
from datetime import datetime

import pytest

from csp_desktop.domain.model import Meeting
from csp_desktop.store.errors import RegisterError
from csp_desktop.store.meetings import add_meeting, get_meeting
from tests.conftest import snapshot


@pytest.fixture
def meetings(register):
    with register.transaction():
        first = add_meeting(register, Meeting("Partnership Board", datetime(2026, 10, 24, 10, 0)))
        second = add_meeting(register, Meeting("Partnership Board", datetime(2026, 12, 18, 14, 0)))
        same_day = add_meeting(register, Meeting("Executive Group", datetime(2026, 12, 18, 9, 30)))
    return first, second, same_day


def test_a_meeting_is_found_by_its_id_the_start_of_it_or_its_day(register, meetings):
    first, second, _ = meetings
    assert get_meeting(register, first).id == first
    assert get_meeting(register, first[:8]).id == first
    assert get_meeting(register, first[:8].upper()).id == first
    assert get_meeting(register, "24/10/2026").id == first
    assert get_meeting(register, "2026-10-24").id == first


def test_a_name_more_than_one_meeting_answers_to_or_none_is_refused_in_a_sentence(register, meetings):
    before = snapshot(register)
    with pytest.raises(RegisterError, match="2 meetings .* answer to 18/12/2026: give more of the id"):
        get_meeting(register, "18/12/2026")
    for words in ("1", "abc", "", "  ", "01/01/2030", "x" * 10_000, "'; DROP TABLE meetings; --", "%", "____"):
        with pytest.raises(RegisterError, match="There is no meeting with id or date|answer to"):
            get_meeting(register, words)
    assert snapshot(register) == before
