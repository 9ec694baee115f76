"""No code opens the register, its -wal or its -shm except through SQLite.

Closing any other descriptor on the file drops every POSIX lock this process's SQLite connections
hold on it (sqlite.org/howtocorrupt.html 2.2): another process then deletes the -wal under them.
"""
import builtins
import io
import os
from datetime import date
from pathlib import Path

import pytest

from csp_desktop.services import opening, risk_editing
from csp_desktop.services.demo import create_demo
from csp_desktop.services.exports import export_register
from csp_desktop.services.packs import PackOptions, build_pack
from csp_desktop.store.maintenance import backup, check

TODAY = date(2026, 11, 27)


@pytest.fixture
def guarded(tmp_path, monkeypatch):
    """A demo register; from then on any open() of it, its -wal or its -shm from Python fails the test."""
    path = tmp_path / "Guarded.cspreg"
    create_demo(path, TODAY).close()
    forbidden = {str(path.resolve()) + suffix for suffix in ("", "-wal", "-shm")}
    tried = []

    def guard(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)):
                name = os.fsdecode(file)
                if str(Path(name).resolve()) in forbidden:
                    tried.append(name)
                    raise AssertionError(f"{name} was opened outside SQLite")
            return real(file, *args, **kwargs)
        return opener

    monkeypatch.setattr(builtins, "open", guard(builtins.open))
    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(os, "open", guard(os.open))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: builtins.open(self, *a, **k))
    for attempt in (lambda: open(path, "rb"), lambda: path.read_bytes(), lambda: os.open(str(path) + "-wal", 0)):
        with pytest.raises(AssertionError):  # the guard itself works
            attempt()
    tried.clear()
    yield path
    assert tried == []


def test_open_edit_pack_export_backup_and_check_never_open_the_file(guarded, tmp_path):
    opened = opening.open_for_editing(guarded)
    reg = opened.register
    try:
        assert opened.read_only_reason is None
        risk = risk_editing.load_risks(reg, TODAY).risks[0]
        risk_editing.set_risk_fields(reg, risk.id, {"title": "Edited without stray opens"}, risk.version)
        pack = build_pack(reg, tmp_path / "pack.pdf", PackOptions(), TODAY)
        assert pack.pages > 0
        export_register(reg, tmp_path / "out.xlsx")
        opening.export_from(opened, tmp_path / "out.csv")  # the workspace's own background connections
        backup(reg, tmp_path)
        assert check(reg) == []
        new = tmp_path / "new.csv"
        new.write_text("Risk,Likelihood,Impact\nImported without stray opens,3,3\n", encoding="utf-8")
        opening.import_into(opened, new, dry_run=False)  # backs up into backups/ first
        with pytest.raises(Exception, match="the register itself"):
            opening.import_into(opened, guarded, dry_run=False)
        titles = {r.title for r in risk_editing.load_risks_from(opened, TODAY).risks}
        assert {"Edited without stray opens", "Imported without stray opens"} <= titles
    finally:
        reg.close()
