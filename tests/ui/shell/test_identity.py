""""Who am I", proved end to end: whatever the app writes after opening carries the name set there.

The register is opened through the app's own opening path (MainWindow.open_register), then a risk is
edited, a file imported (on the background worker) and an owner's return taken in and applied. Every
audit row written meanwhile must name the person, never the login name.
"""
from datetime import date

from csp_desktop.services import updates
from csp_desktop.store import Register
from csp_desktop.ui.risks.risk_commands import SetRiskField
from csp_desktop.ui.settings.identity import KEY
from csp_desktop.ui.shell.main_window import MainWindow
from csp_desktop.ui.shell.undoable import push
from csp_desktop.ui.updates.updates_view import ReturnsView
from tests.conftest import FIXTURES
from tests.services.update_helpers import build_round_register, edit_return
from tests.conftest import known
from tests.ui.windows import OFFSCREEN_NOISE, messages, qsettings, view_of  # noqa: F401

pytestmark = OFFSCREEN_NOISE
NAME = "Gwenllian ap Rhys"


def _audit_ids(path) -> set[str]:
    with Register.open(path, read_only=True) as reg:
        return {row["id"] for row in reg.query("SELECT id FROM audit")}


def test_every_change_after_opening_is_recorded_under_who_am_i(qtbot, tmp_path, qsettings, messages,
                                                                 monkeypatch):
    path = tmp_path / "round.cspreg"
    with Register.create(path, "Round") as reg:
        items = build_round_register(reg)
        sent = updates.send_round(reg, tmp_path / "out", return_by=date(2026, 12, 20))
    book = next(f.path for f in sent.files if f.owner == "Siân Prŵs")
    back = edit_return(book, {("Risks", "R-01", "Commentary"): "Worse since the bar opened",
                              ("Actions", "A-2", "Progress update"): "Quotes in"}, tmp_path / "back.xlsx")
    before = _audit_ids(path)
    qsettings.setValue(KEY, NAME)
    monkeypatch.setattr("csp_desktop.ui.shell.file_menu.data_folder", lambda: tmp_path)

    win = MainWindow(qsettings)
    qtbot.addWidget(win)
    assert win.open_register(path)
    assert known(win.session).workspace.who == NAME

    assert push(win.session, SetRiskField(win.session, items["r2"], "title", "Funding ends")) is None

    win.files.start_import(FIXTURES / "shared-registers" / "herefordshire-2012.csv", dry_run=False)
    qtbot.waitUntil(lambda: not win.files._pending, timeout=20000)
    assert not messages, messages
    assert not known(win.session).read_only, win.banner.text()

    returns = view_of(win, "Owner updates", ReturnsView)
    returns.receive_files([back])
    returns.wait()
    assert returns.review.rows, returns.account.toPlainText()
    returns.review.decide(list(range(len(returns.review.rows))), "accept")
    assert returns.apply() is not None
    win.close_register()

    with Register.open(path, read_only=True) as reg:
        new = [row for row in reg.query("SELECT * FROM audit") if row["id"] not in before]
        takers = {row["received_by"] for row in reg.query("SELECT received_by FROM returns")}
        deciders = {row["decided_by"] for row in reg.query("SELECT decided_by FROM return_changes "
                                                           "WHERE decided_by IS NOT NULL")}
    tables = {row["tbl"] for row in new}
    assert {"risks", "owners", "mitigations", "progress_notes"} <= tables, tables  # edit, import, return
    # A change taken from a return is the owner's, "taken in by" the person at the keyboard.
    assert all(row["who"] == NAME or row["who"].endswith(f"taken in by {NAME})") for row in new), \
        {row["who"] for row in new}
    assert any(row["who"] != NAME for row in new)
    assert takers == {NAME} and deciders == {NAME}
