"""The board pack read back with pypdf: every page, every ref, the exempt split and text as typed."""
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from csp_desktop.domain.pack import NOT_FOR_PUBLICATION, SCHEDULE_12A
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store import Register
from tests.pack_register import (EXEMPT_ACTION, EXEMPT_REF, EXEMPT_TITLE, MARKUP_TITLE, NON_LATIN, PUBLIC_ORDER, TODAY,
                           fill)
from tests.conftest import known

EXEMPT_WORDS = (EXEMPT_REF, EXEMPT_TITLE, "Kestrel", "A-9", "A-8", "Named informant")


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("packs")
    reg = Register.create(folder / "r.cspreg", "Gwynedd & Anglesey CSP")
    ids = fill(reg)
    built = {}
    for part in ("public", "exempt"):
        out = folder / f"{part}.pdf"
        result = build_pack(reg, out, PackOptions(meeting_id=ids["this"], part=part), TODAY)
        built[part] = (out, result)
    yield built, reg, ids, folder
    reg.close()


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def outline_titles(reader: PdfReader, nested: bool = False) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                if nested:
                    yield from walk(item)
            else:
                yield item.title
    return list(walk(reader.outline))


def test_page_count_matches_the_build_and_every_page_is_numbered_and_marked(packs):
    built, *_ = packs
    for path, result in built.values():
        texts = pages_text(path)
        assert len(texts) == result.pages >= 8
        for number, text in enumerate(texts, start=1):
            assert f"Page {number} of {len(texts)}" in text
            assert text.count("OFFICIAL") >= 2, f"marking missing top or bottom on page {number}"
            assert "Gwynedd & Anglesey CSP" in text and "Produced 23/11/2026" in text


def test_register_lists_every_public_ref_in_residual_score_order(packs):
    built, *_ = packs
    texts = pages_text(built["public"][0])
    register = next(t for t in texts if "Risk, description, mitigations and latest review" in t)
    positions = [known(re.search(rf"^{ref}$", register, re.M)).start() for ref in PUBLIC_ORDER]
    assert positions == sorted(positions)
    assert "Closed risk about CCTV" not in register


def test_public_pack_has_no_exempt_item_anywhere(packs):
    built, *_ = packs
    path = built["public"][0]
    reader = PdfReader(path)
    everything = "\n".join(pages_text(path)) + repr(reader.metadata) + "\n".join(outline_titles(reader, nested=True))
    for word in EXEMPT_WORDS:
        assert word not in everything
    assert EXEMPT_ACTION not in everything
    assert NOT_FOR_PUBLICATION not in everything
    raw = path.read_bytes()
    assert b"Kestrel" not in raw and EXEMPT_REF.encode() not in raw


def test_exempt_pack_holds_only_exempt_items_with_the_notice_on_every_page(packs):
    built, *_ = packs
    texts = pages_text(built["exempt"][0])
    for text in texts:
        assert NOT_FOR_PUBLICATION in text and SCHEDULE_12A in text
        assert f"{NOT_FOR_PUBLICATION}: return or destroy after the meeting" in text
        # The footer says "not for publication" once, not "NOT FOR PUBLICATION: Not for publication".
        assert f"{NOT_FOR_PUBLICATION}: Not for publication" not in text
    everything = "\n".join(texts)
    assert EXEMPT_REF in everything and EXEMPT_TITLE in everything and EXEMPT_ACTION in everything
    assert "Kestrel reserve paper" in everything  # an action on an exempt risk is exempt too
    for public_ref in PUBLIC_ORDER:
        assert not re.search(rf"^{public_ref}$", everything, re.M)
    assert "Loss of funding" not in everything and "Write the PCC bid" not in everything
    reader = PdfReader(built["exempt"][0])
    assert NOT_FOR_PUBLICATION in known(known(reader.metadata).subject)


def test_user_markup_and_non_latin_text_print_as_typed(packs):
    built, *_ = packs
    everything = "\n".join(pages_text(built["public"][0]))
    assert MARKUP_TITLE in everything
    assert "<i>not italic</i> & 3 < 4 > 2" in everything
    assert NON_LATIN in everything
    for word in ("dŵr", "tŷ", "Łódź", "żółć", "£1,500", "\u2013", "\u201cquoted\u201d", "Llŷr", "Siân Ŵyn"):
        assert word in everything


