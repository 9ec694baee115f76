"""Writing a whole file or nothing, with the permissions any new file of the user's would get."""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def atomic_write(path: Path, write: Callable[[Path], T]) -> T:
    """Call `write` on a fresh file beside `path`, then rename it over `path`: a failed or cancelled
    write leaves the old file (or none) and no half-written one. The file is made with mode 0666 less
    the umask, as `open` would; tempfile.mkstemp's 0600 would stay on the finished file and hide an
    export or a pack from the colleague the user shares the folder with."""
    path = Path(path)
    partial = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:12]}.part{path.suffix}")
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        result = write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return result
