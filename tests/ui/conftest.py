"""Fixtures the view tests share: a register filled with tracker data, and its session."""
import pytest

from csp_desktop.ui.shell.session import Session
from tests.ui.tracker_data import fill


@pytest.fixture
def data(register):
    return fill(register)


@pytest.fixture
def filled_session(register, data):
    return Session(register)
