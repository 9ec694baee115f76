"""Chasing drafts read back with a real mail parser: headers, both bodies, the calendar, the workbook,
and no exempt text in an ordinary draft or its workbook."""
import os
from email import message_from_bytes
from email.policy import default

import openpyxl
import pytest

from csp_desktop.domain.model import Action, Owner
from csp_desktop.errors import UserError
from csp_desktop.interchange.chase_mail import CALENDAR_LINE, Draft, html_body, plain_body
from csp_desktop.services.chase import PART_II, chase
from csp_desktop.services.round_contact import set_contact
from csp_desktop.services.coming_up import coming_up
from csp_desktop.store.actions import add_action
from csp_desktop.store.partners import add_owner
from tests.conftest import snapshot
from tests.services.cycle_fixture import SECRET, TODAY, build_cycle_register
from datetime import date


def parse(path):
    return message_from_bytes(path.read_bytes(), policy=default)


def bodies(msg):
    return (msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content())


def attachments(msg):
    return {part.get_filename(): part for part in msg.iter_attachments()}


@pytest.fixture
def drafted(register, tmp_path):
    items = build_cycle_register(register)
    out = tmp_path / "drafts"
    out.mkdir()
    return items, out, chase(register, out, today=TODAY, workbooks=True)


def test_one_draft_per_owner_with_its_headers_bodies_and_calendar(register, drafted):
    items, out, result = drafted
    sian = next(w for w in result.written if w.owner == "Siân Prŵs" and w.part == "public")
    raw = sian.eml.read_bytes()
    assert b"=?utf-8?" in raw.split(b"\n\n")[0]  # Welsh letters encoded in the headers (RFC 2047)
    msg = parse(sian.eml)
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == "sian.prws@glanhafren.gov.uk"
    assert msg["To"].addresses[0].display_name == "Siân Prŵs"
    assert msg["Subject"].startswith("Test Partnership: 2 overdue, 1 due by 14/12/2026")
    plain, html = bodies(msg)
    assert "R-01 Knife crime & <weapons>" in plain and "Knife crime &amp; &lt;weapons&gt;" in html
    assert "Partnership Executive Group on 14/12/2026" in plain and "A-1 Bleed kits" in plain
    files = attachments(msg)
    ics = files[sian.ics.name].get_content()
    ics = ics.encode() if isinstance(ics, str) else ics
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.count(b"BEGIN:VEVENT") == 4  # 3 items + the meeting
    assert b"SUMMARY:Review: R-01 Knife crime & <weapons>" in ics
    assert sian.ics.read_bytes() == ics
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))


def test_no_exempt_text_in_an_ordinary_draft_or_its_workbook(register, drafted, tmp_path):
    items, out, result = drafted
    ordinary = next(w for w in result.written if w.owner == "Siân Prŵs" and w.part == "public")
    msg = parse(ordinary.eml)
    assert SECRET not in ordinary.eml.read_bytes().decode("utf-8", "replace")
    assert all(SECRET not in body and "A-2" not in body and "R-03" not in body for body in bodies(msg))
    book = next(p for name, p in attachments(msg).items() if name.endswith(".xlsx"))
    saved = tmp_path / "ordinary.xlsx"
    saved.write_bytes(book.get_content())
    cells = [str(c) for ws in openpyxl.load_workbook(saved).worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]
    assert not any(SECRET in c or "Secret follow-up" in c for c in cells)
    assert any("Knife crime" in c for c in cells)


def test_exempt_items_go_only_in_a_separate_part_ii_draft(register, drafted, tmp_path):
    items, out, result = drafted
    secret = next(w for w in result.written if w.part == "exempt")
    msg = parse(secret.eml)
    assert msg["Subject"].startswith(PART_II) and secret.eml.name.endswith("PART II.eml")
    plain, html = bodies(msg)
    assert plain.startswith(PART_II) and SECRET in plain and "Knife crime" not in plain
    book = next(p for name, p in attachments(msg).items() if name.endswith(".xlsx"))
    saved = tmp_path / "secret.xlsx"
    saved.write_bytes(book.get_content())
    cells = [str(c) for ws in openpyxl.load_workbook(saved).worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]
    assert any(SECRET in c for c in cells) and not any("Knife crime" in c for c in cells)


def test_an_owner_with_no_email_gets_an_empty_to_and_a_line_saying_so(register, drafted):
    items, out, result = drafted
    housing = next(w for w in result.written if w.owner == "Housing Partnership")
    msg = parse(housing.eml)
    assert msg["To"] == "" and not housing.has_email
    plain, html = bodies(msg)
    assert "no email address for Housing Partnership" in plain and "no email address" in html


def test_a_display_name_with_a_comma_and_polish_letters(register, drafted):
    items, out, result = drafted
    lukasz = next(w for w in result.written if w.owner == "Łukasz Żółć")
    to = parse(lukasz.eml)["To"].addresses
    assert [(a.display_name, a.addr_spec) for a in to] == [("Żółć, Łukasz", "lukasz.zolc@police.uk")]


def chase_log(register):
    return register.query("SELECT * FROM chase_log")


def test_the_chase_is_logged_and_shows_in_coming_up(register, drafted):
    items, out, result = drafted
    log = chase_log(register)
    assert {(row["owner_name"], row["part"]) for row in log} == {(w.owner, w.part) for w in result.written}
    sian = next(g for g in coming_up(register, TODAY).overdue if g.owner_name == "Siân Prŵs")
    assert sian.chased_at is not None


