"""PackData to JSON and back, so an issued pack keeps the register exactly as presented."""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from functools import cache

from ..domain.pack import PackData
from ..domain.scoring import Scheme
from ..store.errors import RegisterError

FORMAT = 1


def dumps(data: PackData) -> str:
    return json.dumps({"format": FORMAT, "pack": _encode(data)}, ensure_ascii=False, sort_keys=True)


def loads(text: str) -> PackData:
    try:
        stored = json.loads(text)
        if stored.get("format") != FORMAT:
            raise ValueError(f"format {stored.get('format')!r}")
        return _decode(PackData, stored["pack"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RegisterError(f"The issued pack kept in the register is damaged ({exc}).") from exc


def _encode(value):
    if isinstance(value, Scheme):
        return value.to_dict()
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_encode(item) for item in value]
    return value


def _decode(kind, value):
    return _decoder(kind)(value)


@cache
def _decoder(kind):
    """A function turning JSON into `kind`, made once per type: a snapshot holds thousands of rows."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = _decoder(args[0])
        return lambda value: tuple(item(v) for v in value)
    if kind is Scheme:
        return Scheme.from_dict
    if kind is datetime:
        return datetime.fromisoformat
    if kind is date:
        return date.fromisoformat
    if dataclasses.is_dataclass(kind):
        fields = {name: _decoder(hint) for name, hint in _hints(kind).items()}
        return lambda value: kind(**{name: fields[name](item) for name, item in value.items() if name in fields})
    return lambda value: value


@cache
def _hints(kind) -> dict:
    """Field types of a dataclass; resolving them is slow, and a snapshot holds thousands of rows."""
    return typing.get_type_hints(kind)


def encode(value):
    """Any pack data (dataclasses, tuples, dates) as plain JSON values; `decode(kind, ...)` reads it back."""
    return _encode(value)


def decode(kind, value):
    return _decode(kind, value)
