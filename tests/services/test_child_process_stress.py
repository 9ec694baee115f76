"""The preview's child process under pressure: every fixture read apart gives what reading here gives (or
the same sentence), and a reading of 10,000 rows cancelled at any moment stops within a second, leaves
no process behind and never changes the register."""
import multiprocessing
import time

import pytest

from csp_desktop.errors import UserError
from csp_desktop.services.child_process import ChildCancelled
from csp_desktop.services.import_preview import build_preview, build_preview_apart
from csp_desktop.store import Register
from tests.conftest import FIXTURES, snapshot

pytestmark = pytest.mark.stress


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "r.cspreg"
    Register.create(path, "r").close()
    return path


def unchanged(path, before) -> bool:
    with Register.open(path, read_only=True) as reg:
        return snapshot(reg) == before


def test_every_fixture_reads_the_same_apart(register):
    with Register.open(register, read_only=True) as reg:
        before = snapshot(reg)
    for file in sorted((FIXTURES / "registers").glob("*.*sx")) + sorted((FIXTURES / "registers").glob("*.csv")):
        try:
            here = build_preview(register, file)
        except UserError as exc:
            with pytest.raises(UserError) as refused:
                build_preview_apart(register, file)
            assert str(refused.value) == str(exc), file.name
            continue
        apart = build_preview_apart(register, file)
        assert (apart.summary(), apart.problems) == (here.summary(), here.problems), file.name
    assert unchanged(register, before)


def test_a_big_reading_cancelled_at_any_moment_stops_at_once(register, tmp_path):
    file = tmp_path / "big.csv"
    file.write_text("Ref,Risk,Likelihood,Impact\n" + "".join(f"R{n},Risk {n},2,3\n" for n in range(10000)),
                    encoding="utf-8")
    with Register.open(register, read_only=True) as reg:
        before = snapshot(reg)
    for after in (0.0, 0.2, 0.5, 1.0, 1.5, 2.0):
        start, stopped = time.monotonic(), list[float]()

        def cancelled(after=after, start=start, stopped=stopped):
            if time.monotonic() - start > after:
                stopped.append(stopped[0] if stopped else time.monotonic())
                return True
            return False

        try:
            build_preview_apart(register, file, cancelled=cancelled)
        except ChildCancelled:
            assert time.monotonic() - stopped[0] < 1.0, after
        assert not multiprocessing.active_children(), after
    assert unchanged(register, before)
