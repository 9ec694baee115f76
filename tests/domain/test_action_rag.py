"""The one RAG rule for actions (derived.rag_of): the worse of what the dates say and what was reported,
an undated open action "No date", and a reason wherever the two differ."""
from datetime import date

import pytest

from csp_desktop.domain.derived import (AMBER, BAND_WORDS, GREEN, NO_DATE, RAG_ORDER, RED, dated_rag, rag, rag_of,
                                        worse)
from csp_desktop.domain.model import Action
from csp_desktop.domain.vocab import read_reported_status, reported_band

TODAY = date(2026, 11, 23)
LATER, SOON, PAST = date(2027, 3, 31), date(2026, 12, 10), date(2026, 11, 1)


@pytest.mark.parametrize("reported, band", [
    ("", None), ("Amber", AMBER), ("A", AMBER), ("Red", RED), ("Green", GREEN), ("Blue", None),
    ("Delayed", AMBER), ("Behind schedule", AMBER), ("At risk", AMBER), ("  at   RISK ", AMBER),
    ("Off track", RED), ("On track", GREEN), ("Ongoing", None), ("Completed", None),
    ("Delayed (Amber)", AMBER), ("Delayed (Green)", AMBER), ("On track (Red)", RED), ("Started (Amber)", AMBER),
    ("(", None), (")", None), ("()", None), ("x" * 100_000, None), ("Amber (Amber (Red))", None),
])
def test_reported_band_reads_colours_and_words_and_takes_the_worse(reported, band):
    assert reported_band(reported) == band


def test_reported_band_reads_what_the_importer_keeps():
    """The importer keeps "Delayed (Amber)", "Amber" or "Behind schedule": each gives its band back."""
    for status, cell, band in (("A", None, AMBER), (None, "A", AMBER), ("Delayed", "G", AMBER),
                               ("Behind schedule", None, AMBER), ("In progress", "R", RED), ("On track", None, GREEN)):
        _, kept = read_reported_status(status, cell)
        assert reported_band(kept) == band, (status, cell, kept)


def test_an_undated_open_action_is_no_date_never_green():
    for status in ("not started", "in progress"):
        assert dated_rag(Action("x", status=status), TODAY) == NO_DATE
        assert rag(Action("x", status=status), TODAY) == NO_DATE
    assert rag(Action("x", status="complete"), TODAY) is None
    assert rag(Action("x", status="cancelled", status_reported="Delayed"), TODAY) is None


@pytest.mark.parametrize("due, reported, shown", [
    (LATER, "Amber", AMBER), (LATER, "Delayed", AMBER), (LATER, "Off track", RED), (LATER, "On track", GREEN),
    (None, "Amber", AMBER), (None, "At risk", AMBER), (None, "Green", NO_DATE), (None, "Ongoing", NO_DATE),
    (SOON, "Green", AMBER), (SOON, "Red", RED), (PAST, "Green", RED), (PAST, "Amber", RED), (PAST, "", RED),
])
def test_shown_is_the_worse_of_dates_and_report(due, reported, shown):
    assert rag(Action("x", due=due, status="in progress", status_reported=reported), TODAY) == shown


def test_a_report_never_shows_better_than_it_said():
    """Over every due date and report: the band shown is never better than either."""
    for due in (None, PAST, TODAY, SOON, LATER):
        for reported in ("", "Green", "Amber", "Red", "Delayed", "Off track", "On track"):
            shown = rag_of(Action("x", due=due, status_reported=reported), TODAY)
            assert RAG_ORDER.index(shown.band) <= RAG_ORDER.index(shown.dated)
            if shown.reported:
                assert RAG_ORDER.index(shown.band) <= RAG_ORDER.index(shown.reported)


def test_the_reason_is_given_where_report_and_dates_differ():
    amber = rag_of(Action("x", due=LATER, status_reported="Delayed (Amber)"), TODAY)
    assert (amber.word, amber.note, amber.short_note) == ("Amber", "reported Amber; on time by its dates", "reported")
    undated = rag_of(Action("x", status_reported="Amber"), TODAY)
    assert (undated.word, undated.note) == ("Amber", "reported Amber; no due date")
    late = rag_of(Action("x", due=PAST, status_reported="On track"), TODAY)
    assert (late.word, late.note, late.short_note) == ("Red", "reported Green; overdue by its dates", "reported Green")
    agreed = rag_of(Action("x", due=LATER, status_reported="Green"), TODAY)
    assert (agreed.word, agreed.note, agreed.short_note) == ("Green", "", "")
    plain = rag_of(Action("x"), TODAY)
    assert (plain.word, plain.note) == ("No date", "")


def test_worse_and_band_words_cover_every_band():
    assert set(BAND_WORDS) == set(RAG_ORDER)
    assert worse(GREEN, NO_DATE) == NO_DATE and worse(NO_DATE, AMBER) == AMBER and worse(RED, None) == RED


def test_a_kept_pack_from_before_the_rule_prints_its_undated_green_as_no_date():
    """Issued packs keep their actions: one kept when undated actions were "green" rebuilds as it printed."""
    from csp_desktop.domain.pack import PackAction
    assert PackAction("a", "A-1", "x", rag=GREEN).shown_rag == NO_DATE
    assert PackAction("a", "A-1", "x", rag=GREEN, due=LATER).shown_rag == GREEN
    assert PackAction("a", "A-1", "x", rag=AMBER, rag_note="reported").shown_rag == AMBER
    assert PackAction("a", "A-1", "x").shown_rag is None
