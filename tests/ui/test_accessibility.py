"""Every control a keyboard can reach in the views has a name a screen reader can say."""
from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

from csp_desktop.ui.actions.action_editor import ActionEditor
from csp_desktop.ui.actions.actions_view import ActionsView
from csp_desktop.ui.partners.partners_view import PartnersView
from csp_desktop.ui.shell.session import Session
from csp_desktop.ui.settings.settings_view import SettingsView
from tests.ui.tracker_data import TODAY, fill


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            continue
        if inside_compound_control(widget):
            continue  # Qt's own pieces of a combo or date edit, named through their owner
        has_name = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        if not has_name:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def inside_compound_control(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox) or type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parent()
    return False


# The views and the editor with the most controls, filled with tracker data.
FORMS = [lambda s: ActionsView(s, today=lambda: TODAY), lambda s: SettingsView(s), lambda s: PartnersView(s),
         lambda s: ActionEditor(s, None, today=TODAY)]


@pytest.mark.parametrize("make", FORMS)
def test_every_focusable_control_is_named(register, qtbot, make):
    fill(register)
    view = make(Session(register))
    qtbot.addWidget(view)
    assert unnamed_controls(view) == []


@pytest.mark.parametrize("make", FORMS)
def test_alt_keys_are_not_shared(register, qtbot, make):
    from PySide6.QtWidgets import QLabel
    view = make(Session(register))
    qtbot.addWidget(view)
    keys = []
    for widget in view.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and "&" in widget.text().replace("&&", ""):
            text = widget.text().replace("&&", "")
            keys.append(text[text.index("&") + 1].lower())
    assert len(keys) == len(set(keys)), sorted(keys)


def every_view(session):
    """Every view of the window, made as the window makes it (the list follows VIEWS)."""
    from csp_desktop.ui.shell.main_window import VIEWS
    for view in VIEWS:
        yield view.title, view.make(session, None)


def alt_keys(view: QWidget) -> list[str]:
    from PySide6.QtWidgets import QLabel, QTabBar
    keys = []
    for widget in view.findChildren(QWidget):
        texts = [widget.text()] if isinstance(widget, (QLabel, QAbstractButton)) else []
        if isinstance(widget, QTabBar):
            texts = [widget.tabText(n) for n in range(widget.count())]
        for text in texts:
            text = text.replace("&&", "")
            if "&" in text and widget.isVisibleTo(view):
                keys.append(text[text.index("&") + 1].lower())
    return keys


def test_every_view_of_the_window_names_its_controls_and_shares_no_alt_key(register, qtbot):
    fill(register)
    session = Session(register)
    for title, view in every_view(session):
        qtbot.addWidget(view)
        view.resize(1366, 768)
        assert unnamed_controls(view) == [], title
        keys = alt_keys(view)
        assert len(keys) == len(set(keys)), (title, sorted(keys))
        if hasattr(view, "pdf"):
            view.pdf.close_document()


def every_dialog(session, folder):
    """Every dialog the app shows, made as its view makes it, with the register's own data."""
    from csp_desktop.domain.model import Meeting, Risk
    from csp_desktop.domain.plan import PlanInfo
    from csp_desktop.domain.scoring import words_3x3
    from csp_desktop.services.scheme_editing import rescored
    from csp_desktop.ui.dashboard.chase_dialog import ChaseDialog
    from csp_desktop.ui.help.help_windows import HelpWindow
    from csp_desktop.ui.meetings.meeting_dialogs import MeetingDialog, PackOptionsDialog
    from csp_desktop.ui.plan.plan_settings import PlanSettingsDialog
    from csp_desktop.ui.risks.risk_dialogs import MitigationDialog, ReviewDialog
    from csp_desktop.ui.settings.remap_dialog import RemapDialog
    from csp_desktop.ui.shell.backups_dialog import BackupsDialog
    from csp_desktop.ui.updates.send_dialog import SendDialog
    scheme, meeting = session.scheme, Meeting("Safer Croydon Board", datetime.combine(TODAY, time(18)))
    yield "action editor", ActionEditor(session, None, today=TODAY)
    yield "new meeting", MeetingDialog()
    yield "edit meeting", MeetingDialog(meeting)
    yield "pack options", PackOptionsDialog(meeting, issued=False)
    yield "send workbooks", SendDialog(["Police", "Council"], folder, today=TODAY)
    yield "chase", ChaseDialog([("Police", 2, "police@example.org")], folder)
    yield "backups", BackupsDialog(session)
    yield "remap", RemapDialog(scheme, words_3x3(), lambda remap: rescored(session.register, remap))
    yield "review", ReviewDialog(scheme, Risk("Knife crime", ref="R-1"), "Coordinator", TODAY)
    yield "mitigation", MitigationDialog(scheme, [])
    yield "plan settings", PlanSettingsDialog(PlanInfo(title="Plan", start_year=2026, end_year=2029))
    yield "help", HelpWindow("Keyboard shortcuts")


def test_every_dialog_names_its_controls_and_shares_no_alt_key(register, qtbot, tmp_path):
    fill(register)
    session = Session(register)
    found = {}
    for title, dialog in every_dialog(session, tmp_path):
        qtbot.addWidget(dialog)
        keys = alt_keys(dialog)
        shared = sorted({key for key in keys if keys.count(key) > 1})
        if unnamed_controls(dialog) or shared:
            found[title] = (unnamed_controls(dialog), shared)
    assert not found, "\n".join(f"{title}: unnamed {names}, shared Alt keys {keys}"
                                for title, (names, keys) in found.items())