@pytest.mark.parametrize("problem", ["missing", "file", "read-only"])
def test_a_missing_or_read_only_folder_is_one_sentence_and_changes_nothing(register, tmp_path, problem):
    build_cycle_register(register)
    out = tmp_path / "out"
    if problem == "file":
        out.write_text("x")
    elif problem == "read-only":
        out.mkdir()
        out.chmod(0o500)
    before = snapshot(register)
    try:
        if problem == "read-only" and os.access(out, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(UserError) as caught:
            chase(register, out, today=TODAY)
        assert str(caught.value).count(". ") == 0 and str(out) in str(caught.value)
        assert snapshot(register) == before
    finally:
        if out.is_dir():
            out.chmod(0o700)


@pytest.mark.parametrize("count", [40, pytest.param(500, marks=pytest.mark.stress)])
def test_many_owners(register, tmp_path, count):
    import time
    owners = [Owner(f"Swyddog {n} Ŵ", email=f"owner{n}@example.org") for n in range(count)]
    with register.transaction():
        for owner in owners:
            add_owner(register, owner)
            add_action(register, Action(f"Action of {owner.name}", ref=f"A-{owner.name[-5:]}", owner_id=owner.id,
                                        due=date(2026, 11, 1)))
    out = tmp_path / "many"
    out.mkdir()
    started = time.perf_counter()
    result = chase(register, out, today=TODAY)
    print(f"{count} drafts in {time.perf_counter() - started:.2f} s")
    assert len(result.written) == count and len(list(out.glob("*.eml"))) == count
    assert len(chase_log(register)) == count


def test_only_the_owners_asked_for(register, tmp_path):
    build_cycle_register(register)
    out = tmp_path / "one"
    out.mkdir()
    result = chase(register, out, owners=["łukasz żółć"], today=TODAY)
    assert [w.owner for w in result.written] == ["Łukasz Żółć"]
    with pytest.raises(UserError, match="Nobody"):
        chase(register, out, owners=["Nobody"], today=TODAY)


def test_a_write_that_fails_midway_keeps_no_draft_and_logs_nothing(register, tmp_path, monkeypatch):
    from pathlib import Path
    build_cycle_register(register)
    out = tmp_path / "out"
    out.mkdir()
    real, calls = Path.write_bytes, []

    def failing(self, data):
        calls.append(self)
        if len(calls) > 3:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    before = snapshot(register)
    with pytest.raises(UserError, match="could not be written .*Permission denied.*none were kept"):
        chase(register, out, today=TODAY)
    assert list(out.iterdir()) == [] and snapshot(register) == before


def test_hostile_names_cannot_add_headers(register, tmp_path):
    from csp_desktop.services.chase import chase as write
    from csp_desktop.store.partners import save_owner
    items = build_cycle_register(register)
    owner = items["lukasz"]
    owner.name, owner.email = ("Evil\r\nBcc: victim@example.org " + "x" * 5000,
                               "Evil\nBcc: v@example.org <a@example.org>")
    owner.version = 1
    save_owner(register, owner)
    register.rename("Partnership\r\nBcc: everyone@example.org")
    out = tmp_path / "out"
    out.mkdir()
    result = write(register, out, today=TODAY)
    for w in result.written:
        msg = parse(w.eml)
        assert msg["Bcc"] is None and "\n" not in msg["Subject"] and len(w.eml.name) < 120
    evil = next(w for w in result.written if w.owner.startswith("Evil"))
    to = parse(evil.eml)["To"].addresses  # the field held two addresses; neither name became one
    assert [a.addr_spec for a in to] == ["v@example.org", "a@example.org"]
    assert all(a.display_name.startswith("Evil Bcc: victim@example.org xxx") for a in to)


def test_a_long_display_name_with_a_comma_stays_one_address():
    from csp_desktop.interchange.chase_mail import Draft, message
    name = "Detective Chief Inspector " + "x" * 40 + " Smith, John (Partnership lead)"
    msg = message_from_bytes(bytes(message(Draft(name, f'"{name}" <john@example.org>', "P", "S", ""))),
                             policy=default)
    assert [(a.display_name, a.addr_spec) for a in msg["To"].addresses] == [(name, "john@example.org")]


def test_the_subject_says_the_marking_once_and_the_coordinator_signs(register, tmp_path):
    build_cycle_register(register)
    set_contact(register, "Gwen Coordinator", "gwen@glanhafren.gov.uk")
    out = tmp_path / "drafts"
    out.mkdir()
    result = chase(register, out, today=TODAY)
    secret = parse(next(w for w in result.written if w.part == "exempt").eml)
    assert str(secret["Subject"]).count(PART_II) == 1
    for written in result.written:
        plain, html = bodies(parse(written.eml))
        assert "Thank you,\nGwen Coordinator\n" in plain
        assert "Thank you,<br>Gwen Coordinator" in html
        assert "review dates" not in plain and CALENDAR_LINE in plain


def test_no_calendar_line_without_a_calendar():
    draft = Draft(owner_name="Ann", email="", partnership="P", subject="s", marking="", sender="")
    plain, html = plain_body(draft), html_body(draft)
    assert CALENDAR_LINE not in plain and CALENDAR_LINE not in html
    assert plain.rstrip().endswith("Thank you,")
