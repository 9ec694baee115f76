import sqlite3
from datetime import date

import pytest

from csp_desktop.domain.model import Action, Mitigation, Owner, ProgressNote, Risk
from csp_desktop.domain.scoring import Rating, words_3x3
from csp_desktop.store import ConflictError, NotARegisterError, Register, RegisterError
from csp_desktop.store import migrations
from csp_desktop.store.actions import add_action, add_note, list_actions, notes_for, set_status
from csp_desktop.store.maintenance import backup, check
from csp_desktop.store.partners import add_owner
from csp_desktop.store.risks import (add_mitigation, add_risk, get_risk, list_risks, mitigations_for, record_review,
                                     reviews_for, save_risk)
from tests.conftest import snapshot
from tests.conftest import known


def test_new_register_is_stamped_and_uses_wal(register):
    conn = register.db.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert register.schema_version() == migrations.latest_version()
    assert register.name == "Test Partnership" and register.scheme.size == "5x5"


def test_store_does_not_import_qt():
    import subprocess
    import sys
    code = ("import csp_desktop.domain.derived, csp_desktop.store.risks, csp_desktop.services.imports, "
            "csp_desktop.services.exports, csp_desktop.cli, sys; print('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_create_refuses_an_existing_file(register):
    with pytest.raises(RegisterError, match="already exists"):
        Register.create(register.path, "again")


def test_every_write_is_audited_with_who_field_old_and_new(register):
    risk = Risk("Funding cut", ref="R-1", inherent=Rating(4, 4))
    add_risk(register, risk)
    risk.inherent = Rating(3, 4)
    changed = save_risk(register, risk)
    assert set(changed) == {"inherent_likelihood"}
    audit = register.query("SELECT * FROM audit WHERE row_id = ? ORDER BY rowid", [risk.id])
    assert [a["change"] for a in audit] == ["insert", "update"]
    assert audit[1]["who"] == "tester" and audit[1]["field"] == "inherent_likelihood"
    assert (audit[1]["old"], audit[1]["new"]) == ("4", "3")
    assert get_risk(register, risk.id).version == 2


def test_stale_version_is_a_conflict_and_writes_nothing(register):
    risk = Risk("Funding cut")
    add_risk(register, risk)
    other_copy = get_risk(register, risk.id)
    risk.title = "Funding cut 2027"
    save_risk(register, risk)
    before = snapshot(register)
    other_copy.title = "Stale edit"
    with pytest.raises(ConflictError):
        save_risk(register, other_copy)
    assert snapshot(register) == before


def test_check_constraints_reject_bad_levels_even_if_code_is_wrong(register):
    with pytest.raises(sqlite3.IntegrityError):
        register.db.execute("INSERT INTO risks (id, title, inherent_likelihood, inherent_impact) "
                            "VALUES ('x', 't', 6, 1)")
    with pytest.raises(sqlite3.IntegrityError):
        register.db.execute("INSERT INTO risks (id, title, inherent_likelihood) VALUES ('y', 't', 3)")


def test_scores_outside_the_registers_matrix_are_refused(tmp_path):
    reg = Register.create(tmp_path / "w.cspreg", "Words", words_3x3())
    with pytest.raises(RegisterError, match="outside the register's 3x3 matrix"):
        add_risk(reg, Risk("Too big", residual=Rating(4, 1)))
    assert list_risks(reg) == []


def test_a_failed_transaction_leaves_nothing(register):
    before = snapshot(register)
    with pytest.raises(RuntimeError):
        with register.transaction():
            register.insert("owners", {"name": "Somebody"})
            raise RuntimeError("power cut")
    assert snapshot(register) == before


def test_writes_outside_a_transaction_are_a_bug(register):
    with pytest.raises(RuntimeError, match="inside Register.transaction"):
        register.insert("owners", {"name": "x"})


def test_mitigations_reviews_and_direction(register):
    owner = Owner("HPEG", kind="body")
    add_owner(register, owner)
    risk = Risk("Loss of staff", owner_id=owner.id, inherent=Rating(4, 4), residual=Rating(3, 4))
    add_risk(register, risk)
    add_mitigation(register, Mitigation(risk.id, "Cross-train staff", owner.id, Rating(2, 3)))
    assert [m.owner_name for m in mitigations_for(register, risk.id)] == ["HPEG"]
    record_review(register, risk, Rating(2, 4), on=date(2026, 10, 1), reviewer="Gwŷn", note="Recruited")
    record_review(register, risk, Rating(2, 4), on=date(2026, 11, 1), reviewer="Gwŷn", note="No change")
    history = reviews_for(register, risk.id)
    # the first from the residual it was added with (3x4), not the inherent score: it came down from 12, not 16
    assert [(known(h.before).score, known(h.after).score) for h in history] == [(12, 8), (8, 8)]
    assert get_risk(register, risk.id).residual == Rating(2, 4)
    assert get_risk(register, risk.id).owner_name == "HPEG"


def test_actions_notes_and_completion(register):
    action = Action("Publish plan", due=date(2026, 1, 1))
    add_action(register, action)
    add_note(register, ProgressNote(action.id, "Draft circulated", author="Łukasz"))
    assert notes_for(register, action.id)[0].author == "Łukasz"
    assert list_actions(register)[0].progress == "Draft circulated"
    action = list_actions(register)[0]
    set_status(register, action, "complete", date(2026, 11, 23))
    assert list_actions(register)[0].completed_on == date(2026, 11, 23)


def test_bad_status_is_refused(register):
    with pytest.raises(RegisterError, match="not an action status"):
        add_action(register, Action("x", status="nearly done"))


def test_open_refuses_files_that_are_not_registers(tmp_path):
    text = tmp_path / "notes.cspreg"
    text.write_text("hello")
    with pytest.raises(NotARegisterError, match="not an SQLite database"):
        Register.open(text)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotARegisterError, match="SQLite database but not a CSP Desktop register"):
        Register.open(other)
    with pytest.raises(RegisterError, match="There is no register"):
        Register.open(tmp_path / "missing.cspreg")
    with pytest.raises(NotARegisterError, match="folder"):
        Register.open(tmp_path)


