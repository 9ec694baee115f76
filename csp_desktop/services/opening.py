"""The register-wide jobs the File menu and the command line start: import, export, backup, check.

Each takes the open workspace; a job meant for a background thread asks it for a connection of
its own, so it records changes under the same identity as everything else. Opening itself is the
workspace's (services/workspace.py); the names below are kept for the callers that knew them here.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from ..store import RegisterDamaged
from ..store.maintenance import backup, check
from ..store.writer_lock import RegisterHeld
from .workspace import Workspace

open_for_editing = Workspace.open_for_editing


def open_to_write(path: Path, who: str | None = None):
    """The register held for writing by this process until it is closed (RegisterHeld names the holder)."""
    return Workspace.open(path, who=who).register


@contextlib.contextmanager
def opened(path: Path, *, read_only: bool = False):
    """For one command: a read-only register, or one held for writing while the command runs."""
    with Workspace.open(path, read_only=read_only) as workspace:
        yield workspace.register


def import_into(workspace: Workspace, file: Path, *, dry_run: bool):
    """Import `file` through a connection of its own (so it can run off the GUI thread).

    A real import first backs the register up into its backups folder (see import_file), since it
    cannot be undone.
    """
    from .imports import import_file
    with workspace.writing() as reg:  # a dry run writes too, then rolls back, so every check runs
        return import_file(reg, Path(file), dry_run=dry_run)


def export_from(workspace: Workspace, out: Path, part: str = "all") -> Path:
    from .exports import export_register
    with workspace.reading() as reg:
        return export_register(reg, Path(out), part=part)


def backup_to(workspace: Workspace, folder: Path) -> Path:
    return backup(workspace.register, Path(folder))


def check_register(workspace: Workspace) -> list[str]:
    """Integrity, foreign keys and schema version: one line per problem found."""
    return check(workspace.register)


__all__ = ["RegisterDamaged", "RegisterHeld", "open_for_editing", "open_to_write", "opened", "import_into",
           "export_from", "backup_to", "check_register"]
