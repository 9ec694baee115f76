"""The audit trail in plain words: edits, owner returns, exempt items marked or left out, filters, CSV."""
from datetime import date, timedelta

import pytest

from csp_desktop.domain.scoring import Rating
from csp_desktop.errors import UserError
from csp_desktop.services import history, risk_editing
from csp_desktop.store.history import Filter
from csp_desktop.store.partners import list_owners
from tests.services.cycle_fixture import SECRET, build_cycle_register


def test_a_risk_change_reads_in_plain_words(register):
    items = build_cycle_register(register)
    risk_editing.set_risk_fields(register, items["r2"].id, {"residual": Rating(3, 2), "owner_id": items["lukasz"].id,
                                                           "next_review": date(2027, 1, 31)}, None)
    entries = history.for_item(register, "risks", items["r2"].id)
    words = {(e.change, e.old, e.new) for e in entries}
    assert ("changed the residual likelihood", "2", "3") in words
    assert ("changed the owner", "Siân Prŵs", "Łukasz Żółć") in words
    assert ("changed the next review", "05/12/2026", "31/01/2027") in words
    assert entries[-1].change == "added" and entries[-1].new == "R-02 Funding gaps"
    assert all(e.who == "tester" and e.item == "Risk R-02 Funding gaps" for e in entries)


def test_owner_returns_read_from_the_return_of_the_owner(register):
    from csp_desktop.store.returns import acting_as
    items = build_cycle_register(register)
    with register.transaction(), acting_as(register, "Siân Prŵs (return siân.xlsx, taken in by jo)"):
        register.update("risks", items["r2"].id, {"residual_likelihood": 1})
    (entry,) = [e for e in history.for_item(register, "risks", items["r2"].id) if e.old == "2"]
    assert entry.who == "from the return of Siân Prŵs (taken in by jo)"
    assert "Siân Prŵs" in history.people(register)


def test_exempt_items_are_marked_and_left_out_of_the_public_part(register):
    items = build_cycle_register(register)
    everything = history.all_matching(register, Filter())
    assert any(e.exempt and SECRET in e.item for e in everything)
    assert any(e.exempt and "Secret follow-up" in e.item for e in everything)  # an action of an exempt risk
    public = history.all_matching(register, Filter(public_only=True))
    assert public and not any(e.exempt or SECRET in e.item + e.new for e in public)
    risk_editing.remove_risk(register, items["r3"].id, None)  # deleted while exempt: still kept out
    public = history.all_matching(register, Filter(public_only=True))
    assert not any(SECRET in e.item + e.new + e.old for e in public)


def test_filters_by_person_date_item_and_kind(register):
    build_cycle_register(register)
    assert history.history(register, Filter(who="nobody")) == []
    assert len(history.history(register, Filter(who="tester"))) == len(history.history(register, Filter()))
    assert history.history(register, Filter(who="test")) == []  # a person, not part of a name
    assert history.history(register, Filter(since=date.today() + timedelta(days=1))) == []
    assert history.history(register, Filter(until=date.today() - timedelta(days=1))) == []
    actions = history.history(register, Filter(tables=history.KIND_CHOICES["Actions"]))
    assert actions and all(e.kind in ("Action", "Progress note") for e in actions)
    one = history.history(register, history.item_filter(register, "r-04"))
    assert [e.item for e in one] == ["Risk R-04 County lines"]
    with pytest.raises(UserError, match="no risk, action or meeting"):
        history.item_filter(register, "R-99")
    assert len(history.history(register, Filter(), limit=3)) == 3


def test_csv_export_is_formula_safe(register, tmp_path):
    build_cycle_register(register)
    owner = list_owners(register)[0]
    from csp_desktop.store.partners import save_owner
    owner.name = "=HYPERLINK(\"x\")"
    save_owner(register, owner)
    path = history.write_csv(history.all_matching(register, Filter()), tmp_path / "h.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "when,who,item,kind,change,old,new,exempt"
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_an_unwritable_csv_is_one_sentence(register, tmp_path):
    with pytest.raises(UserError, match="could not be written"):
        history.write_csv([], tmp_path / "missing" / "h.csv")


@pytest.mark.parametrize("text", ["'; DROP TABLE audit; --", "%", "_", "\x00", "R-01" * 500, "\U0001f600"])
def test_hostile_filters_find_nothing_and_change_nothing(register, text):
    from tests.conftest import snapshot
    build_cycle_register(register)
    before = snapshot(register)
    assert history.history(register, Filter(who=text)) == []
    with pytest.raises(UserError):
        history.item_filter(register, text)
    assert snapshot(register) == before
