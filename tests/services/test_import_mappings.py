"""Kept import mappings, sheet kinds chosen by the user, import records and undo, the app's words."""
import pytest
from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.errors import UserError
from csp_desktop.services.import_mappings import Choices, headings_key, keep, kept, kept_for, named
from csp_desktop.services.import_preview import build_preview, in_app_words
from csp_desktop.services.import_undo import last_import, undo_last_import
from csp_desktop.services.imports import AlreadyInRegister, ImportCancelled, Steps, explain_file, import_file
from csp_desktop.store import Register
from tests.conftest import FIXTURES, snapshot
from tests.conftest import known

REGISTERS = FIXTURES / "registers"


def test_every_fixture_is_shown_without_a_command_line_option(register):
    register.close()
    for file in sorted(REGISTERS.glob("*.csv")) + sorted(REGISTERS.glob("*.xlsx")):
        try:
            preview = build_preview(register.path, file)
        except UserError as exc:
            assert "--" not in in_app_words(str(exc)), file.name
            continue
        for problem in preview.problems:
            assert "--" not in problem.message, (file.name, problem.message)


def test_in_app_words_rewords_the_readers_hints():
    assert in_app_words('names a likelihood; name what it holds with --map, e.g. --map "Prob=residual_likelihood"') == \
        "names a likelihood; choose what it holds in the list above the column"
    assert "--" not in in_app_words("use --frobnicate now or --sheet X")


def test_a_sheet_left_out_or_read_as_another_kind(register):
    readings = explain_file(REGISTERS / "csp-plan-workbook.xlsx", kinds={"Performance": None, "Priorities": "actions"})
    kinds = {r.sheet: r.kind for r in readings}
    assert kinds["Performance"] is None and kinds["Actions"] == "actions"
    assert kinds["Priorities"] in ("actions", None)  # as actions, or not at all when it cannot be


def test_a_kept_mapping_is_found_by_its_headings_and_named(register):
    readings = explain_file(REGISTERS / "csp-words-3x3.csv")
    keep(register, "Words", readings, Choices({"Comments": "ignore"}, {}, "3x3"))
    assert known(kept_for(register, readings)).columns == {"Comments": "ignore"}
    assert named(register, "Words").scheme == "3x3"
    assert kept_for(register, explain_file(REGISTERS / "leics-opcc-4x4.csv")) is None
    with pytest.raises(UserError, match="keeps no import mapping called 'Nope'"):
        named(register, "Nope")
    keep(register, "Words", readings, Choices({"Comments": "description"}))  # replaced, not doubled
    assert [m["name"] for m in kept(register)] == ["Words"]
    assert headings_key(readings).count("\n") == 8


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_bad_mapping_name_is_refused_and_changes_nothing(register, name):
    before = snapshot(register)
    with pytest.raises(UserError):
        keep(register, name, explain_file(REGISTERS / "csp-words-3x3.csv"), Choices({"Comments": "ignore"}))
    assert snapshot(register) == before


def test_a_hostile_mapping_name_is_kept_as_typed(register):
    name = "Robert'); DROP TABLE risks;-- \u202e<b>x</b>"
    keep(register, name, explain_file(REGISTERS / "csp-words-3x3.csv"), Choices({"Comments": "ignore"}))
    assert named(register, name).name == name and register.query("SELECT count(*) AS n FROM risks")[0]["n"] == 0


def _stopping_after(stop_at: int) -> Steps:
    """Progress that asks to stop once more than `stop_at` steps have been reported."""
    seen: list[int] = []
    return Steps(lambda n, of, words: seen.append(n), lambda: len(seen) > stop_at)


def _stopping_at(stop_at: str) -> Steps:
    """Progress that asks to stop once a step's words start with `stop_at`."""
    told: list[str] = []
    return Steps(lambda n, of, words: told.append(words), lambda: any(w.startswith(stop_at) for w in told))


def test_cancel_at_any_step_changes_nothing_and_leaves_no_backup(register):
    before = snapshot(register)
    for stop_at in range(-1, 3):  # before reading, before the backup, before writing, before saving
        steps = _stopping_after(stop_at)
        with pytest.raises(ImportCancelled):
            import_file(register, REGISTERS / "csp-words-3x3.csv", steps=steps, keep_as="Words")
        assert snapshot(register) == before
    backups = register.path.parent / "backups"
    assert not backups.exists() or not [p for p in backups.iterdir() if "import" in p.name]


