"""Every kind of change the app announces is handled by some view, and every kind a view handles is sent.

Read from the source: a kind is *sent* where a command declares `kinds = (...)` or a `Changes.of(...)`
is made; it is *handled* anywhere else a view names it (`changes.touches(...)`, tuples of kinds it
reacts to, `scheme_changed` / `meetings_changed`).
"""
import ast
from pathlib import Path

from csp_desktop.services.changes import Kind
from csp_desktop.ui.shell.undoable import EditCommand

UI = Path(__file__).resolve().parents[2] / "csp_desktop" / "ui"
PROPERTIES = {"scheme_changed": Kind.SCHEME, "meetings_changed": Kind.MEETINGS}


def _kinds_in(node) -> set[Kind]:
    return {Kind[n.attr] for n in ast.walk(node)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "Kind"}


def sent_and_handled() -> tuple[set[Kind], set[Kind]]:
    sent, handled = set(), set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        sending = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "kinds" for t in node.targets):
                sending.add(id(node))
                sent |= _kinds_in(node)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "of"
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "Changes"):
                sending.add(id(node))
                sent |= _kinds_in(node)
        inside_sending = {id(n) for node in ast.walk(tree) if id(node) in sending for n in ast.walk(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and id(node) not in inside_sending:
                if isinstance(node.value, ast.Name) and node.value.id == "Kind":
                    handled.add(Kind[node.attr])
                elif node.attr in PROPERTIES:
                    handled.add(PROPERTIES[node.attr])
    return sent, handled


def test_every_kind_sent_is_handled_and_every_kind_handled_is_sent():
    sent, handled = sent_and_handled()
    assert sent - handled == set(), "sent, but no view handles it"
    assert handled - sent == set(), "handled, but nothing sends it"
    assert sent == set(Kind), "a kind nobody sends or handles should not exist"


def test_every_command_says_what_it_changes():
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)
    import csp_desktop.ui.actions.action_commands  # noqa: F401
    import csp_desktop.ui.meetings.meeting_commands  # noqa: F401
    import csp_desktop.ui.partners.partner_commands  # noqa: F401
    import csp_desktop.ui.risks.risk_commands  # noqa: F401
    import csp_desktop.ui.settings.settings_commands  # noqa: F401
    commands = list(subclasses(EditCommand))
    assert len(commands) > 15
    generic = EditCommand.__module__  # its AddCommand and DeleteCommand are bases; what they add or delete says
    assert [c.__name__ for c in commands if not c.kinds and c.__module__ != generic] == []
