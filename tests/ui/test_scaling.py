"""At 125% and 150% scaling on a 1366x768 laptop the window still fits: screenshots for a person to check."""
import os
import subprocess
import sys

import pytest

from csp_desktop.ui.shell.main_window import VIEWS
from tests.ui.windows import REPO, SCREENSHOTS, demo_path  # noqa: F401


@pytest.mark.parametrize("factor", ["1.25", "1.5"])
def test_window_fits_a_scaled_laptop_screen(demo_path, factor):
    SCREENSHOTS.mkdir(exist_ok=True)
    env = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    prefix = SCREENSHOTS / f"scaled-{factor.replace('.', '')}"
    result = subprocess.run([sys.executable, "-m", "tests.ui.scaled_screens", str(demo_path), str(prefix)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    needs = dict(line[5:].split(" needs=") for line in result.stdout.splitlines() if line.startswith("page="))
    assert len(needs) == len(VIEWS)
    for page, width in needs.items():
        assert int(width) <= round(1366 / float(factor)) + 1, (page, needs)
    for name in ("dashboard", "risks", "risks-scores"):
        assert (SCREENSHOTS / f"{prefix.name}-{name}.png").stat().st_size > 10_000
