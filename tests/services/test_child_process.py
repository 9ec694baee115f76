"""Work done in a child process (the import preview's parsing and dry run): its value, its user errors
with their problems, a bug, a child that dies, and a cancel, all come back as the caller expects."""
import os
import time

import pytest

from csp_desktop.errors import UserError
from csp_desktop.interchange.problems import ReadError
from csp_desktop.services.child_process import ChildCancelled, run_in_child
from csp_desktop.services.import_preview import Preview, build_preview_apart
from csp_desktop.store import Register
from tests.conftest import FIXTURES, snapshot

REGISTERS = FIXTURES / "registers"


def test_the_value_comes_back():
    assert run_in_child(sum, [1, 2, 3]) == 6


def test_a_user_error_comes_back_with_its_problems(tmp_path):
    from csp_desktop.interchange.tables import read_tables
    with pytest.raises(ReadError) as caught:
        run_in_child(read_tables, tmp_path / "missing.xlsx")
    assert "missing.xlsx: does not exist" in str(caught.value)
    assert caught.value.problems[0].message == "does not exist"


def test_a_bug_comes_back_as_a_bug_not_a_user_error():
    with pytest.raises(RuntimeError, match="ValueError") as caught:
        run_in_child(int, "not a number")
    assert not isinstance(caught.value, UserError)


def test_a_child_that_dies_is_told_in_a_sentence():
    with pytest.raises(UserError, match=r"it stopped \(exit code 3\)"):
        run_in_child(os._exit, 3, stopped_words="it stopped")


def test_a_cancel_stops_the_child_at_once():
    start = time.monotonic()
    with pytest.raises(ChildCancelled):
        run_in_child(time.sleep, 60, cancelled=lambda: time.monotonic() - start > 0.3)
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("name", ["bad-zip-bomb.xlsx", "bad-old-format.xls", "bad-empty-book.xlsx",
                                  "bad-not-a-zip.xlsx"])
def test_a_hostile_or_broken_file_read_apart_is_a_clear_user_error(tmp_path, name):
    file = REGISTERS / name
    if not file.exists():
        file = tmp_path / name
        file.write_bytes(b"PK\x03\x04" + os.urandom(3000))
    path = tmp_path / "r.cspreg"
    Register.create(path, "Test").close()
    with Register.open(path, read_only=True) as reg:
        before = snapshot(reg)
    try:
        preview = build_preview_apart(path, file)
    except UserError as exc:
        assert name in str(exc) and "--" not in str(exc) and "Traceback" not in str(exc)
    else:  # read, with nothing to take in: the check says so, and Import stays off
        assert not preview.can_import and preview.errors
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == before


def test_the_check_apart_matches_the_check_in_this_process(tmp_path):
    from csp_desktop.services.import_preview import build_preview
    path = tmp_path / "r.cspreg"
    Register.create(path, "Test").close()
    file = REGISTERS / "csp-plan-workbook.xlsx"
    here, read, told = build_preview(path, file), list[Preview](), list[tuple]()
    apart = build_preview_apart(path, file, on_read=read.append, progress=lambda *step: told.append(step))
    assert len(read) == 1 and not read[0].checked and read[0].book is not None
    assert [v.rows[:3] for v in read[0].sheets] == [v.rows[:3] for v in here.sheets]
    assert told and all(of == 100 for _, of, _ in told)
    assert apart.checked and apart.summary() == here.summary() and apart.problems == here.problems
    assert [v.rows for v in apart.sheets] == [v.rows for v in here.sheets]
    assert apart.book is not None  # kept on this side for the import
    with Register.open(path, read_only=True) as reg:  # the dry run wrote into a copy only
        assert reg.query("SELECT COUNT(*) AS n FROM risks")[0]["n"] == 0


def test_a_main_script_without_a_guard_is_not_run_again_in_the_child(tmp_path):
    import subprocess
    import sys
    from tests.ui.windows import REPO
    script = tmp_path / "unguarded.py"  # no `if __name__ == "__main__"`: multiprocessing would re-run it
    script.write_text("from csp_desktop.services.child_process import run_in_child\n"
                      "print('started', flush=True)\n"
                      "print(run_in_child(sum, [1, 2, 3]))\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["started", "6"]


def test_where_no_process_can_be_started_the_work_is_done_here(monkeypatch, caplog):
    from csp_desktop.services import child_process

    def refuse(_child):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(child_process, "_start_without_main", refuse)
    told: list[int] = []
    assert run_in_child(lambda n, progress: progress(n) or n * 2, 21, progress=told.append) == 42
    assert told == [21] and "working in this process instead" in caplog.text
