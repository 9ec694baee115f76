"""At 100%, 125% and 150% scaling on a 1366x768 laptop every view fits, and nothing is cut off.

Each scale runs in its own process (QT_SCALE_FACTOR must be set before Qt starts); tests/ui/all_views.py
prints what each view needs and any label or combo box narrower than its text, and leaves screenshots.
"""
import os
import subprocess
import sys

import pytest

from csp_desktop.ui.shell.main_window import VIEWS
from tests.ui.windows import REPO, SCREENSHOTS


@pytest.mark.parametrize("factor, mode", [("1", "light"), ("1.25", "light"), ("1.5", "light"), ("1.25", "dark"),
                                          ("1.5", "dark")])
def test_every_view_fits_a_scaled_laptop_screen(factor, mode):
    env = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "tests.ui.all_views", mode, str(SCREENSHOTS / "scaled")],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    pages = [line for line in lines if line.startswith("page=")]
    assert len(pages) == len(VIEWS)
    screen = (round(1366 / float(factor)), round(768 / float(factor)))
    for line in pages:
        fields = dict(part.split("=") for part in line.split())
        assert int(fields["needs"]) <= screen[0] + 1, line       # the minimum width fits the screen
        width, height = (int(n) for n in fields["window"].split("x"))
        assert width <= screen[0] + 1 and height <= screen[1] + 1, line  # the window did not grow past it
    assert [line for line in lines if line.startswith("clipped=")] == []
    for name in ("dashboard", "risks", "meetings"):
        assert (SCREENSHOTS / "scaled" / f"{name}-{mode}-{float(factor)}.png").stat().st_size > 10_000
