"""The whole register as JSON: the exact, full-fidelity export, and the demo register's format."""
from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime, timezone
from pathlib import Path

from ..domain.exemption import covers, exempt_ids
from ..domain.model import (Action, Indicator, Meeting, Mitigation, Organisation, Owner, Priority, ProgressNote,
                            Review, Risk)
from ..domain.plan import IndicatorValue, Objective, PlanInfo, Theme
from ..domain.scoring import Rating, Scheme, SchemeError
from ..dataclass_json import encode
from .contents import Contents
from .problems import Problem, ReadError
from .tables import MAX_FILE_BYTES

FORMAT, FORMAT_VERSION = "csp-desktop-register", 1
_DISPLAY_ONLY = {"owner_name", "priority_title", "risk_ref", "version"}
EXEMPT_INFORMATION = "exempt_information"


def _fields(obj) -> dict:
    return {name: value for name, value in encode(obj).items() if name not in _DISPLAY_ONLY}


def to_json(contents: Contents) -> str:
    by_risk = lambda items: {r.id: [i for i in items if i.risk_id == r.id] for r in contents.risks}  # noqa: E731
    mitigations, reviews = by_risk(contents.mitigations), by_risk(contents.reviews)
    values: dict[str, list] = {}
    for v in contents.indicator_values:
        values.setdefault(v.indicator_id, []).append(v)
    notes = {a.id: [n for n in contents.notes if n.action_id == a.id] for a in contents.actions}
    exempt = exempt_ids(contents.risks, contents.actions, contents.mitigations)

    def marked(obj) -> dict:
        # "exempt" stays the item's own flag, so an import gives back exactly what was exported;
        # "exempt_information" is the rule's answer (an action on an exempt risk, a mitigation of one...).
        return {**_fields(obj), EXEMPT_INFORMATION: covers(exempt, obj)}
    document = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "name": contents.name, "scheme": contents.scheme.to_dict(),  # type: ignore[union-attr]
        "organisations": [_fields(o) for o in contents.organisations],
        "owners": [_fields(o) for o in contents.owners],
        "priorities": [_fields(p) for p in contents.priorities],
        "meetings": [_fields(m) for m in contents.meetings],
        "risks": [{**marked(r), "mitigations": [_without(marked(m), "risk_id") for m in mitigations[r.id]],
                   "reviews": [_without(marked(v), "risk_id") for v in reviews[r.id]]} for r in contents.risks],
        "actions": [{**marked(a), "notes": [_without(marked(n), "action_id") for n in notes[a.id]]}
                    for a in contents.actions],
        "objectives": [_fields(o) for o in contents.objectives],
        "themes": [_fields(t) for t in contents.themes],
        "plan": _fields(contents.plan_info) if contents.plan_info is not None else None,
        "indicators": [{**_fields(i), "values": [_without(_fields(v), "indicator_id") for v in values.get(i.id, [])]}
                       for i in contents.indicators],
    }
    return json.dumps(document, indent=1, ensure_ascii=False)


def _without(row: dict, key: str) -> dict:
    return {k: v for k, v in row.items() if k != key}


