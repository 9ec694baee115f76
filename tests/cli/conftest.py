"""The command line's "Who am I" name is kept in a settings file of each test's own, never the user's."""
import pytest


@pytest.fixture(autouse=True)
def own_identity_settings(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from csp_desktop.ui.settings import identity
    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(identity, "app_settings", lambda: QSettings(path, QSettings.Format.IniFormat))
    return path


@pytest.fixture
def built_register(tmp_path):
    """`built_register(build)`: (path, what `build(reg)` returns) of a new register filled by `build`."""
    from csp_desktop.store import Register

    def make(build):
        path = tmp_path / "csp.cspreg"
        with Register.create(path, "CLI CSP") as reg:
            items = build(reg)
        return path, items
    return make
