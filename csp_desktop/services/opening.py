"""The register-wide jobs the File menu and the command line start: import, export, backup, check.

Each takes the open workspace; a job meant for a background thread asks it for a connection of
its own, so it records changes under the same identity as everything else.
"""
from __future__ import annotations

from pathlib import Path

from ..store.maintenance import backup, check
from .workspace import Workspace

open_for_editing = Workspace.open_for_editing


def import_into(workspace: Workspace, file: Path, *, dry_run: bool, backup_folder: Path | None = None):
    """Import `file` through a connection of its own (so it can run off the GUI thread).

    A real import first backs the register up into `backup_folder`, since it cannot be undone.
    """
    from .imports import import_file
    with workspace.writing() as reg:  # a dry run writes too, then rolls back, so every check runs
        if not dry_run and backup_folder is not None:
            backup(reg, backup_folder)
        return import_file(reg, Path(file), dry_run=dry_run)


def export_from(workspace: Workspace, out: Path) -> Path:
    from .exports import export_register
    with workspace.reading() as reg:
        return export_register(reg, Path(out))


def backup_to(workspace: Workspace, folder: Path) -> Path:
    return backup(workspace.register, Path(folder))


def check_register(workspace: Workspace) -> list[str]:
    """Integrity, foreign keys and schema version: one line per problem found."""
    return check(workspace.register)
