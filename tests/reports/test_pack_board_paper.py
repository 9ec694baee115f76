"""The demo's packs read back as a board paper: one basis for travel, the order of sections, Part II handling,
marking defaults and a real creation date."""
from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from csp_desktop.services.demo import create_demo
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store.meetings import list_meetings
from tests.conftest import known

TODAY = date(2026, 11, 27)
ORDER = ["Contents", "Summary", "Changes since the previous meeting", "Matters arising", "Heat maps", "Target heat map",
         "Risk register", "Action tracker", "Performance against the plan", "Key and definitions"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    reg = create_demo(folder / "demo.cspreg", TODAY)
    meeting = list_meetings(reg)[-1]
    public, exempt = folder / "public.pdf", folder / "exempt.pdf"
    build_pack(reg, public, PackOptions(meeting_id=meeting.id), TODAY)
    build_pack(reg, exempt, PackOptions(meeting_id=meeting.id, part="exempt"), TODAY)
    yield reg, meeting, PdfReader(public), PdfReader(exempt), folder
    reg.close()


def _sections(reader: PdfReader) -> dict[str, str]:
    """Each top-level section's text, from its bookmark to the next."""
    marks = [(known(item.title), known(reader.get_destination_page_number(item))) for item in reader.outline
             if not isinstance(item, list)]
    pages = [p.extract_text() for p in reader.pages]
    found: dict[str, str] = {}
    for n, (title, start) in enumerate(marks):
        end = marks[n + 1][1] if n + 1 < len(marks) else len(pages) - 1
        found[title] = "\n".join(pages[start:end + 1])
    return found


def test_sections_come_in_the_board_paper_order(demo):
    _, _, public, _, _ = demo
    assert [item.title for item in public.outline if not isinstance(item, list)] == ORDER


def test_summary_changes_and_register_arrows_agree(demo):
    _, _, public, _, _ = demo
    text = _sections(public)
    summary = text["Summary"]
    counts = {arrow: int(known(re.search(rf"{arrow} Risks whose score went {word} since \S+\s+(\d+)", summary))
                         .group(1))
              for arrow, word in (("\u25b2", "up"), ("\u25bc", "down"))}
    changes = text["Changes since the previous meeting"]
    register = text["Risk register"]
    for arrow, word in (("\u25b2", "up"), ("\u25bc", "down")):
        assert changes.count(f"{arrow} {word}") == counts[arrow]
        assert register.count(f"{arrow} {word}") == counts[arrow]
    assert sum(counts.values()) > 0
    assert "Travel" in register and "since" in register


def test_part_one_names_the_part_two_report_but_no_exempt_item(demo):
    _, _, public, exempt, _ = demo
    cover = " ".join(public.pages[0].extract_text().split())
    assert "Part II report" in cover and "Schedule 12A" in cover and "paragraph 18" in cover
    assert "Operation" not in cover and "1 " + "exempt" not in cover
    everything = "\n".join(p.extract_text() for p in exempt.pages)
    assert "Not for publication; return or destroy after the meeting" in " ".join(everything.split())
    assert "Why each item is exempt" in everything and "public interest" in everything


def test_marking_defaults(demo):
    _, meeting, public, exempt, _ = demo
    assert meeting.marking == "OFFICIAL-SENSITIVE"
    first = public.pages[0].extract_text()
    assert "OFFICIAL-SENSITIVE" not in first and "OFFICIAL" in first   # Part I: open to the public
    assert "OFFICIAL-SENSITIVE" in exempt.pages[0].extract_text()


def test_creation_date_language_and_a_rebuild_gives_the_same_bytes(demo):
    reg, meeting, public, _, folder = demo
    assert public.metadata["/CreationDate"].startswith("D:20261127")
    assert public.trailer["/Root"]["/Lang"] == "en-GB"
    again = folder / "again.pdf"
    build_pack(reg, again, PackOptions(meeting_id=meeting.id), TODAY)
    assert again.read_bytes() == (folder / "public.pdf").read_bytes()


def test_each_exempt_item_prints_its_paragraph_and_part_one_names_only_the_number(tmp_path):
    from csp_desktop.services.risk_editing import set_risk_fields
    from csp_desktop.store.risks import list_risks
    reg = create_demo(tmp_path / "demo.cspreg", TODAY)
    meeting = list_meetings(reg)[-1]
    exempt = next(r for r in list_risks(reg) if r.exempt)
    set_risk_fields(reg, exempt.id, {"exempt_paragraph": 7}, None)
    build_pack(reg, tmp_path / "public.pdf", PackOptions(meeting_id=meeting.id), TODAY)
    build_pack(reg, tmp_path / "exempt.pdf", PackOptions(meeting_id=meeting.id, part="exempt"), TODAY)
    cover = PdfReader(tmp_path / "public.pdf").pages[0].extract_text()
    # The demo's exempt action stays under paragraph 18 (Wales): both numbers, and nothing else about the items.
    assert "paragraphs 7, 18" in cover and exempt.title not in cover and exempt.ref not in cover
    part_two = " ".join(PdfReader(tmp_path / "exempt.pdf").pages[0].extract_text().split())
    assert f"Risk {exempt.ref}" in part_two and "Schedule 12A paragraph 7: Information relating to any action" \
        in part_two
    reg.close()


@pytest.mark.parametrize("value", [8, 0, -1, 10 ** 12, "7", "7; DROP TABLE risks"])
def test_a_paragraph_outside_schedule_12a_is_refused_and_nothing_changes(tmp_path, value):
    from csp_desktop.services.risk_editing import RiskEditError, set_risk_fields
    from csp_desktop.store.risks import list_risks
    from tests.conftest import snapshot
    reg = create_demo(tmp_path / "demo.cspreg", TODAY)
    before = snapshot(reg)
    with pytest.raises(RiskEditError):
        set_risk_fields(reg, list_risks(reg)[0].id, {"exempt_paragraph": value}, None)
    assert snapshot(reg) == before
    reg.close()


def test_a_register_with_no_appetite_prints_none_anywhere(tmp_path):
    from dataclasses import replace

    from csp_desktop.services.demo import create_demo as make
    reg = make(tmp_path / "demo.cspreg", TODAY)
    reg.set_scheme(replace(reg.scheme, appetite=""))
    build_pack(reg, tmp_path / "p.pdf", PackOptions(meeting_id=list_meetings(reg)[-1].id), TODAY)
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "p.pdf").pages).lower()
    assert "appetite" not in text
    reg.close()


