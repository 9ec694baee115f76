"""Building a pack as a job for the background worker: progress, cancel, and the result by signal."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...services.packs import PackOptions, build_pack
from ...services.workspace import Workspace


@dataclass(frozen=True)
class PackJob:
    """Reads through a connection of its own from the workspace, so the GUI's register is never touched
    from the pool thread. Called with the worker's Control: each page step reports progress and stops
    the build (no file is left) once Cancel was pressed."""
    workspace: Workspace
    out: Path
    options: PackOptions
    today: date

    def __call__(self, control):
        with self.workspace.reading() as reg:
            return build_pack(reg, self.out, self.options, self.today, control.step)
