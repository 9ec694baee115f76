"""`unlock`: a register held from another machine (a laptop that died mid-edit) can be taken over after a
warning; a live holder on this computer never can."""
import subprocess
import sys

from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.services.registers import create_register
from tests.conftest import known

HOLD = """
import sys, time
from pathlib import Path
import csp_desktop.store.writer_lock as w
if sys.argv[2] == "elsewhere":
    w.this_machine = lambda: "OTHER-PC"
lock = w.WriterLock.acquire(Path(sys.argv[1]), "Jo Bloggs")
print("held", flush=True)
time.sleep(60)
"""


def _held(tmp_path, where):
    """A new register and the process holding it, as if on this computer or on another one."""
    path = tmp_path / "p.cspreg"
    create_register(path, name="P").close()
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path), where], stdout=subprocess.PIPE, text=True)
    assert known(child.stdout).readline().strip() == "held"
    return path, child


def test_a_holder_on_another_machine_is_taken_over_after_a_warning(tmp_path):
    path, child = _held(tmp_path, "elsewhere")
    try:
        refused = CliRunner().invoke(main, ["rename", str(path), "Q"])
        assert refused.exit_code == 1 and "Jo Bloggs on OTHER-PC" in refused.output
        kept = CliRunner().invoke(main, ["unlock", str(path)], input="n\n")
        assert kept.exit_code == 1 and "held by Jo Bloggs on OTHER-PC" in kept.output
        taken = CliRunner().invoke(main, ["unlock", str(path)], input="y\n")
        assert taken.exit_code == 0 and "Took p.cspreg over from Jo Bloggs on OTHER-PC" in taken.output
        renamed = CliRunner().invoke(main, ["rename", str(path), "Q"])
        assert renamed.exit_code == 0, renamed.output
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_a_live_holder_on_this_computer_is_never_taken_over(tmp_path):
    path, child = _held(tmp_path, "here")
    try:
        result = CliRunner().invoke(main, ["unlock", str(path), "--yes"])
        assert result.exit_code == 1 and "on this computer: close it there instead" in result.output
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert CliRunner().invoke(main, ["unlock", str(path)]).output.startswith("Nobody holds p.cspreg")
