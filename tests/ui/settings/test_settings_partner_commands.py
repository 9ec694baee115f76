"""Scheme and partner commands on a bare QUndoStack, checked against the database."""

from csp_desktop.services.changes import Changes, Kind
from csp_desktop.domain.model import Organisation, Owner, Risk
from csp_desktop.domain.scoring import Rating, default_5x5, words_3x3
from csp_desktop.store import partners, risks
from csp_desktop.ui.partners.partner_commands import (AddOrganisationCommand, AddOwnerCommand, DeleteOwnerCommand,
                                             RenameOrganisationCommand, UpdateOwnerCommand)
from csp_desktop.ui.settings.settings_commands import SetSchemeCommand
from tests.conftest import snapshot
from tests.conftest import known


def test_scheme_command_keeps_the_old_scheme(session, stack, register, qtbot):
    with qtbot.waitSignal(session.changed) as signal:
        stack.push(SetSchemeCommand(session, words_3x3()))
    assert signal.args == [Changes.of(Kind.SCHEME)] and register.scheme == words_3x3()
    stack.undo()
    assert register.scheme == default_5x5()
    stack.redo()
    assert register.scheme == words_3x3()


def test_scheme_command_refused_leaves_nothing_to_undo(session, stack, register):
    risks.add_risk(register, Risk("High", ref="R-1", inherent=Rating(5, 5)))
    before = snapshot(register)
    command = SetSchemeCommand(session, words_3x3())
    stack.push(command)
    assert known(command.error).startswith("The matrix cannot shrink to 3x3: 1 risk uses a higher level (R-1)")
    assert stack.count() == 0 and snapshot(register) == before


def test_owner_commands(session, stack, register):
    stack.push(AddOwnerCommand(session, Owner("Nia Evans", email="nia@example.org")))
    owner = partners.list_owners(register)[0]
    stack.push(UpdateOwnerCommand(session, owner, {"name": "Nia Evans-Rees", "kind": "body"}))
    assert [(o.name, o.kind) for o in partners.list_owners(register)] == [("Nia Evans-Rees", "body")]
    risk = Risk("Owned", owner_id=owner.id)
    risks.add_risk(register, risk)
    stack.push(DeleteOwnerCommand(session, partners.list_owners(register)[0]))
    assert partners.list_owners(register) == []
    stack.undo()
    stack.undo()
    assert [(o.name, o.kind) for o in partners.list_owners(register)] == [("Nia Evans", "person")]
    assert risks.get_risk(register, risk.id).owner_id == owner.id
    stack.undo()
    assert partners.list_owners(register) == []


def test_organisation_commands(session, stack, register):
    stack.push(AddOrganisationCommand(session, Organisation("Heddlu Dyfed-Powys")))
    org = partners.list_organisations(register)[0]
    stack.push(RenameOrganisationCommand(session, org, "Dyfed-Powys Police"))
    assert [o.name for o in partners.list_organisations(register)] == ["Dyfed-Powys Police"]
    stack.undo()
    assert [o.name for o in partners.list_organisations(register)] == ["Heddlu Dyfed-Powys"]
    stack.undo()
    assert partners.list_organisations(register) == []
    stack.redo()
    assert [o.id for o in partners.list_organisations(register)] == [org.id]
