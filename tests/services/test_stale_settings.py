"""Two sessions on one register: the second's edit, started from a version the first has since changed, is
refused in one sentence and changes nothing (as risk and action edits already are)."""
from __future__ import annotations

from datetime import datetime

import pytest

from csp_desktop.domain.model import Indicator, Meeting, Priority
from csp_desktop.domain.scoring import preset
from csp_desktop.errors import UserError
from csp_desktop.services import cadence, meetings, plan_editing as editing, plan_year, registers
from csp_desktop.services.backups import list_backups
from csp_desktop.services.scheme_editing import apply_scheme
from csp_desktop.store import Register
from tests.conftest import snapshot


@pytest.fixture
def two(tmp_path):
    """Sessions `mine` and `theirs` on one register holding a plan with a value and a meeting."""
    path = tmp_path / "shared.cspreg"
    with Register.create(path, "Shared Partnership") as reg:
        editing.set_plan_info(reg, title="Strategy", start_year=2011, end_year=2014, year_number=2)
        priority = Priority("Alcohol Harm Reduction", ref="2")
        editing.add_priority(reg, priority, ["West Mercia Police"])
        indicator = Indicator("Reduce assaults", priority_id=priority.id)
        editing.add_indicator(reg, indicator)
        value = editing.record_value(reg, indicator.id, "2011/12 Q2", "798").value
        meeting = meetings.create_meeting(reg, Meeting(board="Board", held_on=datetime(2026, 12, 1))).value
    mine, theirs = Register.open(path), Register.open(path)
    # the made ids ride on both registers for the tests
    mine.ids = theirs.ids = {"priority": priority.id, "value": value.id, "meeting": meeting}  # type: ignore[attr-defined]
    yield mine, theirs
    mine.close()
    theirs.close()


def _refused(reg, edit) -> None:
    before = snapshot(reg)
    with pytest.raises(UserError) as refusal:
        edit()
    sentence = str(refusal.value)
    assert "changed" in sentence and "since you" in sentence and sentence.count(". ") == 0 and "\n" not in sentence
    assert snapshot(reg) == before


def _settings_version(reg) -> int:
    return registers.settings_version(reg)


@pytest.mark.parametrize("their_edit", [
    lambda reg: registers.rename_partnership(reg, "Renamed Elsewhere"),
    lambda reg: cadence.set_cadence(reg, {band: 2 for band in cadence.cadence(reg).by_band(reg.scheme)}),
])
def test_register_settings_edited_from_an_older_version_are_refused(two, their_edit):
    mine, theirs = two
    read = _settings_version(mine)
    their_edit(theirs)
    months = {band: 7 for band in cadence.cadence(mine).by_band(mine.scheme)}
    _refused(mine, lambda: registers.rename_partnership(mine, "Mine", read))
    _refused(mine, lambda: cadence.set_cadence(mine, months, read))
    _refused(mine, lambda: apply_scheme(mine, preset("4x4"), read))
    registers.rename_partnership(mine, "Mine", _settings_version(mine))  # read again: it goes through
    assert mine.name == "Mine"


def test_a_refused_scheme_change_takes_no_backup(two):
    mine, theirs = two
    read = _settings_version(mine)
    registers.rename_partnership(theirs, "Renamed Elsewhere")
    _refused(mine, lambda: apply_scheme(mine, preset("4x4"), read))
    assert list_backups(mine.path) == []
    apply_scheme(mine, preset("4x4"), _settings_version(mine))
    assert len(list_backups(mine.path)) == 1  # (so the check above looked in the right place)


def test_plan_settings_from_an_older_version_are_refused(two):
    mine, theirs = two
    read = editing.plan_info(mine).version
    editing.set_plan_info(theirs, title="Their title")
    _refused(mine, lambda: editing.set_plan_info(mine, read, amber_tolerance=0.1))
    assert editing.plan_info(mine).title == "Their title"


def test_a_value_corrected_from_an_older_version_is_refused(two):
    mine, theirs = two
    value_id = mine.ids["value"]
    read = editing.get_row(mine, "value", value_id)["version"]
    editing.correct_value(theirs, value_id, note="checked by them")
    _refused(mine, lambda: editing.correct_value(mine, value_id, text="800", expected_version=read))


def test_priority_edits_from_an_older_version_are_refused(two):
    mine, theirs = two
    priority_id = mine.ids["priority"]
    read = editing.get_row(mine, "priority", priority_id)["version"]
    editing.set_fields(theirs, "priority", priority_id, {"title": "Alcohol harm"})
    _refused(mine, lambda: editing.set_lead_agencies(mine, priority_id, ["Police", "NHS"], read))
    _refused(mine, lambda: plan_year.retire_priority(mine, priority_id, "Merged", expected_version=read))
    plan_year.retire_priority(theirs, priority_id, "Merged into 3")
    read = editing.get_row(mine, "priority", priority_id)["version"]
    editing.set_fields(theirs, "priority", priority_id, {"outcomes": "Fewer assaults"})
    _refused(mine, lambda: plan_year.reinstate_priority(mine, priority_id, read))
    assert editing.lead_agency_names(mine, priority_id) == ["West Mercia Police"]


def test_a_meeting_deleted_from_an_older_version_is_refused(two):
    mine, theirs = two
    meeting_id = mine.ids["meeting"]
    read = meetings.meeting_of(mine, meeting_id).version
    meetings.edit_meeting(theirs, meeting_id, venue="Council House")
    _refused(mine, lambda: meetings.remove_meeting(mine, meeting_id, read))
    meetings.remove_meeting(mine, meeting_id, read + 1)
    assert [m.id for m in meetings.meetings_of(mine)] == []
