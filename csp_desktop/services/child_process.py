"""Heavy pure-Python work (parsing a workbook, reading 10,000 rows) in a process of its own, so that the
app's window never waits for it: a thread doing such work holds Python's one interpreter lock, and each
time the GUI thread wants it back it waits (every paint, every timer), which stalled the window for
100-350 ms at a time. A child process has its own interpreter; only its plain-data answer comes back.

The child is started fresh ("forkserver" where there is one, else "spawn"), never forked from the app:
a fork of a process running Qt threads may deadlock. It imports no Qt.
"""
from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
import traceback
import types
from typing import Any, Callable

from ..errors import UserError

log = logging.getLogger(__name__)
POLL_SECONDS = 0.05


class ChildCancelled(UserError):
    """The caller's `cancelled()` turned true: the child was stopped; nothing it did remains."""

    def __init__(self):
        super().__init__("Cancelled; nothing was changed.")


def _context():
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        # The server imports these once; each child forked from it then starts in milliseconds.
        context.set_forkserver_preload(["csp_desktop.services.import_preview"])
    return context


def _child_main(conn, work: Callable, args: tuple, reports: bool) -> None:
    """In the child: run `work(*args)` and send back ("ok", value), ("user", sentence, problems) for an
    error the user can act on, or ("bug", traceback). With `reports`, `work` is also given
    `progress=...`, whose calls are sent as ("progress", *arguments) meanwhile."""
    try:
        if reports:
            message: tuple = ("ok", work(*args, progress=lambda *told: conn.send(("progress", *told))))
        else:
            message = ("ok", work(*args))
    except UserError as exc:
        message = ("user", str(exc), list(getattr(exc, "problems", []) or []))
    except BaseException:  # noqa: BLE001 - anything else is a bug, sent back with its traceback
        message = ("bug", traceback.format_exc())
    try:
        conn.send(message)
    except Exception:  # noqa: BLE001 - an answer that cannot be pickled is itself a bug
        conn.send(("bug", traceback.format_exc()))
    finally:
        conn.close()


def run_in_child(work: Callable, *args, cancelled: Callable[[], bool] | None = None, progress: Callable | None = None,
                 stopped_words: str = "the work stopped unexpectedly") -> Any:
    """`work(*args)` in a child process; its value, or its UserError raised here (a ReadError with its
    problems), or RuntimeError for a bug. `cancelled()` is asked every 50 ms: true stops the child and
    raises ChildCancelled. `progress` is called here with what the child's work told its own. A child
    that dies without answering (killed, out of memory) raises a UserError ending in `stopped_words`."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(send, work, args, progress is not None), daemon=True)
    try:
        _start_without_main(child)
    except OSError as exc:  # no process can be made (a limit, a locked-down machine): slower, but done
        log.warning("No child process could be started (%s); working in this process instead", exc)
        send.close()
        receive.close()
        return work(*args, progress=progress) if progress is not None else work(*args)
    send.close()  # only the child writes: the pipe then reports the child's end when it dies
    try:
        message = _wait(child, receive, cancelled, progress)
    finally:
        receive.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
        code = child.exitcode
        child.close()
    if message is None:
        log.error("A child process ended without an answer (exit code %s)", code)
        raise UserError(f"{stopped_words} (exit code {code}).")
    return _answer(message)


_STARTING = threading.Lock()


def _start_without_main(child) -> None:
    """Start `child` without telling it the app's main script. multiprocessing has each child run the
    parent's main script again (in case the work was defined there); the work here lives in csp_desktop,
    so that is only time lost, and a script without `if __name__ == "__main__"` would start itself again
    in the child. The real main module is put back as soon as the child has its start-up data."""
    main = sys.modules["__main__"]
    with _STARTING:
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            child.start()
        finally:
            sys.modules["__main__"] = main


def _wait(child, receive, cancelled, progress) -> tuple | None:
    while True:
        if cancelled is not None and cancelled():
            child.kill()
            raise ChildCancelled()
        if receive.poll(POLL_SECONDS):
            try:
                message = receive.recv()
            except EOFError:
                return None  # the child died without a word
            if message[0] != "progress":
                return message
            if progress is not None:
                progress(*message[1:])


def _answer(message: tuple) -> Any:
    kind = message[0]
    if kind == "ok":
        return message[1]
    if kind == "user":
        from ..interchange.problems import ReadError
        _, sentence, problems = message
        raise ReadError(problems) if problems else UserError(sentence)
    log.error("Work in a child process failed:\n%s", message[1])
    raise RuntimeError(f"the work in a child process failed: {message[1].strip().splitlines()[-1]}")
