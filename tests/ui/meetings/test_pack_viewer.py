"""The pack viewer as a user meets it: zoom, a page count and page jumps, find in the text, and the name
Save as offers."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFileDialog

from csp_desktop.domain.pack_names import board_short_name, pack_file_name
from csp_desktop.services.packs import PackOptions
from csp_desktop.ui.meetings.meetings_view import MeetingsView
from csp_desktop.ui.shell.session import Session
from tests.pack_register import fill
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def built(qtbot, register):
    ids = fill(register)
    view = MeetingsView(Session(register))
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    view.start_build(PackOptions(meeting_id=ids["this"]))
    qtbot.waitUntil(lambda: view.build is None, timeout=20000)
    yield view
    view.pdf.close_document()


def test_page_count_and_jumping_to_a_page(built, qtbot):
    controls, pages = built.pdf.controls, built.pdf.document.pageCount()
    assert pages > 2
    assert controls.count.text() == f"of {pages}"
    assert controls.page.value() == 1 and controls.page.maximum() == pages
    controls.page.setValue(3)
    controls.go_to(3)
    qtbot.waitUntil(lambda: built.pdf.view.pageNavigator().currentPage() == 2)


def test_no_page_count_before_a_pack_is_built(qtbot, register):
    view = MeetingsView(Session(register))
    qtbot.addWidget(view)
    controls = view.pdf.controls
    assert controls.count.text() == ""  # not "Page 1 of 0"
    assert controls.page.isHidden() and controls.page_label.isHidden()


def test_the_page_box_shows_once_a_pack_is_built(built):
    controls = built.pdf.controls
    assert not controls.page.isHidden() and not controls.page_label.isHidden()


def test_zoom_buttons(built):
    controls, view = built.pdf.controls, built.pdf.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    controls.fit_page.click()
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    controls.zoom_in.click()
    bigger = view.zoomFactor()
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    controls.zoom_out.click()
    controls.zoom_out.click()
    assert view.zoomFactor() < bigger
    controls.fit_width.click()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_find_in_the_pack_counts_and_steps_through_matches(built, qtbot):
    controls = built.pdf.controls
    controls.find_box.setText("Risk")
    qtbot.waitUntil(lambda: built.pdf.search.rowCount(QModelIndex()) > 0, timeout=10000)
    qtbot.waitUntil(lambda: controls.found.text().endswith("found"))
    controls.next.click()
    assert controls.found.text().startswith("1 of ")
    controls.find_box.setText("no such words anywhere xyzzy")
    qtbot.waitUntil(lambda: controls.found.text() == "0 found", timeout=10000)


def test_save_as_offers_the_board_date_and_part(built, monkeypatch, tmp_path):
    offered = []

    def fake_dialog(parent, title, start, filters):
        offered.append(Path(start).name)
        return str(tmp_path / "out.pdf"), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    built.pdf.save_button.click()
    assert offered == ["PEG 2026-12-01 Part I.pdf"]  # the meeting of the "Partnership Executive Group"
    assert (tmp_path / "out.pdf").stat().st_size > 1000


@pytest.mark.parametrize("board, expected", [
    ("Partnership Executive Group (PEG)", "PEG"), ("PEG", "PEG"),
    ("Safer Glanhafren Partnership Executive Group", "SGPEG"),
    ("Board of the Safer Communities & Justice Partnership", "BSCJP"),
])
def test_board_short_names(board, expected):
    assert board_short_name(board) == expected


def test_pack_file_names_are_safe_and_short():
    assert pack_file_name("Partnership Executive Group (PEG)", date(2027, 3, 15),
                          "Part I") == "PEG 2027-03-15 Part I.pdf"
    assert pack_file_name(None, None, "Part II") == "Risk register Part II.pdf"
    hostile = pack_file_name('CON:/..\\<x>*?"|' + "y" * 500, date(2027, 1, 2), "Part I")
    assert not set('/\\:*?"<>|') & set(hostile) and len(hostile) <= 124 and hostile.endswith(".pdf")
