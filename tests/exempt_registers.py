"""Random registers with exempt items, and a scan of every public output for their text (issue 12's proof).

Every text an item carries (ref, title, description, mitigations, review notes, progress notes) holds a
distinctive random token of consonants, so finding a token anywhere in an output means the item leaked.
Which items are exempt is worked out here independently of `domain.exemption` (the test's own oracle).
"""
from __future__ import annotations

import atexit
import random
import re
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from csp_desktop.domain.model import Action, Meeting, Mitigation, Owner, ProgressNote, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.services.exports import export_register
from csp_desktop.services.packs import PackOptions, build_pack, issue
from csp_desktop.store import Register
from csp_desktop.store.actions import add_action, add_note, delete_action, get_action, list_actions, save_action
from csp_desktop.store.maintenance import backup
from csp_desktop.store.meetings import add_meeting
from csp_desktop.store.partners import add_owner
from csp_desktop.store.risks import add_mitigation, add_risk, delete_risk, get_risk, record_review, save_risk
from tests.conftest import known

LETTERS = "BCDFGHJKLMNPQRSTVWXZ"
SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else None  # registers in memory where the OS allows
EXPORTS = (("public.json", "risks"), ("public.xlsx", "risks"), ("risks.csv", "risks"), ("actions.csv", "actions"),
           ("mitigations.csv", "mitigations"))

# -- what a random register holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class RiskPlan:
    exempt: bool
    flip: bool                   # its flag is changed after the packs are issued
    open: bool
    inherent: tuple[int, int]
    residual: tuple[int, int] | None
    owner: int | None
    mitigations: int
    reviews: int


@dataclass(frozen=True)
class ActionPlan:
    exempt: bool
    flip: bool
    risk: int | None             # index into the risks
    via_mitigation: bool         # filed against the risk's first mitigation rather than the risk
    done: bool
    owner: int | None
    matters: bool                # arising from the previous meeting
    notes: int
    due_in: int                  # days from today


@dataclass(frozen=True)
class Plan:
    seed: int
    owners: int
    risks: tuple[RiskPlan, ...]
    actions: tuple[ActionPlan, ...]
    issue_last: bool             # the previous meeting's pack was issued (changes compare with it)
    issue_this: bool             # this meeting's pack was issued, then flags changed: the rebuild must hold
    export: int                  # which public export (index into EXPORTS)


def _rating():
    return st.tuples(st.integers(1, 5), st.integers(1, 5))


def plans(max_risks: int = 6, max_actions: int = 7):
    owner = st.one_of(st.none(), st.integers(0, 2))
    risk = st.builds(RiskPlan, exempt=st.booleans(), flip=st.booleans(), open=st.booleans() | st.just(True),
                     inherent=_rating(), residual=st.none() | _rating(), owner=owner,
                     mitigations=st.integers(0, 2), reviews=st.integers(0, 2))
    action = st.builds(ActionPlan, exempt=st.booleans(), flip=st.booleans(), risk=st.none() | st.integers(0, 9),
                       via_mitigation=st.booleans(), done=st.booleans(), owner=owner, matters=st.booleans(),
                       notes=st.integers(0, 2), due_in=st.integers(-60, 90))
    return st.builds(Plan, seed=st.integers(0, 2**32), owners=st.integers(1, 3),
                     risks=st.lists(risk, max_size=max_risks).map(tuple),
                     actions=st.lists(action, max_size=max_actions).map(tuple),
                     issue_last=st.booleans(), issue_this=st.booleans(), export=st.integers(0, len(EXPORTS) - 1))


# -- building it --------------------------------------------------------------------------------------


@dataclass
class Item:
    kind: str                    # "risk" or "action"
    id: str
    then: bool                   # its own flag when the packs were issued
    now: bool                    # its own flag now
    tokens: list[str]
    title_token: str
    open: bool
    risk: int | None = None      # an action's risk (index), directly or through a mitigation


@dataclass
class World:
    reg: Register
    folder: Path
    risks: list[Item] = field(default_factory=list)
    actions: list[Item] = field(default_factory=list)
    this: str = ""
    marker: str = ""             # a public token in the partnership's name: the raw scan must find it

    def exempt(self, when: str) -> list[Item]:
        """The oracle: items exempt `when` ("now", "then", or "either" for a rebuilt issued pack)."""
        def flagged(item: Item) -> bool:
            return item.now if when == "now" else item.then if when == "then" else item.now or item.then
        risky = {n for n, r in enumerate(self.risks) if flagged(r)}
        return [r for r in self.risks if flagged(r)] + \
               [a for a in self.actions if flagged(a) or a.risk in risky]

    def secrets(self, when: str) -> set[str]:
        return {token for item in self.exempt(when) for token in item.tokens}


