"""The layout of an owner workbook, shared by the writer and the reader so the two cannot drift apart."""
from __future__ import annotations

from dataclasses import dataclass

FORMAT = "csp-desktop owner workbook 1"
META_SHEET = "_csp"
INSTRUCTIONS_SHEET = "Instructions"
RISKS_SHEET, MITIGATIONS_SHEET, ACTIONS_SHEET = "Risks", "Mitigations", "Actions"
INDICATORS_SHEET = "Indicators"
OPTIONAL_SHEETS = {INDICATORS_SHEET}  # workbooks sent before indicators were in the round lack it
HEADER_ROW = 2          # row 1 carries a heading line for the owner
FIRST_DATA_ROW = 3
ROW_ID, ROW_VERSION = "row_id", "row_version"

# Kinds of owner cell: what the reader expects in them.
LIKELIHOOD, IMPACT, STATUS, DATE, TEXT, YES = "likelihood", "impact", "status", "date", "text", "yes"
YES_WORDS = ("Yes",)


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: int = 14
    owner_kind: str | None = None   # set for the cells the owner fills in; all others are locked
    hidden: bool = False
    optional: bool = False          # added after the first workbooks went out: a return may lack it

    @property
    def for_owner(self) -> bool:
        return self.owner_kind is not None


EXEMPT_KEY, EXEMPT_MARK = "exempt", "NOT FOR PUBLICATION"
_EXEMPT = Column(EXEMPT_KEY, "Exempt (Schedule 12A)", 14, optional=True)
_IDENTITY = (Column(ROW_ID, "Row ID (do not edit)", 38, hidden=True),
             Column(ROW_VERSION, "Row version (do not edit)", 8, hidden=True))

# Columns added after the first workbooks went out come after the hidden identity, so every earlier column
# keeps its place (and its letter) and a return of an older workbook still reads.
RISK_COLUMNS = (
    Column("ref", "Ref", 8), Column("title", "Risk", 40),
    Column("likelihood", "Current likelihood", 14), Column("impact", "Current impact", 14),
    Column("score", "Current score", 9), Column("mitigations", "Mitigations", 48),
    Column("new_likelihood", "New likelihood", 16, LIKELIHOOD), Column("new_impact", "New impact", 16, IMPACT),
    Column("commentary", "Commentary", 48, TEXT),
# After the identity columns, so the places of the others stay as they were.
) + _IDENTITY + (
    _EXEMPT,
    Column("no_change", "Reviewed, no change", 12, YES, optional=True), Column("band", "Band", 11, optional=True),
    Column("target", "Target", 12, optional=True), Column("last_review", "Last review", 40, optional=True),
)

MITIGATION_COLUMNS = (
    Column("risk_ref", "Risk ref", 8), Column("risk_title", "Risk", 30), Column("description", "Mitigation", 44),
    Column("expected_likelihood", "Expected likelihood", 14), Column("expected_impact", "Expected impact", 14),
    Column("new_description", "Revised mitigation", 44, TEXT),
    Column("new_expected_likelihood", "New expected likelihood", 16, LIKELIHOOD),
    Column("new_expected_impact", "New expected impact", 16, IMPACT),
) + _IDENTITY + (_EXEMPT,)  # after the identity columns: the places of the others stay as they were

ACTION_COLUMNS = (
    Column("ref", "Ref", 8), Column("title", "Action", 40), Column("risk_ref", "Risk", 8),
    Column("due", "Due", 11), Column("status", "Status", 13), Column("progress", "Latest progress", 40),
    Column("new_status", "New status", 14, STATUS), Column("new_progress", "Progress update", 48, TEXT),
    Column("new_due", "Revised due date", 14, DATE),
) + _IDENTITY + (_EXEMPT,)  # after the identity columns: the places of the others stay as they were

INDICATOR_COLUMNS = (
    Column("ref", "Ref", 7), Column("title", "Indicator", 40), Column("target", "Target", 18),
    Column("last_period", "Last period", 13), Column("last_value", "Last value", 18),
    Column("new_period", "Period of the new value", 16, TEXT), Column("new_value", "New value", 18, TEXT),
    Column("commentary", "Commentary", 44, TEXT),
) + _IDENTITY

SHEETS = {RISKS_SHEET: ("risks", RISK_COLUMNS), MITIGATIONS_SHEET: ("mitigations", MITIGATION_COLUMNS),
          ACTIONS_SHEET: ("actions", ACTION_COLUMNS), INDICATORS_SHEET: ("indicators", INDICATOR_COLUMNS)}

# The visible cells that say which row the owner is looking at; they must still match the hidden row ID.
LABEL_KEYS = {"risks": ("ref", "title"), "mitigations": ("risk_ref", "description"), "actions": ("ref", "title"),
              "indicators": ("ref", "title")}

# Where the meta sheet keeps its facts (column A names, column B values) and its drop-down lists.
META_KEYS = ("format", "register_id", "register_name", "round_id", "sending_id", "owner_id", "owner_name",
             "sent_at", "return_by", "marking", "coordinator", "coordinator_email", "sheets")
# The table sheets a workbook was sent with (a sheet with no rows is left out). Workbooks sent before this key
# lack it: they were sent with every sheet but the optional ones.
SHEETS_KEY, SHEETS_SEPARATOR = "sheets", ","
LIST_COLUMNS = {LIKELIHOOD: "D", IMPACT: "E", STATUS: "F", YES: "G"}

# Excel refuses more than this in one cell, so a longer text cannot have come from a spreadsheet program.
MAX_CELL_TEXT = 32767
