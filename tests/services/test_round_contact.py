"""The update round's coordinator: set once in the register, printed on every owner workbook's instructions
sheet; a bad value is refused in one sentence and changes nothing."""
from datetime import date

import pytest
from openpyxl import load_workbook

from csp_desktop.errors import UserError
from csp_desktop.interchange.owner_layout import INSTRUCTIONS_SHEET
from csp_desktop.services import round_contact, updates
from csp_desktop.store import migrations
from tests.conftest import snapshot
from tests.services.update_helpers import build_round_register


def _instructions(book) -> list[str]:
    workbook = load_workbook(book, read_only=True)
    try:
        return [row[0] for row in workbook[INSTRUCTIONS_SHEET].iter_rows(values_only=True) if row and row[0]]
    finally:
        workbook.close()


def _sent(register, folder, **given) -> list:
    build_round_register(register)
    return [f.path for f in updates.send_round(register, folder, return_by=date(2026, 12, 20), **given).files]


def test_the_registers_coordinator_is_on_every_workbook(register, tmp_path):
    kept = round_contact.set_contact(register, "  Sam   Patel ", " sam.patel@herefordshire.gov.uk ").value
    assert (kept.name, kept.email) == ("Sam Patel", "sam.patel@herefordshire.gov.uk")
    books = _sent(register, tmp_path / "out")
    assert len(books) == 2
    for book in books:
        assert "Your coordinator: Sam Patel, sam.patel@herefordshire.gov.uk." in _instructions(book)
    assert register.query("SELECT COUNT(*) AS n FROM audit WHERE tbl = 'register_info'")[0]["n"] >= 1


def test_a_round_may_name_someone_else_and_without_a_name_the_sender_is_named(register, tmp_path):
    round_contact.set_contact(register, "", "team@csp.example.org")
    (first, *_) = _sent(register, tmp_path / "one", coordinator="Ffion Ŵyn")
    assert "Your coordinator: Ffion Ŵyn, team@csp.example.org." in _instructions(first)
    (second, *_) = updates.send_round(register, tmp_path / "two").files
    assert f"Your coordinator: {register.who}, team@csp.example.org." in _instructions(second.path)


@pytest.mark.parametrize("name, email", [
    ("Sam", "not an email"), ("Sam", "sam@@example.org"), ("Sam", "sam@localhost"), ("Sam", "sam patel@x.org"),
    ("Sam", "x" * 250 + "@example.org"), ("S" * 201, ""), ("Sam\x00", ""), ("Sam", "sam@x.org\nBcc: all@x.org"),
    ("Sam\u202e", ""),
])
def test_a_bad_contact_is_refused_and_nothing_changes(register, tmp_path, name, email):
    build_round_register(register)
    before = snapshot(register)
    with pytest.raises(UserError):
        round_contact.set_contact(register, name, email)
    with pytest.raises(UserError):
        updates.send_round(register, tmp_path / "out", coordinator=name, coordinator_email=email)
    assert snapshot(register) == before
    assert not (tmp_path / "out").exists()


def test_the_setting_comes_with_the_upgrade(register):
    assert migrations.latest_version() == register.query("PRAGMA user_version")[0]["user_version"]
    assert round_contact.contact(register).name == "" and round_contact.contact(register).email == ""
