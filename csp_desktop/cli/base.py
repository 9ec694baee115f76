"""The command group and the shared pieces every command uses."""
from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

import click

from ..errors import UserError

log = logging.getLogger("csp_desktop")


class CspGroup(click.Group):
    """Turns the errors a user can cause into one sentence, and logs bugs with their traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            # The reader went away (`... | head`): stop quietly, as other command-line tools do.
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            raise click.ClickException(_os_error(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: the user gets one sentence, the log gets the traceback
            raise click.ClickException(_log_bug(exc)) from None


def _log_bug(exc: Exception) -> str:
    try:
        from ..ui.shell.locations import log_file
        path = log_file()
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.error("Unexpected error in %s", " ".join(sys.argv), exc_info=exc)
        handler.close()
        log.removeHandler(handler)
        return f"Something went wrong inside CSP Desktop ({type(exc).__name__}); the details are in {path}."
    except Exception:  # the log itself could not be written: say what we can
        return f"Something went wrong inside CSP Desktop ({type(exc).__name__}: {exc})."


def _os_error(exc: OSError) -> str:
    name = Path(exc.filename).name if exc.filename else "the file"
    return f"{name}: {exc.strerror or exc}."


@click.group(cls=CspGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="csp-desktop")
@click.pass_context
def main(ctx):
    """CSP Desktop: a Community Safety Partnership's risk register, action tracker and board packs.

    With no command, opens the app on the last register used (or the demo register).
    """
    if ctx.invoked_subcommand is None:
        from ..ui.shell.app import run  # Qt is imported only when the GUI is wanted
        sys.exit(run(None))


def register_argument():
    """The REGISTER argument. Folders are let through so that opening says what is wrong in one sentence
    (exit 1), not click's usage error (exit 2)."""
    return click.argument("register", type=click.Path(path_type=Path))


@contextlib.contextmanager
def opened(path: Path, *, read_only: bool = False):
    """The register of a command, through the same workspace the app opens it with. A write command holds
    it (or fails in one sentence naming the holder) and records its edits under the "Who am I" name."""
    with opened_workspace(path, read_only=read_only) as workspace:
        yield workspace.register


def opened_workspace(path: Path, *, read_only: bool = False):
    from ..services.workspace import Workspace
    return Workspace.open(path, read_only=read_only, who=None if read_only else recorded_name())


def recorded_name() -> str | None:
    """The name saved by the app's "Who am I" (or `whoami`) on this laptop; None when none was saved."""
    from ..ui.settings.identity import saved_name
    return saved_name()


def expect_version_option():
    return click.option("--expect-version", "expected", type=click.IntRange(min=0), default=None,
                        help="Refuse the change if the item is no longer at this version (see its listing).")
