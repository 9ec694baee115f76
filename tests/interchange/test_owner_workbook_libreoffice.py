"""An owner workbook printed by LibreOffice (headless, as a partner without Excel would): A4 pages, the marking
at the top and foot of each, no "###" for a date too wide for its column, and no text beyond the page's edge.
Stress: it starts LibreOffice (a few seconds); skipped where soffice or pdftotext is not installed."""
import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from csp_desktop.services import round_contact, updates
from tests.services.update_helpers import build_round_register

pytestmark = pytest.mark.stress
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
A4 = sorted((595, 842))


@pytest.fixture
def printed(register, tmp_path):
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    build_round_register(register)
    round_contact.set_contact(register, "Sam Patel", "sam.patel@herefordshire.gov.uk")
    sent = updates.send_round(register, tmp_path / "out", return_by=date(2026, 12, 20))
    book = next(f.path for f in sent.files if f.owner == "Siân Prŵs")   # overdue action, mitigation, two risks
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=180)
    return tmp_path / f"{book.stem}.pdf"


def test_libreoffice_prints_every_sheet_whole_on_a4_with_its_marking(printed):
    reader = PdfReader(printed)
    assert len(reader.pages) >= 4
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert sorted((round(float(box.width)), round(float(box.height)))) == A4, number
        text = page.extract_text()
        assert "###" not in text, number
        assert text.count("OFFICIAL") >= 2, number   # header and footer
    first = reader.pages[0].extract_text()
    assert "Your coordinator: Sam Patel, sam.patel@herefordshire.gov.uk." in first
    assert "01/10/2026" in "".join(p.extract_text() for p in reader.pages)   # the overdue due date, in full


def test_no_word_runs_off_the_page(printed):
    boxes = subprocess.run(["pdftotext", "-bbox", str(printed), "-"], check=True, capture_output=True,
                           text=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', boxes, re.S)
    assert pages
    for number, (width, words) in enumerate(pages, start=1):
        for word, right in ((w, float(x)) for x, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', words)):
            assert right <= float(width) - 10, f"page {number}: {word!r} ends at {right} of {width}"
