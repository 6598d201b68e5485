"""The build: plan what is stale, run it on a pool of warm workers, store what they return.

Outputs are written to temporary files and renamed, all of a report's files together; a lock
keeps two builds off one folder; a failing notebook leaves the last good outputs in place and
its partial run under ``_failed/``; the manifest is rewritten after each report, so an
interrupted build keeps what it finished.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from nereport.build.matrix import OUTPUT_KINDS, Report
from nereport.build.pages import write_index
from nereport.build.pdf import PdfError, Printer
from nereport.build.plan import MANIFEST, Planned, plan, read_manifest, write_manifest
from nereport.build.pool import Pool, WorkerError
from nereport.build.progress import Outcome, Progress, say, summary
from nereport.build.safety import (
    LOCK,
    build_lock,
    interrupts_deferred,
    remove_orphaned_temp_dirs,
    remove_stale_temporaries,
)
from nereport.build.tasks import Result, Status, Task
from nereport.build.worker import init_worker, run_report, warm_up
from nereport.errors import BuildError, InputError, NereportError
from nereport.i18n import translate
from nereport.paths import (
    cache_dir,
    remember,
    remembered_digests,
    write_atomic,
    write_files_atomic,
)
from nereport.report.params import TOPICS

if TYPE_CHECKING:
    from nereport.build.cluster import Cluster

FAILED_DIR = "_failed"
RUNS = "runs.json"


@dataclass
class BuildResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.status != Status.FAILED for o in self.outcomes)


def build(
    reports: list[Report],
    out_dir: Path,
    jobs: int | None = None,
    force: bool = False,
    dry_run: bool = False,
    cell_timeout: int = 300,
    index: bool = True,
    scheduler: str | None = None,
) -> BuildResult:
    """Build ``reports`` into ``out_dir``: only those whose inputs changed (all with
    ``force``). A dry run only says what would be built and why, and writes nothing. With
    ``scheduler`` (a Dask scheduler's address, or ``local`` for a LocalCluster of ``jobs``
    workers) the reports are built on that cluster, and written here."""
    out_dir = Path(out_dir)
    result = BuildResult()
    if dry_run:
        todo, current = plan(reports, read_manifest(out_dir), out_dir, force)
        result.outcomes += [Outcome(r.id, Status.UP_TO_DATE) for r in current]
        result.outcomes += [
            Outcome(p.report.id, Status.FAILED, p.error)
            if p.error
            else Outcome(p.report.id, Status.WOULD_BUILD, p.reason)
            for p in todo
        ]
        summary(result.outcomes)
        return result
    with contextlib.ExitStack() as stack:
        cluster = None
        if scheduler:  # a scheduler that cannot be reached fails before anything is touched
            from nereport.build.cluster import Cluster

            with interrupts_deferred():  # its threads must not take a signal
                cluster = Cluster(scheduler, jobs)
            stack.callback(cluster.close)
        check_out_dir(out_dir)
        try:
            lock_fds = stack.enter_context(build_lock(out_dir, say))
        except OSError as exc:
            raise BuildError(
                f"cannot write to the output folder {out_dir}: {exc.strerror or exc}. "
                "Choose another folder with --out, or make this one writable."
            ) from exc
        run = _on_cluster(cluster) if cluster else _on_pool(jobs, lock_fds)
        _build_locked(reports, out_dir, force, run, cell_timeout, index, result)
    summary(result.outcomes)
    return result


# What a folder may hold and still be taken as an output folder never built into: nothing, or
# the placeholder that keeps an empty folder in git.
_PLACEHOLDERS = frozenset({".gitkeep"})


def check_out_dir(out_dir: Path) -> None:
    """Refuse an output folder the build could damage: the build writes, and deletes its
    own temporary files, only in a folder that is new, empty or one of its own (it holds the
    manifest or the lock): ``--out ~`` or a project's folder is refused."""
    if out_dir.is_symlink() and not out_dir.is_dir():
        raise InputError(f"--out: {out_dir} is a broken symbolic link")
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise InputError(f"--out: {out_dir} exists and is not a folder")
    try:
        names = {p.name for p in out_dir.iterdir()}
    except OSError as exc:
        raise InputError(f"--out: cannot read the folder {out_dir}: {exc.strerror}") from None
    if names - _PLACEHOLDERS and not names & {MANIFEST, LOCK}:
        raise InputError(
            f"--out: {out_dir} is not empty and is not a nereport output folder (it has no "
            f"{MANIFEST}): the build writes only into a new or empty folder, or one it built "
            "before. Choose another folder."
        )


