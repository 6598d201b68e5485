"""The build's worker pool: results as they finish, a task that raises, a worker that dies,
and kill() ending busy workers at once."""

from __future__ import annotations

import os
import signal
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


def test_a_worker_waits_for_the_caller_only_when_asked() -> None:
    # The build prints each PDF while the pool waits: with ``ahead=False`` a worker gets its
    # next report only once the caller is done with the last, so ``--jobs 1`` is one thing
    # at a time (one core), not a report running beside a PDF printing.
    for ahead, expected in (
        (False, ["send 1", "took 1", "send 2", "took 2"]),
        (True, ["send 1", "send 2", "took 1", "took 2"]),
    ):
        events: list[str] = []
        pool = Pool(1, _work, _ready, ())

        def args(x: int, events: list[str] = events) -> tuple[int]:
            events.append(f"send {x}")
            return (x,)

        for x, _ in pool.map([1, 2], args, ahead=ahead):
            events.append(f"took {x}")
        pool.close()
        assert events == expected, ahead


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
