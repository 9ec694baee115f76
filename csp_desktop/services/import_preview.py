"""What the import preview shows: how each sheet and column was read, the first rows, the scale, the
problems in a coordinator's words, and what the import would do (a dry run). Built off the GUI thread
through a connection of its own."""
from __future__ import annotations

import contextlib

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..interchange.problems import ERROR, Problem
from ..store import Register
from .workspace import Workspace
from .import_mappings import Choices, headings_key, kept_for
from .imports import AlreadyInRegister, ImportResult, import_file

ROWS_SHOWN = 20          # data rows shown under the header rows
MAX_COLUMNS = 60
CELL_CHARS = 200
KINDS = ("risks", "actions", "priorities", "indicators", "mitigations", "owners")


@dataclass
class SheetView:
    key: str                          # sheet_key: the sheet's name, "" for a CSV file
    name: str                         # as shown
    reading: object                   # interchange.columns.SheetReading
    rows: list[tuple[int, list[str]]]  # (1-based row number, cells) for the rows shown


@dataclass
class Preview:
    file: Path
    choices: Choices
    sheets: list[SheetView] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    result: ImportResult | None = None
    already: list[str] = field(default_factory=list)   # risks found already in the register
    kept_applied: str = ""                             # the name of a kept mapping opened with
    headings: str = ""
    register_scale: str = ""
    checked: bool = False                              # the dry run has been made
    book: object = None                                # the file's cells, read once for both parts

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def can_import(self) -> bool:
        return self.result is not None and not self.errors

    def summary(self) -> str:
        """What will happen: "adds 26 risks, 66 actions; matches 3 owners already in the register"."""
        if not self.checked:
            return "Checking every row\u2026"
        if self.result is None:
            return "Nothing can be imported until the problems marked as errors are put right."
        counts = self.result.counts
        adds = ", ".join(_counted(n, name) for name, n in counts.items() if n) or "nothing"
        text = f"Adds {adds}"
        if self.result.matched:
            text += "; matches " + ", ".join(_counted(n, name) for name, n in self.result.matched.items()) + \
                    " already in the register"
        if self.result.scheme_changed and self.result.scheme is not None:
            whose = "a guessed" if self.result.scale_guessed else "the file's"   # never claim a guess is the file's
            text += f"; the register takes {whose} {self.result.scheme.size} scale"
        return text + "." + (f"\n{self.result.review_note}" if self.result.review_note else "")


def _counted(n: int, table: str) -> str:
    """ "1 indicator", "2 priorities": a count of one of the register's tables (named in the plural)."""
    if n != 1:
        return f"{n} {table}"
    return f"1 {table[:-3] + 'y' if table.endswith('ies') else table[:-1]}"


@contextlib.contextmanager
def job_connection(register: "Workspace | Path", *, write: bool):
    """A connection of the job's own: the open workspace's (the app, whose main connection holds the
    writer's lock), or, given a path (a script, the benchmark), a workspace opened for the job."""
    if isinstance(register, Workspace):
        with (register.writing() if write else register.reading()) as reg:
            yield reg
        return
    with Workspace.open(Path(register), read_only=not write) as workspace:
        yield workspace.register


def build_preview(register: Path, file: Path, choices: Choices | None = None) -> Preview:
    """The whole preview: `read_preview` then `check_preview`."""
    return check_preview(register, read_preview(register, file, choices))


def read_preview(register: Path, file: Path, choices: Choices | None = None) -> Preview:
    """How the file is read, sheet by sheet and column by column, with its first rows: the part of the
    preview shown first, since it needs only the file's cells. `choices` None looks for a kept mapping."""
    from ..interchange.register_reader import explain_book
    from ..interchange.tables import read_tables
    file = Path(file)
    if file.suffix.lower() == ".json":
        raise UserError(f"{file.name} is a register export: it is imported whole, without a preview.")
    book = read_tables(file)
    with job_connection(register, write=False) as reg:
        preview = Preview(file, choices or Choices(), register_scale=reg.scheme.size)
        readings = explain_book(book, None)
        preview.headings = headings_key(readings)
        if choices is None:
            kept = kept_for(reg, readings)
            if kept is not None:
                preview.choices, preview.kept_applied = kept, kept.name
    chosen = preview.choices
    readings = explain_book(book, chosen.columns, chosen.sheets) if not chosen.empty else readings
    preview.sheets = [_sheet_view(sheet, reading) for sheet, reading in zip(book.sheets, readings)]
    preview.book = book
    return preview


