"""Kills: at least 300 SIGKILLs of a process making scripted edits, imports and owner returns. After
each, `check` passes, every write reported committed is there, and nothing is half applied."""
import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

KILLS = 300


@pytest.mark.stress
@pytest.mark.skipif(sys.platform == "win32", reason="the driver forks its children and kills them with SIGKILL")
def test_killed_writers_lose_nothing_and_leave_nothing_half_done(tmp_path):
    register = tmp_path / "Kills.cspreg"
    result = subprocess.run([sys.executable, "-m", "tests.store.kill_worker", str(register), str(tmp_path),
                             str(KILLS), "9"], cwd=REPO, capture_output=True, text=True, timeout=600)
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\nkills: {counts}")
    assert counts["problems"] == [], counts["problems"][:5]
    assert counts["kills"] == KILLS
    assert counts["edits"] > 100 and counts["imports"] > 30 and counts["returns"] > 0, counts  # all three ran
