"""Rolling backups: every reason makes one, the rotation keeps the count and the size cap, restore."""
import sqlite3
import sys
from datetime import datetime, timedelta

import pytest

from csp_desktop.domain import backup_policy as policy
from csp_desktop.domain.model import Risk
from csp_desktop.domain.scoring import Rating, words_3x3
from csp_desktop.errors import UserError
from csp_desktop.services import backups, restoring
from csp_desktop.services.imports import import_file
from csp_desktop.services.opening import open_for_editing
from csp_desktop.services.scheme_editing import apply_scheme
from csp_desktop.store import Register
from csp_desktop.store.maintenance import backup_as
from csp_desktop.store.risks import add_risk, list_risks
from tests.conftest import FIXTURES
from tests.conftest import known

T0 = datetime(2026, 11, 20, 9, 0, 0)
HEREFORDSHIRE = FIXTURES / "shared-registers" / "herefordshire-2012.csv"


def reasons(path):
    return [b.reason for b in backups.list_backups(path)]


def titles(path):
    with Register.open(path, read_only=True) as reg:
        return sorted(r.title for r in list_risks(reg))


def test_opening_makes_one_backup_a_day(register):
    path = register.path
    register.close()
    for _ in range(2):
        open_for_editing(path).register.close()
    assert reasons(path) == [policy.OPENING]
    with Register.open(path) as reg:
        assert backups.daily_backup(reg, datetime.now() + timedelta(days=1)) is not None
    assert reasons(path) == [policy.OPENING, policy.OPENING]


def test_a_register_opened_read_only_makes_none(register):
    path = register.path
    register.close()
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another program is writing: the app opens it read-only
    try:
        opened = open_for_editing(path)
        assert opened.read_only_reason
        opened.register.close()
    finally:
        other.rollback()
        other.close()
    assert reasons(path) == []


def test_an_import_backs_up_first_and_a_dry_run_does_not(register):
    import_file(register, HEREFORDSHIRE, dry_run=True)
    assert reasons(register.path) == []
    import_file(register, HEREFORDSHIRE)
    (made,) = backups.list_backups(register.path)
    assert made.reason == policy.IMPORT and titles(made.path) == []


