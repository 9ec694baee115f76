"""Creating registers, empty or filled with the demo partnership."""
from __future__ import annotations

from pathlib import Path

from ..domain.scoring import preset
from ..store import Register
from .workspace import create_file


def create_register(path: Path, *, name: str | None = None, scheme: str = "5x5", demo: bool = False) -> Register:
    if demo:
        from .demo import create_demo
        return create_demo(path)
    return create_file(path, name or Path(path).stem, preset(scheme))