class _Reader:
    """Builds dataclasses from JSON objects, naming the exact place of anything wrong."""

    def __init__(self, file: str):
        self.file = file

    def fail(self, where: str, message: str):
        raise ReadError([Problem(self.file, f"{where}: {message}")])

    def build(self, cls, data, where: str, **extra):
        if not isinstance(data, dict):
            self.fail(where, "is not an object")
        allowed = {f.name: f for f in fields(cls)}
        values = {}
        for key, value in data.items():
            if key not in allowed or key in _DISPLAY_ONLY:
                continue
            values[key] = self.value(str(allowed[key].type), value, f"{where}.{key}")
        try:
            return cls(**values, **extra)
        except TypeError as exc:
            self.fail(where, f"is missing a field ({exc})")

    def value(self, kind: str, value, where: str):
        if value is None:
            return None
        try:
            if "Rating" in kind:
                return Rating(int(value["likelihood"]), int(value["impact"]))
            if kind.startswith("datetime"):
                return datetime.fromisoformat(value)
            if kind.startswith("date"):
                return date.fromisoformat(value)
            if kind.startswith("bool"):
                if not isinstance(value, bool):
                    raise ValueError("not true or false")
                return value
            if kind.startswith("int"):
                return int(value)
            if kind.startswith("float"):  # an indicator's target or baseline read as a number
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise ValueError("not a number")
                return float(value)
            if kind.startswith("tuple[str"):  # e.g. Meeting.sections
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise ValueError("not a list of text")
                return tuple(value)
            if not isinstance(value, str):
                raise ValueError("not text")
            return value
        except (KeyError, TypeError, ValueError) as exc:
            self.fail(where, f"{str(value)[:60]!r} is not valid ({exc})")

    def items(self, document: dict, key: str) -> list:
        items = document.get(key, [])
        if not isinstance(items, list):
            self.fail(key, "is not a list")
        return items


def read_json(path: Path) -> Contents:
    path = Path(path)
    reader = _Reader(path.name)
    document = _load(path, reader)
    try:
        scheme = Scheme.from_dict(document.get("scheme") or {})
    except SchemeError as exc:
        reader.fail("scheme", str(exc))
    contents = Contents(path.name, scheme=scheme, name=document.get("name"), keeps_ids=True)
    for key, cls in (("organisations", Organisation), ("owners", Owner), ("priorities", Priority),
                     ("meetings", Meeting), ("indicators", Indicator)):
        getattr(contents, key).extend(reader.build(cls, item, f"{key}[{n}]")
                                      for n, item in enumerate(reader.items(document, key)))
    contents.objectives = [reader.build(Objective, o, f"objectives[{n}]")
                           for n, o in enumerate(reader.items(document, "objectives"))]
    contents.themes = [reader.build(Theme, t, f"themes[{n}]") for n, t in enumerate(reader.items(document, "themes"))]
    if document.get("plan") is not None:
        contents.plan_info = reader.build(PlanInfo, document["plan"], "plan")
    for n, item in enumerate(reader.items(document, "indicators")):
        contents.indicator_values.extend(reader.build(IndicatorValue, v, f"indicators[{n}].values[{k}]",
                                                      indicator_id=contents.indicators[n].id)
                                         for k, v in enumerate(reader.items(item, "values")))
    for n, item in enumerate(reader.items(document, "risks")):
        risk = reader.build(Risk, item, f"risks[{n}]")
        contents.risks.append(risk)
        for k, m in enumerate(reader.items(item, "mitigations")):
            order = {} if isinstance(m, dict) and "position" in m else {"position": k}
            contents.mitigations.append(reader.build(Mitigation, m, f"risks[{n}].mitigations[{k}]",
                                                     risk_id=risk.id, **order))
        for k, v in enumerate(reader.items(item, "reviews")):
            contents.reviews.append(reader.build(Review, v, f"risks[{n}].reviews[{k}]", risk_id=risk.id))
    for n, item in enumerate(reader.items(document, "actions")):
        action = reader.build(Action, item, f"actions[{n}]")
        contents.actions.append(action)
        contents.notes.extend(reader.build(ProgressNote, note, f"actions[{n}].notes[{k}]", action_id=action.id)
                              for k, note in enumerate(reader.items(item, "notes")))
    return contents


def _load(path: Path, reader: _Reader) -> dict:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            reader.fail("file", "is larger than an import may be")
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        reader.fail("file", "does not exist")
    except UnicodeDecodeError:
        reader.fail("file", "is not UTF-8 text, so it is not a register export")
    except json.JSONDecodeError as exc:
        reader.fail("file", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
    except RecursionError:
        reader.fail("file", "is nested too deeply to be a register export")
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        reader.fail("file", f"is JSON but not a CSP Desktop register export (no \"format\": \"{FORMAT}\")")
    if document.get("format_version", 0) > FORMAT_VERSION:
        reader.fail("file", "was exported by a newer CSP Desktop; update the app to import it")
    return document