def _build_locked(
    reports: list[Report],
    out_dir: Path,
    force: bool,
    run: Runner,
    cell_timeout: int,
    index: bool,
    result: BuildResult,
) -> None:
    # left by a build that was killed mid-write, in the folders it writes
    topics = sorted(set(TOPICS) | {r.topic for r in reports})
    remove_stale_temporaries(out_dir, [*topics, *(f"{FAILED_DIR}/{t}" for t in topics)])
    remove_orphaned_temp_dirs()  # and its kernels' and Chromium's folders
    manifest = read_manifest(out_dir)
    # The digests of the files it reads, and of the outputs it writes, are kept for the next
    # build, which then reads only what changed.
    with remembered_digests(cache_dir() / "digests.json"):
        todo, current = plan(reports, manifest, out_dir, force)
        result.outcomes += [Outcome(r.id, Status.UP_TO_DATE) for r in current]
        todo = _skip_broken_inputs(todo, manifest, result)
        if todo:
            _run(todo, out_dir, manifest, run, cell_timeout, result)
    try:
        # A build that changed nothing rewrites nothing (the manifest is also written after
        # each report, so a build that ran reports always rewrites the index).
        changed = write_manifest(out_dir, manifest) or bool(todo)
        if index and (changed or not (out_dir / "index.html").is_file()):
            write_index(out_dir, manifest)
    except OSError as exc:
        raise BuildError(f"cannot write the manifest or index in {out_dir}: {exc}") from exc


def _skip_broken_inputs(
    todo: list[Planned], manifest: dict[str, Any], result: BuildResult
) -> list[Planned]:
    """Reports whose notebook cannot be used, or known to read a dataset whose raw data no
    longer validates, are not run (the others still are); the failure names the notebook, or
    the dataset and its problems. A report never built before finds out in its kernel, with
    the same message."""
    from nereport import data

    for p in todo:
        if p.error:
            result.outcomes.append(
                _record_failure(p.report, manifest, f"not built: {p.error}; previous outputs kept")
            )
    todo = [p for p in todo if not p.error]
    broken = {}
    for name in sorted({name for p in todo for name in p.inputs["datasets"]}):
        try:
            data.check(name)
        except NereportError as exc:
            broken[name] = str(exc)
    keep = []
    for p in todo:
        bad = [name for name in p.inputs["datasets"] if name in broken]
        if not bad:
            keep.append(p)
            continue
        detail = (
            f"not built: it reads {', '.join(bad)}, whose raw data is broken; previous outputs "
            f"kept.\n" + "\n".join(broken[name] for name in bad)
        )
        result.outcomes.append(_record_failure(p.report, manifest, detail))
    return keep


# Runs the planned reports: yields each with what its worker returned, its PDF printed.
Runner = Callable[[list[Planned], int], Iterator[tuple[Planned, Any]]]


