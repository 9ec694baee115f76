"""Running the command line in-process through click's CliRunner, as a user types it (every argument a string)."""
from click.testing import CliRunner

from csp_desktop.cli import main


def run(*args, catch_exceptions: bool = False):
    """A bug raises in the test (not caught) unless `catch_exceptions`, so its traceback is seen."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=catch_exceptions)


def rows_of(path):
    """Every row of the register at `path`, to prove a refused command wrote nothing."""
    from csp_desktop.store import Register
    from tests.conftest import snapshot
    with Register.open(path, read_only=True) as reg:
        return snapshot(reg)
