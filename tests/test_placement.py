"""Finding a register on a network share or in a synced folder, and never using WAL there."""
import subprocess
import os
from pathlib import Path

import pytest

from csp_desktop import placement
from csp_desktop.placement import LOCAL, NETWORK, SYNCED, placement_of
from tests.conftest import journal_mode

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
tmpfs /tmp tmpfs rw 0 0
fileserver:/export/home /home/council nfs4 rw,vers=4.2 0 0
//fs01/Shared\\040Drive /mnt/shared\\040drive cifs rw 0 0
alice@box:/data /media/sshfs fuse.sshfs rw 0 0
/dev/sdb1 /home/council/local-disk ext4 rw 0 0
"""


@pytest.mark.parametrize("path, kind, detail", [
    ("/home/coordinator/registers/p.cspreg", LOCAL, ""),
    ("/home/council/registers/p.cspreg", NETWORK, "nfs4"),
    ("/mnt/shared drive/CSP/p.cspreg", NETWORK, "cifs"),
    ("/media/sshfs/p.cspreg", NETWORK, "fuse.sshfs"),
    ("/home/council/local-disk/p.cspreg", LOCAL, ""),  # a local disk mounted inside the share
    ("/tmp/p.cspreg", LOCAL, ""),
])
def test_network_filesystems_from_the_mounts_table(path, kind, detail):
    found = placement_of(Path(path), mounts=MOUNTS, platform="linux", env={})
    assert (found.kind, found.detail) == (kind, detail)


@pytest.mark.parametrize("folder, service", [
    ("OneDrive", "OneDrive"), ("OneDrive - Herefordshire Council", "OneDrive"), ("Dropbox", "Dropbox"),
    ("Google Drive", "Google Drive"), ("iCloud Drive", "iCloud Drive"), ("SharePoint - CSP", "SharePoint"),
])
def test_synced_folders_by_their_usual_names(tmp_path, folder, service):
    path = tmp_path / folder / "Documents" / "p.cspreg"
    found = placement_of(path, mounts=MOUNTS, platform="linux", env={})
    assert (found.kind, found.detail) == (SYNCED, service)
    assert "sync" in found.why("p.cspreg").lower()


def test_a_register_merely_named_onedrive_is_not_in_a_synced_folder(tmp_path):
    assert placement_of(tmp_path / "OneDrive.cspreg", mounts=MOUNTS, platform="linux", env={}).safe


def test_onedrive_folders_named_by_windows_environment(tmp_path):
    root = tmp_path / "Council files"
    found = placement_of(root / "x" / "p.cspreg", mounts="", platform="linux", env={"OneDriveCommercial": str(root)})
    assert found.kind == SYNCED and found.detail == "OneDrive"


def on_windows(path: str) -> placement.Placement:
    """Where a Windows path lives, judged on this system: placement_of takes it as text (no Path here)."""
    return placement_of(path, platform="win32", env={})  # type: ignore[arg-type]  # a Windows path, given as text


def test_windows_unc_and_mapped_drives(monkeypatch):
    assert on_windows(r"\\fs01\csp\p.cspreg").kind == NETWORK
    monkeypatch.setattr(placement, "_drive_type", lambda root: placement.DRIVE_REMOTE if root == "H:\\" else 3)
    mapped = on_windows(r"H:\CSP\p.cspreg")
    assert mapped.kind == NETWORK and "H:" in mapped.detail
    assert on_windows(r"C:\Users\me\AppData\Local\CSP Desktop\p.cspreg").safe
    synced = on_windows(r"C:\Users\me\OneDrive - Council\p.cspreg")
    assert synced.kind == SYNCED


def test_every_unsafe_place_is_explained_with_both_reasons():
    network = placement.Placement(NETWORK, "nfs4").why("p.cspreg")
    assert "network" in network and "damaged" in network
    assert placement.Placement().why("p.cspreg") == ""


def test_no_wal_on_a_share_or_in_a_synced_folder(tmp_path, monkeypatch):
    from csp_desktop.store import Register
    local = tmp_path / "p.cspreg"
    Register.create(local, "Local").close()
    assert journal_mode(local) == "wal"
    synced = tmp_path / "OneDrive" / "p.cspreg"
    synced.parent.mkdir()
    Register.create(synced, "Synced").close()
    assert journal_mode(synced) == "delete"
    # A register made locally (in WAL) and then moved onto a share is taken out of WAL when opened there.
    share = tmp_path / "share"
    share.mkdir()
    moved = share / "p.cspreg"
    local.rename(moved)
    monkeypatch.setattr(placement, "_network_posix",
                        lambda path, mounts: placement.Placement(NETWORK, "nfs4") if share in path.parents else None)
    with Register.open(moved) as reg:
        assert reg.query("PRAGMA journal_mode")[0]["journal_mode"] == "delete"
    assert journal_mode(moved) == "delete"


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and Path("/proc/mounts").exists()


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a tmpfs")
def test_a_real_mount_is_read_from_proc_mounts(tmp_path, monkeypatch):
    """A tmpfs mounted for the test stands in for a share: its type is read from the real /proc/mounts."""
    point = tmp_path / "mnt"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(point)], capture_output=True).returncode != 0:
        pytest.skip("mount is not allowed here")
    try:
        assert placement.filesystem_type(point / "p.cspreg", Path("/proc/mounts").read_text()) == "tmpfs"
        monkeypatch.setattr(placement, "NETWORK_FILESYSTEMS", placement.NETWORK_FILESYSTEMS | {"tmpfs"})
        assert placement_of(point / "p.cspreg", env={}).kind == NETWORK
        assert placement_of(tmp_path / "p.cspreg", env={}).kind == (
            NETWORK if placement.filesystem_type(tmp_path, Path("/proc/mounts").read_text()) == "tmpfs" else LOCAL)
    finally:
        subprocess.run(["umount", str(point)], capture_output=True)