def _on_pool(jobs: int | None, lock_fds: list[int]) -> Runner:
    """This machine's warm workers; a thread of this process prints the PDFs."""

    def run(todo: list[Planned], cell_timeout: int) -> Iterator[tuple[Planned, Any]]:
        from nereport.build.kernels import KernelTemplate

        size = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        say(f"building {len(todo)} report(s) with {size} worker(s)")
        printer = Printer()
        pool = template = printing = None
        try:
            printer.start()  # Chromium starts on the other core while this process warms up
            warm_up()
            _refuse_fork_after_vl_convert()
            # No worker forked without the pool knowing it; no thread that takes a signal.
            with interrupts_deferred():
                fds = [*lock_fds, *printer.fds()]
                template = KernelTemplate(close_fds=fds, clients=size)
                pool = Pool(
                    size, run_report, init_worker, lambda i: (os.getpid(), fds, template, i)
                )
                template.release()
                printing = _Printing(printer)
            # A PDF being printed is a report at work: --jobs N keeps N cores busy, not N and
            # the printing Chromium. A worker whose report waits to be printed goes on.
            for planned, out in pool.map(
                todo,
                lambda p: (_task(p, cell_timeout),),
                held=printing.busy,
                wake=printing.fileno(),
            ):
                if planned is not None and isinstance(out, Result) and out.ok:
                    printing.submit(planned, out)
                elif planned is not None:
                    yield planned, out
                yield from printing.printed()
            pool.close()
            yield from printing.rest()
        except BaseException:
            # Ctrl-C, a kill or a bug: do not wait for running reports. The kernels die with
            # their template (PR_SET_PDEATHSIG). A second Ctrl-C waits the moment this takes.
            with interrupts_deferred():
                printer.abort()  # nor for the PDF being printed
                if pool is not None:
                    pool.kill()
                if template is not None:
                    template.close(patience=0)
                remove_orphaned_temp_dirs(patience=2.0)  # the killed workers' kernel folders
            raise
        finally:
            with interrupts_deferred():
                if printing is not None:
                    printing.close()
                if template is not None:
                    template.close()
                printer.close()

    return run