def test_an_import_of_an_unreadable_file_makes_no_backup(register, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\xff" * 100)
    with pytest.raises(UserError):
        import_file(register, bad)
    assert reasons(register.path) == []


def test_a_matrix_change_backs_up_first(register):
    apply_scheme(register, words_3x3())
    assert reasons(register.path) == [policy.MATRIX]


def test_an_owner_return_backs_up_once_for_several_files(register, tmp_path):
    from csp_desktop.services.updates import receive, send_round
    from tests.services.update_helpers import build_round_register
    build_round_register(register)
    sent = send_round(register, tmp_path / "out")
    for f in sent.files:
        receive(register, f.path)
    assert reasons(register.path) == [policy.OWNER_RETURN]


def test_a_dry_run_of_a_return_makes_none(register, tmp_path):
    from csp_desktop.services.updates import receive, send_round
    from tests.services.update_helpers import build_round_register
    build_round_register(register)
    sent = send_round(register, tmp_path / "out")
    receive(register, sent.files[0].path, dry_run=True)
    assert reasons(register.path) == []


def test_an_upgrade_backup_is_kept_in_the_folder_for_good(register):
    for n in range(15):
        backups.make_backup(register, policy.IMPORT, T0 + timedelta(minutes=n))
    name = policy.new_name(register.path.stem, policy.UPGRADE, T0 - timedelta(days=30), set())
    backup_as(register, backups.backups_folder(register.path) / name)
    backups.make_backup(register, policy.IMPORT, T0 + timedelta(minutes=20))
    found = backups.list_backups(register.path)
    assert [b.reason for b in found].count(policy.IMPORT) == policy.DEFAULT_KEEP
    assert found[-1].reason == policy.UPGRADE and found[0].made_at == T0 + timedelta(minutes=20)


def test_the_count_and_size_cap_are_settings_of_the_register(register):
    backups.change_settings(register, 3, 50)
    assert backups.settings(register) == (3, 50)
    for n in range(6):
        backups.make_backup(register, policy.IMPORT, T0 + timedelta(minutes=n))
    assert len(backups.list_backups(register.path)) == 3
    with pytest.raises(UserError):
        backups.change_settings(register, 0, 50)
    with pytest.raises(UserError):
        backups.change_settings(register, 3, -1)
    assert backups.settings(register) == (3, 50)


def test_the_size_cap_prunes_the_oldest(register, monkeypatch):
    monkeypatch.setattr(backups, "MB", 1)  # one "MB" is a byte: every backup is over the cap alone
    for n in range(4):
        backups.make_backup(register, policy.IMPORT, T0 + timedelta(minutes=n))
    (left,) = backups.list_backups(register.path)
    assert left.made_at == T0 + timedelta(minutes=3)


def test_backups_are_consistent_single_files(register):
    add_risk(register, Risk("Before", inherent=Rating(2, 2)))
    made = known(backups.make_backup(register, policy.IMPORT))
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert backups.check_backup(made) == [] and titles(made) == ["Before"]
    assert not list(made.parent.glob("*.part"))


# -- restore ----------------------------------------------------------------------------------------

def _with_backup_then_change(register):
    add_risk(register, Risk("Kept", inherent=Rating(2, 2)))
    made = backups.make_backup(register, policy.IMPORT, T0)
    add_risk(register, Risk("Bad change", inherent=Rating(5, 5)))
    path = register.path
    register.close()
    return path, made


def test_restore_puts_the_backup_back_and_keeps_the_present_first(register):
    path, made = _with_backup_then_change(register)
    lost = restoring.what_is_lost(path, backups.list_backups(path)[0])
    assert "The 1 change saved since then will be lost" in lost and "by tester" in lost
    done = restoring.restore(path, made.name)
    assert titles(path) == ["Kept"]
    assert done.kept is not None and titles(done.kept) == ["Bad change", "Kept"]
    assert reasons(path) == [policy.RESTORE, policy.IMPORT]
    with Register.open(path) as reg:  # usable again, writable
        add_risk(reg, Risk("After"))
    restoring.restore(path, done.kept.name)  # and the restore can itself be undone
    assert titles(path) == ["Bad change", "Kept"]


def test_restore_refuses_while_another_program_holds_the_register(register):
    from csp_desktop.store.writer_lock import WriterLock
    path, made = _with_backup_then_change(register)
    lock = WriterLock.acquire(path, "alice")
    try:
        with pytest.raises(UserError, match="open in another program .alice on "):
            restoring.restore(path, made.name)
    finally:
        lock.release()
    assert titles(path) == ["Bad change", "Kept"] and reasons(path) == [policy.IMPORT]
    restoring.restore(path, made.name)
    assert titles(path) == ["Kept"]


def test_restore_mends_a_damaged_register(register):
    path, made = _with_backup_then_change(register)
    path.write_bytes(b"this is not a database at all" * 100)
    assert known(backups.newest_good_backup(path)).path == made
    assert "cannot be read" in restoring.what_is_lost(path, backups.list_backups(path)[0])
    done = restoring.restore(path, made)
    assert titles(path) == ["Kept"] and known(done.kept).read_bytes().startswith(b"this is not")


def test_restore_refuses_a_damaged_backup_and_an_unknown_one(register):
    path, made = _with_backup_then_change(register)
    made.write_bytes(b"garbage" * 1000)
    with pytest.raises(UserError, match="fails its check"):
        restoring.restore(path, made.name)
    with pytest.raises(UserError, match="There is no backup"):
        restoring.restore(path, "../../etc/passwd")
    assert titles(path) == ["Bad change", "Kept"] and reasons(path) == [policy.IMPORT]


def test_newest_good_backup_skips_damaged_ones(register):
    older = backups.make_backup(register, policy.IMPORT, T0)
    newer = backups.make_backup(register, policy.IMPORT, T0 + timedelta(hours=1))
    known(newer).write_bytes(b"\x00" * 4096)
    assert known(backups.newest_good_backup(register.path)).path == older
    known(older).unlink()
    assert backups.newest_good_backup(register.path) is None


def test_accepting_an_owners_changes_later_backs_up_first(register, tmp_path, monkeypatch):
    from csp_desktop.services import updates
    from tests.services.update_helpers import build_round_register, edit_return
    build_round_register(register)
    sent = updates.send_round(register, tmp_path / "out")
    book = next(f.path for f in sent.files if f.owner == "Siân Prŵs")
    back = edit_return(book, {("Actions", "A-1", "New status"): "in progress"}, tmp_path / "back.xlsx")
    (change,) = updates.receive(register, back).changes
    for made in backups.list_backups(register.path):
        made.path.unlink()
    updates.decide(register, [], [change["id"]])  # rejecting changes nothing: no backup
    assert reasons(register.path) == []
    back2 = edit_return(book, {("Actions", "A-1", "New status"): "complete"}, tmp_path / "back2.xlsx")
    (change2,) = updates.receive(register, back2).changes
    for made in backups.list_backups(register.path):
        made.path.unlink()
    updates.decide(register, [change2["id"]], [])
    assert reasons(register.path) == [policy.OWNER_RETURN]


@pytest.mark.stress
def test_restore_while_another_program_is_writing_changes_nothing(register, tmp_path):
    """Without the writer lock, SQLite's own lock still stops a restore over a register being written."""
    import subprocess
    import textwrap
    path, made = _with_backup_then_change(register)
    script = textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(path)!r})
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE register_info SET name = 'being written'")
        print("held", flush=True)
        time.sleep(8)
        conn.rollback()
    """)
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert known(writer.stdout).readline().strip() == "held"
        with pytest.raises(UserError, match="in use by another program"):
            restoring.restore(path, made.name)
    finally:
        writer.kill()
        writer.communicate()
    assert titles(path) == ["Bad change", "Kept"]
