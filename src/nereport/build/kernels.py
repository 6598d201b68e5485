"""Kernels forked from a warm template process.

Starting an ipykernel and importing pandas, altair and nereport in it costs more CPU than
running a report's cells. A template process imports all that once, then forks a fresh kernel
process for each report: every report still gets its own kernel (nothing leaks between
reports), ready in a fraction of the time. A local build's workers share one template; a Dask
worker has its own. The template never creates a ZeroMQ context, so forking it is safe; each
kernel runs in its own session and dies with its template.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import importlib
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from queue import Empty
from typing import Any

from jupyter_client import AsyncKernelClient, AsyncKernelManager

from nereport.build.safety import process_temp_dir

PRELOAD = (
    "ipykernel.kernelapp",
    # What IPKernelApp.initialize imports on top (its debugger pulls in debugpy).
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.extensions.storemagic",
    "sqlite3",
    "tornado.platform.asyncio",
    "tornado.queues",
    "IPython.display",
    "pandas",
    "altair",
    "nereport.report.context",
    "nereport.report.findings",
    "nereport.report.render",
    "nereport.report.theme",
    "nereport.report.policy",
    "nereport.report.economy",
    "nereport.report.environment",
    "nereport.i18n",
    "babel.numbers",
    "babel.dates",
)
_PR_SET_PDEATHSIG = 1


def preload(modules: tuple[str, ...] = PRELOAD) -> None:
    """Import ``modules`` in this process, and fill altair's caches: processes forked from
    this one start with them."""
    # What ipykernel's own kernelspec sets when frozen modules are on (they are here): it
    # silences debugpy's warning about them on import.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for module in modules:
        importlib.import_module(module)
    if "altair" in modules:
        _warm_altair()
    if "nereport.i18n" in modules:
        importlib.import_module("nereport.i18n").warm()


@functools.cache
def _warm_altair() -> None:
    """Build and validate one small chart: altair loads its schema and builds its validators
    on first use, which every kernel would otherwise do again. Library caches only; no
    theme, renderer or data is set."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"year": [2000, 2001], "value": [1.0, 2.0], "name": ["a", "b"]})
    line = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:Q", axis=alt.Axis(format="d")),
            y=alt.Y("value:Q", scale=alt.Scale(zero=False)),
            color=alt.Color("name:N", legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("value:Q", format=".1f")],
        )
        .properties(title=alt.TitleParams(text="warm-up"))
    )
    alt.layer(line, line.mark_rule()).properties(width=100).to_dict()


