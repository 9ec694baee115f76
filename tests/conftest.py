"""Test setup: headless Qt, a fixed user name for the audit trail, and small register fixtures."""
import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CSP_DESKTOP_USER"] = "tester"
# The app's settings ("Who am I", recent files) and data folders of a run of its own, so a test never reads
# the name someone set on this machine, nor writes into their settings (child processes inherit these).
_OWN = Path(tempfile.mkdtemp(prefix="csp-tests-"))
atexit.register(shutil.rmtree, _OWN, True)
for _folder in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_folder] = str(_OWN / _folder.lower())

import pytest  # noqa: E402


def pytest_configure(config):
    # What the app's start-up does before any widget exists (ui/shell/app.py run()).
    from csp_desktop.ui.shell.qt_workarounds import apply_workarounds
    apply_workarounds()

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REGISTERS = SHARED / "registers"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

T = TypeVar("T")


def known(value: T | None) -> T:
    """`value`, asserted present: for a test reading a field its type allows to be None (a rating, a match)."""
    assert value is not None
    return value


@pytest.fixture
def register(tmp_path):
    from csp_desktop.store import Register
    reg = Register.create(tmp_path / "test.cspreg", "Test Partnership")
    yield reg
    reg.close()


def register_file(path: Path, name: str, *risks) -> Path:
    """A register at `path` holding `risks`, closed again: for tests that open it in another process."""
    from csp_desktop.store import Register
    from csp_desktop.store.risks import add_risk
    with Register.create(path, name) as reg:
        for risk in risks:
            add_risk(reg, risk)
    return path


def journal_mode(path) -> str:
    """The file's journal mode as stored ("wal" or "delete"), read without the app's code."""
    import sqlite3
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def snapshot(reg):
    """Every row of every table, to prove a rejected change wrote nothing."""
    tables = [t for t in reg.db.table_names()]
    return {t: sorted(map(repr, reg.query(f"SELECT * FROM [{t}]"))) for t in tables}


@pytest.fixture
def shared_registers():
    if not REGISTERS.is_dir():
        pytest.skip("../shared/registers is not beside this checkout")
    return REGISTERS




@pytest.fixture(scope="module")
def demo_register(tmp_path_factory):
    """The demo register, made once per test module; tests must not change it."""
    from datetime import date

    from csp_desktop.services.demo import create_demo
    reg = create_demo(tmp_path_factory.mktemp("demo") / "demo.cspreg", date(2026, 11, 23))
    yield reg
    reg.close()
