"""Finding the header row of a real sheet and what each column holds, by the names people use."""
from __future__ import annotations

import re
from dataclasses import dataclass

RISKS, MITIGATIONS, ACTIONS, PRIORITIES, INDICATORS, OWNERS = (
    "risks", "mitigations", "actions", "priorities", "indicators", "owners")
IGNORE = "ignore"
HEADER_SEARCH_ROWS = 30

_L, _I, _S = ("likelihood", "probability", "l"), ("impact", "severity", "i"), ("score", "risk score", "rating", "risk rating")


def _scored(prefixes: tuple[str, ...], field: str, words: tuple[str, ...]) -> dict[str, str]:
    return {f"{p} {w}".strip(): field for p in prefixes for w in words}


SYNONYMS: dict[str, dict[str, str]] = {
    RISKS: {
        **dict.fromkeys(["ref", "reference", "risk ref", "risk reference", "risk no", "risk number", "no",
                         "number", "id", "risk id", "action ref", "ref no"], "ref"),
        **dict.fromkeys(["risk", "risk title", "risk description", "risk name", "risks", "title of risk"], "title"),
        **dict.fromkeys(["description", "details", "risk details", "cause", "cause and effect",
                         "cause event consequence", "risk detail"], "description"),
        **dict.fromkeys(["category", "risk category", "type", "risk type"], "category"),
        **dict.fromkeys(["priority", "linked priority", "objective", "plan priority", "strategic priority",
                         "priority title"], "priority"),
        **dict.fromkeys(["owner", "risk owner", "lead", "lead officer", "responsible officer", "owner body",
                         "responsible", "risk lead"], "owner"),
        **dict.fromkeys(["status", "risk status"], "status"),
        **_scored(("", "inherent", "gross", "original"), "inherent_likelihood", _L + ("likelihood of occurrence",)),
        **_scored(("", "inherent", "gross", "original"), "inherent_impact", _I),
        **_scored(("", "inherent", "gross", "original"), "inherent_score", _S),
        **_scored(("residual", "net", "current"), "residual_likelihood", _L + ("likelihood of occurrence",)),
        **_scored(("residual", "net", "current"), "residual_impact", _I),
        **_scored(("residual", "net", "current"), "residual_score", _S),
        **_scored(("target",), "target_likelihood", _L),
        **_scored(("target",), "target_impact", _I),
        **_scored(("target",), "target_score", _S),
        **dict.fromkeys(["controlling mechanism", "controlling mechanisms", "action description",
                         "existing controls", "mitigation", "mitigations", "controls", "mitigating action",
                         "mitigating actions", "control measures", "mitigating controls"], "mitigation"),
        **dict.fromkeys(["mitigation owner", "control owner"], "mitigation_owner"),
        **dict.fromkeys(["review date", "next review", "next review date", "review by"], "next_review"),
        **dict.fromkeys(["exempt", "part ii", "part 2", "part b", "exempt item", "confidential"], "exempt"),
        **dict.fromkeys(["band", "rag"], IGNORE),
        **dict.fromkeys(["response", "risk response", "treatment", "4ts", "4 ts"], "response"),
        **dict.fromkeys(["response reason", "reason for response", "reason for the response"], "response_reason"),
        **dict.fromkeys(["accepted by", "risk accepted by"], "accepted_by"),
        **dict.fromkeys(["accepted on", "date accepted", "acceptance date"], "accepted_on"),
        **dict.fromkeys(["accepted until", "acceptance ends", "acceptance expires"], "accepted_until"),
    },
    MITIGATIONS: {
        **dict.fromkeys(["risk ref", "risk reference"], "risk_ref"),
        **dict.fromkeys(["mitigation", "control", "mitigating action"], "description"),
        **dict.fromkeys(["owner", "mitigation owner"], "owner"),
        **dict.fromkeys(["expected likelihood", "expected residual likelihood"], "expected_likelihood"),
        **dict.fromkeys(["expected impact", "expected residual impact"], "expected_impact"),
        **dict.fromkeys(["exempt"], IGNORE),  # a mitigation is exempt with its risk, never on its own
    },
    ACTIONS: {
        **dict.fromkeys(["ref", "action ref", "action no", "action number", "reference", "no", "id"], "ref"),
        **dict.fromkeys(["action", "actions", "action title", "action description", "task"], "title"),
        **dict.fromkeys(["owner", "action owner", "lead", "lead officer", "responsible", "responsible officer",
                         "who"], "owner"),
        **dict.fromkeys(["due", "due date", "deadline", "target date", "by when", "timescale", "date due"], "due"),
        **dict.fromkeys(["status", "action status"], "status"),
        **dict.fromkeys(["progress", "progress notes", "update", "latest update", "comments", "progress update"],
                        "progress"),
        **dict.fromkeys(["priority", "priority ref", "priority no", "objective"], "priority"),
        **dict.fromkeys(["priority title", "priority name"], "priority_title"),
        **dict.fromkeys(["lead agency", "lead organisation"], "lead_agency"),
        **dict.fromkeys(["risk ref", "linked risk", "risk"], "risk_ref"),
        **dict.fromkeys(["exempt", "part ii", "part 2", "confidential"], "exempt"),
        **dict.fromkeys(["completed", "completed on", "date completed"], "completed_on"),
        **dict.fromkeys(["rag"], IGNORE),
    },
    PRIORITIES: {
        **dict.fromkeys(["priority", "ref", "no", "priority no", "priority ref", "number"], "ref"),
        **dict.fromkeys(["title", "priority title", "priority name", "name"], "title"),
        **dict.fromkeys(["lead agency", "lead", "lead organisation", "lead partner"], "lead_agency"),
    },
    OWNERS: {
        **dict.fromkeys(["owner name"], "name"),
        **dict.fromkeys(["kind", "owner kind"], "kind"),
        **dict.fromkeys(["organisation", "organization", "partner", "partner body"], "organisation"),
        **dict.fromkeys(["email", "e mail", "email address"], "email"),
    },
    INDICATORS: {
        **dict.fromkeys(["priority"], "priority"),
        **dict.fromkeys(["performance indicator", "indicator", "measure", "pi", "kpi"], "title"),
        **dict.fromkeys(["data source", "source"], "data_source"),
        **dict.fromkeys(["target"], "target"),
        **dict.fromkeys(["latest", "actual", "outturn", "latest performance", "performance"], "latest"),
        **dict.fromkeys(["latest as at", "as at"], "latest_label"),
    },
}

