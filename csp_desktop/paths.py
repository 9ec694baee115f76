"""Where the app's own files are: inside the installed package, or beside it in a source checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # The wheel carries db/ and resources/ inside the package; a source checkout has them one level up.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"CSP Desktop is installed without its {name}/ folder; reinstall it.")


def migrations_dir() -> Path:
    return _shipped("db")


def resources_dir() -> Path:
    return _shipped("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
