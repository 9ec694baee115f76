"""The scale a file states (a guidance, key or matrix sheet) is the scale it is read on; a scale worked out
from the numbers alone is said to be a guess; a key the app cannot use is a warning, never a crash."""
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.interchange.problems import ReadError
from csp_desktop.interchange.register_reader import read_spreadsheet
from csp_desktop.services.imports import import_file
from csp_desktop.store.risks import list_risks
from tests.conftest import known, snapshot
from tests.interchange.corpus import CORPUS

RISKS = [["Ref", "Risk", "Likelihood", "Impact"], ["R1", "Flooding of the control room", 3, 2],
         ["R2", "Loss of the analyst post", 2, 3]]


def book(tmp_path: Path, *sheets: tuple[str, list[list]], risks=RISKS) -> Path:
    """A workbook of the given extra sheets (name, rows) before a 'Risks' sheet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    ws = wb.create_sheet("Risks")
    for row in risks:
        ws.append(row)
    path = tmp_path / "key.xlsx"
    wb.save(path)
    return path


def grid(size_down: int, size_across: int, corner="Impact → / Likelihood ↓") -> list[list]:
    rows = [[corner] + list(range(1, size_across + 1))]
    return rows + [[n] + [n * i for i in range(1, size_across + 1)] for n in range(size_down, 0, -1)]


def test_bracknell_reads_as_4x4_from_its_guidance_and_matrix_sheets_and_bands_as_on_4x4(register):
    result = import_file(register, CORPUS / "bracknell-unmitigated-current.xlsx")
    assert register.scheme.size == "4x4" and result.scheme_changed
    assert "Matrix sheet's grid runs 1 to 4" in result.scale_note and "guess" not in result.scale_note
    bands = {r.ref: register.scheme.band_for(known(r.residual).score).name for r in list_risks(register)
             if r.status == "open"}
    assert bands == {"S1": "High", "S2": "High", "O1": "High", "O2": "High"}  # 9, 8, 9, 6 of 16


def test_the_command_says_how_the_scale_was_read_and_never_claims_a_guess_is_the_files(tmp_path):
    runner = CliRunner()
    reg = tmp_path / "new.cspreg"
    assert runner.invoke(main, ["init", str(reg), "--name", "T"]).exit_code == 0
    out = runner.invoke(main, ["import", str(reg), str(CORPUS / "bracknell-unmitigated-current.xlsx")]).output
    assert "Scale: read as 4x4: the Guidance sheet says 'Score likelihood and impact from 1 (low) to 4 (high)'" in out
    assert "The register now scores on that 4x4 matrix." in out and "file's 5x5" not in out
    other = tmp_path / "other.cspreg"
    assert runner.invoke(main, ["init", str(other), "--name", "T"]).exit_code == 0
    out = runner.invoke(main, ["import", str(other), str(CORPUS / "south-kesteven-gross-net.csv")]).output
    assert "Scale: read as 5x5, a guess:" in out and "choose --scheme 4x4" in out and "file's 5x5" not in out


def test_values_only_to_3_on_a_stated_5x5_key_stay_5x5(tmp_path):
    key: list[list] = [["Likelihood"]] + [[f"{n} - {w}"] for n, w in enumerate(
        ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"], 1)]
    key += [["Impact"]] + [[n, w] for n, w in enumerate(["Negligible", "Minor", "Moderate", "Major", "Severe"], 1)]
    contents = read_spreadsheet(book(tmp_path, ("Key", key)))
    assert known(contents.scheme).size == "5x5"
    assert contents.scale_note == ("read as 5x5: the Key sheet lists likelihood levels 1 to 5 and the Key sheet "
                                   "lists impact levels 1 to 5, and every likelihood and impact in the file fits it")
    assert contents.warnings == []   # the key was read: not named as a sheet left unread


def test_a_5x5_matrix_sheet_keeps_a_file_scored_to_3_on_5x5(tmp_path):
    contents = read_spreadsheet(book(tmp_path, ("Matrix", grid(5, 5))))
    assert known(contents.scheme).size == "5x5" and "Matrix sheet's grid runs 1 to 5" in contents.scale_note


def test_a_matrix_of_5_likelihoods_down_and_4_impacts_across_reads_as_5x4(tmp_path):
    contents = read_spreadsheet(book(tmp_path, ("Matrix", grid(5, 4))))
    assert known(contents.scheme).size == "5x4"
    assert "1 to 5 in likelihood and 1 to 4 in impact" in contents.scale_note


def test_a_sentence_giving_each_axis_its_own_range_is_read_axis_by_axis(tmp_path):
    said = [["Scoring"], ["Score likelihood from 1 (rare) to 5 (almost certain), and impact from 1 to 4."]]
    contents = read_spreadsheet(book(tmp_path, ("Guidance", said)))
    assert known(contents.scheme).size == "5x4" and "guess" not in contents.scale_note
    assert "'Score likelihood from 1 (rare) to 5 (almost certain), and impact from 1 to 4'" in contents.scale_note


def test_a_matrix_drawn_with_likelihood_across_reads_its_axes_the_other_way(tmp_path):
    contents = read_spreadsheet(book(tmp_path, ("Matrix", grid(5, 4, corner="Likelihood → / Impact ↓"))))
    assert known(contents.scheme).size == "4x5"


def test_numbers_alone_are_a_guess_and_say_so(tmp_path):
    contents = read_spreadsheet(book(tmp_path))
    assert known(contents.scheme).size == "5x5"
    assert contents.scale_note.startswith("read as 5x5, a guess: the file states no scale")
    assert "its highest likelihood is 3 and its highest impact is 3" in contents.scale_note
    assert contents.scale_note.endswith("choose --scheme 3x3")


def test_a_key_the_levels_do_not_fit_is_named_and_the_levels_win(tmp_path):
    risks = RISKS + [["R3", "Night-time economy violence", 5, 4]]
    contents = read_spreadsheet(book(tmp_path, ("Matrix", grid(4, 4)), risks=risks))
    assert known(contents.scheme).size == "5x4"   # impact still fits the grid; likelihood 5 does not
    assert any("grid runs 1 to 4, but some likelihood levels in the file do not fit" in str(w)
               for w in contents.warnings)


def test_two_keys_that_disagree_are_named_and_the_levels_decide(tmp_path):
    contents = read_spreadsheet(book(tmp_path, ("Matrix", grid(4, 4)),
                                     ("Guidance", [["Score likelihood and impact from 1 to 5."]])))
    assert known(contents.scheme).size == "5x5" and "a guess" in contents.scale_note
    assert any("states more than one likelihood scale" in str(w) for w in contents.warnings)


HOSTILE: dict[str, list[list]] = {
    "text in the matrix squares": [["Impact → / Likelihood ↓", 1, 2, 3, 4]] +
                                  [[n, "see note", "x", "=A1", "<script>"] for n in (4, 3, 2, 1)],
    "a 7-level grid": grid(7, 7),
    "a huge range": [["Score likelihood and impact from 1 to 99999999999999999999"]],
    "a huge key": [["Likelihood"]] + [[f"{n} - level"] for n in range(1, 60)],
    "huge and odd numbers": [["Impact", 1, 2, 3, 1e308], [float("inf"), 10**30, -5, 2.5],
                             [float("nan"), True, None, "9" * 40]],
    "a long cell": [["x" * 49_000 + " Likelihood from 1 to 4"]],  # past the corner of a cell read
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_keys_give_a_clear_warning_never_a_crash_and_write_nothing_on_a_dry_run(tmp_path, register, name):
    path = book(tmp_path, ("Matrix", HOSTILE[name]))
    contents = read_spreadsheet(path)
    assert known(contents.scheme).size == "5x5" and "a guess" in contents.scale_note
    taken = [str(w) for w in contents.warnings if "was not taken as the file's scale" in str(w)]
    if name not in ("huge and odd numbers", "a long cell"):
        assert taken and all("sheet 'Matrix'" in w for w in taken), contents.warnings
    if name.startswith("a huge") or name == "a 7-level grid":
        assert "the app scores on 3 to 5 levels a side" in taken[0]
    if name == "text in the matrix squares":
        assert "its squares hold text rather than scores" in taken[0]
    before = snapshot(register)
    import_file(register, path, dry_run=True)
    assert snapshot(register) == before


def test_digits_that_are_not_ascii_are_words_not_levels(tmp_path):
    # str.isdigit() takes "¹" and "٣" though float() refuses them: the fuzzed imports found the crash
    path = tmp_path / "odd.csv"
    path.write_text("Risk,Likelihood,Impact\nFloods,\u00b9,3\nFires,\u0663,2\nTheft,4,4\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"row 2, column B \(Likelihood\): '¹' is not a likelihood level"):
        read_spreadsheet(path)