def test_metadata_contents_and_bookmarks(packs):
    built, *_ = packs
    reader = PdfReader(built["public"][0])
    meta = known(reader.metadata)
    assert meta.title == "Partnership Executive Group, 01/12/2026: risk register and action tracker"
    assert meta.author == "Gwynedd & Anglesey CSP" and meta.subject == "Part I: open to the public"
    assert outline_titles(reader) == ["Contents", "Summary", "Changes since the previous meeting", "Matters arising",
                                      "Heat maps", "Target heat map", "Risk register", "Action tracker",
                                      "Key and definitions"]
    starts = [known(reader.get_destination_page_number(item)) + 1 for item in reader.outline[1:]
              if not isinstance(item, list)]
    assert starts == sorted(starts) and starts[0] == 2
    contents_mark = reader.outline[0]
    assert not isinstance(contents_mark, list)
    assert reader.get_destination_page_number(contents_mark) == 0  # the contents is on the cover
    contents = reader.pages[0].extract_text()
    numbers = [int(n) for n in contents.split(f"Page 1 of {len(reader.pages)}")[1].split()]
    assert numbers == starts  # the contents give the page each section really starts on
    register_page = reader.pages[starts[5] - 1].extract_text()
    assert "Risk register" in register_page


def test_landscape_register_and_portrait_cover(packs):
    built, *_ = packs
    reader = PdfReader(built["public"][0])
    cover, register = reader.pages[0], next(p for p in reader.pages if "Risk, description" in p.extract_text())
    assert cover.mediabox.width < cover.mediabox.height
    assert register.mediabox.width > register.mediabox.height


def test_same_register_and_options_give_the_same_pdf(packs):
    built, reg, ids, folder = packs
    again = folder / "again.pdf"
    build_pack(reg, again, PackOptions(meeting_id=ids["this"], part="public"), TODAY)
    assert pages_text(again) == pages_text(built["public"][0])
    assert again.read_bytes() == built["public"][0].read_bytes()


def test_matters_arising_lists_actions_from_the_previous_meeting(packs):
    built, *_ = packs
    texts = pages_text(built["public"][0])
    matters = next(t for t in texts if t.startswith("Matters arising") or "Actions agreed at the" in t)
    assert "Write the PCC bid" in matters and "Patrol plan <draft>" in matters
    assert "Refresh ISA" not in matters


def test_marking_none_and_sensitive(packs, tmp_path):
    _, reg, ids, _ = packs
    for marking in ("OFFICIAL-SENSITIVE", "NONE"):
        out = tmp_path / f"{marking}.pdf"
        build_pack(reg, out, PackOptions(part="public", marking=marking, sections=("key",)), TODAY)
        for text in pages_text(out):
            if marking == "NONE":
                assert "OFFICIAL" not in text
            else:
                assert text.count("OFFICIAL-SENSITIVE") >= 2


def test_sections_choose_what_is_printed(packs, tmp_path):
    _, reg, ids, _ = packs
    out = tmp_path / "small.pdf"
    result = build_pack(reg, out, PackOptions(sections=("register",)), TODAY)
    reader = PdfReader(out)
    assert result.pages == 2  # the cover with its contents, then the register
    assert outline_titles(reader) == ["Contents", "Risk register"]


def test_huge_and_hostile_text_does_not_break_the_layout(tmp_path):
    from csp_desktop.domain.model import Risk
    from csp_desktop.domain.scoring import Rating
    from csp_desktop.store.risks import add_risk
    reg = Register.create(tmp_path / "huge.cspreg", "Huge </para> & <font size=99>")
    add_risk(reg, Risk("Long one", ref="L-1", description=("Word " * 4000 + "\n") * 3, residual=Rating(3, 3)))
    add_risk(reg, Risk("<para>]]>\x01 & <<<", ref="L-2", residual=Rating(2, 2)))
    out = tmp_path / "huge.pdf"
    result = build_pack(reg, out, PackOptions(sections=("register",)), date(2026, 11, 23))
    text = "\n".join(pages_text(out))
    assert result.pages > 4 and "L-2" in text and "Huge </para> & <font size=99>" in text
    reg.close()