def test_open_refuses_a_newer_schema_and_leaves_it_alone(register):
    path = register.path
    register.db.conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    register.close()
    before = path.read_bytes()
    with pytest.raises(NotARegisterError, match="newer CSP Desktop"):
        Register.open(path)
    assert path.read_bytes() == before


def test_read_only_register_refuses_writes(register):
    path = register.path
    register.close()
    reg = Register.open(path, read_only=True)
    with pytest.raises(RegisterError, match="read-only"):
        add_risk(reg, Risk("x"))
    reg.close()


def test_check_and_backup(register, tmp_path):
    add_risk(register, Risk("Something"))
    assert check(register) == []
    target = backup(register, tmp_path)
    copy = Register.open(target, read_only=True)
    assert [r.title for r in list_risks(copy)] == ["Something"]
    copy.close()
    with pytest.raises(RegisterError, match="no folder"):
        backup(register, tmp_path / "missing")


def test_check_reports_broken_foreign_keys(register):
    register.db.conn.execute("PRAGMA foreign_keys = OFF")
    register.db.conn.execute("INSERT INTO mitigations (id, risk_id, description) VALUES ('m', 'ghost', 'x')")
    register.db.conn.commit()
    assert any("missing row in risks" in p for p in check(register))


def test_an_older_register_is_upgraded_after_a_copy_is_kept(register):
    path = register.path
    register.close()
    path.unlink()
    _write_first_schema_register(path)  # a register as the first version of the app saved it
    latest = migrations.latest_version()
    upgraded = Register.open(path)
    assert upgraded.schema_version() == latest
    assert [r.title for r in list_risks(upgraded)] == ["Kept through the upgrade"]
    upgraded.close()
    (copy,) = (path.parent / "backups").glob(f"{path.stem}_*_upgrade.cspreg")
    assert not path.with_name(f"{path.stem}.before-schema-{latest}{path.suffix}").exists()
    old = sqlite3.connect(copy)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT title FROM risks").fetchall() == [("Kept through the upgrade",)]
    old.close()


def _write_first_schema_register(path) -> None:
    import json
    conn = sqlite3.connect(path)
    conn.executescript(migrations.migration_files()[0].read_text(encoding="utf-8"))
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO register_info (id, name, scheme, created_at) VALUES ('i', 'Old', ?, '2026-01-01')",
                 [json.dumps(words_3x3().to_dict())])
    conn.execute("INSERT INTO risks (id, title) VALUES ('r', 'Kept through the upgrade')")
    conn.commit()
    conn.close()
