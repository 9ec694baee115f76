"""Settings > Update rounds: the coordinator's name and email, saved as one undoable step; a mistyped email is
refused in one sentence and stays in the box to put right."""
from csp_desktop.services import round_contact
from csp_desktop.ui.settings.settings_view import SettingsView
from csp_desktop.ui.shell.session import Session
from tests.conftest import snapshot


def test_the_coordinator_is_saved_undone_and_a_bad_email_refused(qtbot, register):
    session = Session(register)
    view = SettingsView(session)
    qtbot.addWidget(view)
    box = view.contact
    assert (box.name_edit.text(), box.email_edit.text()) == ("", "")
    box.name_edit.setText("Sam  Patel")
    box.email_edit.setText("sam.patel@herefordshire.gov.uk")
    assert box.apply()
    assert round_contact.contact(register).email == "sam.patel@herefordshire.gov.uk"
    assert box.name_edit.text() == "Sam Patel" and box.message.text() == "Saved."

    before = snapshot(register)
    box.email_edit.setText("sam.patel at herefordshire")
    assert not box.apply()
    assert "does not look like an email address" in box.message.text()
    assert box.email_edit.text() == "sam.patel at herefordshire" and snapshot(register) == before

    session.undo_stack.undo()
    assert round_contact.contact(register).name == ""
    assert (box.name_edit.text(), box.email_edit.text()) == ("", "")


def test_a_read_only_register_cannot_change_it(qtbot, tmp_path):
    from csp_desktop.store import Register
    path = tmp_path / "r.cspreg"
    Register.create(path, "Read only CSP").close()
    with Register.open(path, read_only=True) as reg:
        view = SettingsView(Session(reg))
        qtbot.addWidget(view)
        assert not view.contact.save.isEnabled() and view.contact.email_edit.isReadOnly()
