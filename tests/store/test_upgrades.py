"""Upgrades: a register of every earlier schema version, built from the migration files themselves,
opens upgraded to the latest with its data intact, and a copy as it was is kept in backups/ beside it."""
import json
import sqlite3
from typing import Any

import pytest

from csp_desktop.domain.scoring import default_5x5
from csp_desktop.store import Register
from csp_desktop.store import migrations
from csp_desktop.store.maintenance import check
from csp_desktop.store.risks import list_risks, mitigations_for, reviews_for
from csp_desktop.store.actions import list_actions, notes_for
from tests.conftest import known

EARLIER = list(range(1, migrations.latest_version()))

# Only tables and columns of the first migration, so every earlier version can hold them.
ROWS: dict[str, dict[str, Any]] = {
    "register_info": {"id": "info", "name": "Old Partnership", "scheme": json.dumps(default_5x5().to_dict()),
                      "created_at": "2025-01-01T00:00:00+00:00"},
    "owners": {"id": "o1", "name": "Gwenllian Prŷs"},
    "risks": {"id": "r1", "ref": "R-01", "title": "Knife crime rising", "owner_id": "o1",
              "inherent_likelihood": 4, "inherent_impact": 5, "residual_likelihood": 3, "residual_impact": 4},
    "mitigations": {"id": "m1", "risk_id": "r1", "description": "Weapons sweeps"},
    "reviews": {"id": "v1", "risk_id": "r1", "reviewed_on": "2025-06-01", "after_likelihood": 3, "after_impact": 4},
    "actions": {"id": "a1", "ref": "A-01", "title": "Bleed kits in schools", "risk_id": "r1", "status": "in progress"},
    "progress_notes": {"id": "n1", "action_id": "a1", "at": "2025-06-02T10:00:00", "text": "Half delivered"},
}


def build_at(path, version: int) -> None:
    """A register as the app left it at `version`: those migrations applied, nothing newer."""
    conn = sqlite3.connect(path)
    migrations.stamp_new(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    for number, script in enumerate(migrations.migration_files()[:version], start=1):
        conn.executescript(f"BEGIN;\n{script.read_text(encoding='utf-8')}\nPRAGMA user_version = {number};\nCOMMIT;")
    for table, row in ROWS.items():
        conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    conn.commit()
    conn.close()


def test_there_is_an_earlier_version_to_upgrade_from():
    assert EARLIER, "only one migration: nothing to upgrade from yet"


@pytest.mark.parametrize("version", EARLIER)
def test_every_earlier_version_upgrades_with_its_data_and_a_copy_kept(tmp_path, version):
    path = tmp_path / f"v{version}.cspreg"
    build_at(path, version)
    reg = Register.open(path)
    try:
        assert reg.schema_version() == migrations.latest_version()
        assert check(reg) == []
        assert reg.name == "Old Partnership"
        [risk] = list_risks(reg)
        assert (risk.ref, risk.title, risk.owner_name, known(risk.residual).score) == ("R-01", "Knife crime rising",
                                                                                "Gwenllian Prŷs", 12)
        assert [m.description for m in mitigations_for(reg, "r1")] == ["Weapons sweeps"]
        assert [known(r.after).score for r in reviews_for(reg, "r1")] == [12]
        [action] = list_actions(reg)
        assert (action.title, action.status, action.risk_id) == ("Bleed kits in schools", "in progress", "r1")
        assert [n.text for n in notes_for(reg, "a1")] == ["Half delivered"]
        reg.rename("Upgraded and writable")
    finally:
        reg.close()
    (copy,) = (path.parent / "backups").glob(f"{path.stem}_*_upgrade.cspreg")
    kept = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert kept.execute("PRAGMA user_version").fetchone()[0] == version
        assert kept.execute("SELECT title FROM risks").fetchall() == [("Knife crime rising",)]
        assert kept.execute("SELECT name FROM register_info").fetchall() == [("Old Partnership",)]
    finally:
        kept.close()


@pytest.mark.parametrize("version", EARLIER)
def test_a_read_only_open_of_an_earlier_version_changes_nothing(tmp_path, version):
    path = tmp_path / f"v{version}.cspreg"
    build_at(path, version)
    before = path.read_bytes()
    reg = Register.open(path, read_only=True)
    try:
        assert reg.schema_version() == version and reg.name == "Old Partnership"
    finally:
        reg.close()
    assert path.read_bytes() == before
    assert not (path.parent / "backups").exists()
