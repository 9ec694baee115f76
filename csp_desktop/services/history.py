"""The audit trail in plain words: who changed what, when, from what to what.

Read from the audit table as it stands. Owner returns were written under the owner's name and the
file ("Siân (return x.xlsx, taken in by jo)"): they read "from the return of Siân".
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..domain.field_words import field_words
from ..errors import UserError
from ..interchange.writers import safe_text
from ..store import Register
from ..store import history as store
from ..store.history import PAGE, Filter  # noqa: F401  (Filter is part of this module's interface)

KINDS = {"risks": "Risk", "actions": "Action", "meetings": "Meeting", "mitigations": "Mitigation",
         "reviews": "Review", "progress_notes": "Progress note", "owners": "Owner", "organisations": "Organisation",
         "priorities": "Priority", "register_info": "Register settings", "indicators": "Indicator",
         "pack_snapshots": "Issued pack", "chase_log": "Chase", "update_rounds": "Update round",
         "round_owners": "Workbook sent", "round_items": "Row sent", "returns": "Return",
         "return_changes": "Returned change"}
# What a user picks in the History view's "kind" list, and the tables each one covers.
KIND_CHOICES = {"Risks": ["risks", "mitigations", "reviews"], "Actions": ["actions", "progress_notes"],
                "Meetings": ["meetings", "pack_snapshots"], "Partners and owners": ["owners", "organisations"],
                "Settings": ["register_info", "priorities", "indicators"],
                "Owner updates": ["update_rounds", "round_owners", "returns", "return_changes", "chase_log"]}
LINKS = {"owner_id", "priority_id", "risk_id", "mitigation_id", "meeting_id", "organisation_id"}
RETURN = re.compile(r"^(?P<owner>.*) \(return (?P<file>.*), taken in by (?P<by>.*)\)$")
CSV_COLUMNS = ("when", "who", "item", "kind", "change", "old", "new", "exempt")


@dataclass
class Entry:
    at: datetime
    who: str
    item: str        # "Risk R-01 Knife crime"
    kind: str        # "Risk"
    change: str      # "changed the residual likelihood"
    old: str
    new: str
    exempt: bool
    row_id: str

    @property
    def when(self) -> str:
        return self.at.astimezone().strftime("%d/%m/%Y %H:%M")

    def as_row(self) -> dict:
        return {"when": self.at.isoformat(), "who": self.who, "item": self.item, "kind": self.kind,
                "change": self.change, "old": self.old, "new": self.new, "exempt": self.exempt}


def history(reg: Register, chosen: Filter | None = None, *, offset: int = 0, limit: int = PAGE) -> list[Entry]:
    """One page of the trail, newest first."""
    rows = store.page(reg, chosen or Filter(), offset=offset, limit=limit)
    labels = store.labels(reg, {r["row_id"] for r in rows})
    names = store.names(reg, {r[k] for r in rows if r["field"] in LINKS for k in ("old", "new") if r[k]})
    return [_entry(row, labels.get(row["row_id"]), names) for row in rows]


def item_filter(reg: Register, ref: str, **others) -> Filter:
    """A filter for one item named by reference (or id), with what hangs off it; refused if none is found."""
    ids = store.item_rows(reg, ref.strip())
    if not ids:
        raise UserError(f"There is no risk, action or meeting {ref!r} in this register.")
    return Filter(row_ids=ids, **others)


def for_item(reg: Register, tbl: str, row_id: str, limit: int = 1000) -> list[Entry]:
    """The History tab of one risk, action or meeting."""
    return history(reg, Filter(row_ids=[row_id, *store.children(reg, tbl, row_id)]), limit=limit)


def people(reg: Register) -> list[str]:
    """The people in the trail, owners of returns under their own name, once each."""
    found = set()
    for who in store.people(reg):
        match = RETURN.match(who)
        found.add(match["owner"] if match else who)
    return sorted(found, key=str.casefold)


def write_csv(entries: list[Entry], path: Path) -> Path:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        row = entry.as_row()
        writer.writerow({k: safe_text("yes" if v is True else "no" if v is False else str(v)) for k, v in row.items()})
    try:
        Path(path).write_text(text.getvalue(), encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(f"{Path(path).name} could not be written ({exc.strerror or exc}).") from exc
    return Path(path)


def all_matching(reg: Register, chosen: Filter, cap: int = 1_000_000) -> list[Entry]:
    """Every entry matching (for export and the command line), read a page at a time."""
    entries, offset = [], 0
    while offset < cap:
        batch = history(reg, chosen, offset=offset, limit=5000)
        entries += batch
        if len(batch) < 5000:
            break
        offset += 5000
    return entries


# -- plain words -------------------------------------------------------------------------------------

def _entry(row: dict, label: dict | None, names: dict[str, str]) -> Entry:
    kind = KINDS.get(row["tbl"], row["tbl"])
    old, new = _value(row["field"], row["old"], names), _value(row["field"], row["new"], names)
    if row["change"] == "insert":
        change, old, new = "added", "", _summary(row["new"])
    elif row["change"] == "delete":
        change, old, new = "deleted", _summary(row["old"]), ""
    else:
        change = f"changed the {field_words(row['field'])}"
    return Entry(_at(row["at"]), who_words(row["who"]), _item(kind, row, label), kind, change, old, new,
                 bool(row.get("exempt")), row["row_id"])


def who_words(who: str) -> str:
    match = RETURN.match(who or "")
    if match:
        return f"from the return of {match['owner']} (taken in by {match['by']})"
    return who or "unknown"


def _value(name: str | None, text: str | None, names: dict[str, str]) -> str:
    if text is None or text == "":
        return "(none)" if name else ""
    if name in LINKS:
        return names.get(text, "(since deleted)")
    if name == "exempt":
        return "yes" if text in ("1", "True") else "no"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text


def _summary(text: str | None) -> str:
    """What an added or deleted row held, in a few words."""
    try:
        row = json.loads(text or "{}")
    except ValueError:
        return ""
    for key in ("title", "name", "description", "text", "board"):
        if row.get(key):
            ref = f"{row['ref']} " if row.get("ref") else ""
            return f"{ref}{row[key]}"
    return ""


def _item(kind: str, row: dict, label: dict | None) -> str:
    if label is None:
        standing = ("register_info", "update_rounds", "round_owners", "round_items", "returns", "return_changes",
                    "chase_log", "pack_snapshots", "indicators")
        return kind if row["tbl"] in standing else f"{kind} (no longer in the register)"
    if row["tbl"] in ("mitigations", "reviews", "progress_notes"):
        parent = "Risk" if row["tbl"] != "progress_notes" else "Action"
        return f"{kind} of {parent} {label['ref']} {label['parent']}".replace("  ", " ").strip()
    return f"{kind} {label['ref']} {label['title']}".replace("  ", " ").strip()


def _at(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)
