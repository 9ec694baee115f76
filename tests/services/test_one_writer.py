"""One writer per register: the app holds it while open, others read it, and every edit carries its version."""
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from click.testing import CliRunner

from csp_desktop.cli import main
from csp_desktop.domain.model import Action, Risk
from csp_desktop.services import action_editing, opening, risk_editing
from csp_desktop.store import ConflictError, Register, RegisterError
from csp_desktop.store.actions import add_action
from csp_desktop.store.risks import get_risk
from csp_desktop.store.writer_lock import RegisterHeld, current_holder, lock_path
from tests.conftest import register_file, snapshot
from tests.conftest import known


@pytest.fixture
def path(tmp_path):
    return register_file(tmp_path / "Shared.cspreg", "Shared", Risk("Funding ends", ref="R-01"))


@pytest.fixture
def other_process(path):
    """Another process holding the register for writing, as a second app window would."""
    with subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from csp_desktop.services.opening import open_for_editing
            opened = open_for_editing({str(path)!r}, who="Jo Bloggs")
            print(opened.read_only_reason or "held", flush=True)
            sys.stdin.read()
            opened.register.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as child:
        assert known(child.stdout).readline().strip() == "held"
        yield child
        known(child.stdin).close()
        child.wait(10)


def test_the_app_holds_the_register_while_it_is_open(path):
    opened = opening.open_for_editing(path, who="Sam")
    assert opened.read_only_reason is None
    assert current_holder(path) == known(opened.register.writer_lock).holder
    opened.register.close()
    assert current_holder(path) is None and not lock_path(path).exists()


def test_a_second_app_opens_read_only_with_a_banner_naming_the_holder(path, other_process):
    opened = opening.open_for_editing(path, who="Sam")
    try:
        reason = known(opened.read_only_reason)
        assert reason.startswith("Opened read-only: Shared.cspreg is being edited by Jo Bloggs on ")
        assert f"(process {other_process.pid})" in reason
        assert opened.register.read_only
        [risk] = risk_editing.load_risks(opened.register).risks  # reading needs no lock
        with pytest.raises(RegisterError, match="read-only"):
            risk_editing.set_risk_fields(opened.register, risk.id, {"title": "x"}, risk.version)
    finally:
        opened.register.close()


def test_a_write_command_is_refused_in_one_sentence_naming_the_holder(path, other_process, tmp_path):
    csv = tmp_path / "new.csv"
    csv.write_text("Risk\nAnother\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(path), str(csv)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Shared.cspreg is being edited by Jo Bloggs on ")
    assert result.output.count("\n") == 1 and f"(process {other_process.pid})" in result.output
    listed = runner.invoke(main, ["risks", str(path)])  # reading commands still work
    assert listed.exit_code == 0 and "Funding ends" in listed.output
    with pytest.raises(RegisterHeld):
        Register.open(path)  # and no code path writes past the holder


def test_a_write_command_holds_the_register_while_it_runs(path, tmp_path, monkeypatch):
    from csp_desktop.services import imports
    csv = tmp_path / "new.csv"
    csv.write_text("Risk,Likelihood,Impact\nAnother,3,3\n", encoding="utf-8")
    seen, real = [], imports.import_file

    def watched(reg, *args, **kwargs):
        seen.append(current_holder(path))
        return real(reg, *args, **kwargs)

    monkeypatch.setattr(imports, "import_file", watched)
    result = CliRunner().invoke(main, ["import", str(path), str(csv)])
    assert result.exit_code == 0, result.output
    assert seen[0] is not None and seen[0].name == "tester"
    assert current_holder(path) is None


def test_a_stale_version_is_refused_and_writes_nothing(path):
    reg = Register.open(path)
    try:
        [risk] = risk_editing.load_risks(reg).risks
        started = risk.version
        risk_editing.set_risk_fields(reg, risk.id, {"title": "Changed elsewhere"}, started)
        before = snapshot(reg)
        with pytest.raises(ConflictError, match="changed since you started"):
            risk_editing.set_risk_fields(reg, risk.id, {"title": "Stale edit"}, started)
        with pytest.raises(ConflictError):
            risk_editing.remove_risk_keeping(reg, risk.id, started)
        with pytest.raises(ConflictError):
            risk_editing.record_review(reg, risk.id, None, on=date(2026, 11, 27), reviewer="x",
                                       expected_version=started)
        action = Action("Publish plan")
        add_action(reg, action)
        action_editing.update_action(reg, action.id, {"title": "Published"}, action.version)
        with pytest.raises(ConflictError):
            action_editing.update_action(reg, action.id, {"title": "Stale"}, action.version)
        with pytest.raises(ConflictError):
            action_editing.delete_action(reg, action.id, action.version)
        from csp_desktop.domain.model import Owner
        from csp_desktop.services import partner_editing
        owner = partner_editing.add_owner(reg, Owner(name="Sgt Jones")).value
        partner_editing.update_owner(reg, owner.id, {"name": "Insp Jones"}, owner.version)
        with pytest.raises(ConflictError):
            partner_editing.update_owner(reg, owner.id, {"name": "Stale"}, owner.version)
        after = snapshot(reg)
        assert (after["risks"], after["reviews"]) == (before["risks"], before["reviews"])
        assert get_risk(reg, risk.id).title == "Changed elsewhere"
    finally:
        reg.close()
