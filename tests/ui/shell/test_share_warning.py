"""A register in a synced folder or on a share: the warning, the local copy, and writing it back."""

from csp_desktop.domain.model import Risk
from csp_desktop.store import Register
from csp_desktop.store.risks import add_risk, list_risks
from csp_desktop.ui.shell import share_warning
from csp_desktop.ui.shell.main_window import MainWindow
from tests.conftest import journal_mode
from tests.ui.windows import OFFSCREEN_NOISE, SCREEN, messages, qsettings, screenshot  # noqa: F401

pytestmark = OFFSCREEN_NOISE


def _in_onedrive(tmp_path):
    path = tmp_path / "OneDrive - Glanhafren Council" / "CSP" / "partnership.cspreg"
    path.parent.mkdir(parents=True)
    Register.create(path, "Safer Glanhafren").close()
    return path


def _window(qtbot, qsettings, tmp_path, monkeypatch, answer):
    monkeypatch.setattr(share_warning, "data_dir", lambda: tmp_path / "data")
    asked = []

    def choose(box):
        asked.append(box.text())
        return answer

    monkeypatch.setattr(share_warning, "choose", choose)
    win = MainWindow(qsettings)
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    return win, asked


def _titles(path):
    with Register.open(path, read_only=True) as reg:
        return [r.title for r in list_risks(reg)]


def test_the_warning_explains_and_a_local_copy_is_written_back_on_close(qtbot, qsettings, tmp_path, monkeypatch,
                                                                       messages):
    shared = _in_onedrive(tmp_path)
    win, asked = _window(qtbot, qsettings, tmp_path, monkeypatch, share_warning.LOCAL)
    assert win.open_register(shared)
    assert "inside a OneDrive folder" in asked[0] and "older copy" in asked[0]
    reg = win.session.register
    assert reg.path != shared and (tmp_path / "data") in reg.path.parents
    assert win.banner.isVisible() and "local copy" in win.banner.text()
    assert win.files.save_back.isEnabled()
    assert qsettings.value("last_register") == str(shared.resolve())  # Open Recent names the original
    add_risk(reg, Risk("Written on the local copy"))
    win.close_register()
    assert _titles(shared) == ["Written on the local copy"]
    assert journal_mode(shared) == "delete"  # never WAL in a synced folder
    assert not win.files.local.copy


def test_ctrl_s_writes_back_and_someone_elses_change_is_never_overwritten(qtbot, qsettings, tmp_path, monkeypatch,
                                                                        messages):
    shared = _in_onedrive(tmp_path)
    win, _ = _window(qtbot, qsettings, tmp_path, monkeypatch, share_warning.LOCAL)
    assert win.open_register(shared)
    add_risk(win.session.register, Risk("Mine"))
    win.files.save_back.trigger()
    assert _titles(shared) == ["Mine"]
    with Register.open(shared) as theirs:  # a colleague changes the file on the share meanwhile
        add_risk(theirs, Risk("Theirs"))
    add_risk(win.session.register, Risk("Mine again"))
    assert not win.files.local.save()
    assert "changed by someone else" in messages[-1][1] and "Your work is safe" in messages[-1][1]
    assert sorted(_titles(shared)) == ["Mine", "Theirs"]


def test_opening_it_where_it_is_uses_no_wal(qtbot, qsettings, tmp_path, monkeypatch, messages):
    shared = _in_onedrive(tmp_path)
    win, asked = _window(qtbot, qsettings, tmp_path, monkeypatch, share_warning.HERE)
    assert win.open_register(shared)
    assert win.session.register.path == shared and not win.banner.isVisible()
    assert win.session.register.query("PRAGMA journal_mode")[0]["journal_mode"] == "delete"
    win.close_register()


def test_cancel_opens_nothing(qtbot, qsettings, tmp_path, monkeypatch, messages):
    shared = _in_onedrive(tmp_path)
    win, _ = _window(qtbot, qsettings, tmp_path, monkeypatch, None)
    assert not win.open_register(shared) and win.session is None


def test_a_local_register_is_not_questioned(qtbot, qsettings, tmp_path, monkeypatch, messages):
    local = tmp_path / "partnership.cspreg"
    Register.create(local, "Local").close()
    win, asked = _window(qtbot, qsettings, tmp_path, monkeypatch, None)
    assert win.open_register(local) and asked == []


def test_screenshot_of_the_warning(qtbot, qsettings, tmp_path, monkeypatch, messages):
    shared = _in_onedrive(tmp_path)
    win, _ = _window(qtbot, qsettings, tmp_path, monkeypatch, share_warning.LOCAL)
    from csp_desktop.placement import NETWORK, Placement
    why = Placement(NETWORK, "cifs").why(shared.name)
    box = share_warning.warning_box(win, shared, why)
    box.show()
    qtbot.waitExposed(box)
    screenshot(box, "share-warning")
    _over_window(win, box).save(str(screenshot(box, "share-warning").with_name("share-warning-1366.png")))
    box.close()
    assert win.open_register(shared)
    screenshot(win, "share-local-copy-banner")


def _over_window(win, box):
    """The warning as the user sees it: centred over the 1366x768 window."""
    from PySide6.QtGui import QPainter
    image = win.grab()
    painter = QPainter(image)
    dialog = box.grab()
    x, y = (image.width() - dialog.width()) // 2, (image.height() - dialog.height()) // 3
    painter.fillRect(x - 12, y - 12, dialog.width() + 24, dialog.height() + 24, box.palette().window())
    painter.drawRect(x - 12, y - 12, dialog.width() + 24, dialog.height() + 24)
    painter.drawPixmap(x, y, dialog)
    painter.end()
    return image


def test_an_earlier_local_copy_is_kept_before_a_new_one_is_taken(tmp_path):
    from csp_desktop.services import backups
    from csp_desktop.services.local_copy import take_local_copy
    shared = _in_onedrive(tmp_path)
    first = take_local_copy(shared, tmp_path / "data")
    with Register.open(first.local) as reg:
        add_risk(reg, Risk("Not yet written back"))
    second = take_local_copy(shared, tmp_path / "data")
    assert second.local == first.local and _titles(second.local) == []
    (kept,) = backups.list_backups(second.local)
    assert _titles(kept.path) == ["Not yet written back"]
