"""The build's workers: processes forked once per build, each with a pipe of its own to the
parent, running one report at a time.

Not ``concurrent.futures.ProcessPoolExecutor``: an interrupted build must kill its workers,
and a worker killed while it sends a result leaves half a message in that pool's one shared
result pipe. The pool's thread then waits forever for the rest, and the interpreter's exit
waits for that thread: a Ctrl-C that never ends the build. Here a killed worker takes its own
pipe with it, and no thread is left to wait on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from nereport.build.safety import running

T = TypeVar("T")
_END = object()


class WorkerError(Exception):
    """The task raised in the worker (the message holds the exception), or the worker died."""


class Pool:
    """``size`` forked worker processes that call ``fn`` on the arguments they are sent. Each
    runs ``initializer(*initargs)`` first. :meth:`kill` ends them all at once."""

    def __init__(
        self,
        size: int,
        fn: Callable[..., Any],
        initializer: Callable[..., None],
        initargs: tuple[Any, ...] | Callable[[int], tuple[Any, ...]],
    ):
        """``initargs``: the initializer's arguments, or a function of the worker's number
        (from 0) that gives them."""
        ctx = multiprocessing.get_context("fork")
        self._workers: dict[Connection, multiprocessing.process.BaseProcess] = {}
        for i in range(size):
            conn, child = ctx.Pipe()
            siblings = [c.fileno() for c in self._workers]  # the other workers' pipes
            process = ctx.Process(
                target=_serve,
                args=(
                    child,
                    fn,
                    initializer,
                    initargs(i) if callable(initargs) else initargs,
                    siblings,
                ),
                name=f"nereport-worker-{i + 1}",
            )
            process.start()
            child.close()
            self._workers[conn] = process

    def map(
        self,
        items: Iterable[T],
        args: Callable[[T], tuple[Any, ...]],
        held: Callable[[], int] | None = None,
        wake: int | None = None,
    ) -> Iterator[tuple[T | None, Any]]:
        """Run ``fn(*args(item))`` for every item, as many at a time as there are workers,
        and yield ``(item, result)`` as each finishes: the result, or a :class:`WorkerError`.
        A worker that dies fails its item and takes no more.

        A worker gets its next item once the caller has taken its result, and only while
        fewer items than there are workers are at work, counting ``held()``: the places that
        the caller's own work on earlier results takes now (the build's PDF printing, a report
        at work too). ``wake``: a descriptor that becomes readable when ``held()`` may have
        dropped; ``(None, None)`` is yielded then, and the caller reads it."""
        todo = iter(items)
        running: dict[Connection, T] = {}
        idle = list(self._workers)
        left = True

        def hand_out() -> None:
            nonlocal left
            while left and idle and len(running) + (held() if held else 0) < len(self._workers):
                if (item := next(todo, _END)) is _END:
                    left = False
                    break
                conn = idle.pop()
                running[conn] = item  # type: ignore[assignment]
                with contextlib.suppress(OSError):  # a dead worker: found out below
                    conn.send(args(item))  # type: ignore[arg-type]

        hand_out()
        while running or (left and idle and wake is not None):
            sentinels = {self._workers[c].sentinel: c for c in running}
            extra = [] if wake is None else [wake]
            for ready in wait([*running, *sentinels, *extra]):
                if isinstance(ready, int) and ready == wake:
                    yield None, None
                    continue
                conn = sentinels.get(ready, ready)  # type: ignore[call-overload]
                if conn not in running:
                    continue  # its result and its exit were both ready
                item = running.pop(conn)
                try:
                    if ready is not conn and not conn.poll():
                        raise EOFError  # it exited without a result
                    result = conn.recv()
                except (EOFError, OSError):
                    yield item, self._died(conn)
                    continue
                idle.append(conn)
                yield item, result  # the caller's work on it is counted (held) from here
            hand_out()
        if left:  # only if every worker died
            for item in todo:
                yield item, WorkerError("no build worker is left: they all died")

    def _died(self, conn: Connection) -> WorkerError:
        process = self._workers.pop(conn)
        process.join()
        conn.close()
        return WorkerError(f"the build worker died (exit code {process.exitcode})")

    def close(self) -> None:
        """Tell every worker to finish (it runs its clean-up) and wait for it."""
        for conn in self._workers:
            with contextlib.suppress(OSError):
                conn.send(None)
        for conn, process in self._workers.items():
            process.join()
            conn.close()
        self._workers.clear()

    def kill(self, patience: float = 5.0) -> None:
        """End every worker now, whatever it is doing, with the processes it started (a
        worker's kernel template and kernels, in sessions of their own), and wait up to
        ``patience`` seconds for those to be gone: what they leave (a kernel's socket folder)
        is removed next, and a kernel still starting would write into it. They would die with
        the worker anyway (PR_SET_PDEATHSIG), one after the other, later."""
        below = _descendants([p.pid for p in self._workers.values() if p.pid])
        for process in self._workers.values():
            with contextlib.suppress(OSError):
                process.kill()
        for pid in below:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        for conn, process in self._workers.items():
            process.join()
            conn.close()
        self._workers.clear()
        deadline = time.monotonic() + patience
        while any(map(running, below)) and time.monotonic() < deadline:
            time.sleep(0.01)


def _serve(
    conn: Connection,
    fn: Callable[..., Any],
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    siblings: list[int],
) -> None:
    for fd in siblings:
        with contextlib.suppress(OSError):
            os.close(fd)
    initializer(*initargs)
    while (args := conn.recv()) is not None:
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001 - the parent reports it with the report
            result = WorkerError(f"{type(exc).__name__}: {exc}")
        conn.send(result)


def _descendants(pids: list[int]) -> list[int]:
    """The processes below ``pids`` (their children, and theirs), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as fh:
                    ppid = int(fh.read().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(pids)
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found
