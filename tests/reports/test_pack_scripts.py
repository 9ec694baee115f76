"""Urdu and Arabic in a pack: joined letters, right-to-left, in a font that has them, and no crash."""
import unicodedata
from datetime import date, datetime

from pypdf import PdfReader

from csp_desktop.domain.model import Action, Meeting, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.reports import scripts
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store import Register
from csp_desktop.store.actions import add_action
from csp_desktop.store.meetings import add_meeting
from csp_desktop.store.risks import add_risk

URDU_TITLE = "محفوظ گھر منصوبہ"
URDU_MIXED = "ٹیم ڈاکٹر کے ساتھ ملاقات ہوئی۔ Mixed English then اردو متن یہاں ہے and English (R-7) at the end."


def test_urdu_and_mixed_text_print_joined_in_noto_and_read_back(tmp_path):
    reg = Register.create(tmp_path / "u.cspreg", "Bradford شراکت داری CSP")
    meeting = Meeting("Bradford بورڈ", datetime(2026, 12, 1, 10), venue="سٹی ہال, Bradford")
    add_meeting(reg, meeting)
    add_risk(reg, Risk(f"{URDU_TITLE} – safe homes", ref="U-1", description=URDU_MIXED, residual=Rating(4, 4)))
    add_action(reg, Action("پولیس سے رابطہ کریں", ref="UA-1", due=date(2026, 12, 20)))
    out = tmp_path / "u.pdf"
    build_pack(reg, out, PackOptions(meeting_id=meeting.id), date(2026, 11, 23))
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    plain = unicodedata.normalize("NFKC", text)  # joined presentation forms back to letters
    for words in (URDU_TITLE, "اردو متن یہاں ہے", "پولیس سے رابطہ کریں", "شراکت داری", "سٹی ہال", "Mixed English then"):
        assert words in plain
    assert any("\ufb50" <= ch <= "\ufeff" for ch in text)  # drawn as joined (presentation) forms
    fonts = {f.get_object()["/BaseFont"] for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}  # type: ignore[index]  # pypdf types a page's entries as PdfObject
    assert any("NotoSansArabic" in str(f) for f in fonts)
    reg.close()


def test_lines_without_rtl_letters_take_the_plain_path():
    assert not scripts.has_rtl("Cyngor Gwynedd: dŵr, tŷ; Łódź £ \u2013 \u201cx\u201d <b>&")
    assert scripts.markup("<b> & <") == "&lt;b&gt; &amp; &lt;"
    assert scripts.split("a b c", "DejaVuSans", 8, 1000) == ["a b c"]


def test_rtl_markup_is_escaped_and_wraps():
    hostile = "<b>اردو</b> & <font>"
    markup = scripts.markup(hostile)
    assert "<b>" not in markup and "&lt;b&gt;" in markup and 'name="NotoSansArabic-Regular"' in markup
    lines = scripts.split(" ".join([URDU_TITLE] * 30), "DejaVuSans", 8, 120)
    assert len(lines) > 5 and all(scripts.width(line, "DejaVuSans", 8) <= 120 for line in lines[:-1])


def test_a_word_longer_than_its_cell_is_broken_not_overflowed():
    address = "https://example.org/" + "x" * 300
    lines = scripts.split(f"See {address} now", "DejaVuSans", 8, 100)
    assert "".join(lines).replace(" ", "") == f"See{address}now"
    assert all(scripts.width(line, "DejaVuSans", 8) <= 100 for line in lines)


def test_a_crowded_heat_map_cell_hides_no_ref():
    """Refs that do not fit in their cell are listed under the maps: every ref is printed somewhere."""
    from datetime import date

    from csp_desktop.domain.pack import PackData, PackRisk
    from csp_desktop.domain.scoring import Rating, default_5x5
    from csp_desktop.reports.heatmap import HeatMaps
    risks = tuple(PackRisk(id=str(n), ref=f"R-{n}", title="t", residual=Rating(4, 4), inherent=Rating(5, 5))
                  for n in range(1, 41))
    maps = HeatMaps(PackData("P", default_5x5(), date(2026, 1, 1), risks=risks), 760, 380)
    drawn = [s.text for s in _strings(maps.drawing)]
    listed = [ref for _, _, refs in maps.overflow for ref in refs]
    shown = [r.strip(",*") for line in drawn for r in line.split() if r.startswith("R-")]
    assert {r.strip("*") for r in shown + listed} == {f"R-{n}" for n in range(1, 41)}
    assert len(shown) + len(listed) == 80  # each ref on both maps
    assert maps.overflow and "listed below" in " ".join(drawn)
    assert all(s.fontSize >= 8 for s in _strings(maps.drawing))


def _strings(node):
    from reportlab.graphics.shapes import Group, String
    for item in getattr(node, "contents", []):
        if isinstance(item, String):
            yield item
        elif isinstance(item, Group):
            yield from _strings(item)


def test_a_long_table_never_leaves_one_or_two_rows_on_a_page():
    from reportlab.platypus import TableStyle  # noqa: F401  (the tables module styles them)

    from csp_desktop.reports.tables import chunked
    rows = [[f"A-{n}", "x"] for n in range(12)]
    (table,) = chunked(["Ref", "Action"], rows, [60, 200])
    row = table.heights[1]
    # Room for ten rows: ten would leave two for the next page, so only nine go here.
    first, rest = table.split(300, table.heights[0] + 10 * row + 1)
    assert len(first._cellvalues) - 1 == 9 and len(rest.rows) == 3
    # At the foot of a page, room for two rows only: none start here; the table moves on whole.
    assert table.split(300, table.heights[0] + 2 * row + 1) == []
    # On the next page (tried once) the rows go in whatever fits, so no page is ever left empty.
    assert table.split(300, table.heights[0] + 2 * row + 1) != []
