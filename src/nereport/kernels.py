"""Kernels forked from a warm template process.

Starting an ipykernel and importing pandas, altair and nereport in it costs more CPU than
running a report's cells. A template process imports all that once, then forks a fresh kernel
process for each report: every report still gets its own kernel (nothing leaks between
reports), ready in a fraction of the time. The template never creates a ZeroMQ context, so
forking it is safe; each kernel runs in its own session and dies with its template.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import multiprocessing
import os
import shutil
import signal
import tempfile
from multiprocessing.connection import Connection
from typing import Any

from jupyter_client import AsyncKernelManager

PRELOAD = (
    "ipykernel.kernelapp",
    "IPython.display",
    "pandas",
    "altair",
    "nereport.report",
    "nereport.topics.policy",
    "nereport.topics.economy",
    "nereport.topics.environment",
)
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Linux: get SIGKILL when the parent process ends, so nothing outlives a killed build."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


class KernelTemplate:
    """A process that has imported the heavy modules and forks kernels on request."""

    def __init__(self, preload: tuple[str, ...] = PRELOAD):
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(
            target=_template_main,
            args=(child, preload),
            daemon=True,
            name="nereport-kernel-template",
        )
        self._process.start()
        child.close()

    def fork_kernel(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        self._conn.send((argv, env, cwd))
        pid = self._conn.recv()
        if isinstance(pid, Exception):
            raise pid
        return pid

    def close(self) -> None:
        with contextlib.suppress(OSError, EOFError):
            self._conn.send(None)
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()


def _template_main(conn: Connection, preload: tuple[str, ...]) -> None:
    die_with_parent()
    for module in preload:
        importlib.import_module(module)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped automatically
    while (request := conn.recv()) is not None:
        argv, env, cwd = request
        try:
            pid = os.fork()
        except OSError as exc:
            conn.send(exc)
            continue
        if pid == 0:
            _kernel_main(conn, argv, env, cwd)
        conn.send(pid)


def _kernel_main(conn: Connection, argv: list[str], env: dict[str, str], cwd: str) -> None:
    """In the forked child: become a kernel process of its own, then run ipykernel."""
    try:
        conn.close()
        os.setsid()
        die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel may wait on subprocesses
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(argv)
        app.start()
    finally:
        os._exit(0)


class ForkedKernelManager(AsyncKernelManager):
    """A kernel manager for nbclient whose kernels come from a :class:`KernelTemplate`."""

    template: KernelTemplate | None = None  # set once per build worker

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._pid: int | None = None
        # Kernel and client talk over Unix sockets in a private folder: no TCP port, so a
        # build works with no network at all (not even loopback), and nothing goes to ~.
        self._dir = tempfile.mkdtemp(prefix="nereport-kernel-")
        self.transport = "ipc"
        self.ip = os.path.join(self._dir, "kernel")
        self.connection_file = os.path.join(self._dir, "connection.json")

    @property
    def has_kernel(self) -> bool:
        return self._pid is not None

    async def start_kernel(self, **kwargs: Any) -> None:
        if self.template is None:
            raise RuntimeError("ForkedKernelManager.template is not set")
        self.write_connection_file()
        argv = ["-f", self.connection_file, *kwargs.get("extra_arguments", [])]
        env = {k: v for k, v in (kwargs.get("env") or os.environ).items()}
        self._pid = self.template.fork_kernel(argv, env, kwargs.get("cwd") or os.getcwd())

    async def _async_is_alive(self) -> bool:
        if self._pid is None:
            return False
        try:
            os.kill(self._pid, 0)
        except ProcessLookupError:
            return False
        return True

    # nbclient asks the manager; the kernel client asks through the private name.
    is_alive = _async_is_alive

    async def interrupt_kernel(self) -> None:
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGINT)

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        # Reports are done with their kernel once executed: kill its whole session at once.
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._pid, signal.SIGKILL)
            self._pid = None
        await self.cleanup_resources()

    async def cleanup_resources(self, restart: bool = False) -> None:
        self.cleanup_connection_file()
        shutil.rmtree(self._dir, ignore_errors=True)
