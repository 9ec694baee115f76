"""Two processes on one register, with the app's own connection pattern: no lost update, no stale read
after a commit, no "disk I/O error", and the second writer refused in one sentence naming the holder."""
import json
import subprocess
import sys

import pytest

from csp_desktop.domain.model import Risk
from csp_desktop.store import Register
from csp_desktop.store.risks import list_risks
from tests.conftest import REPO, register_file

pytestmark = pytest.mark.stress


@pytest.fixture
def path(tmp_path):
    return register_file(tmp_path / "Two.cspreg", "Two", Risk("The counter", description="0"))


def start(mode, *args):
    return subprocess.Popen([sys.executable, "-m", "tests.store.two_process_worker", mode, *map(str, args)],
                            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(child) -> dict:
    out, err = child.communicate(timeout=240)
    assert child.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def stored(path) -> int:
    with Register.open(path, read_only=True) as reg:
        return int(list_risks(reg)[0].description)


def test_the_app_writing_while_another_process_reads_and_tries_to_write(path, tmp_path):
    edits = 400
    app = start("app", path, edits)
    assert app.stdout.readline().strip() == "held"
    stop = tmp_path / "stop"
    reader = start("reader", path, stop, "try-writing")
    written = json.loads(app.stdout.readline())
    stop.touch()
    read = finish(reader)
    app.communicate(timeout=60)  # only now does the app let go
    assert app.returncode == 0
    print(f"\napp: {written}\nreader: {read}")
    assert written["errors"] == [] and read["errors"] == []
    assert written["edits"] == edits and written["stale background reads"] == 0
    assert stored(path) == edits + written["background writes"]  # no lost update
    assert read["reads"] > 50 and read["stale reads"] == 0
    assert read["refusals"] > 0 and read["refusal"].startswith("Two.cspreg is being edited by Jo Bloggs on ")


def test_two_processes_taking_turns_lose_no_update(path, tmp_path):
    each = 200
    stop = tmp_path / "stop"
    reader = start("reader", path, stop)
    first, second = start("counter", path, each), start("counter", path, each)
    one, two = finish(first), finish(second)
    stop.touch()
    read = finish(reader)
    print(f"\ncounters: {one} {two}\nreader: {read}")
    assert one["errors"] == [] and two["errors"] == []
    assert stored(path) == 2 * each  # every increment kept: none lost to the other process
    assert read["stale reads"] == 0
    assert read["errors"] == []
