"""A full disk: reading still works (with no -shm yet, the register is read as an unchanging file), and
a write fails in one sentence and changes nothing. Needs a small tmpfs, so root; skipped otherwise."""
import os
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.services import opening
from csp_desktop.services.demo import create_demo
from csp_desktop.store import Register, RegisterError

TODAY = date(2026, 11, 27)


@pytest.fixture
def small_disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("a full disk is made with a small tmpfs, which needs root on Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if made.returncode != 0:
        pytest.skip(f"could not mount a small tmpfs here ({made.stderr.strip()})")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def fill(folder):
    """Fill the disk to the last byte (unbuffered, so closing has nothing left to write)."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        for block in (1 << 16, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * block)
            except OSError:
                pass


def test_reading_works_and_writing_fails_in_one_sentence_on_a_full_disk(small_disk, tmp_path):
    path = small_disk / "Full.cspreg"
    create_demo(path, TODAY).close()
    assert not (small_disk / "Full.cspreg-shm").exists()
    csv = tmp_path / "new.csv"
    csv.write_text("Risk,Likelihood,Impact\nA new risk,3,3\n", encoding="utf-8")
    fill(small_disk)
    before = path.read_bytes()
    runner = CliRunner()
    backups = tmp_path / "backups"
    backups.mkdir()
    for args in (["risks", str(path)], ["check", str(path)], ["backup", str(path), str(backups)],
                 ["export", str(path), str(tmp_path / "out.csv")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args[0], result.output)
    assert "Full.cspreg: ok" in runner.invoke(main, ["check", str(path)]).output
    imported = runner.invoke(main, ["import", str(path), str(csv)])
    assert imported.exit_code == 1 and imported.output.count("\n") == 1, imported.output
    assert "Full.cspreg" in imported.output and "Traceback" not in imported.output
    opened = opening.open_for_editing(path)
    try:
        assert opened.read_only_reason and opened.read_only_reason.startswith("Opened read-only: ")
        assert opened.register.name
    finally:
        opened.register.close()
    assert path.read_bytes() == before
    (small_disk / "filler").unlink()
    with Register.open(path) as reg:  # room again: it writes as before
        reg.rename("Room again")
    assert runner.invoke(main, ["check", str(path)]).exit_code == 0


def test_a_write_that_fills_the_disk_fails_in_one_sentence_and_keeps_the_register(small_disk):
    path = small_disk / "Filling.cspreg"
    create_demo(path, TODAY).close()
    reg = Register.open(path)
    try:
        fill(small_disk)
        with pytest.raises(RegisterError) as caught:
            with reg.transaction():
                for n in range(2000):
                    reg.insert("organisations", {"name": f"Org {n} " + "x" * 400})
        assert "full" in str(caught.value) or "could not" in str(caught.value), caught.value
    finally:
        reg.close()
    (small_disk / "filler").unlink()
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