def die_with_parent(parent: int) -> None:
    """Linux: get SIGKILL when the parent process (pid ``parent``, taken before the fork) ends,
    so nothing outlives a killed build. A parent that died before this call is caught too."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


class KernelTemplate:
    """A process that has imported the heavy modules and forks kernels on request, for
    ``clients`` processes: the one that creates it, or the build's workers, forked after it,
    each of which keeps one connection (:meth:`use`). One template serves them all, so that
    its memory is not held once per worker.

    Forked with ``os.fork``, not ``multiprocessing.Process``: a Dask worker is a daemonic
    process, which multiprocessing forbids to have children."""

    def __init__(
        self, preload: tuple[str, ...] = PRELOAD, close_fds: Sequence[int] = (), clients: int = 1
    ):
        """``close_fds``: this process's descriptors the template must not keep open (the
        pipes to Chromium, which exits only when the last copy of its pipe is closed)."""
        pairs = [multiprocessing.Pipe() for _ in range(clients)]
        parent = os.getpid()
        self._pid = os.fork()
        if self._pid == 0:
            try:
                for conn, _ in pairs:
                    conn.close()
                for fd in close_fds:
                    with contextlib.suppress(OSError):
                        os.close(fd)
                _template_main([child for _, child in pairs], preload, parent)
            finally:
                os._exit(0)
        for _, child in pairs:
            child.close()
        self._conns = [conn for conn, _ in pairs]
        self._conn: Connection | None = self._conns[0]

    def use(self, client: int) -> None:
        """In a forked worker: keep connection number ``client``, close the others."""
        for i, conn in enumerate(self._conns):
            if i != client:
                conn.close()
        self._conn = self._conns[client]
        self._conns = [self._conn]

    def release(self) -> None:
        """In the process that created it, once the workers are forked: let go of their
        connections. The template ends when the last worker closes its own."""
        for conn in self._conns:
            conn.close()
        self._conns, self._conn = [], None

    def fork_kernel(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        if self._conn is None:
            raise RuntimeError("this process has no connection to the kernel template")
        self._conn.send((argv, env, cwd))
        pid = self._conn.recv()
        if isinstance(pid, Exception):
            raise pid
        return pid

    def close(self, patience: float = 5.0) -> None:
        """Ask the template to end and, where it is this process's child, wait ``patience``
        seconds for it, then kill it (its kernels die with it)."""
        for conn in self._conns:
            with contextlib.suppress(OSError, EOFError):
                conn.send(None)
            conn.close()
        self._conns, self._conn = [], None
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(self._pid, os.WNOHANG)[0]:
                    return
                time.sleep(0.01)
                continue
            return  # reaped already, or not our child
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)


def _template_main(conns: list[Connection], modules: tuple[str, ...], parent: int) -> None:
    die_with_parent(parent)
    # Forked from inside a running event loop (a Dask worker's), this process would carry
    # that loop as its own, and the kernels' would refuse to start.
    asyncio._set_running_loop(None)
    asyncio.set_event_loop(None)
    preload(modules)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped automatically
    template = os.getpid()
    open_conns = list(conns)
    while open_conns:
        for conn in multiprocessing.connection.wait(open_conns):
            try:
                request = conn.recv()
            except (EOFError, OSError):  # its worker ended
                request = None
            if request is None:
                open_conns.remove(conn)
                conn.close()
                continue
            argv, env, cwd = request
            try:
                pid = os.fork()
            except OSError as exc:
                conn.send(exc)
                continue
            if pid == 0:
                _kernel_main(conns, argv, env, cwd, template)
            conn.send(pid)


def _kernel_main(
    conns: list[Connection], argv: list[str], env: dict[str, str], cwd: str, template: int
) -> None:
    """In the forked child: become a kernel process of its own, then run ipykernel."""
    try:
        for conn in conns:
            conn.close()
        os.setsid()
        die_with_parent(template)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel may wait on subprocesses
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked in the worker
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


class ReadyKernelClient(AsyncKernelClient):
    """jupyter_client's client, whose readiness check ends with 0.2 s of waiting for IOPub to
    fall silent: a tenth of a report's time. This one does the same handshake and then only
    drops the startup messages already there (nbclient ignores any later ones anyway)."""

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while True:
            self.kernel_info()
            with contextlib.suppress(Empty):
                reply = await self.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    # The kernel's IOPub answers too: our subscription has reached it.
                    with contextlib.suppress(Empty):
                        await self.iopub_channel.get_msg(timeout=0.2)
                        self._handle_kernel_info_reply(reply)
                        break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await self.iopub_channel.get_msg(timeout=0.005)
            except Empty:
                break

    wait_for_ready = _async_wait_for_ready


class ForkedKernelManager(AsyncKernelManager):
    """A kernel manager for nbclient whose kernels come from a :class:`KernelTemplate`."""

    template: KernelTemplate | None = None  # set once per build worker

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.client_factory = ReadyKernelClient
        self._pid: int | None = None
        # Kernel and client talk over Unix sockets in a private folder: no TCP port, so a
        # build works with no network at all (not even loopback), and nothing goes to ~.
        self._dir = process_temp_dir("kernel")
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


# -- one kernel started ahead of need, per build worker -----------------------------------------

_spare: tuple[str, ForkedKernelManager] | None = None


def start_spare_kernel(cwd: str) -> None:
    """Fork the kernel for this worker's next report now, so that it starts up while the
    current report is exported. A spare has run nothing: it is as fresh as a kernel started
    on demand, and it is used at most once."""
    global _spare
    from jupyter_core.utils import run_sync

    from nereport.build.execute import KERNEL_ARGS, KERNEL_NAME, kernel_env

    discard_spare_kernel()
    km = ForkedKernelManager(kernel_name=KERNEL_NAME)
    try:
        run_sync(km.start_kernel)(extra_arguments=list(KERNEL_ARGS), env=kernel_env(), cwd=cwd)
    except Exception:  # noqa: BLE001 - the next report then starts its own kernel
        run_sync(km.shutdown_kernel)(now=True)
        return
    _spare = (cwd, km)


def take_spare_kernel(cwd: str) -> ForkedKernelManager | None:
    """The spare kernel, if there is one for ``cwd`` and it is alive; else None."""
    global _spare
    from jupyter_core.utils import run_sync

    spare, _spare = _spare, None
    if spare is None:
        return None
    if spare[0] == cwd and run_sync(spare[1].is_alive)():
        return spare[1]
    run_sync(spare[1].shutdown_kernel)(now=True)
    return None


def discard_spare_kernel() -> None:
    """Shut the spare kernel down (a worker calls this when it exits)."""
    global _spare
    from jupyter_core.utils import run_sync

    if _spare is not None:
        km, _spare = _spare[1], None
        run_sync(km.shutdown_kernel)(now=True)