class _Printing:
    """The PDFs of a local build, printed one at a time by a thread of this process while the
    workers go on (the thread keeps the interrupts blocked: it is started inside
    :func:`interrupts_deferred`)."""

    def __init__(self, printer: Printer):
        self._printer = printer
        self._todo: queue.SimpleQueue[tuple[Planned, Result] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[Planned, Result]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._unprinted = 0  # handed to the thread, not printed yet
        self._out = 0  # handed to the thread, not yet given back by printed() or rest()
        self._stopped = False
        self._wake, self._woken = os.pipe()
        os.set_blocking(self._wake, False)
        self._thread = threading.Thread(target=self._main, name="nereport-printer", daemon=True)
        self._thread.start()

    def fileno(self) -> int:
        """Readable when a PDF has been printed."""
        return self._wake

    def busy(self) -> int:
        """The workers' places the printing takes now: one while a PDF waits or is printed."""
        return 1 if self._unprinted else 0

    def submit(self, planned: Planned, out: Result) -> None:
        with self._lock:
            self._unprinted += 1
        self._out += 1
        self._todo.put((planned, out))

    def printed(self) -> Iterator[tuple[Planned, Result]]:
        """The reports printed since last asked, without waiting."""
        with contextlib.suppress(BlockingIOError):
            os.read(self._wake, 4096)
        while self._out:
            try:
                done = self._done.get_nowait()
            except queue.Empty:
                return
            self._out -= 1
            yield done

    def rest(self) -> Iterator[tuple[Planned, Result]]:
        """The reports still being printed, as each is done."""
        while self._out:
            done = self._done.get()
            self._out -= 1
            yield done

    def close(self) -> None:
        """Print nothing more; wait for the thread (the PDF it prints: abort the printer first
        to cut that short)."""
        self._stopped = True
        self._todo.put(None)
        self._thread.join()
        os.close(self._wake)
        os.close(self._woken)

    def _main(self) -> None:
        while (job := self._todo.get()) is not None:
            planned, out = job
            if not self._stopped:
                try:
                    out.pdf = self._printer.pdf(out.static, _pdf_info(planned.report))
                    out.static = None
                except PdfError as exc:
                    out.pdf_error = str(exc)
                except Exception as exc:  # noqa: BLE001 - the report fails, not the build
                    out.pdf_error = f"printing its PDF failed: {type(exc).__name__}: {exc}"
            self._done.put(job)
            with self._lock:
                self._unprinted -= 1
            with contextlib.suppress(OSError):
                os.write(self._woken, b".")


def _on_cluster(cluster: Cluster) -> Runner:
    """A Dask cluster's workers, which print the PDFs too."""
    from nereport._version import library_revision
    from nereport.build.plan import environment_hash

    def run(todo: list[Planned], cell_timeout: int) -> Iterator[tuple[Planned, Any]]:
        with interrupts_deferred():  # the threads of a LocalCluster must not take a signal
            cluster.start(len(todo))
        workers = len(cluster.workers())
        say(f"building {len(todo)} report(s) on {workers} Dask worker(s) at {cluster.address}")

        def task(p: Planned) -> tuple[Any, ...]:
            source = p.report.notebook.read_text(encoding="utf-8")
            return _task(p, cell_timeout, source=source, pdf_info=_pdf_info(p.report))

        expected = (library_revision(), environment_hash())
        for planned, out in cluster.map(todo, task, expected):
            if isinstance(out, Exception):
                out = WorkerError(_remote_failure(out))
            yield planned, out

    return run


def _remote_failure(exc: Exception) -> str:
    if type(exc).__name__ == "KilledWorker":
        # Dask retried it on other workers as often as the scheduler's allowed-failures lets
        return (
            "the Dask workers building it died each time (retried as often as the scheduler's "
            "allowed-failures setting lets; docs/distributed.md)"
        )
    return f"{type(exc).__name__}: {exc}"


def _run(
    todo: list[Planned],
    out_dir: Path,
    manifest: dict[str, Any],
    run: Runner,
    cell_timeout: int,
    result: BuildResult,
) -> None:
    runs = _RunLog(out_dir)
    with interrupts_deferred():  # tqdm's thread must not take a signal
        progress = Progress(len(todo))
    finished = run(runs.longest_first(todo), cell_timeout)
    try:
        for planned, out in finished:
            outcome = _store(planned, out, out_dir, manifest)
            result.outcomes.append(outcome)
            with contextlib.suppress(OSError):  # a full disk fails the report, not this
                write_manifest(out_dir, manifest)
                runs.record(planned.report.id, outcome, out)
            progress.update(outcome, planned.reason)
    finally:
        with interrupts_deferred():
            finished.close()  # an interrupted build ends its workers now, under the lock
            progress.close()


def _task(planned: Planned, cell_timeout: int, **more: Any) -> Task:
    report = planned.report
    return Task(
        report.topic, report.params, str(report.notebook), report.title, cell_timeout, **more
    )


def _params(report: Report) -> str:
    return " ".join(f"{k}={v}" for k, v in report.params.items())


def _store(
    planned: Planned,
    out: Result | WorkerError,
    out_dir: Path,
    manifest: dict[str, Any],
) -> Outcome:
    """Write what a worker returned (all of a report's files, or its partial run under
    ``_failed/``) and record it in the manifest."""
    report = planned.report
    if isinstance(out, WorkerError):  # the worker itself broke (not the notebook)
        return _record_failure(report, manifest, str(out))
    if not out.ok:
        return _store_failure(report, out, out_dir, manifest)
    if out.pdf_error is not None:  # the printer failed (this process's or the worker's)
        detail = (
            f"report {report.id} ({_params(report)}) ran, but {out.pdf_error}; "
            "previous outputs kept"
        )
        return _record_failure(report, manifest, detail, out.seconds)
    kinds = (*OUTPUT_KINDS, *(("svg",) if out.svg else ()))  # svg: the index's thumbnail
    paths = report.outputs(out_dir, kinds)
    files = {"ipynb": out.ipynb, "html": out.html, "pdf": out.pdf, "svg": out.svg}
    try:  # all three or none: never a new HTML beside an old PDF
        with interrupts_deferred():
            write_files_atomic({paths[kind]: files[kind] for kind in paths})
    except OSError as exc:
        detail = (
            f"report {report.id} ({_params(report)}) ran, but its outputs could not be written "
            f"to {out_dir}: {exc.strerror or exc}; previous outputs kept"
        )
        return _record_failure(report, manifest, detail, out.seconds)
    digests = {kind: hashlib.sha256(files[kind]).hexdigest() for kind in paths}
    for kind, path in paths.items():
        remember(path, digests[kind])
    failed = out_dir / FAILED_DIR / report.id
    for stale in failed.parent.glob(f"{failed.name}.*"):
        stale.unlink()
    manifest["reports"][report.id] = {
        "topic": report.topic,
        "params": report.params,
        "notebook": report.as_dict(out_dir)["notebook"],
        "inputs": {**planned.inputs, "datasets": out.datasets},
        "outputs": {
            kind: {"path": path.relative_to(out_dir).as_posix(), "sha256": digests[kind]}
            for kind, path in paths.items()
        },
        "status": "ok",
        "charts": out.charts,  # each chart's anchor in the HTML, in page order
    }
    return Outcome(report.id, Status.BUILT, seconds=out.seconds)


def _refuse_fork_after_vl_convert() -> None:
    """Workers are forked from this process; vl-convert's runtime threads do not survive a fork,
    so a worker forked after it ran here would hang in its first chart. Say so instead."""
    from nereport.report.render import vl_convert_ran

    if vl_convert_ran():
        raise BuildError(
            "this process has already drawn charts with vl-convert, whose threads do not "
            "survive the fork that starts the build's workers: build from a fresh process "
            "(e.g. `nereport build` in a terminal, or a new kernel)"
        )


def _pdf_info(report: Report) -> dict[str, str]:
    """The PDF's document information besides its title (the page's)."""
    subject = translate("{title}: China's Northeast revitalization policy ({params})", report.lang)
    keywords = translate("Northeast China; revitalization; {topic}; {region}", report.lang)
    return {
        "Author": "nereport",
        "Subject": subject.format(title=report.title, params=_params(report)),
        "Keywords": keywords.format(topic=report.topic, region=report.params["region"]),
    }


def _store_failure(report: Report, out: Result, out_dir: Path, manifest: dict[str, Any]) -> Outcome:
    failed = out_dir / FAILED_DIR / report.id
    with contextlib.suppress(OSError):  # the failure is reported even if this fails
        write_files_atomic(
            {failed.with_suffix(".ipynb"): out.ipynb, failed.with_suffix(".html"): out.html}
        )
    detail = (
        f"report {report.id} ({_params(report)}) failed at {out.failure}; partial run: "
        f"{failed.with_suffix('.html')}; previous outputs kept"
    )
    return _record_failure(report, manifest, detail, out.seconds)


def _record_failure(
    report: Report, manifest: dict[str, Any], detail: str, seconds: float = 0.0
) -> Outcome:
    entry = manifest["reports"].get(report.id)
    if entry:
        entry["status"] = (
            Status.FAILED.value
        )  # outputs listed are the last good ones, still on disk
        entry["error"] = detail
    else:
        manifest["reports"][report.id] = {
            "topic": report.topic,
            "params": report.params,
            "status": Status.FAILED.value,
            "error": detail,
            "outputs": {},
            "inputs": {"datasets": {}},
        }
    return Outcome(report.id, Status.FAILED, detail, seconds)


class _RunLog:
    """``runs.json``, beside the manifest: where and how long each report was last built (the
    pool worker, or the Dask worker's address). Kept out of the manifest, which stays
    byte-identical from one build to the next, wherever it ran."""

    def __init__(self, out_dir: Path):
        self._path = out_dir / RUNS
        try:
            runs = orjson.loads(self._path.read_bytes())
        except (OSError, ValueError):
            runs = {}
        self._runs: dict[str, Any] = runs if isinstance(runs, dict) else {}  # hand-edited

    def longest_first(self, todo: list[Planned]) -> list[Planned]:
        """``todo`` longest first, by each report's time at its last build (one never built,
        or whose time is unreadable, first of all), else in the plan's order: the build then
        ends on short reports, not with one worker idle beside a long one."""

        def last(p: Planned) -> float:
            run = self._runs.get(p.report.id)
            seconds = run.get("seconds") if isinstance(run, dict) else None
            ok = isinstance(seconds, int | float) and not isinstance(seconds, bool)
            return -seconds if ok and seconds == seconds else -float("inf")

        return sorted(todo, key=last)

    def record(self, report_id: str, outcome: Outcome, out: Any) -> None:
        worker = out.worker if isinstance(out, Result) else "unknown"
        self._runs[report_id] = {
            "status": outcome.status,
            "worker": worker,
            "seconds": round(outcome.seconds, 2),
        }
        options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
        write_atomic(self._path, orjson.dumps(self._runs, option=options))