class Tokens:
    def __init__(self, seed: int):
        self.rng, self.seen = random.Random(seed), set[str]()

    def __call__(self, size: int = 8) -> str:
        while True:
            token = "".join(self.rng.choice(LETTERS) for _ in range(size))
            if token not in self.seen:
                self.seen.add(token)
                return token


_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    """One empty register made once per run and copied for each example: migrations are not re-run each time."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="csp-exempt-template-", dir=SCRATCH))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        Register.create(folder / "template.cspreg", "Template CSP").close()
        _TEMPLATE["path"] = folder / "template.cspreg"
    return _TEMPLATE["path"]


def build(plan: Plan, folder: Path, today: date) -> World:
    path = folder / "r.cspreg"
    shutil.copyfile(_template(), path)
    reg = Register.open(path, who="tester")
    token = Tokens(plan.seed)
    world = World(reg, folder, marker=token())
    owners = [Owner(f"Owner {token()}") for _ in range(plan.owners)]
    for owner in owners:
        add_owner(reg, owner)
    owner_id = lambda n: owners[n % len(owners)].id if n is not None else None  # noqa: E731
    # The board's name carries a public token, so the scans must find it (in text, metadata and raw bytes).
    last = Meeting(f"Board {world.marker}", datetime.combine(today - timedelta(days=40), time(10)))
    this = Meeting(f"Board {world.marker}", datetime.combine(today + timedelta(days=7), time(10)))
    add_meeting(reg, last)
    add_meeting(reg, this)
    world.this = this.id
    first_mitigation: dict[int, str] = {}
    for n, risk_plan in enumerate(plan.risks):
        _add_risk(world, n, risk_plan, token, owner_id, first_mitigation, today)
    for action_plan in plan.actions:
        _add_action(world, action_plan, token, owner_id, first_mitigation, last.id, today)
    if plan.issue_last:
        issue(reg, last.id, today)
    if plan.issue_this:
        issue(reg, this.id, today)
    _flip(world, plan)
    return world


def _add_risk(world, n, p: RiskPlan, token, owner_id, first_mitigation, today) -> None:
    tokens = [f"R{token(5)}", token(), token()]
    risk = Risk(f"{tokens[1]} risk", ref=tokens[0], description=f"{tokens[2]} detail", owner_id=owner_id(p.owner),
                status="open" if p.open else "closed", inherent=Rating(*p.inherent),
                residual=Rating(*p.residual) if p.residual else None, exempt=p.exempt)
    add_risk(world.reg, risk)
    for _ in range(p.mitigations):
        words = token()
        tokens.append(words)
        mitigation = Mitigation(risk.id, f"{words} control", owner_id=owner_id(p.owner))
        add_mitigation(world.reg, mitigation)
        first_mitigation.setdefault(n, mitigation.id)
    for k in range(p.reviews):
        note = token()
        tokens.append(note)
        risk = get_risk(world.reg, risk.id)
        record_review(world.reg, risk, Rating(*p.inherent), on=today - timedelta(days=20 - k), reviewer="Rev",
                      note=f"{note} reviewed")
    world.risks.append(Item("risk", risk.id, p.exempt, p.exempt, tokens, tokens[1], p.open))


def _add_action(world, p: ActionPlan, token, owner_id, first_mitigation, last_id, today) -> None:
    risk = p.risk if p.risk is not None and p.risk < len(world.risks) else None
    via = p.via_mitigation and risk in first_mitigation
    tokens = [f"A{token(5)}", token()]
    action = Action(f"{tokens[1]} task", ref=tokens[0], owner_id=owner_id(p.owner),
                    due=today + timedelta(days=p.due_in),
                    status="complete" if p.done else "in progress", exempt=p.exempt,
                    risk_id=world.risks[risk].id if risk is not None and not via else None,
                    mitigation_id=first_mitigation[risk] if via else None,
                    meeting_id=last_id if p.matters else None,
                        completed_on=today - timedelta(days=3) if p.done else None)
    add_action(world.reg, action)
    for _ in range(p.notes):
        words = token()
        tokens.append(words)
        add_note(world.reg, ProgressNote(action.id, f"{words} progress", author="Owner"))
    world.actions.append(Item("action", action.id, p.exempt, p.exempt, tokens, tokens[1], not p.done, risk))


def _flip(world: World, plan: Plan) -> None:
    for item, risk_plan in zip(world.risks, plan.risks):
        if risk_plan.flip:
            risk = get_risk(world.reg, item.id)
            risk.exempt = item.now = not item.now
            save_risk(world.reg, risk)
    for item, action_plan in zip(world.actions, plan.actions):
        if action_plan.flip:
            action = get_action(world.reg, item.id)
            action.exempt = item.now = not item.now
            save_action(world.reg, action)


# -- building its outputs ---------------------------------------------------------------------------


def pack(world: World, part: str, today: date, name: str | None = None) -> Path:
    out = world.folder / (name or f"{part}.pdf")
    build_pack(world.reg, out, PackOptions(meeting_id=world.this, part=part), today)
    return out


def public_export(world: World, which: int) -> Path:
    name, table = EXPORTS[which]
    return export_register(world.reg, world.folder / name, table, part="public")


def twin(world: World) -> Register:
    """The same register with every item exempt now deleted outright: its pack is what Part I must equal."""
    folder = world.folder / "twin"
    folder.mkdir()
    reg = Register.open(backup(world.reg, folder), who="tester")
    gone = {item.id for item in world.exempt("now")}
    for action in list_actions(reg):
        if action.id in gone:
            delete_action(reg, action)
    for item in world.risks:
        if item.id in gone:
            delete_risk(reg, get_risk(reg, item.id))
    if gone:  # Part I says (in one line, no names, no count) that a Part II report exists: so must the twin's
        with reg.transaction():
            add_risk(reg, Risk("Placeholder for the Part II line", exempt=True))
    return reg


# -- scanning an output -------------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """Text without white space: a token wrapped over two lines, or split over TJ runs, is found whole."""
    return re.sub(r"\s+", "", text)


@dataclass
class Surfaces:
    """Every place a PDF keeps text, each as one string to search."""
    text: str                    # pypdf's extracted text, white space removed ("" when not asked for)
    strings: str                 # every string shown by the content streams, in order, white space removed
    metadata: str
    outline: str
    annotations: str
    raw: bytes                   # the file and every stream in it, decompressed
    contents: list[bytes]        # each page's content stream, decompressed

    def where(self, token: str) -> list[str]:
        found = [name for name in ("text", "strings", "metadata", "outline", "annotations")
                 if token in getattr(self, name)]
        if token.encode("ascii") in self.raw or token.encode("utf-16-be") in self.raw:
            found.append("raw")
        return found


def pdf_surfaces(path: Path, extract: bool = True) -> Surfaces:
    """`extract`: also run pypdf's text extraction (the slow part); the other surfaces are always read."""
    reader = PdfReader(path)
    data = path.read_bytes()
    text = squeeze(" ".join(page.extract_text() for page in reader.pages)) if extract else ""
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    outline = " ".join(_titles(reader.outline))
    annotations = " ".join(_strings(page.get("/Annots"), 0) for page in reader.pages)
    contents = [known(page.get_contents()).get_data() for page in reader.pages if page.get_contents() is not None]
    shown = squeeze("".join(_shown(stream) for stream in contents))
    return Surfaces(text, shown, squeeze(metadata), squeeze(outline), squeeze(annotations),
                    b"\n".join([data, *contents, *_streams(data)]), contents)


