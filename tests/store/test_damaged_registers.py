"""Damaged registers: `check` names each, and nothing writes into one.

Copies of a demo register get flipped bytes, are truncated, or have pages zeroed. Whenever `check`
finds the damage, an import (the biggest write) is refused in one sentence, the app opens the file
read-only or refuses it, and the file's bytes are unchanged. Damage SQLite cannot see (a flipped bit
in a stored value) is not damage anyone can refuse; those copies are counted, not failed.
"""
import hashlib
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.errors import UserError
from csp_desktop.services import opening
from csp_desktop.services.demo import create_demo
from csp_desktop.store import Register, RegisterDamaged, RegisterError
from csp_desktop.store.damage import DAMAGE
from tests.store.damaged_copies import damaged_copies

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    path = tmp_path_factory.mktemp("good") / "Good.cspreg"
    create_demo(path, TODAY).close()
    return path


@pytest.fixture
def new_csv(tmp_path):
    path = tmp_path / "new.csv"
    path.write_text("Risk,Likelihood,Impact\nA new risk,3,3\n", encoding="utf-8")
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_damaged(good, folder, new_csv, count: int) -> dict:
    """Every copy through check, import and the app's open; returns counts by how it was damaged."""
    runner = CliRunner()
    caught = {"copies": 0, "named by check": 0, "not visible to SQLite": 0}
    for path, how in damaged_copies(good, folder, count):
        caught["copies"] += 1
        before = _digest(path)
        checked = runner.invoke(main, ["check", str(path)])
        assert checked.exit_code in (0, 1) and "Traceback" not in checked.output, (how, checked.output)
        kind = how.split()[-1]  # flipped, zeroed, or the size it was truncated to
        kind = kind if kind in ("flipped", "zeroed") else "truncated"
        if checked.exit_code == 0:
            caught["not visible to SQLite"] += 1
            caught[f"{kind}: not visible"] = caught.get(f"{kind}: not visible", 0) + 1
            continue
        caught["named by check"] += 1
        caught[f"{kind}: named, import refused, file unchanged"] = caught.get(
            f"{kind}: named, import refused, file unchanged", 0) + 1
        last = checked.output.strip().splitlines()[-1]
        assert path.name in last and ("damaged" in last or "not a CSP Desktop register" in last), (how, last)
        imported = runner.invoke(main, ["import", str(path), str(new_csv)])
        assert imported.exit_code == 1, (how, imported.output)
        assert imported.output.count("\n") == 1 and path.name in imported.output, (how, imported.output)
        _app_never_writes(path, how)
        assert _digest(path) == before, f"{how}: the damaged file was written to"
    return caught


def _app_never_writes(path, how):
    try:
        opened = opening.open_for_editing(path)
    except UserError:
        return
    try:
        assert opened.read_only_reason, f"{how}: a damaged register opened for editing"
        with pytest.raises(RegisterError):
            with opened.register.transaction():
                opened.register.rename("written into damage")
    finally:
        opened.register.close()


def test_damaged_copies_are_named_by_check_and_never_written(good, tmp_path, new_csv):
    caught = run_damaged(good, tmp_path, new_csv, 15)
    assert caught["named by check"] >= 10, caught


@pytest.mark.stress
def test_many_damaged_copies(good, tmp_path, new_csv):
    caught = run_damaged(good, tmp_path, new_csv, 150)
    print(f"\ndamaged copies: {caught}")
    assert caught["named by check"] >= 130, caught


def test_an_index_that_disagrees_with_its_table_stops_an_import(tmp_path, new_csv):
    """quick_check misses this; the check before an import is SQLite's full integrity check."""
    path = tmp_path / "Index.cspreg"
    Register.create(path, "Index").close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO audit (id, at, who, tbl, row_id, change) VALUES ('x', 'now', 'me', 't', 'r', 'insert')")
    idx = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' "
                       "AND sql IS NOT NULL").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [idx]).fetchone()[0]
    conn.commit()
    conn.close()
    _zero_index_cells(path, root)
    result = CliRunner().invoke(main, ["import", str(path), str(new_csv)])
    assert result.exit_code == 1 and "is damaged" in result.output, result.output


def _zero_index_cells(path, root_page):
    """Empty an index's root page (a leaf here): the table keeps its rows, the index loses them."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (root_page - 1) * size
    data[start + 3:start + 5] = (0).to_bytes(2, "big")  # cell count 0
    path.write_bytes(bytes(data))


def test_damage_found_by_a_write_stops_every_later_write(tmp_path):
    path = tmp_path / "Once.cspreg"
    reg = Register.create(path, "Once")
    try:
        DAMAGE.mark(path, "Once.cspreg is damaged, so nothing more will be written to it; restore it from a backup.")
        with pytest.raises(RegisterDamaged, match="Once.cspreg is damaged"):
            reg.rename("x")
        with pytest.raises(RegisterDamaged):
            Register.open(path)
        Register.open(path, read_only=True).close()  # reading it is still allowed
    finally:
        DAMAGE.forget(path)
        reg.close()


def test_a_malformed_error_marks_the_register_damaged(tmp_path):
    from csp_desktop.store.connection import explained
    path = tmp_path / "Malformed.cspreg"
    Register.create(path, "M").close()
    try:
        malformed = sqlite3.DatabaseError("database disk image is malformed")
        malformed.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # as SQLite raises it: told apart by its code
        error = explained(malformed, path)
        assert isinstance(error, RegisterDamaged)
        with pytest.raises(RegisterDamaged):
            Register.open(path)
    finally:
        DAMAGE.forget(path)


def test_text_that_is_not_utf8_is_one_sentence(tmp_path, new_csv):
    path = tmp_path / "Text.cspreg"
    Register.create(path, "Text").close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE register_info SET name = CAST(x'ff41' AS TEXT)")
    conn.commit()
    conn.close()
    runner = CliRunner()
    for args in (["risks", str(path)], ["check", str(path)], ["import", str(path), str(new_csv)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        # one sentence, then (issue 11) where the newest good backup is, or that there is none
        assert result.output.startswith("Error: Text.cspreg is damaged, so nothing more will be written to it; "
                                        "restore it from a backup."), result.output
        assert result.output.count("\n") == 1
    with pytest.raises(UserError, match="Text.cspreg is damaged"):
        opening.open_for_editing(path)
    DAMAGE.forget(path)


def test_a_folder_given_as_the_register_is_one_sentence(tmp_path):
    for command in (["risks"], ["check"], ["import", "x.csv"], ["backup", "."]):
        args = [command[0], str(tmp_path), *command[1:]]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert result.output == f"Error: {tmp_path} is a folder, not a register file.\n"