def check_preview(register: Path, preview: Preview) -> Preview:
    """Every row read and written in a transaction rolled back (a dry run): the problems and the counts.
    Works on a copy: the GUI thread may be showing `preview` meanwhile."""
    with job_connection(register, write=True) as reg:
        return _checked(reg, preview)


def _checked(reg: Register, preview: Preview, progress=None) -> Preview:
    preview = dataclasses.replace(preview, sheets=[dataclasses.replace(v, rows=list(v.rows)) for v in preview.sheets])
    _dry_run(reg, preview, progress)
    for sheet in preview.sheets:
        _add_problem_rows(sheet, preview.book, preview.problems)
    preview.checked = True
    return preview


# -- the same two parts in a child process (the app's way: see child_process.py for why) ----------------

def build_preview_apart(register: "Workspace | Path", file: Path, choices: Choices | None = None, *, on_read=None,
                        progress=None, cancelled=None) -> Preview:
    """`build_preview` in one child process: `read_preview`, told to `on_read(preview)` as soon as it is
    known (with the file's cells, which come back only that once), then `check_preview` on a copy of the
    register in memory (the app holds the file for writing), its rows told to `progress(done, of, words)`.
    `cancelled()` true stops the child (ChildCancelled)."""
    from .child_process import run_in_child
    path, who = _path_and_who(register)
    read: list[Preview] = []

    def told(kind: str, *what) -> None:
        if kind == "read":
            read.append(what[0])
            if on_read is not None:
                on_read(what[0])
        elif progress is not None:
            progress(*what)

    checked = run_in_child(_build_in_child, path, who, Path(file), choices, cancelled=cancelled, progress=told,
                           stopped_words=_stopped(file))
    checked.book = read[0].book if read else None
    return checked


def _path_and_who(register: "Workspace | Path") -> tuple[Path, str]:
    if isinstance(register, Workspace):
        return register.register.path, register.register.who
    from ..store.register import default_who
    return Path(register), default_who()


def _stopped(file: Path) -> str:
    return (f"{Path(file).name} could not be read: reading it stopped unexpectedly, perhaps because it is too large "
            "for this computer's memory or damaged")


def _build_in_child(path: Path, who: str, file: Path, choices: Choices | None, progress) -> Preview:
    from ..store.scratch import scratch_copy
    preview = read_preview(path, file, choices)
    progress("read", preview)
    reg = scratch_copy(path, who=who)
    try:
        checked = _checked(reg, preview, lambda *step: progress("step", *step))
    finally:
        reg.close()
    checked.book = None  # the parent has it from the first part
    return checked


def _dry_run(reg: Register, preview: Preview, progress=None) -> None:
    from ..interchange.problems import ReadError
    from .imports import Steps
    chosen = preview.choices
    try:
        preview.result = import_file(reg, preview.file, mapping=chosen.columns or None, kinds=chosen.sheets or None,
                                     scheme=chosen.scheme or None, dry_run=True, book=preview.book,
                                     steps=Steps(progress))
        preview.problems = [_worded(p) for p in preview.result.warnings]
    except ReadError as exc:
        preview.problems = [_worded(p) for p in exc.problems]
    except AlreadyInRegister as exc:
        preview.already = exc.found
        preview.problems = [Problem(preview.file.name, in_app_words(str(exc)), ERROR)]
    except UserError as exc:
        preview.problems = [Problem(preview.file.name, in_app_words(str(exc)), ERROR)]


def _sheet_view(sheet, reading) -> SheetView:
    top = (reading.header_row or 0) + ROWS_SHOWN
    rows = [(n + 1, [_cell(c) for c in row[:MAX_COLUMNS]]) for n, row in enumerate(sheet.rows[:top])]
    return SheetView(sheet.name or "", sheet.name or "The file's table", reading, rows)


def _add_problem_rows(view: SheetView, book, problems: list[Problem]) -> None:
    """A problem's row further down is shown too (after a gap), so clicking the problem finds its cell."""
    sheet = next((s for s in book.sheets if (s.name or "") == view.key), None)
    shown = {n for n, _ in view.rows}
    wanted = sorted({p.row for p in problems if p.row and (p.sheet or "") == view.key and p.row not in shown})[:50]
    if sheet is not None:
        view.rows += [(n, [_cell(c) for c in sheet.rows[n - 1][:MAX_COLUMNS]]) for n in wanted
                      if n - 1 < len(sheet.rows)]


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS] + "\u2026"


