"""Moving the files of the old, doubled data folder into the new one, once."""
from csp_desktop.services.data_folder import move_old_data
from csp_desktop.store import Register
from tests.conftest import known


def test_everything_moves_into_the_parent_and_the_old_folder_goes(tmp_path):
    new = tmp_path / "CSP Desktop"
    old = new / "CSP Desktop"  # Linux: the old doubled folder sits inside the new one
    (old / "backups").mkdir(parents=True)
    Register.create(old / "demo.cspreg", "Demo").close()
    (old / "backups" / "demo-20261101-101010.cspreg").write_bytes(b"x")
    (old / "csp-desktop.log").write_text("old log\n")
    moved = known(move_old_data(old, new))
    assert not old.exists()
    assert sorted(p.name for p in new.iterdir()) == ["backups", "csp-desktop.log", "demo.cspreg"]
    assert moved.new_path(old / "demo.cspreg") == new / "demo.cspreg"
    with Register.open(new / "demo.cspreg", read_only=True) as reg:
        assert reg.name == "Demo"
    assert "demo.cspreg" in moved.summary() and str(new) in moved.summary()
    assert move_old_data(old, new) is None  # once only


def test_a_name_already_taken_keeps_both_and_the_wal_travels_with_its_register(tmp_path):
    old, new = tmp_path / "Roaming" / "CSP Desktop" / "CSP Desktop", tmp_path / "Local" / "CSP Desktop"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    (new / "p.cspreg").write_bytes(b"new")
    (old / "p.cspreg").write_bytes(b"old")
    (old / "p.cspreg-wal").write_bytes(b"old wal")
    (new / "backups").mkdir()
    (old / "backups").mkdir()
    (old / "backups" / "b.cspreg").write_bytes(b"b")
    moved = known(move_old_data(old, new))
    assert (new / "p.cspreg").read_bytes() == b"new"
    assert (new / "p (moved).cspreg").read_bytes() == b"old"
    assert (new / "p (moved).cspreg-wal").read_bytes() == b"old wal"
    assert (new / "backups" / "b.cspreg").exists() and not old.exists()
    assert moved.new_path(old / "p.cspreg") == new / "p (moved).cspreg"


def test_nothing_to_move(tmp_path):
    assert move_old_data(tmp_path / "absent", tmp_path / "new") is None
    (tmp_path / "empty").mkdir()
    assert move_old_data(tmp_path / "empty", tmp_path / "new") is None
