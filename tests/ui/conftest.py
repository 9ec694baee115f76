"""Fixtures the view tests share: a session on the test's register, a bare undo stack, and a register filled
with tracker data with its session."""
import pytest
from PySide6.QtGui import QUndoStack

from csp_desktop.ui.shell.session import Session
from tests.ui.tracker_data import fill


@pytest.fixture
def session(register):
    return Session(register)


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def data(register):
    return fill(register)


@pytest.fixture
def filled_session(register, data):
    return Session(register)