def _worded(problem: Problem) -> Problem:
    return Problem(problem.file, in_app_words(problem.message), problem.severity, problem.sheet, problem.row,
                   problem.column)


# The reader's words are written for the command line; the app says where to click instead.
_APP_WORDS = (
    (re.compile(r"name what it holds with --map, e\.g\. --map \"[^\"]*\""),
     "choose what it holds in the list above the column"),
    (re.compile(r"\(name what they hold with --map\)"), "(choose what they hold in the lists above the columns)"),
    (re.compile(r"\(give the column a heading, then --map it\)"),
     "(give the column a heading in the file, then choose what it holds here)"),
    (re.compile(r"Name the columns with --map, or choose the sheet with --sheet"),
     "Choose what each sheet and column holds in the lists above them"),
    (re.compile(r"Name the columns with --map"), "Choose what the columns hold in the lists above them"),
    (re.compile(r"; name it with --map"), "; choose what it holds in the list above it"),
    (re.compile(r"or choose --scheme (\S+?)\."), r"or choose the \1 scale in the preview."),
    (re.compile(r"choose --scheme (\S+?)(?=\.|$)"), r"choose the \1 scale above"),
    (re.compile(r"--scheme 4x4"), "the 4x4 scale"),
    (re.compile(r"--map names"), "you chose"),
    (re.compile(r"named with --map"), "chosen by you"),
    (re.compile(r"leave out --sheet"), "import it as it is"),
    (re.compile(r"`csp-desktop [^`]*`"), "File > Backups"),
)


def in_app_words(text: str) -> str:
    """A reader or register message reworded for the app: no command-line option is named."""
    for pattern, words in _APP_WORDS:
        text = pattern.sub(words, text)
    text = re.sub(r"\s?--[a-z][a-z-]*\b", "", text)  # any option left: drop its name rather than show it
    # A field's own name ("residual_likelihood") as the drop-downs say it ("residual likelihood").
    return re.sub(r"\b[a-z]+(?:_[a-z]+)+\b", lambda m: field_words(m.group()).lower(), text)


def field_words(field_name: str | None) -> str:
    """A field as a coordinator says it: "residual_likelihood" -> "Residual likelihood"."""
    if not field_name:
        return "Not imported"
    if field_name == "ignore":
        return "Left out"
    return field_name.replace("_", " ").capitalize()


def import_chosen(register: Path, file: Path, choices: Choices, *, keep_as: str = "", progress=None,
                  cancelled=None, book=None) -> ImportResult:
    """The import the preview shows, through a connection of its own (off the GUI thread), after a backup
    that File > Undo last import restores. `cancelled()` true at any step rolls it all back. `book`: the
    cells the preview read and showed, so what is imported is what was seen (and not parsed again)."""
    from .imports import Steps
    with job_connection(register, write=True) as reg:
        return import_file(reg, Path(file), mapping=choices.columns or None, kinds=choices.sheets or None,
                           scheme=choices.scheme or None, steps=Steps(progress, cancelled), keep_as=keep_as,
                           book=book)


def fields_for(kind: str | None) -> list[str]:
    """What a column of a table of `kind` can be taken as (the preview's drop-down), "ignore" last."""
    from ..interchange.headers import FIELDS
    return list(FIELDS.get(kind or "", [])) + ["ignore"]


def scales() -> list[str]:
    return ["3x3", "4x4", "5x5", "5x4", "4x5", "4x3", "3x4", "5x3", "3x5"]


def scale_words(result: ImportResult | None) -> str:
    """The scale the import will score on, and its labels."""
    if result is None or result.scheme is None:
        return ""
    s = result.scheme
    words = f"{s.size}: likelihood {', '.join(s.likelihood_labels)}; impact {', '.join(s.impact_labels)}"
    # How the file's scale was read, so a guess from the numbers alone is not taken for what the file says.
    return words + (f"\nThe file's scale: {in_app_words(result.scale_note)}." if result.scale_note else "")


def column_letters(index: int) -> str:
    from ..interchange.columns import letters
    return letters(index)


def column_index(column: str | None) -> int | None:
    """The 0-based index of a problem's column, "C (Likelihood)" -> 2."""
    match = re.match(r"([A-Z]+)\b", column or "")
    if not match:
        return None
    n = 0
    for ch in match.group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1
