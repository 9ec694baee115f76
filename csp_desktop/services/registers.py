"""Creating registers, empty or filled with the demo partnership, and naming the partnership."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ..domain.scoring import preset
from ..errors import UserError
from ..store import Register
from .changes import Changes, Done, Kind
from .workspace import create_file

MAX_PARTNERSHIP_NAME = 200  # a title bar and a pack cover, not an essay


def partnership_name(name: str) -> str:
    """The partnership's name as it will be kept (spaces tidied), or a one-sentence UserError."""
    name = " ".join(str(name).split())
    if not name:
        raise UserError("The partnership needs a name, such as Safer Herefordshire Community Safety Partnership.")
    if len(name) > MAX_PARTNERSHIP_NAME:
        raise UserError(f"The partnership's name can be at most {MAX_PARTNERSHIP_NAME} characters.")
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d" for ch in name):
        raise UserError("The partnership's name cannot contain control characters.")
    return name


def settings_version(reg: Register) -> int:
    """The version of the register's own details (name, scheme, cadence) now: what an edit of them started from."""
    return reg.info()["version"]


def create_register(path: Path, *, name: str | None = None, scheme: str = "5x5", demo: bool = False) -> Register:
    if demo:
        from .demo import create_demo
        return create_demo(path)
    return create_file(path, partnership_name(name) if name is not None else Path(path).stem, preset(scheme))


def rename_partnership(reg: Register, name: str, expected_version: int | None = None) -> Done[tuple[str, str]]:
    """Give the partnership a new name (audited); the value is (old, new) so the change can be undone.
    Refused if the register's details changed since `expected_version`."""
    new, old = partnership_name(name), reg.name
    if new == old:
        return Done((old, new), Changes())
    reg.rename(new, expected_version)
    return Done((old, new), Changes.of(Kind.REGISTER))
