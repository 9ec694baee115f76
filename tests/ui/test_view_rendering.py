"""The views render at 150% scaling with a dark palette (screenshots for a person to look at)."""
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_views_render_dark_at_150_percent():
    out = ROOT / "test-screenshots"
    done = subprocess.run([sys.executable, str(ROOT / "tests/ui/render_views.py"), "1.5", "dark", str(out)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for name in ("actions", "settings", "partners"):
        image = QImage(str(out / f"{name}-dark-1.5.png"))
        assert (image.width(), image.height()) == (2049, 1152)  # 1366x768 logical at 1.5 device pixels
        assert image.pixelColor(5, 5).lightness() < 100  # the dark window colour, not a light default
