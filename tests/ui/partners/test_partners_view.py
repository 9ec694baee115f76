"""Partners & owners: add, rename and delete, each undoable; deleting an owner in use asks first."""
import pytest

from csp_desktop.store import actions, partners, risks
from csp_desktop.ui.partners.partners_view import PartnersView
from tests.conftest import snapshot
from tests.ui.seen import clipped, rows_in_view
from tests.ui.windows import SCREENSHOTS, on_screen

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def session(filled_session):
    return filled_session


@pytest.fixture
def view(session, qtbot):
    widget = PartnersView(session)
    return on_screen(qtbot, widget, widget.org_model, widget.owner_model)


def owner_names(register):
    return [o.name for o in partners.list_owners(register)]


def test_lists_organisations_and_owners(view):
    assert [o.name for o in view.org_model.items] == ["Cyngor Sir Powys", "West Mercia Police"]
    assert view.org_model.index(1, 1).data() == "1"
    assert [view.owner_model.index(r, 0).data() for r in range(3)] == ["HPEG", "Sgt Ffion Jones", "Zbigniew Nowak"]
    assert view.owner_model.index(1, 2).data() == "West Mercia Police"


def test_add_rename_delete_owner_with_undo(view, session, register, data, monkeypatch):
    view.owner_name_edit.setText("Insp. Łucja Wiśniewska")
    view.kind_combo.setCurrentText("person")
    view.org_combo.setCurrentIndex(view.org_combo.findText("West Mercia Police"))
    view.email_edit.setText("lucja@example.org")
    view.add_owner_button.click()
    added = [o for o in partners.list_owners(register) if o.name.startswith("Insp.")][0]
    assert (added.organisation_id, added.email) == (data["orgs"]["police"].id, "lucja@example.org")
    assert view.current_owner().id == added.id
    view.owner_name_edit.setText("Chief Insp. Łucja Wiśniewska")
    view.save_owner_button.click()
    assert "Chief Insp. Łucja Wiśniewska" in owner_names(register)
    session.undo_stack.undo()
    assert "Insp. Łucja Wiśniewska" in owner_names(register)
    session.undo_stack.undo()
    assert len(owner_names(register)) == 3
    session.undo_stack.redo()
    assert "Insp. Łucja Wiśniewska" in owner_names(register)


def test_duplicate_and_empty_names_are_refused(view, register):
    before = snapshot(register)
    view.owner_name_edit.setText("hpeg")
    view.add_owner_button.click()
    assert view.message.text() == "\u26a0 There is already an owner called 'hpeg'."
    view.owner_name_edit.setText("   ")
    view.add_owner_button.click()
    assert view.message.text() == "\u26a0 The owner needs a name."
    view.owner_name_edit.setText("Bad Email")
    view.email_edit.setText("not an email")
    view.add_owner_button.click()
    assert "does not look like an email address" in view.message.text()
    assert snapshot(register) == before


def test_deleting_an_owner_in_use_asks_and_undo_gives_everything_back(view, session, register, data,
                                                                      monkeypatch):
    jones = data["owners"]["jones"]
    questions = []

    def refuse(text):
        questions.append(text)
        return False

    monkeypatch.setattr(view, "confirm", refuse)
    view.select_owner(jones.id)
    view.delete_owner_button.click()
    assert questions == ["Sgt Ffion Jones owns 1 risk, 1 action; these will have no owner. Delete Sgt Ffion Jones?"]
    assert jones.name in owner_names(register)
    monkeypatch.setattr(view, "confirm", lambda text: True)
    view.delete_owner_button.click()
    assert jones.name not in owner_names(register)
    assert risks.get_risk(register, data["risks"][0].id).owner_id is None
    session.undo_stack.undo()
    assert risks.get_risk(register, data["risks"][0].id).owner_name == "Sgt Ffion Jones"
    assert actions.get_action(register, data["actions"][0].id).owner_id == jones.id


def test_owner_nobody_depends_on_is_deleted_without_asking(view, register, monkeypatch):
    monkeypatch.setattr(view, "confirm", lambda text: pytest.fail("should not ask"))
    view.owner_name_edit.setText("Temporary")
    view.add_owner_button.click()
    view.delete_owner_button.click()
    assert "Temporary" not in owner_names(register)


def test_organisations_add_rename_delete_undo(view, session, register, data, monkeypatch):
    view.org_name_edit.setText("Shropshire Fire & Rescue <Service>")
    view.add_org_button.click()
    names = [o.name for o in partners.list_organisations(register)]
    assert "Shropshire Fire & Rescue <Service>" in names
    view.org_table.selectRow(view.org_model.row_of(data["orgs"]["police"].id))
    view.org_name_edit.setText("West Mercia Police (WMP)")
    view.rename_org_button.click()
    assert "West Mercia Police (WMP)" in [o.name for o in partners.list_organisations(register)]
    asked = []

    def agree(text):
        asked.append(text)
        return True

    monkeypatch.setattr(view, "confirm", agree)
    view.delete_org_button.click()
    assert asked == ["1 owner belongs to West Mercia Police (WMP); they will stay, with no organisation. "
                     "Delete West Mercia Police (WMP)?"]
    jones = data["owners"]["jones"].id
    assert [o.organisation_id for o in partners.list_owners(register) if o.id == jones] == [None]
    session.undo_stack.undo()
    assert [o.organisation_id for o in partners.list_owners(register) if o.id == jones] == [data["orgs"]["police"].id]
    session.undo_stack.undo()
    assert "West Mercia Police" in [o.name for o in partners.list_organisations(register)]


def test_huge_and_strange_names(view, register):
    view.owner_name_edit.setText("\u202eRTL \u0645\u0631\u0627\u062c\u0639\u0629 🚓")
    view.add_owner_button.click()
    assert "\u202eRTL \u0645\u0631\u0627\u062c\u0639\u0629 🚓" in owner_names(register)
    view.owner_name_edit.setText("x" * 10_000)
    view.add_owner_button.click()
    assert view.message.text() == "\u26a0 The owner's name can be at most 500 characters."


def test_screenshot(view, qtbot):
    view.show()
    qtbot.waitExposed(view)
    view.owner_table.selectRow(1)
    SCREENSHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SCREENSHOTS / "partners-view.png"))
    # What the user sees: both organisations and all three owners in view, the chosen owner selected.
    assert rows_in_view(view.org_table) == 2 and rows_in_view(view.owner_table) == 3
    assert [i.row() for i in view.owner_table.selectionModel().selectedRows()] == [1]
    assert clipped(view) == []
