"""The views render at 150% scaling with a dark palette (screenshots for a person to look at)."""
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale, mode, size", [("1.5", "dark", (2049, 1152)), ("1.25", "light", (1708, 960))])
def test_views_render_scaled_in_light_and_dark(scale, mode, size):
    out = ROOT / "test-screenshots"
    done = subprocess.run([sys.executable, str(ROOT / "tests/ui/render_views.py"), scale, mode, str(out)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for name in ("actions", "settings", "partners"):
        image = QImage(str(out / f"{name}-{mode}-{scale}.png"))
        assert (image.width(), image.height()) == size  # 1366x768 logical pixels, scaled
        window = image.pixelColor(5, 5).lightness()
        assert window < 100 if mode == "dark" else window > 150
