from datetime import date, datetime

import pytest

from csp_desktop.domain.dates import parse_date, show
from csp_desktop.domain.vocab import guess_owner_kind, parse_action_status, parse_risk_status, parse_yes_no


@pytest.mark.parametrize("value, expected", [("yes", True), ("Y", True), ("TRUE", True), ("no", False),
                                             ("n", False), ("false", False), ("", False), (None, False), (1, True)])
def test_yes_no(value, expected):
    assert parse_yes_no(value) is expected


def test_yes_no_refuses_other_words():
    with pytest.raises(ValueError, match="not yes or no"):
        parse_yes_no("maybe")


def test_statuses():
    assert parse_action_status("Completed") == "complete"
    assert parse_action_status("in_progress") == "in progress"
    assert parse_action_status(None) == "not started"
    assert parse_risk_status("Live") == "open"
    with pytest.raises(ValueError, match="not an action status"):
        parse_action_status("nearly")


@pytest.mark.parametrize("name, kind", [("HPEG", "body"), ("All partners", "body"), ("All operational groups", "body"),
                                        ("West Mercia Police", "body"), ("Gwŷn ap Dafydd", "person"),
                                        ("Małgorzata Wiśniewska", "person")])
def test_owner_kind_guess(name, kind):
    assert guess_owner_kind(name) == kind


@pytest.mark.parametrize("value", ["22/11/2026", "2026-11-22", "22-11-2026", "22 November 2026",
                                   datetime(2026, 11, 22, 9, 30), date(2026, 11, 22)])
def test_dates_as_people_write_them(value):
    assert parse_date(value) == date(2026, 11, 22)


@pytest.mark.parametrize("value", ["31/02/2026", "next week", "11/22/2026"])
def test_impossible_dates_are_refused(value):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(value)


def test_show_is_en_gb():
    assert show(date(2026, 11, 2)) == "02/11/2026"
    assert show(None) == ""