def test_a_second_import_names_the_risks_already_there(register):
    import_file(register, REGISTERS / "csp-words-3x3.csv")
    before = snapshot(register)
    with pytest.raises(AlreadyInRegister) as caught:
        import_file(register, REGISTERS / "csp-words-3x3.csv")
    assert caught.value.found == ["1", "2", "3"] and "Owner updates" in str(caught.value)
    assert snapshot(register) == before


def test_undo_restores_the_backup_made_before_the_import(register):
    path = register.path
    before = snapshot(register)
    import_file(register, REGISTERS / "csp-words-3x3.csv")
    found = known(last_import(register))
    assert found.file == "csp-words-3x3.csv" and found.later_changes == 0 and found.counts["risks"] == 3
    register.rename("Later")
    assert known(last_import(register)).later_changes == 1
    register.close()
    with pytest.raises(UserError, match="since the import"):
        undo_last_import(path)
    undo_last_import(path, even_if_changed=True)
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == before
        assert last_import(reg) is None


def test_the_command_line_keeps_applies_and_undoes(tmp_path):
    path = tmp_path / "r.cspreg"
    run = CliRunner().invoke
    assert run(main, ["init", str(path)]).exit_code == 0
    file = tmp_path / "q.csv"
    file.write_text("Risk,Likelihood,Impact,Residual likelihood,Residual impact,Probability (net)\nFlood,2,3,2,2,1\n",
                    encoding="utf-8")
    refused = run(main, ["import", str(path), str(file)])
    assert refused.exit_code != 0
    done = run(main, ["import", str(path), str(file), "--map", "Probability (net)=ignore", "--save-mapping", "Q"])
    assert done.exit_code == 0, done.output
    file.write_text(file.read_text(encoding="utf-8").replace("Flood", "Fire"), encoding="utf-8")
    again = run(main, ["import", str(path), str(file), "--mapping", "Q"])
    assert again.exit_code == 0, again.output
    undone = run(main, ["import-undo", str(path)])
    assert undone.exit_code == 0 and "csp-words" not in undone.output and "q.csv" in undone.output
    with Register.open(path, read_only=True) as reg:
        assert [r["title"] for r in reg.query("SELECT title FROM risks")] == ["Flood"]
        assert [m["name"] for m in kept(reg)] == ["Q"]


def test_a_repeated_heading_is_mapped_by_its_column_and_a_grouped_one_by_its_group():
    wm = REGISTERS / "wm-pcc-appendix-b.xlsx"
    fields = {c.column: c.field for c in explain_file(wm, mapping={"column O": "ignore"})[0].columns}
    assert fields["D"] == "inherent_likelihood" and fields["L"] == "residual_likelihood" and fields["O"] == "ignore"
    bracknell = REGISTERS / "bracknell-unmitigated-current.xlsx"
    readings = explain_file(bracknell, mapping={"Target risk / L": "ignore"})
    strategic = {c.column: c.field for c in readings[3].columns}
    assert strategic["C"] == "inherent_likelihood" and strategic["G"] == "residual_likelihood"
    assert strategic["J"] == "ignore"


def test_progress_counts_rows_read_and_written_and_a_cancel_among_them_changes_nothing(register, tmp_path):
    file = tmp_path / "big.csv"
    file.write_text("Risk,Likelihood,Impact\n" + "".join(f"Risk {n},2,3\n" for n in range(3000)), encoding="utf-8")
    before = snapshot(register)
    told = []
    steps = Steps(lambda n, of, words: told.append((n, of, words)), lambda: False)
    import_file(register, file, steps=steps)
    assert all(of == 100 for _, of, _ in told) and [n for n, _, _ in told] == sorted(n for n, _, _ in told)
    words = [w for _, _, w in told]
    assert "Reading rows: 250 of 3,000" in words and "Reading rows: 3,000 of 3,000" in words
    assert "Writing rows: 1,000 of 3,000" in words and told[-1][0] == 95
    register.close()
    from csp_desktop.services.import_undo import undo_last_import
    undo_last_import(register.path)
    with Register.open(register.path) as reg:
        assert snapshot(reg) == before
        for stop_at in ("Reading rows: 500", "Writing rows: 2,000"):  # in the middle of reading, of writing
            steps = _stopping_at(stop_at)
            with pytest.raises(ImportCancelled):
                import_file(reg, file, steps=steps)
            assert snapshot(reg) == before


def test_the_summary_counts_as_a_person_writes_them(register):
    register.close()
    preview = build_preview(register.path, REGISTERS / "csp-plan-workbook.xlsx")
    assert preview.summary() == "Adds 2 priorities, 4 owners, 5 actions, 1 indicator."
