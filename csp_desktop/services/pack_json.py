"""PackData to JSON and back, so an issued pack keeps the register exactly as presented."""
from __future__ import annotations

import json

from ..dataclass_json import decode, encode  # plan_year uses pack_json.encode / decode too
from ..domain.pack import PackData
from ..store.errors import RegisterError

FORMAT = 1


def dumps(data: PackData) -> str:
    return json.dumps({"format": FORMAT, "pack": encode(data)}, ensure_ascii=False, sort_keys=True)


def loads(text: str) -> PackData:
    try:
        stored = json.loads(text)
        if stored.get("format") != FORMAT:
            raise ValueError(f"format {stored.get('format')!r}")
        return decode(PackData, stored["pack"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RegisterError(f"The issued pack kept in the register is damaged ({exc}).") from exc
