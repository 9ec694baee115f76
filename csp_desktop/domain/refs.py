"""References such as R-07 and A-012: the next free one, the same for imports and the app."""
from __future__ import annotations

from collections.abc import Iterable

ACTION_PREFIX, ACTION_WIDTH = "A-", 3


def next_free(taken: Iterable[str], prefix: str, width: int) -> str:
    """prefix+NNN one above the highest number in use under that prefix (A-1 and A-001 are both 1).

    Above the highest rather than the first gap: a deleted action's reference may still be printed in
    an old pack or minutes, so it is not handed to a new one."""
    numbers = []
    for ref in taken:
        text = "".join((ref or "").split()).upper()
        if text.startswith(prefix.upper()) and text[len(prefix):].isdigit():
            numbers.append(int(text[len(prefix):]))
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"
