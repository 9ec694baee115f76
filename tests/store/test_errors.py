"""SQLite errors are told apart by their result code, never by their wording.

The user's own troubles (locked, busy, read-only, full, damaged, not a database) are one sentence each;
anything else is a bug (RegisterBug, not a UserError), so it is logged rather than shown as the user's.
"""
import sqlite3

import pytest

from csp_desktop.errors import UserError
from csp_desktop.store import Register, RegisterBug, RegisterDamaged, RegisterError
from csp_desktop.store.errors import explain
from tests.conftest import snapshot


def _error(code: int, words: str = "misleading words") -> sqlite3.Error:
    exc = sqlite3.OperationalError(words)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize("code, sentence", [
    (sqlite3.SQLITE_BUSY, "r.cspreg is in use by another program; close it there and try again."),
    (sqlite3.SQLITE_BUSY_SNAPSHOT, "r.cspreg is in use by another program; close it there and try again."),
    (sqlite3.SQLITE_LOCKED, "r.cspreg is in use by another program; close it there and try again."),
    (sqlite3.SQLITE_READONLY, "r.cspreg is read-only, so nothing could be saved."),
    (sqlite3.SQLITE_READONLY_DBMOVED, "r.cspreg is read-only, so nothing could be saved."),
    (sqlite3.SQLITE_FULL, "The disk holding r.cspreg is full, so nothing was saved."),
    (sqlite3.SQLITE_CORRUPT, "r.cspreg is damaged, so nothing more will be written to it; restore it from a backup."),
    (sqlite3.SQLITE_NOTADB, "r.cspreg is damaged, so nothing more will be written to it; restore it from a backup."),
])
def test_each_user_trouble_is_one_sentence_by_its_code(tmp_path, code, sentence):
    error = explain(_error(code), tmp_path / "r.cspreg")
    assert isinstance(error, RegisterError) and str(error) == sentence
    assert isinstance(explain(_error(code), tmp_path / "r.cspreg"), RegisterDamaged) == (
        code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB))


@pytest.mark.parametrize("words", ["database is locked", "attempt to write a readonly database",
                                   "database or disk is full", "file is not a database"])
def test_the_wording_alone_makes_no_user_error(tmp_path, words):
    assert isinstance(explain(_error(sqlite3.SQLITE_ERROR, words), tmp_path / "r.cspreg"), RegisterBug)
    uncoded = sqlite3.ProgrammingError(words)  # raised by the module itself: no code at all
    assert isinstance(explain(uncoded, tmp_path / "r.cspreg"), RegisterBug)


def test_a_programming_error_is_a_bug_not_the_users(register):
    before = snapshot(register)
    with pytest.raises(RegisterBug, match="no such column") as caught:
        register.query("SELECT no_such_column FROM risks")
    assert not isinstance(caught.value, UserError)
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(RegisterBug):
        with register.transaction():
            register.db.execute("INSERT INTO no_such_table VALUES (1)")
    assert snapshot(register) == before


def test_real_busy_and_read_only_files_give_their_sentences(register):
    other = sqlite3.connect(register.path)
    other.execute("BEGIN IMMEDIATE")
    register.db.execute("PRAGMA busy_timeout = 0")
    try:
        with pytest.raises(RegisterError, match="is in use by another program"):
            register.rename("Busy")
    finally:
        other.rollback()
        other.close()
    with Register.open(register.path, read_only=True) as ro:
        with pytest.raises(RegisterError, match="read-only"):
            with ro.db.conn:
                try:
                    ro.db.execute("UPDATE register_info SET name = 'x'")
                except sqlite3.Error as exc:
                    raise explain(exc, ro.path) from exc


def test_a_full_register_says_the_disk_is_full(register):
    pages = register.db.execute("PRAGMA page_count").fetchone()[0]
    register.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(RegisterError, match="is full, so nothing was saved"):
        with register.transaction():
            register.db.execute("CREATE TABLE filler (x)")
            register.db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 4000,)] * 50)
