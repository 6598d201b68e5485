"""The build's worker pool: results as they finish, a task that raises, a worker that dies,
and kill() ending busy workers at once."""

from __future__ import annotations

import os
import signal
import threading
import time

from nereport.build.pool import Pool, WorkerError
from nereport.build.safety import running


def _ready() -> None:
    pass


def _work(x: int) -> tuple[int, int]:
    if x == 13:
        raise ValueError("unlucky")
    if x == 66:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x, os.getpid()


def test_every_item_gets_its_result_and_both_workers_work() -> None:
    pool = Pool(2, _work, _ready, ())
    got = dict(pool.map(range(1, 13), lambda x: (x,)))
    pool.close()
    assert {x: r[0] for x, r in got.items()} == {x: x * x for x in range(1, 13)}
    assert len({r[1] for r in got.values()}) == 2


def _map_printing(size: int, items: list[int], seconds: float) -> list[str]:
    """The events of a map whose caller "prints" each result in a thread for ``seconds``, as
    the build prints PDFs, that work counted as one of the workers' places."""
    wake, woken = os.pipe()
    printing: list[int] = []
    events: list[str] = []

    def args(x: int) -> tuple[int]:
        events.append(f"send {x}")
        return (x,)

    def print_it(x: int) -> None:
        time.sleep(seconds)
        events.append(f"printed {x}")
        printing.remove(x)
        os.write(woken, b".")

    pool = Pool(size, _work, _ready, ())
    threads = []
    for x, _ in pool.map(items, args, held=lambda: 1 if printing else 0, wake=wake):
        if x is None:
            os.read(wake, 64)
            continue
        events.append(f"took {x}")
        printing.append(x)
        threads.append(threading.Thread(target=print_it, args=(x,)))
        threads[-1].start()
    for t in threads:
        t.join()
    pool.close()
    os.close(wake)
    os.close(woken)
    return events


def test_with_one_worker_a_report_runs_or_a_pdf_prints_never_both() -> None:
    # --jobs 1 is one thing at a time (one core), not a report running beside a PDF printing.
    assert _map_printing(1, [1, 2], 0.2) == [
        "send 1", "took 1", "printed 1", "send 2", "took 2", "printed 2",
    ]  # fmt: skip


def test_a_worker_whose_result_waits_for_the_printer_goes_on() -> None:
    # Two workers: both finish at once; while the first result prints, the second waits its
    # turn at the printer and its worker takes the next item (two at work: a print, a run).
    events = _map_printing(2, [1, 2, 3], 0.3)
    assert events.index("send 3") < events.index("printed 1"), events
    # Never three at work: the third is sent only once the first two results were taken.
    assert events.index("send 3") > max(events.index("took 1"), events.index("took 2")), events


def test_without_held_a_worker_gets_its_next_item_once_its_result_is_taken() -> None:
    events: list[str] = []
    pool = Pool(1, _work, _ready, ())

    def args(x: int) -> tuple[int]:
        events.append(f"send {x}")
        return (x,)

    for x, _ in pool.map([1, 2], args):
        events.append(f"took {x}")
    pool.close()
    assert events == ["send 1", "took 1", "send 2", "took 2"]


def test_a_task_that_raises_fails_alone() -> None:
    pool = Pool(2, _work, _ready, ())
    got = dict(pool.map([12, 13, 14], lambda x: (x,)))
    pool.close()
    assert isinstance(got[13], WorkerError) and str(got[13]) == "ValueError: unlucky"
    assert got[12][0] == 144 and got[14][0] == 196


def test_a_dead_worker_fails_its_item_and_the_other_finishes_the_rest() -> None:
    pool = Pool(2, _work, _ready, ())
    got = dict(pool.map([66, 1, 2, 3, 4], lambda x: (x,)))
    pool.close()
    assert isinstance(got[66], WorkerError) and "died (exit code -9)" in str(got[66])
    assert [got[x][0] for x in (1, 2, 3, 4)] == [1, 4, 9, 16]


def test_when_every_worker_died_the_rest_fail_with_a_reason() -> None:
    pool = Pool(1, _work, _ready, ())
    got = dict(pool.map([66, 1], lambda x: (x,)))
    pool.close()
    assert "no build worker is left" in str(got[1])


def test_kill_ends_busy_workers_at_once() -> None:
    pool = Pool(2, _work, time.sleep, (600,))  # busy: still setting up
    processes = list(pool._workers.values())
    pool.kill()
    assert [p.exitcode for p in processes] == [-signal.SIGKILL, -signal.SIGKILL]


def _start_a_kernel_like_tree(record: str) -> None:
    """Fork a child in a session of its own, which forks one more: as a worker's kernel
    template and its kernels are (neither set to die with its parent here)."""
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            with open(record, "a") as fh:
                fh.write(f"{os.getpid()}\n")
            time.sleep(600)
            os._exit(0)
        with open(record, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(600)
        os._exit(0)


def test_kill_ends_what_the_workers_started_and_waits_for_it(tmp_path) -> None:
    record = tmp_path / "pids"
    pool = Pool(2, _work, _start_a_kernel_like_tree, (str(record),))
    deadline = time.monotonic() + 30
    while len(record.read_text().split() if record.exists() else []) < 4:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    pool.kill()
    below = [int(pid) for pid in record.read_text().split()]
    alive = [pid for pid in below if running(pid)]
    for pid in alive:  # left by a failing kill()
        os.kill(pid, signal.SIGKILL)
    assert alive == []  # all gone when kill() returns