@pytest.mark.parametrize("colours", [("#70AD47", "#FFC000", "#ED7D31", "#C00000"),
                                     ("#808080", "#808080", "#808080", "#808080"),
                                     ("#FFFFFF", "#000000", "#FFFFFF", "#000000")])
def test_band_fills_step_down_in_grey_by_at_least_20(colours):
    from csp_desktop.domain.scoring import Band, Scheme
    from csp_desktop.reports.scores import band_fill, luma
    bands = tuple(Band(f"B{n}", lowest, colour) for n, (lowest, colour) in enumerate(zip((1, 5, 10, 16), colours)))
    scheme = Scheme(("1", "2", "3", "4", "5"), ("1", "2", "3", "4", "5"), bands, "B1")
    greys = [luma(band_fill(scheme, band)) for band in bands]
    assert all(a - b >= 20 for a, b in zip(greys, greys[1:]))


def test_no_text_in_either_pack_is_smaller_than_8_points(demo):
    _, _, public, exempt, _ = demo
    small = []
    for reader in (public, exempt):
        for number, page in enumerate(reader.pages, start=1):
            def visit(text, cm, tm, font, size, number=number):
                scale = abs(tm[0]) or abs(tm[1]) or 1   # a rotated axis label keeps its size in tm[1]
                if text.strip() and size * scale < 7.99:
                    small.append((number, size, text))
            page.extract_text(visitor_text=visit)
    assert small == []


@pytest.mark.parametrize("paragraph", ["99", "0", "-7", "100000000000"])
def test_an_imported_item_under_no_schedule_12a_paragraph_is_refused_whole(tmp_path, paragraph):
    from csp_desktop.paths import resource
    from csp_desktop.services.imports import import_file
    from csp_desktop.store import Register
    from csp_desktop.store.errors import RegisterError
    from tests.conftest import snapshot
    text = resource("demo", "demo-register.json").read_text(encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace('"exempt_paragraph": 18', f'"exempt_paragraph": {paragraph}', 1), encoding="utf-8")
    reg = Register.create(tmp_path / "r.cspreg", "R")
    before = snapshot(reg)
    with pytest.raises(RegisterError, match="Schedule 12A"):
        import_file(reg, bad)
    assert snapshot(reg) == before
    reg.close()


def test_the_herefordshire_pack_prints_only_its_own_labels_and_lead_agencies(tmp_path):
    from csp_desktop.services.imports import import_file
    from csp_desktop.store import Register
    from tests.conftest import FIXTURES
    shared = FIXTURES / "shared-registers"
    reg = Register.create(tmp_path / "h.cspreg", "Herefordshire Community Safety Partnership")
    for name in ("priorities", None, "actions"):
        import_file(reg, shared / (f"herefordshire-2012-{name}.csv" if name else "herefordshire-2012.csv"))
    assert reg.scheme.likelihood_labels == ("1", "2", "3", "4", "5") and reg.scheme.appetite == ""
    build_pack(reg, tmp_path / "h.pdf", PackOptions(), TODAY)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "h.pdf").pages).split())
    for foreign in ("Rare", "Catastrophic", "Almost certain", "appetite", "No owner named"):
        assert foreign not in text
    assert "(lead agency for" in text
    reg.close()


def test_an_issued_pack_rebuilt_on_a_later_day_is_byte_identical_and_dated_when_issued(tmp_path):
    from datetime import timedelta
    reg = create_demo(tmp_path / "demo.cspreg", TODAY)
    meeting = list_meetings(reg)[-1]
    first, later = tmp_path / "issued.pdf", tmp_path / "later.pdf"
    build_pack(reg, first, PackOptions(meeting_id=meeting.id, issue=True), TODAY)
    build_pack(reg, later, PackOptions(meeting_id=meeting.id), TODAY + timedelta(days=9))
    assert first.read_bytes() == later.read_bytes()
    issued = known(PdfReader(first).metadata)["/CreationDate"]
    assert isinstance(issued, str)
    assert not issued.startswith("D:2000") and issued[2:6] == str(date.today().year)
    reg.close()
