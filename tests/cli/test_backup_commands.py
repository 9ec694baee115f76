"""`backups`, `restore` and `check` from the command line."""
import json

from csp_desktop.store import Register
from tests.cli.test_cli import SHARED, fails_cleanly, run


def _register_with_an_import(tmp_path):
    path = tmp_path / "p.cspreg"
    assert run("init", path, "--name", "P").exit_code == 0
    assert run("import", path, SHARED / "herefordshire-2012.csv").exit_code == 0  # backs up first
    return path


def test_a_command_line_import_backs_up_and_backups_lists_it(tmp_path):
    path = _register_with_an_import(tmp_path)
    listed = run("backups", path)
    assert listed.exit_code == 0
    assert "before an import" in listed.output and " ok " in listed.output and "KB" in listed.output
    (row,) = json.loads(run("backups", path, "--format", "json").output)
    assert row["check"] == "ok" and row["file"].startswith("p_") and row["file"].endswith("_import.cspreg")


def test_restore_from_the_command_line(tmp_path):
    path = _register_with_an_import(tmp_path)
    (row,) = json.loads(run("backups", path, "--format", "json").output)
    result = run("restore", path, row["file"])
    assert result.exit_code == 0, result.output
    assert "Restored p.cspreg" in result.output and "_restore.cspreg" in result.output
    with Register.open(path, read_only=True) as reg:
        assert reg.query("SELECT count(*) AS n FROM risks")[0]["n"] == 0
    reasons = [r["reason"] for r in json.loads(run("backups", path, "--format", "json").output)]
    assert reasons == ["before a restore", "before an import"]


def test_restore_of_an_unknown_backup_fails_cleanly(tmp_path):
    path = _register_with_an_import(tmp_path)
    fails_cleanly(run("restore", path, "nonsense.cspreg"), "There is no backup nonsense.cspreg")
    fails_cleanly(run("backups", tmp_path / "missing.cspreg"), "There is no register")


def test_keep_setting(tmp_path):
    path = _register_with_an_import(tmp_path)
    result = run("backups", path, "--keep", "3", "--max-mb", "20")
    assert "keeps 3 automatic backups, at most 20 MB" in result.output
    fails_cleanly(run("backups", path, "--keep", "-4"), "Keep between 1 and 1000")


def test_check_of_a_damaged_register_offers_the_newest_good_backup(tmp_path):
    path = _register_with_an_import(tmp_path)
    path.write_bytes(b"junk" * 2000)
    result = run("check", path)
    fails_cleanly(result, "not an SQLite database", "The newest backup that passes the check",
                  "csp-desktop restore p.cspreg")
    missing = run("check", tmp_path / "nothing.cspreg")
    fails_cleanly(missing, "No backup of it")
