"""The packs as pages, read back: a cover on one page (or, where a Part II cover cannot fit, the summary
following it rather than a near-empty page), band fills whose text reads in a grey print, and no text under
8 point in the Herefordshire pack either."""
from datetime import date

import pytest
from pypdf import PdfReader

from csp_desktop.domain.colours import relative_luminance
from csp_desktop.domain.scoring import Band, Scheme
from csp_desktop.reports.scores import band_fill, band_ink, luma
from csp_desktop.services.demo import create_demo
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store.meetings import list_meetings
from tests.conftest import FIXTURES

TODAY = date(2026, 11, 23)
FURNITURE = ("OFFICIAL", "NOT FOR PUBLICATION", "Produced", "Page", "Safer Glanhafren", "Schedule 12A", "exempt",
             "Not for publication")


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    reg = create_demo(folder / "demo.cspreg", TODAY)
    meeting = list_meetings(reg)[-1]
    built = {}
    for part in ("public", "exempt"):
        build_pack(reg, folder / f"{part}.pdf", PackOptions(meeting_id=meeting.id, part=part), TODAY)
        built[part] = PdfReader(folder / f"{part}.pdf")
    reg.close()
    return built


def _words(page) -> int:
    lines = [line for line in page.extract_text().splitlines() if not any(f in line for f in FURNITURE)]
    return len(" ".join(lines).split())


def test_the_part_i_cover_holds_its_key_messages_on_one_page(packs):
    cover, second = (p.extract_text() for p in packs["public"].pages[:2])
    assert "Key messages" in cover and "Overdue actions" in cover and "Recommendations" in cover
    assert "\nSummary\n" in f"\n{second[:300]}" and "Key messages" not in second


def test_no_page_of_either_pack_is_left_nearly_empty(packs):
    for part, reader in packs.items():
        thin = [number for number, page in enumerate(reader.pages[:-1], start=1) if _words(page) < 25]
        assert thin == [], part


def _contrast(one, other) -> float:
    lighter, darker = sorted((relative_luminance(*one), relative_luminance(*other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _grey(colour) -> tuple[float, float, float]:
    return (luma(colour) / 255,) * 3   # as a greyscale print (pdftoppm -gray) shows it


@pytest.mark.parametrize("colours", [("#70AD47", "#FFC000", "#ED7D31", "#C00000"),
                                     ("#92D050", "#FFFF00", "#FFC000", "#FF0000", "#7030A0"),
                                     ("#00B050", "#FFC000", "#C00000"),
                                     ("#FFFFFF", "#000000", "#FFFFFF", "#000000", "#FFFFFF", "#000000")])
def test_text_on_every_band_fill_reads_in_grey_and_neighbours_stay_apart(colours):
    lowest = range(1, 25, 25 // len(colours))
    bands = tuple(Band(f"B{n}", low, colour) for n, (low, colour) in enumerate(zip(lowest, colours)))
    scheme = Scheme(("1", "2", "3", "4", "5"), ("1", "2", "3", "4", "5"), bands, "B1")
    fills = [band_fill(scheme, band) for band in bands]
    greys = [luma(fill) for fill in fills]
    assert all(a - b >= 20 for a, b in zip(greys, greys[1:]))
    for fill in fills:   # the chip's word on its fill, in a grey print: WCAG AA for small text
        assert _contrast(_grey(fill), _grey(band_ink(fill))) >= 4.5, fill.hexval()


def test_the_default_bands_read_in_colour_too():
    from csp_desktop.domain.scoring import default_5x5
    scheme = default_5x5()
    for band in scheme.bands:
        fill = band_fill(scheme, band)
        ink = band_ink(fill)
        assert _contrast((fill.red, fill.green, fill.blue), (ink.red, ink.green, ink.blue)) >= 4.5, band.name


def test_no_text_in_the_herefordshire_pack_is_smaller_than_8_points(tmp_path):
    from csp_desktop.services.imports import import_file
    from csp_desktop.store import Register
    shared = FIXTURES / "shared-registers"
    with Register.create(tmp_path / "h.cspreg", "Herefordshire Community Safety Partnership") as reg:
        for name in ("priorities", None, "actions", "performance"):
            import_file(reg, shared / (f"herefordshire-2012-{name}.csv" if name else "herefordshire-2012.csv"))
        build_pack(reg, tmp_path / "h.pdf", PackOptions(), TODAY)
    small = []
    for number, page in enumerate(PdfReader(tmp_path / "h.pdf").pages, start=1):
        def visit(text, cm, tm, font, size, number=number):
            scale = abs(tm[0]) or abs(tm[1]) or 1
            if text.strip() and size * scale < 7.99:
                small.append((number, size, text))
        page.extract_text(visitor_text=visit)
    assert small == []
