"""Is a register's file on a local disk, or on a network share or inside a synced folder?

No Qt and no SQL here, so the store (which must never use WAL on such a path) and the app (which
warns) share one answer. What the system says is passed in where it can be (the mounts table, the
environment), so the rules are tested without a real share.

Why it matters: WAL keeps its index in shared memory, which does not work over a network
filesystem (sqlite.org/wal.html); file locks over a network are unreliable; and sync clients
(OneDrive, Dropbox...) copy a file while it is being written, or bring back an older copy over it
(sqlite.org/howtocorrupt.html).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

LOCAL, NETWORK, SYNCED = "local", "network", "synced"
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "smb", "9p", "sshfs", "fuse.sshfs", "davfs",
                       "fuse.davfs2", "davfs2", "afs", "ceph", "fuse.ceph", "glusterfs", "fuse.glusterfs",
                       "fuse.rclone", "fuse.gvfsd-fuse", "fuse.s3fs", "ncpfs", "coda", "lustre", "gpfs"}
# Folder names sync clients make, matched case-insensitively against each part of the path.
SYNCED_FOLDERS = {"onedrive": "OneDrive", "sharepoint": "SharePoint", "dropbox": "Dropbox",
                  "google drive": "Google Drive", "googledrive": "Google Drive", "my drive": "Google Drive",
                  "icloud drive": "iCloud Drive", "iclouddrive": "iCloud Drive", "com~apple~clouddocs": "iCloud Drive",
                  "box sync": "Box", "nextcloud": "Nextcloud", "owncloud": "ownCloud", "pcloud drive": "pCloud"}
SYNCED_PREFIXES = {"onedrive -": "OneDrive", "onedrive-": "OneDrive", "dropbox (": "Dropbox",
                   "googledrive-": "Google Drive", "sharepoint -": "SharePoint"}
# Environment variables Windows' OneDrive client sets to the folders it syncs.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive


@dataclass(frozen=True)
class Placement:
    kind: str = LOCAL
    detail: str = ""   # the filesystem type ("nfs4") or the sync service ("OneDrive")

    @property
    def safe(self) -> bool:
        return self.kind == LOCAL

    def why(self, name: str) -> str:
        """Why a live register should not be kept there, in plain words; empty when it is safe."""
        if self.kind == NETWORK:
            return (f"{name} is on a network drive ({self.detail}). The safety log that protects a register when "
                    "the app or the computer stops in the middle of a change does not work over a network, and "
                    "network file locks are not reliable, so the register can be damaged.")
        if self.kind == SYNCED:
            return (f"{name} is inside a {self.detail} folder. Sync programs copy a file while it is being "
                    "written and can bring back an older copy over your work, so the register can be damaged "
                    "or lose changes.")
        return ""


def placement_of(path: Path, *, mounts: str | None = None, platform: str = sys.platform,
                 env: dict | None = None) -> Placement:
    """Where `path` lives. `mounts` is the text of /proc/mounts (read from the system when None)."""
    # A Windows path judged on another system (the tests do this) is pure: it cannot be resolved here.
    path = PureWindowsPath(path) if platform == "win32" and os.name != "nt" else _absolute(Path(path))  # type: ignore[assignment]
    env = dict(os.environ) if env is None else env
    network = _network_windows(path) if platform == "win32" else _network_posix(path, mounts)
    if network is not None:
        return network
    service = synced_service(path, env)
    return Placement(SYNCED, service) if service else Placement()


def wal_is_safe(path: Path) -> bool:
    """Whether a register at `path` may use WAL: never on a network filesystem or in a synced folder."""
    try:
        return placement_of(path).safe
    except Exception:  # an odd system must not stop a register opening; WAL is the safe default locally
        return True


# -- synced folders -------------------------------------------------------------------------------------

def synced_service(path: PurePath, env: dict) -> str:
    """The sync service whose folder holds `path`, by the usual folder names; empty if none."""
    for variable in ONEDRIVE_VARIABLES:
        root = env.get(variable)
        if root and _is_within(path, PurePath(root)):
            return "OneDrive"
    parts = [part.lower() for part in path.parts[:-1] or path.parts]
    for n, part in enumerate(parts):
        if part in SYNCED_FOLDERS:
            return SYNCED_FOLDERS[part]
        prefix = next((p for p in SYNCED_PREFIXES if part.startswith(p)), None)
        if prefix:
            return SYNCED_PREFIXES[prefix]
        if part == "cloudstorage" and n > 0 and parts[n - 1] == "library":
            return "cloud storage"  # macOS puts every File Provider sync client under ~/Library/CloudStorage
    return ""


def _is_within(path: PurePath, root: PurePath) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


# -- network filesystems --------------------------------------------------------------------------------

def _network_posix(path: Path, mounts: str | None) -> Placement | None:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # not Linux (macOS has no /proc): only the folder names can tell
    fs_type = filesystem_type(path, mounts)
    if fs_type in NETWORK_FILESYSTEMS or "smb-share:" in str(path) or fs_type.startswith("nfs"):
        return Placement(NETWORK, fs_type or "smb")
    return None


def filesystem_type(path: PurePath, mounts: str) -> str:
    """The type of the filesystem mounted deepest above `path`, from /proc/mounts text."""
    best, best_type = -1, ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePath(_unescape(fields[1]))
        if _is_within(path, point) and len(point.parts) > best:
            best, best_type = len(point.parts), fields[2]
    return best_type


def _unescape(field: str) -> str:
    # /proc/mounts writes a space in a mount point as \040, a tab as \011, a backslash as \134.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _network_windows(path: PurePath) -> Placement | None:
    text = str(path)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return Placement(NETWORK, "network share")
    drive = path.drive
    if drive and _drive_type(drive + "\\") == DRIVE_REMOTE:
        return Placement(NETWORK, f"mapped network drive {drive}")
    return None


def _drive_type(root: str) -> int:
    try:
        import ctypes
        return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]  # Windows only
    except (AttributeError, OSError):
        return 0


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))
