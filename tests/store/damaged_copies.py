"""Deliberately damaged copies of a register: flipped bytes, truncated files and zeroed pages."""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def settled(path: Path) -> bytes:
    """The register's bytes with its -wal folded in, read after every connection has closed."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.read_bytes()


def damaged_copies(good: Path, folder: Path, count: int, seed: int = 9) -> list[tuple[Path, str]]:
    """`count` damaged copies of `good` in `folder`, each with a word on how it was damaged."""
    data = settled(good)
    page = int.from_bytes(data[16:18], "big") or 65536
    pages = len(data) // page
    rng = random.Random(seed)
    made = []
    for n in range(count):
        kind = ("flip", "truncate", "zero")[n % 3]
        damaged = bytearray(data)
        if kind == "flip":
            where = rng.choice(["header", "anywhere"])
            for _ in range(rng.randint(1, 8)):
                at = rng.randrange(100) if where == "header" else rng.randrange(page, len(data))
                damaged[at] ^= 1 << rng.randrange(8)
            how = f"{where} bytes flipped"
        elif kind == "truncate":
            damaged = damaged[:rng.randrange(page // 2, len(data) - page // 2)]
            how = f"truncated to {len(damaged)} bytes"
        else:
            first = rng.randrange(1, pages)  # page 1 holds the header and the schema: zeroed only later ones
            start, end = first * page, min(len(data), (first + rng.randint(1, 3)) * page)
            damaged[start:end] = bytes(end - start)
            how = f"page {first + 1} zeroed"
        path = folder / f"damaged-{n:03d}.cspreg"
        path.write_bytes(bytes(damaged))
        made.append((path, how))
    return made
