"""An imported file's own RAG and status words are never shown better than reported, and an undated open
action is "No date": the command line and the pack (read back with pypdf) on two real registers."""
import json
import re
from datetime import date

import pytest
from pypdf import PdfReader

from csp_desktop.services.imports import import_file
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store import Register
from tests.cli.invoke import run
from tests.conftest import FIXTURES

TODAY = date(2026, 11, 27)   # the files' actions fall due on 31/03/2027: more than 30 days off
WM = FIXTURES / "registers" / "wm-pcc-appendix-b.xlsx"            # A-002..A-004 "A", A-001 and A-005 "G"
OXON = FIXTURES / "registers" / "west-oxon-action-tracker.xlsx"    # Delayed, Behind schedule, At risk ...


def _imported(tmp_path, file):
    path = tmp_path / f"{file.stem}.cspreg"
    assert run("init", path).exit_code == 0
    assert run("import", path, file).exit_code == 0
    return path


def _listed(path) -> dict:
    result = run("actions", path, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["ref"]: row for row in json.loads(result.output)}


def test_the_files_amber_is_listed_amber_never_green(tmp_path):
    """Whatever today is, a reported Amber is amber or worse; the undated Green is "no date"."""
    rows = _listed(_imported(tmp_path, WM))
    assert rows["A-002"]["rag"] == "amber" and rows["A-002"]["rag_note"] == "reported Amber; no due date"
    for ref in ("A-003", "A-004"):
        assert rows[ref]["rag"] in ("amber", "red"), rows[ref]
    assert rows["A-001"]["rag"] == "no date"
    table = run("actions", tmp_path / "wm-pcc-appendix-b.cspreg").output
    assert "reported Amber" in table


def test_owners_words_are_read_as_their_band(tmp_path):
    rows = _listed(_imported(tmp_path, OXON))
    assert rows["A-006"]["rag"] == "amber"                      # "At risk", no due date
    assert rows["A-007"]["rag"] == "no date"                    # not started, "TBC"
    assert rows["A-008"]["rag"] == "no date" and rows["A-008"]["rag_note"] is None   # "Ongoing" says no band
    for ref in ("A-002", "A-003"):                              # "Delayed", "Behind schedule"
        assert rows[ref]["rag"] in ("amber", "red"), rows[ref]
    assert rows["A-004"]["rag"] is None                         # completed


@pytest.mark.parametrize("file, expected, counts", [
    (WM, {"A-004": "Amber (reported)", "A-005": "Green", "A-003": "Amber (reported)",
          "A-001": "No date (reported Green)", "A-002": "Amber (reported)"},
     "Actions: 4 (2 amber, 1 no date, 1 green)."),
    (OXON, {"A-003": "Amber (reported)", "A-001": "Green", "A-002": "Amber (reported)", "A-006": "Amber (reported)",
            "A-007": "No date", "A-008": "No date"}, None),
])
def test_the_pack_prints_the_reported_band_and_says_so(tmp_path, file, expected, counts):
    out = tmp_path / "pack.pdf"
    with Register.create(tmp_path / "r.cspreg", "Test") as reg:
        import_file(reg, file)
        build_pack(reg, out, PackOptions(part="public"), TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    tracker = text[text.index("Action tracker\nOverdue"):text.index("Key and definitions\nScore")]
    assert _rag_cells(tracker) == expected
    if counts:
        assert counts in text
    assert "\"(reported)\"" in text   # the key says what the mark means


def _rag_cells(tracker: str) -> dict[str, str]:
    """Each tracker row's last cell (its RAG), words joined: rows start at a ref on a line of its own and end
    at the next ref, an owner's heading ("ASB Coordinator \u2013 3 actions") or the page's foot."""
    parts = re.split(r"\n(A-\d{3})\n", tracker)
    cells = {}
    for ref, body in zip(parts[1::2], parts[2::2]):
        body = re.split(r"\n(?:OFFICIAL|.* \u2013 \d+ actions?|Performance against the plan)\n", body + "\n")[0]
        words = " ".join(body.split())
        cells[ref] = next(c for c in ("Amber (reported)", "No date (reported Green)", "No date", "Green", "Amber",
                                      "Red") if words.endswith(c))
    return cells


def test_undated_plan_actions_are_no_date_in_the_listing_plan_and_pack(tmp_path):
    """Herefordshire's 24 and the SWCSP's 29 plan actions, none with a due date: none is Green anywhere."""
    path = tmp_path / "plans.cspreg"
    assert run("init", path).exit_code == 0
    for name in ("herefordshire-2012-priorities", "herefordshire-2012-actions", "swcsp-2008-actions"):
        assert run("import", path, FIXTURES / "shared-registers" / f"{name}.csv").exit_code == 0
    rags = [row["rag"] for row in _listed(path).values()]
    assert len(rags) == 53 and set(rags) == {"no date"}
    plan = run("plan", path).output
    assert "green" not in plan and "Actions: 7 (7 no date)" in plan
    out = tmp_path / "pack.pdf"
    assert run("pack", path, out).exit_code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "green" not in text.split("Key and definitions")[0].lower().replace("green otherwise", "")
    assert "Actions: 7 (7 no date)." in text