_LITERAL = re.compile(rb"\((?:\\.|[^\\()])*\)")
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)


def _shown(stream: bytes) -> str:
    """The literal strings a content stream shows, joined: a word split over Tj or TJ runs is found whole."""
    def unescape(m):
        code = m.group(1)
        return bytes([int(code, 8) & 0xFF]) if code[:1].isdigit() else code
    return "".join(_ESCAPE.sub(unescape, m.group(0)[1:-1]).decode("latin-1") for m in _LITERAL.finditer(stream))


def _titles(outline) -> list[str]:
    found = []
    for entry in outline:
        found += _titles(entry) if isinstance(entry, list) else [str(entry.title)]
    return found


def _strings(value, depth: int) -> str:
    if depth > 6 or value is None:
        return ""
    if isinstance(value, IndirectObject):
        value = value.get_object()
    if isinstance(value, DictionaryObject):
        return " ".join(_strings(v, depth + 1) for k, v in value.items() if k not in ("/P", "/Parent", "/Dest"))
    if isinstance(value, list):
        return " ".join(_strings(v, depth + 1) for v in value)
    return str(value)


def _streams(data: bytes) -> list[bytes]:
    """Every stream of the file, inflated where it is deflated (fonts, cmaps, forms, page contents)."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            found.append(match.group(1))
    return found


def file_text(path: Path) -> str:
    """An export as text: a workbook's every part unzipped (sheets, shared strings, properties)."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return path.read_text(encoding="utf-8-sig")


def leaks_in_file(path: Path, secrets: set[str]) -> list[tuple[str, str, list[str]]]:
    text = file_text(path)
    return [(path.name, token, ["file"]) for token in sorted(secrets) if token in text]
