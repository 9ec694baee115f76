"""The one background pattern: a shared pool of two threads, each Worker's jobs in order, progress,
cancel, and the outcome (value, user error, bug, cancelled) by signal on the GUI thread."""
import threading

from csp_desktop.errors import UserError
from csp_desktop.ui.shell import workers
from csp_desktop.ui.shell.workers import Worker


def _collect(worker):
    outcomes: dict[int, object] = {}
    worker.finished.connect(lambda ticket, outcome: outcomes.__setitem__(ticket, outcome))
    return outcomes


def test_one_pool_of_two_threads_serves_every_worker(qtbot):
    assert workers.pool().maxThreadCount() == workers.POOL_THREADS == 2
    a, b = Worker(), Worker()
    gate, running = threading.Event(), []

    def held(name):
        running.append(name)
        gate.wait(5)
        return name
    outcomes_a, outcomes_b = _collect(a), _collect(b)
    a.start(lambda: held("pack"))
    b.start(lambda: held("preview"))  # a long job of one worker does not hold up another's
    qtbot.waitUntil(lambda: len(running) == 2, timeout=5000)
    gate.set()
    a.wait()
    b.wait()
    assert outcomes_a[1].value == "pack" and outcomes_b[1].value == "preview"


def test_a_workers_jobs_run_in_order_and_each_outcome_comes_back(qtbot):
    worker = Worker()
    outcomes, order = _collect(worker), []
    for n in range(5):
        def job(n: int = n) -> int:
            order.append(n)
            return n
        worker.start(job)
    worker.start(lambda: (_ for _ in ()).throw(UserError("One sentence for the user.")))
    worker.start(lambda: 1 / 0)
    worker.wait()
    assert order == [0, 1, 2, 3, 4] and [outcomes[t].value for t in range(1, 6)] == [0, 1, 2, 3, 4]
    assert outcomes[6].error == "One sentence for the user." and outcomes[6].message == "One sentence for the user."
    assert isinstance(outcomes[7].bug, ZeroDivisionError) and not outcomes[7].ok
    assert outcomes[7].message.startswith("Something went wrong inside CSP Desktop (ZeroDivisionError)")
    assert "csp-desktop.log" in outcomes[7].message


def test_progress_and_cancel(qtbot):
    worker = Worker()
    outcomes, steps, both_queued = _collect(worker), [], threading.Event()
    worker.progressed.connect(lambda ticket, done, total: steps.append((ticket, done, total)))

    def counting(control):
        both_queued.wait(5)
        for n in range(1, 1000):
            control.step(n, 999)
            if n == 3:
                worker.cancel()  # as the Cancel button would, between two steps
        return "finished"
    ticket = worker.start(counting, controlled=True)
    queued = worker.start(lambda control: "never run", controlled=True)
    both_queued.set()
    worker.wait()
    assert steps[:3] == [(ticket, 1, 999), (ticket, 2, 999), (ticket, 3, 999)] and len(steps) == 3
    assert outcomes[ticket].cancelled and outcomes[queued].cancelled and not worker.busy()
