"""One JSON codec for the project's frozen dataclasses: plain JSON values out, typed values back in.

Used for the register's JSON export (interchange/register_json.py) and for the packs and plan years
kept in the register (services/pack_json.py)."""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, Callable

from .domain.scoring import Scheme


def encode(value: Any) -> Any:
    """Dataclasses (their init fields), tuples, dates and schemes as plain JSON values."""
    if isinstance(value, Scheme):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    return value


def decode(kind: Any, value: Any) -> Any:
    """`value` (as `encode` gave it) back as `kind`, a type hint such as a dataclass or tuple[X, ...]."""
    return _decoder(kind)(value)


@cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
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
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        fields = {name: _decoder(hint) for name, hint in _hints(kind).items()}
        return lambda value: kind(**{name: fields[name](item) for name, item in value.items() if name in fields})
    return lambda value: value


@cache
def _hints(kind: Any) -> dict:
    """Field types of a dataclass; resolving them is slow, and a snapshot holds thousands of rows."""
    return typing.get_type_hints(kind)
