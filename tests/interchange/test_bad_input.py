"""Broken, hostile and huge files: one clear sentence with the place, and the register unchanged."""
import io
import zipfile

import openpyxl
import pytest

from csp_desktop.interchange.problems import ReadError
from csp_desktop.services.imports import import_file
from csp_desktop.store.risks import list_risks
from tests.conftest import snapshot
from tests.conftest import known

HEADER = "Ref,Risk,Likelihood,Impact,Owner\n"


def _rejected(register, path, match, **options):
    before = snapshot(register)
    with pytest.raises(ReadError, match=match) as info:
        import_file(register, path, **options)
    assert snapshot(register) == before
    assert str(info.value).startswith(path.name)
    assert "nothing was imported" in str(info.value)
    return info.value


def test_not_a_spreadsheet(register, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _rejected(register, path, "not a spreadsheet")


def test_pretend_xlsx_that_is_text(register, tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_text("Risk,Likelihood\nx,1\n")
    _rejected(register, path, r"is not a spreadsheet \(.xlsx\)")


def test_empty_file_and_empty_sheet(register, tmp_path):
    _rejected(register, _write(tmp_path / "empty.csv", ""), "is empty")
    _rejected(register, _write(tmp_path / "blank.csv", "\n,,\n , \n"), "is empty: it holds no rows")
    book = openpyxl.Workbook()
    book.save(tmp_path / "blank.xlsx")
    _rejected(register, tmp_path / "blank.xlsx", "is empty")


def test_no_recognisable_risk_column(register, tmp_path):
    path = _write(tmp_path / "shopping.csv", "Item,Quantity\nMilk,2\n")
    _rejected(register, path, "no table of risks")


def test_highish_likelihood_names_row_and_column(register, tmp_path):
    path = _write(tmp_path / "words.csv", HEADER + "1,Flood,High,Low,Police\n2,Fire,Highish,Low,Police\n")
    error = _rejected(register, path, r"words.csv, row 3, column C \(Likelihood\): 'Highish' is not a likelihood")
    assert len(error.problems) == 1


def test_seven_on_a_five_level_scale(register, tmp_path):
    path = _write(tmp_path / "seven.csv", HEADER + "1,Flood,3,2,x\n2,Fire,7,2,y\n")
    _rejected(register, path, r"row 3, column C \(Likelihood\): '7' is not a likelihood level on this 5-level")


def test_every_problem_is_listed_not_only_the_first(register, tmp_path):
    path = _write(tmp_path / "many.csv", HEADER + "1,Flood,9,2,x\n2,Fire,3,0,y\n3,,3,3,z\n")
    error = _rejected(register, path, r"and 2 more problems")
    assert [p.row for p in error.problems] == [2, 3, 4]


def test_megabyte_description_is_refused(register, tmp_path):
    path = _write(tmp_path / "huge.csv", "Risk,Description,Likelihood,Impact\nFlood," + "x" * 1_000_000 + ",2,2\n")
    _rejected(register, path, r"row 2, column B \(Description\): is 1,000,000 characters long")


def test_cp1252_csv_with_pound_and_curly_quotes(register, tmp_path):
    path = tmp_path / "excel.csv"
    text = 'Risk,Likelihood,Impact\n"\u201cLoss\u201d of \u00a345,000 grant \u2013 HPEG",2,3\n'
    path.write_bytes(text.encode("cp1252"))
    result = import_file(register, path)
    assert list_risks(register)[0].title == "\u201cLoss\u201d of \u00a345,000 grant \u2013 HPEG"
    assert "Windows-1252" in str(result.warnings[0])


def test_bom_crlf_and_quoted_newlines(register, tmp_path):
    text = 'Risk,Likelihood,Impact,Mitigation\r\n"Flood\r\nrisk",2,3,"Line one\nLine two"\r\n'
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    import_file(register, path)
    risk = list_risks(register)[0]
    assert risk.title == "Flood\r\nrisk" and known(risk.inherent).score == 6


def test_title_rows_and_blank_rows_above_the_header(register, tmp_path):
    path = _write(tmp_path / "titled.csv",
                  "Partnership Risk Register 2026,,\n,,\nRisk,Likelihood,Impact\n,,\nFlood,2,2\n")
    import_file(register, path)
    assert [r.title for r in list_risks(register)] == ["Flood"]


def test_merged_group_headings(register, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Risk register"])
    ws.append([None, "Inherent", None, "Residual", None])
    ws.append(["Risk", "Likelihood", "Impact", "Likelihood", "Impact"])
    ws.append(["Flood", 4, 4, 2, 3])
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:E2")
    book.save(tmp_path / "merged.xlsx")
    import_file(register, tmp_path / "merged.xlsx")
    risk = list_risks(register)[0]
    assert (known(risk.inherent).score, known(risk.residual).score) == (16, 6)


def test_explicit_column_mapping(register, tmp_path):
    path = _write(tmp_path / "odd.csv", "Peril,Odds,Damage\nFlood,2,3\n")
    _rejected(register, path, "no table of risks")
    import_file(register, path, mapping={"Peril": "title", "Odds": "inherent_likelihood",
                                         "Damage": "inherent_impact"})
    assert known(list_risks(register)[0].inherent).score == 6


def test_xlsx_formula_cells_are_never_evaluated(register, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Risk", "Likelihood", "Impact", "Risk score"])
    ws.append(["Flood", 2, 3, "=B2*C2"])
    ws.append(['=CONCATENATE("Fl","ood")', 2, 2, None])
    book.save(tmp_path / "formulas.xlsx")
    _rejected(register, tmp_path / "formulas.xlsx",
              r"row 3, column A \(Risk\): holds a formula whose result was never saved")


def test_an_unsaved_hyperlink_formula_gives_its_own_text_with_a_warning(register, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Risk", "Likelihood", "Impact"])
    ws.append(['=HYPERLINK("http://example.invalid/r1","Flooding of the town centre")', 2, 2])
    ws.append(['=HYPERLINK("http://example.invalid/r2")', 1, 2])
    book.save(tmp_path / "links.xlsx")
    result = import_file(register, tmp_path / "links.xlsx")
    assert sorted(r.title for r in list_risks(register)) == ["Flooding of the town centre",
                                                             "http://example.invalid/r2"]
    assert all("link whose text was never saved" in str(w) for w in result.warnings) and len(result.warnings) == 2


def test_xlsx_formula_with_a_saved_value_is_read_and_flagged(register, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Risk", "Likelihood", "Impact", "Risk score"])
    ws.append(["Flood", "=1+1", 3, "=B2*C2"])
    saved = io.BytesIO()
    book.save(saved)
    _with_saved_results(saved, tmp_path / "formulas.xlsx", {b"<f>1+1</f><v />": b"<f>1+1</f><v>2</v>",
                                                            b"<f>B2*C2</f><v />": b"<f>B2*C2</f><v>6</v>"})
    result = import_file(register, tmp_path / "formulas.xlsx")
    assert known(list_risks(register)[0].inherent).score == 6
    assert any("holds a formula" in str(w) and "row 2, column B" in str(w) for w in result.warnings)
    assert any("holds a formula" in str(w) and "row 2, column D" in str(w) for w in result.warnings)


def test_xlsx_formula_in_a_level_cell_without_saved_value_is_reported(register, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Risk", "Likelihood", "Impact"])
    ws.append(["Flood", "=1+1", 3])
    book.save(tmp_path / "unsaved.xlsx")
    _rejected(register, tmp_path / "unsaved.xlsx", r"row 2, column B \(Likelihood\): holds a formula")


def test_zip_bomb_is_not_opened(register, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (600 * 1024 * 1024))
    _rejected(register, path, "zip bomb")


def test_hostile_xml_entity_is_refused(register, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Risk", "Likelihood"])
    book.active.append(["Flood", 2])
    plain = io.BytesIO()
    book.save(plain)
    path = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + data
            target.writestr(item, data)
    _rejected(register, path, "could not be read as a workbook")


def test_missing_sheet_and_sheet_on_csv(register, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Register"
    book.save(tmp_path / "named.xlsx")
    _rejected(register, tmp_path / "named.xlsx", "has no sheet 'Risks'", sheet="Risks")
    _rejected(register, _write(tmp_path / "a.csv", HEADER), "has no sheets", sheet="Risks")


def test_old_xls_is_explained(register, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    _rejected(register, path, "old-style .xls")
    _rejected(register, path.rename(path.with_suffix(".csv")), "old-style .xls")


def test_a_bad_row_among_thousands_rejects_the_whole_file(register, tmp_path):
    rows = [f"{n},Risk {n},2,3,Owner {n % 7}" for n in range(5000)] + ["5000,Last,3,nope,x"]
    path = _write(tmp_path / "big.csv", HEADER + "\n".join(rows) + "\n")
    _rejected(register, path, "row 5002")
    assert list_risks(register) == []


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _with_saved_results(source, target, replacements):
    """What Excel does and openpyxl cannot: store each formula's last result beside it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            for old, new in replacements.items():
                data = data.replace(old, new)
            out.writestr(item, data)


def test_columns_that_are_not_read_are_named(register, tmp_path):
    path = _write(tmp_path / "extra.csv", "Risk,Likelihood,Impact,Band,Directorate,\nFlood,2,3,Medium,Place,\n")
    result = import_file(register, path)
    (warning,) = result.warnings
    assert str(warning) == ("extra.csv, row 1: these columns were not imported: 'Directorate' "
                            "(name what they hold with --map)")
