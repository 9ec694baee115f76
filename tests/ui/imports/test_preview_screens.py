"""Screenshots of the import preview on a 1366x768 laptop at 100% and 150%, on a four-sheet council
workbook and on a CSV, for a person to look at; each must fit the screen."""
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES
from tests.ui.windows import REPO, SCREENSHOTS


@pytest.mark.parametrize("factor", ["1", "1.5"])
@pytest.mark.parametrize("file", ["csp-plan-workbook.xlsx", "csp-words-3x3.csv", "wm-pcc-appendix-b.xlsx"])
def test_the_preview_fits_a_laptop_screen(factor, file):
    SCREENSHOTS.mkdir(exist_ok=True)
    out = SCREENSHOTS / f"import-preview-{file.split('.')[0]}-{factor.replace('.', '')}.png"
    env = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "tests.ui.imports.shoot_preview", str(out),
                             str(FIXTURES / "registers" / file)], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    needs = result.stdout.split("needs=")[1].split()[0]
    width, height = map(int, needs.split("x"))
    assert width <= round(1366 / float(factor)) and height <= round(768 / float(factor)), needs
    assert "import=True" in result.stdout
    assert "clipped=none" in result.stdout, result.stdout  # every wrapped label has the lines it needs
    assert out.stat().st_size > 10_000
