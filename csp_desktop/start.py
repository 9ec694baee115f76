"""The `csp-desktop` program: the app at once when only the app is asked for, else the command line.

Going through the command line first would import every command (the services, the store, sqlite-utils,
openpyxl: ~0.1-0.2 s, longer than a bare Qt window takes to show) only to open a window. So `csp-desktop`
and `csp-desktop open [REGISTER]` start the app directly; anything else (options, other commands, a folder
given to open, which the command line refuses in one sentence) goes to the command line.
"""
from __future__ import annotations

import sys
from pathlib import Path


def app_wanted(args: list[str]) -> tuple[bool, Path | None]:
    """Whether `args` (after the program's name) only start the app, and on which register (None: the last)."""
    if not args:
        return True, None
    if args[0] != "open" or len(args) > 2 or any(arg.startswith("-") for arg in args[1:]):
        return False, None
    path = Path(args[1]) if len(args) == 2 else None
    if path is not None and path.is_dir():
        return False, None
    return True, path


def main() -> None:
    wanted, path = app_wanted(sys.argv[1:])
    if not wanted:
        from .cli import main as command_line
        command_line()
        return
    from .errors import UserError
    from .ui.shell.app import run
    try:
        sys.exit(run(path))
    except UserError as exc:  # as the command line says it: one sentence, exit status 1
        sys.exit(f"Error: {exc}")
