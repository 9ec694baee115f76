"""Owners and organisations: tidy names, refuse clashes, and undo a delete completely."""
import pytest

from csp_desktop.domain.model import Action, Organisation, Owner, Risk
from csp_desktop.errors import UserError
from csp_desktop.services import partner_editing as editing
from csp_desktop.store import actions, partners, risks


def test_names_are_tidied_and_clashes_refused(register):
    owner = editing.add_owner(register, Owner("  Sgt   Jones ")).value
    assert owner.name == "Sgt Jones"
    with pytest.raises(UserError, match="already an owner called 'SGT JONES'"):
        editing.add_owner(register, Owner("SGT JONES"))
    with pytest.raises(UserError, match="not a kind of owner"):
        editing.add_owner(register, Owner("X", kind="robot"))
    editing.update_owner(register, owner.id, {"name": "sgt jones"}, None)  # its own name in new case is fine
    assert [o.name for o in partners.list_owners(register)] == ["sgt jones"]


def test_owner_usage_and_restore(register):
    owner = editing.add_owner(register, Owner("HPEG", kind="body")).value
    risk = Risk("R", owner_id=owner.id)
    risks.add_risk(register, risk)
    action = Action("A", owner_id=owner.id)
    actions.add_action(register, action)
    usage = editing.owner_usage(register, owner.id)
    assert usage == {"risks": 1, "actions": 1, "mitigations": 0}
    assert editing.describe_usage(usage) == "1 risk, 1 action"
    removed = editing.delete_owner(register, owner.id, None).value
    assert risks.get_risk(register, risk.id).owner_id is None
    editing.restore_owner(register, *removed)
    assert risks.get_risk(register, risk.id).owner_name == "HPEG"
    assert actions.get_action(register, action.id).owner_name == "HPEG"


def test_organisation_delete_and_restore(register):
    org = editing.add_organisation(register, Organisation("Powys")).value
    owner = editing.add_owner(register, Owner("Nia", organisation_id=org.id)).value
    removed = editing.delete_organisation(register, org.id, None).value
    assert partners.list_owners(register)[0].organisation_id is None
    editing.restore_organisation(register, *removed)
    assert partners.list_owners(register)[0].organisation_id == org.id
    with pytest.raises(UserError, match="no longer in the register"):
        editing.rename_organisation(register, "missing-id", "x", None)
    assert owner.name == "Nia"
