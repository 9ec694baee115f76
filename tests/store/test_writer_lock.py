"""One writer per register: the lock file, its holder, stale and foreign holders."""
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest

from csp_desktop.store.errors import RegisterError
from csp_desktop.store.writer_lock import (Holder, RegisterHeld, WriterLock, break_lock, current_holder,
                                           lock_path, this_machine)
from tests.conftest import known

fcntl = pytest.importorskip("fcntl", reason="these tests hold the lock with flock, as POSIX does")


@pytest.fixture
def reg_path(tmp_path):
    return tmp_path / "Test.cspreg"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _hold_as(reg_path, holder: Holder) -> int:
    """Hold the OS lock on the lock file with `holder`'s details in it, as a stuck or foreign holder would."""
    fd = os.open(lock_path(reg_path), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.write(fd, holder.to_json().encode())
    return fd


def test_the_lock_file_sits_beside_the_register_and_goes_on_release(reg_path):
    lock = WriterLock.acquire(reg_path, "Jo Bloggs")
    assert lock_path(reg_path).name == "Test.cspreg.lock"
    assert lock_path(reg_path).exists()
    assert current_holder(reg_path) == lock.holder
    assert (lock.holder.name, lock.holder.machine, lock.holder.pid) == ("Jo Bloggs", this_machine(), os.getpid())
    lock.release()
    lock.release()  # twice is harmless
    assert not lock_path(reg_path).exists()
    assert current_holder(reg_path) is None


def test_a_second_writer_is_refused_in_one_sentence_naming_the_holder(reg_path):
    with WriterLock.acquire(reg_path, "Jo Bloggs"):
        with pytest.raises(RegisterHeld) as caught:
            WriterLock.acquire(reg_path, "Sam")
        text = str(caught.value)
        assert isinstance(caught.value, RegisterError)
        assert caught.value.holder.name == "Jo Bloggs"
        assert text.startswith("Test.cspreg is being edited by Jo Bloggs on ")
        assert f"(process {os.getpid()})" in text and text.endswith(".") and text.count(". ") == 0
    WriterLock.acquire(reg_path, "Sam").release()


def test_another_process_is_refused_while_held_and_gets_it_once_released(reg_path):
    script = textwrap.dedent(f"""
        import sys
        from csp_desktop.store.writer_lock import WriterLock, RegisterHeld
        try:
            WriterLock.acquire({str(reg_path)!r}, "Other").release()
            print("got it")
        except RegisterHeld as exc:
            print(exc)
    """)
    run = lambda: subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,  # noqa: E731
                                 check=True).stdout.strip()
    with WriterLock.acquire(reg_path, "Jo Bloggs"):
        assert run().startswith("Test.cspreg is being edited by Jo Bloggs")
    assert run() == "got it"


def test_a_killed_holder_leaves_the_register_free(reg_path):
    with subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from csp_desktop.store.writer_lock import WriterLock
        lock = WriterLock.acquire({str(reg_path)!r}, "Crasher")
        print("held", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True) as child:
        assert known(child.stdout).readline().strip() == "held"
        assert known(current_holder(reg_path)).name == "Crasher"
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert lock_path(reg_path).exists()  # the details stay, the OS lock does not
    assert current_holder(reg_path) is None
    WriterLock.acquire(reg_path, "Next").release()


def test_a_stale_holder_on_this_machine_is_taken_over(reg_path):
    stale = Holder("Gone", this_machine(), _dead_pid(), "2026-11-27T09:14:00+00:00")
    assert stale.is_stale()
    fd = _hold_as(reg_path, stale)  # e.g. a forked child still holding the dead app's lock
    try:
        lock = WriterLock.acquire(reg_path, "Next")
        assert known(current_holder(reg_path)).name == "Next"
        lock.release()
    finally:
        os.close(fd)


def test_a_holder_on_another_machine_is_broken_only_when_the_user_says_so(reg_path):
    fd = _hold_as(reg_path, Holder("Jo Bloggs", "LAPTOP-7", 4242, "2026-11-27T09:14:00+00:00"))
    try:
        with pytest.raises(RegisterHeld, match="Jo Bloggs on LAPTOP-7 .process 4242. since"):
            WriterLock.acquire(reg_path, "Sam")
        assert not known(current_holder(reg_path)).is_stale()  # another machine: we cannot tell, so not stale
        break_lock(reg_path)
        with WriterLock.acquire(reg_path, "Sam") as lock:
            assert current_holder(reg_path) == lock.holder
    finally:
        os.close(fd)


def test_a_live_holder_on_this_machine_cannot_be_broken(reg_path):
    with WriterLock.acquire(reg_path, "Jo Bloggs"):
        with pytest.raises(RegisterHeld):
            break_lock(reg_path)
        assert known(current_holder(reg_path)).name == "Jo Bloggs"
    break_lock(reg_path)  # nobody holds it: nothing to do


def test_the_sentence_names_the_holder_with_a_local_time_and_date():
    since = datetime(2026, 11, 27, 9, 14, tzinfo=timezone.utc)
    local = since.astimezone()
    holder = Holder("Jo Bloggs", "LAPTOP-7", 4242, since.isoformat())
    assert holder.sentence() == f"Jo Bloggs on LAPTOP-7 (process 4242) since {local:%H:%M} on {local:%d/%m/%Y}"
    assert Holder("Jo", "PC", 1, "garbage").sentence() == "Jo on PC (process 1)"


def test_garbage_in_the_lock_file_while_held_names_an_unknown_holder(reg_path):
    fd = os.open(lock_path(reg_path), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.write(fd, b"\xff\xfe not json")
    try:
        with pytest.raises(RegisterHeld, match="another program"):
            WriterLock.acquire(reg_path, "Sam")
    finally:
        os.close(fd)


def test_leftover_details_with_no_lock_do_not_block(reg_path):
    lock_path(reg_path).write_text(Holder("Old", "LAPTOP-7", 1, "").to_json())
    assert current_holder(reg_path) is None
    WriterLock.acquire(reg_path, "Sam").release()


def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write into any folder")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(RegisterError, match="could not be held for editing"):
            WriterLock.acquire(folder / "R.cspreg", "Sam")
    finally:
        folder.chmod(0o755)
