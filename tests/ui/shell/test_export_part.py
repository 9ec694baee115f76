"""The export dialog offers each format in both parts; the public part leaves the exempt items out."""
import pytest

from csp_desktop.ui.shell import file_menu
from tests.ui.windows import OFFSCREEN_NOISE, demo_path, messages, qsettings, window  # noqa: F401

pytestmark = OFFSCREEN_NOISE


def test_every_format_is_offered_in_both_parts():
    filters = file_menu.EXPORT_FILES.split(";;")
    for suffix in (".xlsx", ".json", ".csv"):
        offered = [f for f in filters if f.endswith(f"(*{suffix})")]
        assert len(offered) == 2 and sum(file_menu.PUBLIC_PART in f for f in offered) == 1


@pytest.mark.parametrize("public", [True, False])
def test_the_part_chosen_in_the_dialog_is_the_part_written(qtbot, window, tmp_path, monkeypatch, public):
    out = tmp_path / "register.json"
    chosen = next(f for f in file_menu.EXPORT_FILES.split(";;")
                  if f.endswith("(*.json)") and (file_menu.PUBLIC_PART in f) == public)
    monkeypatch.setattr(file_menu.QFileDialog, "getSaveFileName", lambda *args: (str(out), chosen))
    window.files.export_dialog()
    qtbot.waitUntil(lambda: out.exists() and not window.progress.isVisible(), timeout=10000)
    text = out.read_text(encoding="utf-8")
    assert ("Operation Heulwen" in text) is not public and "R-01" in text
