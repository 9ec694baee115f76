"""`csp-desktop` starts the app without loading the command line, and leaves everything else to it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csp_desktop.start import app_wanted
from tests.conftest import REPO

# The app's run() replaced by a note of what it was given and whether the command line was loaded.
STARTED = """
import sys
import csp_desktop.ui.shell.app as app
app.run = lambda path: print("run", path, "csp_desktop.cli" in sys.modules) or 0
sys.argv = ["csp-desktop", *sys.argv[1:]]
from csp_desktop.start import main
main()
"""


@pytest.mark.parametrize("args, wanted", [
    ([], (True, None)), (["open"], (True, None)), (["open", "x.cspreg"], (True, Path("x.cspreg"))),
    (["open", "--help"], (False, None)), (["open", "a", "b"], (False, None)), (["--version"], (False, None)),
    (["risks", "x.cspreg"], (False, None)), (["opens"], (False, None))])
def test_only_the_app_alone_skips_the_command_line(args, wanted):
    assert app_wanted(args) == wanted


def test_a_folder_to_open_is_left_to_the_command_line_to_refuse(tmp_path):
    assert app_wanted(["open", str(tmp_path)]) == (False, None)


def _started(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", STARTED, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=60)


def test_the_app_starts_without_loading_the_command_line():
    assert _started("open", "given.cspreg").stdout.strip() == "run given.cspreg False"
    assert _started().stdout.strip() == "run None False"


def test_anything_else_is_the_command_line(tmp_path):
    refused = _started("open", str(tmp_path))
    assert refused.returncode == 2 and "is a directory" in refused.stderr
    assert "Usage:" in _started("--help").stdout
