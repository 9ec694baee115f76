"""atomic_write: whole file or nothing, and the permissions a new file of the user's would get."""
import os
import stat

import pytest

from csp_desktop.files import atomic_write


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_mode_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "export.csv", lambda p: p.write_text("a,b\n"))
    finally:
        os.umask(old)
    assert _mode(tmp_path / "export.csv") == 0o644
    assert (tmp_path / "export.csv").read_text() == "a,b\n"


def test_failed_write_keeps_the_old_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "pack.pdf"
    target.write_text("good")

    def broken(path):
        path.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_write(target, broken)
    assert target.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


def test_returns_what_the_writer_returns(tmp_path):
    assert atomic_write(tmp_path / "x.txt", lambda p: p.write_text("12345")) == 5
