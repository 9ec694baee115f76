"""Every command through click's CliRunner: output, exit status, and the register left alone on errors."""
import json
import click
import pytest

from csp_desktop.cli import main
from csp_desktop.store import Register
from tests.cli.invoke import rows_of, run
from tests.conftest import FIXTURES

SHARED = FIXTURES / "shared-registers"


def fails_cleanly(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.output.strip().splitlines()[-1]
    assert message.startswith("Error: ")
    for word in words:
        assert word in message
    return message


def _all_commands(group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, prefix + (name,))


def test_every_command_has_help_text():
    for path, command in _all_commands(main):
        assert command.help and len(command.help) > 20, path
        result = run(*path, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


@pytest.fixture
def herefordshire(tmp_path):
    path = tmp_path / "h.cspreg"
    assert run("init", path, "--name", "Herefordshire CSP").exit_code == 0
    for name in ("herefordshire-2012-priorities", "herefordshire-2012", "herefordshire-2012-actions",
                 "herefordshire-2012-performance"):
        result = run("import", path, SHARED / f"{name}.csv")
        assert result.exit_code == 0, result.output
    return path


def test_init_import_and_risks_json(herefordshire):
    rows = json.loads(run("risks", herefordshire, "--format", "json").output)
    assert [r["residual_score"] for r in rows] == [6, 4, 4, 2, 2, 1]
    first = rows[0]
    assert first == {"ref": "2", "title": "Unable to deliver the plan due to reduced financial provision and / or "
                     "reduction in staff", "owner": "All partners", "inherent_likelihood": 4, "inherent_impact": 2,
                     "inherent_score": 8, "residual_likelihood": 3, "residual_impact": 2, "residual_score": 6,
                     "band": "Medium", "exempt": False, "status": "open", "version": 1}


def test_risks_table_and_csv(herefordshire):
    table = run("risks", herefordshire).output
    assert "HPEG" in table and "res" in table.splitlines()[0]
    lines = run("risks", herefordshire, "--format", "csv").output.splitlines()
    assert lines[0].startswith("ref,title,owner,inherent_likelihood")
    assert len(lines) == 7


def test_swcsp_words_register_keeps_unknown_residual_as_null(tmp_path):
    path = tmp_path / "s.cspreg"
    run("init", path)
    result = run("import", path, SHARED / "swcsp-2008.csv")
    assert "3x3 matrix" in result.output
    rows = json.loads(run("risks", path, "--format", "json").output)
    funding = next(r for r in rows if r["title"].startswith("Loss of funding"))
    assert (funding["inherent_impact"], funding["inherent_likelihood"]) == (3, 2)
    assert funding["residual_score"] is None
    assert [r["ref"] for r in sorted(rows, key=lambda r: r["ref"])] == ["R-01", "R-02", "R-03", "R-04", "R-05"]


def test_dry_run_writes_nothing(herefordshire):
    before = rows_of(herefordshire)
    result = run("import", herefordshire, SHARED / "swcsp-2008-actions.csv", "--dry-run")
    assert result.exit_code == 0 and result.output.startswith("Would import 6 priorities, 29 actions")
    assert rows_of(herefordshire) == before


def test_import_errors_are_one_sentence_and_change_nothing(herefordshire, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Risk,Likelihood,Impact\nFlood,Highish,2\nFire,3,9\n")
    before = rows_of(herefordshire)
    result = run("import", herefordshire, bad)
    assert result.exit_code == 1 and "Traceback" not in result.output
    first, *rest = result.output.strip().splitlines()  # the error names the first problem, then the rest follow
    assert first.startswith("Error: ")
    words = ("bad.csv", "row 2", "column B (Likelihood)", "Highish", "nothing was imported")
    assert all(word in first for word in words)
    assert rest == ["bad.csv, row 3, column C (Impact): '9' is not an impact level on this 5-level scale "
                    "(use Negligible, Minor, Moderate, Major, Catastrophic or 1-5)"]
    assert rows_of(herefordshire) == before


def test_map_option(tmp_path):
    path = tmp_path / "m.cspreg"
    run("init", path)
    odd = tmp_path / "odd.csv"
    odd.write_text("Threat,Chance,Damage\nFlood,2,3\n")
    result = run("import", path, odd, "--map", "Threat=title", "--map", "Chance=inherent_likelihood",
                 "--map", "Damage=inherent_impact")
    assert result.exit_code == 0, result.output
    fails_cleanly(run("import", path, odd, "--map", "Threat"), "COLUMN=FIELD")
    fails_cleanly(run("import", path, odd, "--map", "Threat=colour"), "not a field")


def test_user_errors(tmp_path):
    fails_cleanly(run("risks", tmp_path / "missing.cspreg"), "There is no register")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    fails_cleanly(run("risks", text), "not a CSP Desktop register")
    path = tmp_path / "r.cspreg"
    run("init", path)
    fails_cleanly(run("init", path), "already exists")
    fails_cleanly(run("import", path, tmp_path / "nope.csv"), "nope.csv", "does not exist")
    fails_cleanly(run("export", path, tmp_path / "out.pdf"), "choose a file ending in")
    fails_cleanly(run("backup", path, tmp_path / "nowhere"), "no folder")


def test_export_backup_and_check(herefordshire, tmp_path):
    for name in ("out.csv", "out.xlsx", "out.json"):
        assert run("export", herefordshire, tmp_path / name).exit_code == 0
    assert (tmp_path / "out.json").read_text(encoding="utf-8").startswith("{")
    assert run("export", herefordshire, tmp_path / "actions.csv", "--table", "actions").exit_code == 0
    folder = tmp_path / "usb"
    folder.mkdir()
    result = run("backup", herefordshire, folder)
    assert result.exit_code == 0
    copy = next(folder.iterdir())
    assert run("check", copy).output.strip().endswith(": ok")


def test_check_reports_problems(herefordshire):
    reg = Register.open(herefordshire)
    reg.db.conn.execute("PRAGMA foreign_keys = OFF")
    reg.db.conn.execute("INSERT INTO mitigations (id, risk_id, description) VALUES ('m', 'ghost', 'x')")
    reg.db.conn.commit()
    reg.close()
    fails_cleanly(run("check", herefordshire), "1 problem")


def test_actions_overdue_filter(tmp_path):
    path = tmp_path / "demo.cspreg"
    assert run("init", path, "--demo").exit_code == 0
    every = json.loads(run("actions", path, "--format", "json").output)
    overdue = json.loads(run("actions", path, "--overdue", "--format", "json").output)
    assert 0 < len(overdue) < len(every)
    assert all(a["rag"] == "red" for a in overdue)


def test_a_bug_is_one_sentence_and_a_logged_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("csp_desktop.services.listing.risk_rows", lambda reg: 1 / 0)
    path = tmp_path / "r.cspreg"
    run("init", path)
    message = fails_cleanly(run("risks", path), "Something went wrong", "ZeroDivisionError")
    log = next((tmp_path / "data").rglob("csp-desktop.log"))
    assert str(log) in message
    assert "Traceback" in log.read_text() and "1 / 0" in log.read_text()


def test_an_sqlite_programming_error_is_a_logged_bug_not_the_users_fault(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("csp_desktop.services.listing.risk_rows", lambda reg: reg.query("SELECT nope FROM risks"))
    path = tmp_path / "r.cspreg"
    run("init", path)
    message = fails_cleanly(run("risks", path), "Something went wrong", "RegisterBug")
    assert "could not be read or written" not in message
    assert "no such column: nope" in next((tmp_path / "data").rglob("csp-desktop.log")).read_text()


def test_import_says_what_it_matched_rather_than_added(tmp_path):
    path = tmp_path / "h.cspreg"
    run("init", path)
    run("import", path, SHARED / "herefordshire-2012-priorities.csv")
    result = run("import", path, SHARED / "herefordshire-2012-actions.csv")
    assert result.output.strip() == ("Imported 24 actions from herefordshire-2012-actions.csv into h.cspreg "
                                     "(matched 3 priorities already in the register).")


def test_importing_the_same_sheet_twice_is_refused_whole(tmp_path):
    path = tmp_path / "twice.cspreg"
    run("init", path)
    for name in ("herefordshire-2012.csv", "swcsp-2008-actions.csv"):
        assert run("import", path, SHARED / name).exit_code == 0
        rows = rows_of(path)
        fails_cleanly(run("import", path, SHARED / name), "already in twice.cspreg", "nothing was imported")
        fails_cleanly(run("import", path, SHARED / name, "--dry-run"), "already in")
        assert rows_of(path) == rows


def test_csv_on_stdout_is_formula_safe(tmp_path):
    path = tmp_path / "f.cspreg"
    run("init", path)
    sheet = tmp_path / "f.csv"
    sheet.write_text('Ref,Risk,Likelihood,Impact\nR-1,"=HYPERLINK(""http://x.invalid"",""go"")",2,2\n')
    run("import", path, sheet)
    line = run("risks", path, "--format", "csv").output.splitlines()[1]
    assert line.startswith('R-1,"\'=HYPERLINK(')


def test_map_mistakes_are_refused(tmp_path):
    path = tmp_path / "m2.cspreg"
    run("init", path)
    fails_cleanly(run("import", path, SHARED / "swcsp-2008.csv", "--map", "Risk=title", "--map", "Impact=title"),
                  "two columns", "'title'")
    fails_cleanly(run("import", path, SHARED / "swcsp-2008.csv", "--map", "Nope=title"), "no column 'Nope'")


def test_a_pack_must_be_named_pdf(tmp_path):
    path = tmp_path / "p.cspreg"
    run("init", path)
    fails_cleanly(run("pack", path, tmp_path / "pack.txt"), "name the file ending in .pdf")
    assert not (tmp_path / "pack.txt").exists()
