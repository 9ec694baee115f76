"""Two connections writing at once (the app's main one and a background job's): every write begins
IMMEDIATE, so the second waits its turn instead of failing at once with "in use by another program",
and read-and-increment edits carrying their version lose nothing (a stale one is refused and retried)."""
import threading
from typing import Any

import pytest

from csp_desktop.domain.model import Risk
from csp_desktop.services import risk_editing
from csp_desktop.store import ConflictError, Register
from csp_desktop.store.risks import add_risk


def race(path, each: int) -> dict:
    counts: dict[str, Any] = {"conflicts retried": 0, "errors": []}

    def work():
        with Register.open(path) as reg:
            done = 0
            while done < each:
                [risk] = risk_editing.load_risks(reg).risks
                try:
                    risk_editing.set_risk_fields(reg, risk.id, {"description": str(int(risk.description) + 1)},
                                                 risk.version)
                    done += 1
                except ConflictError:
                    counts["conflicts retried"] += 1
                except Exception as exc:  # noqa: BLE001 - counted, so the assertion shows them all
                    counts["errors"].append(str(exc))
                    return

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    with Register.open(path, read_only=True) as reg:
        counts["stored"] = int(risk_editing.load_risks(reg).risks[0].description)
    return counts


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "Busy.cspreg"
    with Register.create(path, "Busy") as reg:
        add_risk(reg, Risk("Counter", description="0"))
    return path


def test_two_writers_wait_their_turn_and_lose_nothing(path):
    counts = race(path, 40)
    assert counts["errors"] == [] and counts["stored"] == 80, counts


@pytest.mark.stress
def test_two_busy_writers_many_times(path):
    counts = race(path, 400)
    print(f"\nbusy writers: {counts}")
    assert counts["errors"] == [] and counts["stored"] == 800, counts
