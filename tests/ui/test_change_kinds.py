"""Every kind of change the app announces is handled by some view, and every kind a view handles is sent.

Read from the source: a kind is *sent* where a `Changes.of(...)` is made, which is in the operations of
the services layer (each returns what it changed; tests/services/test_operation_changes.py checks that
against the audit rows it wrote) and in the few notices the app makes itself; it is *handled* anywhere
else in the app a view names it (`changes.touches(...)`, tuples of kinds it reacts to, `scheme_changed`
/ `meetings_changed`).
"""
import ast
import inspect
import textwrap
from pathlib import Path

from csp_desktop.services.changes import Kind
from csp_desktop.ui.shell.undoable import EditCommand

PACKAGE = Path(__file__).resolve().parents[2] / "csp_desktop"
UI, SERVICES = PACKAGE / "ui", PACKAGE / "services"
PROPERTIES = {"scheme_changed": Kind.SCHEME, "meetings_changed": Kind.MEETINGS}


def _kinds_in(node) -> set[Kind]:
    return {Kind[n.attr] for n in ast.walk(node)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "Kind"}


def sent_and_handled() -> tuple[set[Kind], set[Kind]]:
    sent, handled = set(), set()
    for path in [*UI.rglob("*.py"), *SERVICES.rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        sending = set()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "of"
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "Changes"):
                sending.add(id(node))
                sent |= _kinds_in(node)
        inside_sending = {id(n) for node in ast.walk(tree) if id(node) in sending for n in ast.walk(node)}
        for node in ast.walk(tree) if path.is_relative_to(UI) else ():
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


def test_every_command_tells_what_its_operations_returned():
    """No command declares what it changes: each run returns the Changes of the operations it called."""
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)
    import csp_desktop.ui.actions.action_commands  # noqa: F401
    import csp_desktop.ui.meetings.meeting_commands  # noqa: F401
    import csp_desktop.ui.partners.partner_commands  # noqa: F401
    import csp_desktop.ui.plan.plan_commands  # noqa: F401
    import csp_desktop.ui.risks.risk_commands  # noqa: F401
    import csp_desktop.ui.settings.cadence_box  # noqa: F401
    import csp_desktop.ui.settings.settings_commands  # noqa: F401
    commands = list(subclasses(EditCommand))
    assert len(commands) > 25
    for command in commands:
        assert not hasattr(command, "kinds") and not hasattr(command, "changed_ids"), command.__name__
        for step in ("do", "undo_it"):
            method = getattr(command, step)
            assert method is not getattr(EditCommand, step), f"{command.__name__}.{step}"
            returns = [n for n in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(method))))
                       if isinstance(n, ast.Return)]
            assert returns and all(r.value is not None for r in returns), f"{command.__name__}.{step} returns nothing"