# The column that makes a sheet a table of that kind, in the order kinds are tried.
KEY_FIELDS = ((OWNERS, "name"), (RISKS, "title"), (MITIGATIONS, "risk_ref"), (INDICATORS, "title"), (ACTIONS, "title"),
              (PRIORITIES, "title"))
FIELDS = {kind: sorted(set(v for v in SYNONYMS[kind].values() if v != IGNORE)) for kind in SYNONYMS}


def normalise(header) -> str:
    text = re.sub(r"[^0-9a-z]+", " ", str(header or "").lower().replace("&", " and "))
    return " ".join(text.split())


def _loose(kind: str, name: str) -> str | None:
    """Headings that carry a date or year, such as "2011/12 Target" or "Performance to 31/01/12"."""
    if kind == INDICATORS:
        if "target" in name.split():
            return "target"
        if name.startswith("performance") and "indicator" not in name:
            return "latest"
    return None


@dataclass
class Layout:
    kind: str
    header_row: int                 # 0-based index of the header row in the sheet
    columns: dict[str, int]         # field -> 0-based column
    headers: list[str]              # the header texts, for naming columns in problems


def find_layout(rows: list[list], mapping: dict[str, str] | None = None) -> Layout | None:
    """The first row, among the first rows of the sheet, that names a known key column.

    Where a row would do for several kinds of table, the kind that explains most of its columns wins.
    """
    mapping = {normalise(k): v for k, v in (mapping or {}).items()}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        above = rows[index - 1] if index else []
        best = None
        for order, (kind, key) in enumerate(KEY_FIELDS):
            columns = match_columns(kind, row, above, mapping)
            if key in columns and len(columns) >= 2 and (best is None or len(columns) > len(best[1])):
                best = (kind, columns)
        if best:
            kind, columns = best
            return Layout(kind, index, columns, [str(c).strip() if c is not None else "" for c in row])
    return None


def match_columns(kind: str, row: list, above: list, mapping: dict[str, str]) -> dict[str, int]:
    synonyms, columns = SYNONYMS[kind], {}
    groups = _carried_groups(above, len(row))
    for col, cell in enumerate(row):
        name = normalise(cell)
        if not name:
            continue
        field = mapping.get(name) or synonyms.get(normalise(f"{groups[col]} {name}")) or synonyms.get(name) \
            or _loose(kind, name)
        field = _second_pair(field, columns)
        if field and field != IGNORE and field not in columns:
            columns[field] = col
    return columns


def _carried_groups(above: list, width: int) -> list[str]:
    """Labels of a merged group heading carried across the columns beneath it."""
    groups, current = [], ""
    for col in range(width):
        cell = above[col] if col < len(above) else None
        if cell not in (None, ""):
            current = str(cell)
        groups.append(current)
    return groups


def _second_pair(field: str | None, columns: dict[str, int]) -> str | None:
    """A second plain "Likelihood"/"Impact"/"Score" after the first is the residual one."""
    if field and field.startswith("inherent_") and field in columns:
        return field.replace("inherent_", "residual_")
    return field
