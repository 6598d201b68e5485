"""Building on a Dask cluster: ``nereport build --scheduler ADDRESS``.

The client (this process) plans, sends only the stale reports, and writes every output
itself, as a local build does; workers need the same locked environment (its packages, its
data, Chromium and fonts) but no shared file system and no write access to the output
folder. A worker plugin keeps a kernel template and a Chromium alive on each worker across
tasks. When the cluster's workers declare a ``kernel`` resource, each task asks for one, so a
worker runs as many reports at once as it has ``kernel`` slots (Dask does not see the kernels'
memory); plain workers run one report at a time per worker process (the plugin's lock).
Imported only when a build is sent to a cluster: ``distributed`` is a heavy import.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from nereport.build.plan import Planned
from nereport.build.tasks import Result, Task
from nereport.errors import BuildError

PLUGIN = "nereport"
RESOURCE = "kernel"
CONNECT_TIMEOUT = 10  # seconds to reach the scheduler, and for a worker to join it


class ReportWorker(WorkerPlugin):
    """On each worker: a warm kernel template and a Chromium, started when the plugin is
    registered (or the worker joins) and ended when the worker closes."""

    name = PLUGIN
    _checked: tuple[str, str] | None = None

    def __init__(self, local: bool = False):
        self.local = local  # the workers of this build's LocalCluster

    def setup(self, worker: Any) -> None:
        if self.local and threading.current_thread() is threading.main_thread():
            # The build's own workers leave its signals to it (it closes the cluster, and a
            # worker whose build is gone exits): Ctrl-C reaches the whole process group, and
            # a worker that died of it (or of a `kill` to the group) printed tracebacks.
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(sig, signal.SIG_IGN)
        from nereport.build.kernels import ForkedKernelManager, KernelTemplate
        from nereport.build.pdf import Printer
        from nereport.build.worker import warm_up

        self._lock = threading.Lock()
        self.printer = Printer()
        self.printer.start()  # Chromium starts while the modules are imported
        warm_up()
        ForkedKernelManager.template = KernelTemplate(close_fds=self.printer.fds())

    def teardown(self, worker: Any) -> None:
        from nereport.build.kernels import ForkedKernelManager, discard_spare_kernel

        discard_spare_kernel()
        if ForkedKernelManager.template is not None:
            ForkedKernelManager.template.close()
            ForkedKernelManager.template = None
        self.printer.close()

    def run(self, task: Task, expected: tuple[str, str]) -> Result:
        from nereport.build.pdf import PdfError
        from nereport.build.worker import run_report

        # One report at a time per worker process: its kernel template and Chromium serve
        # one caller. More kernels per machine: more worker processes (dask worker --nworkers).
        with self._lock:
            started = time.perf_counter()
            self._check(expected)
            result = run_report(task)
            if result.ok:
                try:
                    result.pdf = self.printer.pdf(result.static, task.pdf_info)
                except PdfError as exc:
                    result.pdf_error = str(exc)
                result.static = None  # the client needs the PDF only
            result.seconds = time.perf_counter() - started  # with its PDF
            return result

    def _check(self, expected: tuple[str, str]) -> None:
        """A worker whose library or environment differs from the client's would build other
        reports than the cache key says: it refuses, by name."""
        from nereport._version import library_revision
        from nereport.build.plan import environment_hash

        if self._checked is None:
            self._checked = (library_revision(), environment_hash())
        for what, mine, theirs in zip(
            ("library", "environment"), self._checked, expected, strict=True
        ):
            if mine != theirs:
                raise RuntimeError(
                    f"the worker's nereport {what} differs from the build's ({mine[:12]} here, "
                    f"{theirs[:12]} asked for): install the same commit and lock files there"
                )


def _build_remotely(task: Task, expected: tuple[str, str]) -> Result:
    worker = get_worker()
    result = worker.plugins[PLUGIN].run(task, expected)
    result.worker = worker.address
    return result


LOCAL_CLUSTER_CONFIG = {
    # A worker that dies mid-report gets its report retried once elsewhere.
    "distributed.scheduler.allowed-failures": 1,
    # Dask's nanny starts its workers with MALLOC_TRIM_THRESHOLD_=65536, so that a long-lived
    # worker hands freed memory back to the system at once. The kernels forked below a worker
    # live a second or two and inherit it: giving back and faulting in their memory again made
    # the 30-report build 7 % slower (paired runs), and they free it all when they exit.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The timers that feed a dashboard, which this cluster does not run: each worker's
    # statistical profiler (its stack every 10 ms), the event loops' health check (every
    # 20 ms) and the system monitor. They cost the 30-report build about 6 CPU-s of its 105,
    # in the worker processes and the build's own (sampled per process).
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


class Cluster:
    """A connection to a Dask scheduler, made at once (so that one that cannot be reached is
    named before the build touches anything), or ``local``: a LocalCluster of ``jobs``
    workers, started only when there is something to build."""

    def __init__(self, address: str, jobs: int | None = None):
        self.address, self._jobs = address, jobs
        self._local: LocalCluster | None = None
        self.client: Client | None = None
        self.resources: dict[str, int] | None = {RESOURCE: 1}
        if address != "local":
            try:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise BuildError(
                    f"cannot reach the Dask scheduler at {address}: {exc}. Start one with "
                    "`dask scheduler` and its workers with `dask worker ADDRESS` (optionally "
                    f"`--resources {RESOURCE}=N` for N reports at once per worker; "
                    "docs/distributed.md), or build without --scheduler."
                ) from None

    def start(self, reports: int | None = None) -> Client:
        """Wait for a worker, and warm every worker up. A LocalCluster has at most one worker
        per report (``--jobs`` 6 for one report starts one, not six Chromiums)."""
        if self.client is None:
            with dask.config.set(LOCAL_CLUSTER_CONFIG), _sigint_ignored():
                self._local = LocalCluster(
                    n_workers=max(1, min(self._jobs or os.cpu_count() or 1, reports or 1 << 16)),
                    threads_per_worker=1,
                    processes=True,
                    resources={RESOURCE: 1},
                    dashboard_address=None,
                    # No dashboard; its scheduler's HTTP server (health, metrics) on a free
                    # port, not on 8787, where another Dask cluster may be.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    # Its workers' failures reach the build as the failures of their reports;
                    # their logs only added noise (tracebacks of the comms cut by a Ctrl-C).
                    silence_logs=logging.CRITICAL,
                )
            self.client = Client(self._local)
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise BuildError(f"the Dask scheduler at {self.address} has no worker") from None
        workers = self.workers()
        # Workers started with `--resources kernel=N` run N reports at once, and only they get
        # reports; plain `dask worker` processes (a managed cluster may allow no custom
        # resources) run one at a time each, behind the plugin's lock.
        self.resources = (
            {RESOURCE: 1} if any(w.get("resources", {}).get(RESOURCE) for w in workers) else None
        )
        self.client.register_plugin(ReportWorker(self._local is not None), name=PLUGIN)
        return self.client

    def workers(self) -> list[dict[str, Any]]:
        """The workers the scheduler knows now, asked of it: not ``Client.scheduler_info()``,
        which reads the client's cached copy after its fetch, and the client's periodic refresh
        (cluster totals, no workers) may have replaced it in between (a loaded machine printed
        "on 0 Dask worker(s)", and the build took plain workers for resource-holding ones)."""
        assert self.client is not None
        info = self.client.sync(self.client.scheduler.identity, n_workers=-1)
        return list(info["workers"].values())

    def map(
        self, todo: list[Planned], task: Callable[[Planned], Task], expected: tuple[str, str]
    ) -> Iterator[tuple[Planned, Result | Exception]]:
        """Send every report, and yield ``(planned, result)`` as each finishes: its result, or
        the exception that ended it (a ``KilledWorker`` when every worker that took it died)."""
        run = uuid.uuid4().hex[:8]
        futures = {
            self.client.submit(
                _build_remotely,
                task(p),
                expected,
                key=f"nereport-{p.report.id}-{run}",
                resources=self.resources,
                pure=False,
                # in ``todo``'s order (longest first): the scheduler's own order is not it
                priority=len(todo) - i,
            ): p
            for i, p in enumerate(todo)
        }
        try:
            for future in as_completed(futures):
                planned = futures.pop(future)
                try:
                    yield planned, future.result()
                except Exception as exc:  # noqa: BLE001 - reported with its report
                    yield planned, exc
                future.release()
        finally:
            if futures:  # interrupted: nothing more is built for this client
                self.client.cancel(list(futures), force=True)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self._local is not None:
            self._local.close()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """The workers a LocalCluster spawns inside inherit an ignored SIGINT. Ctrl-C reaches the
    whole process group, and only the build handles it (it cancels the reports and closes
    the cluster); workers that took it printed tracebacks as they died. The price: a Ctrl-C
    in these few seconds is not seen (SIGTERM and SIGHUP still are, once the cluster is up)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
