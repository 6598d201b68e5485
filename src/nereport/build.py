"""The build engine: incremental, parallel, reproducible and failure-safe report builds.

A report is rebuilt only when what made it changed: the notebook (outputs stripped), its
resolved parameters, the raw data of the datasets it loaded last time (recorded by the
library while the notebook ran), the nereport library source, or the locked environment.
Outputs are written to temporary files and renamed; a lock keeps two builds off one folder;
a failing notebook leaves the last good outputs in place and its partial run under _failed/.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import html
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nereport import __version__
from nereport.errors import BuildError
from nereport.files import (
    library_revision,
    remove_orphaned_temp_dirs,
    remove_stale_temporaries,
    write_atomic,
    write_files_atomic,
)
from nereport.pdf import PdfError, Printer
from nereport.reports import PROJECT_DIR, SCHEMA, Report

MANIFEST = "manifest.json"
LOCK = ".nereport.lock"
FAILED_DIR = "_failed"


# -- what made a report ---------------------------------------------------------------------


def notebook_hash(path: Path) -> str:
    """sha256 of the notebook's content: cell types, sources and tags, no outputs."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [
        (
            c["cell_type"],
            "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
            sorted(c.get("metadata", {}).get("tags", [])),
        )
        for c in nb["cells"]
    ]
    return _sha(json.dumps(cells, ensure_ascii=False))


def environment_hash() -> str:
    """The locked environment: the runtime lock file, the interpreter and the Chromium that
    prints the PDFs."""
    from nereport.pdf import chromium_version

    lock = PROJECT_DIR / "requirements" / "runtime.txt"
    text = lock.read_text(encoding="utf-8") if lock.is_file() else "no lock file"
    return _sha(f"{sys.version}\n{chromium_version()}\n{text}")


def dataset_hashes(recorded: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Current hashes of the raw files a report's datasets were read from last time. (A
    dataset that gains a raw file changes the library, which is keyed separately.)"""
    from nereport.files import raw_dir, sha256_file

    return {
        name: {
            rel: sha256_file(raw_dir() / rel) if (raw_dir() / rel).is_file() else "missing"
            for rel in files
        }
        for name, files in recorded.items()
    }


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def inputs_of(
    report: Report, previous: dict[str, Any] | None, library: str, environment: str
) -> dict[str, Any]:
    datasets = (previous or {}).get("inputs", {}).get("datasets", {})
    return {
        "notebook": notebook_hash(report.notebook),
        "params": report.params,
        "library": library,
        "environment": environment,
        "datasets": dataset_hashes(datasets),
    }


def stale_reasons(
    report: Report, entry: dict[str, Any] | None, inputs: dict[str, Any], out_dir: Path
) -> list[str]:
    """Why ``report`` must be rebuilt; empty when it is up to date."""
    if not entry or entry.get("status") != "ok":
        return ["never built" if not entry else "last build failed"]
    old = entry["inputs"]
    reasons = [
        f"{what} changed"
        for what in ("notebook", "params", "library", "environment")
        if old.get(what) != inputs[what]
    ]
    changed = sorted(n for n, h in inputs["datasets"].items() if old["datasets"].get(n) != h)
    if changed:
        reasons.append(f"data changed: {', '.join(changed)}")
    for kind, out in entry.get("outputs", {}).items():
        path = out_dir / out["path"]
        if not path.is_file() or _file_sha(path) != out["sha256"]:
            reasons.append(f"{kind} output missing or modified")
    return reasons


def _file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- one report, in a worker process -------------------------------------------------------


def run_report(
    topic: str, params: dict[str, Any], notebook: str, title: str, cell_timeout: int
) -> dict[str, Any]:
    """Execute and export one report; return the outputs as bytes (the parent writes them,
    after printing the PDF from ``static``, the page made for print)."""
    import nbformat

    from nereport.execute import execute
    from nereport.export import add_static_svgs, html_from_notebook, static_html_from_notebook
    from nereport.kernels import ForkedKernelManager, start_spare_kernel, take_spare_kernel

    started = time.perf_counter()
    nb = nbformat.read(notebook, as_version=4)
    cwd = str(Path(notebook).parent)
    manager = ForkedKernelManager if ForkedKernelManager.template else None
    executed, failure = execute(
        nb,
        params,
        cwd=cwd,
        timeout=cell_timeout,
        kernel_manager_class=manager,
        km=take_spare_kernel(cwd) if manager else None,
    )
    if manager:
        start_spare_kernel(cwd)  # the next report's kernel starts while this one exports
    if not failure:
        add_static_svgs(executed)
    invalid: dict[str, Exception] = {}  # writes() validates the notebook; no need to twice
    ipynb = nbformat.writes(executed, capture_validation_error=invalid).encode() + b"\n"
    if failure:
        return {
            "ok": False,
            "failure": failure.describe(),
            "cell": failure.cell,
            "ipynb": ipynb,
            "html": failure_page(executed, title, failure.describe(), failure.cell).encode(),
            "seconds": time.perf_counter() - started,
        }
    if invalid:
        raise invalid["ValidationError"]
    complaint = stderr_output(executed)
    if complaint:  # e.g. a chart that failed to render prints a traceback but does not raise
        cell, text = complaint
        message = f"cell {cell}: wrote to stderr: {text.strip().splitlines()[-1][:300]}"
        return {
            "ok": False,
            "failure": message,
            "cell": cell,
            "ipynb": ipynb,
            "html": failure_page(executed, title, message, cell).encode(),
            "seconds": time.perf_counter() - started,
        }
    datasets = used_datasets(executed)
    return {
        "ok": True,
        "ipynb": ipynb,
        "html": html_from_notebook(executed, title).encode(),
        "static": static_html_from_notebook(executed, title),
        "datasets": datasets,
        "seconds": time.perf_counter() - started,
    }


def stderr_output(nb: Any) -> tuple[int, str] | None:
    """The first cell that wrote to stderr: a report must run clean."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                return i, out.get("text", "")
    return None


def used_datasets(nb: Any) -> dict[str, dict[str, str]]:
    """The datasets the notebook loaded, as recorded in its sources section's metadata."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            # IPython files a _repr_markdown_ tuple's metadata under the mimetype
            record = out.get("metadata", {}).get("text/markdown", {}).get("nereport")
            if record and "datasets" in record:
                return record["datasets"]
    return {}


def failure_page(nb: Any, title: str, message: str, cell: int | None) -> str:
    """The partial run as HTML, with the code shown and the failing cell marked."""
    import copy

    from nbconvert import HTMLExporter
    from nbformat.v4 import new_markdown_cell

    nb = copy.deepcopy(nb)
    banner = new_markdown_cell(
        f"# Build failed: {html.escape(title)}\n\n**{html.escape(message)}**"
    )
    if cell is not None:
        nb.cells.insert(
            cell,
            new_markdown_cell(
                '<div style="background:#fde8e8;border-left:6px solid #c0392b;padding:6px 10px">'
                f"<strong>The cell below (cell {cell}) failed.</strong></div>"
            ),
        )
    nb.cells.insert(0, banner)
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


# -- the build -----------------------------------------------------------------------------


@dataclass
class Outcome:
    id: str
    status: str  # built, up to date, failed, would build
    detail: str = ""
    seconds: float = 0.0


@dataclass
class BuildResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.status != "failed" for o in self.outcomes)


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[int]:
    """An exclusive lock on the output folder. The kernel drops it when the process ends, so a
    killed build never leaves a stale lock."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            _say(
                f"{out_dir} is being built by another nereport process (pid {holder}); "
                "waiting for it to finish..."
            )
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield fh.fileno()
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_manifest(out_dir: Path) -> dict[str, Any]:
    path = out_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        return manifest if isinstance(manifest.get("reports"), dict) else {"reports": {}}
    except (OSError, ValueError):
        return {"reports": {}}


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    manifest = {
        "nereport_version": __version__,
        "reports": dict(sorted(manifest["reports"].items())),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(out_dir / MANIFEST, text.encode())


def report_title(report: Report) -> str:
    from nereport.loader import load
    from nereport.report import TOPIC_TITLES

    names = dict(zip(*load("regions", _record=False)[["slug", "name_en"]].T.values, strict=True))
    return f"{TOPIC_TITLES[report.topic]}: {names[report.params['region']]}"


def build(
    reports: list[Report],
    out_dir: Path,
    jobs: int | None = None,
    force: bool = False,
    dry_run: bool = False,
    cell_timeout: int = 300,
    index: bool = True,
) -> BuildResult:
    """Build ``reports`` into ``out_dir``: only those whose inputs changed (all with
    ``force``). A dry run only says what would be built and why, and writes nothing."""
    out_dir = Path(out_dir)
    result = BuildResult()
    if dry_run:
        _plan(reports, out_dir, read_manifest(out_dir), force, result, dry_run=True)
        _summary(result)
        return result
    try:
        lock = build_lock(out_dir)
        lock_fd = lock.__enter__()
    except OSError as exc:
        raise BuildError(
            f"cannot write to the output folder {out_dir}: {exc.strerror or exc}. "
            "Choose another folder with --out, or make this one writable."
        ) from exc
    try:
        remove_stale_temporaries(out_dir)  # left by a build that was killed mid-write
        remove_orphaned_temp_dirs()  # and its kernels' and Chromium's folders
        manifest = read_manifest(out_dir)
        todo = _plan(reports, out_dir, manifest, force, result)
        todo = _skip_broken_data(todo, manifest, result)
        _run(todo, out_dir, manifest, jobs, cell_timeout, result, lock_fd)
        try:
            write_manifest(out_dir, manifest)
            if index:
                write_index(out_dir, manifest)
        except OSError as exc:
            raise BuildError(f"cannot write the manifest or index in {out_dir}: {exc}") from exc
    finally:
        lock.__exit__(None, None, None)
    _summary(result)
    return result


def _plan(
    reports: list[Report],
    out_dir: Path,
    manifest: dict[str, Any],
    force: bool,
    result: BuildResult,
    dry_run: bool = False,
) -> list[tuple[Report, dict[str, Any], str]]:
    """The reports to build, each with its inputs and why; the others are up to date."""
    library, environment = library_revision(), environment_hash()
    todo = []
    for report in reports:
        entry = manifest["reports"].get(report.id)
        inputs = inputs_of(report, entry, library, environment)
        reasons = ["--force"] if force else stale_reasons(report, entry, inputs, out_dir)
        if not reasons:
            result.outcomes.append(Outcome(report.id, "up to date"))
        elif dry_run:
            result.outcomes.append(Outcome(report.id, "would build", "; ".join(reasons)))
        else:
            todo.append((report, inputs, "; ".join(reasons)))
    return todo


def _skip_broken_data(
    todo: list[tuple[Report, dict[str, Any], str]], manifest: dict[str, Any], result: BuildResult
) -> list[tuple[Report, dict[str, Any], str]]:
    """Reports known to read a dataset whose raw data no longer validates are not run (the
    others still are); the failure names the dataset and its problems. A report never built
    before finds out in its kernel, with the same message."""
    needed = sorted({name for _, inputs, _ in todo for name in inputs["datasets"]})
    if not needed:
        return todo
    from nereport.errors import NereportError
    from nereport.loader import load

    broken = {}
    for name in needed:
        try:
            load(name, _record=False)
        except NereportError as exc:
            broken[name] = str(exc)
    keep = []
    for report, inputs, reason in todo:
        bad = [name for name in inputs["datasets"] if name in broken]
        if not bad:
            keep.append((report, inputs, reason))
            continue
        detail = (
            f"not built: it reads {', '.join(bad)}, whose raw data is broken; previous outputs "
            f"kept.\n" + "\n".join(broken[name] for name in bad)
        )
        params = " ".join(f"{k}={v}" for k, v in report.params.items())
        result.outcomes.append(_record_failure(report, manifest, detail, params))
    return keep


def _run(
    todo: list,
    out_dir: Path,
    manifest: dict[str, Any],
    jobs: int | None,
    cell_timeout: int,
    result: BuildResult,
    lock_fd: int,
) -> None:
    if not todo:
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    _say(f"building {len(todo)} report(s) with {jobs} worker(s)")
    # Chromium starts up on the other core while this process imports and warms up what
    # the workers and kernels need, once: they are forked from it and start with it all.
    printer = Printer()
    printer.start()
    import multiprocessing

    import nereport.execute  # noqa: F401
    from nereport.export import warm
    from nereport.kernels import preload

    preload()
    warm()

    progress = Progress(len(todo))
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_init_worker,
        # Workers (and the kernels forked below them) must not keep the lock or Chromium's
        # pipes open: a straggler would hold the lock, or keep Chromium alive.
        initargs=(os.getpid(), [lock_fd, *printer.fds()]),
    )
    try:
        pending = {}
        for report, inputs, reason in todo:
            future = pool.submit(
                run_report,
                report.topic,
                report.params,
                str(report.notebook),
                report_title(report),
                cell_timeout,
            )
            pending[future] = (report, inputs, reason)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                report, inputs, reason = pending.pop(future)
                outcome = _store(report, inputs, future, out_dir, manifest, printer)
                result.outcomes.append(outcome)
                # The manifest is written after each report, so an interrupted build keeps
                # what it finished and the next build picks up the rest.
                with contextlib.suppress(OSError):  # a full disk fails the report, not this
                    write_manifest(out_dir, manifest)
                progress.update(outcome, reason)
    except BaseException:
        # Ctrl-C or a kill: do not wait for running reports; the workers, their kernel
        # templates and kernels die with this process (PR_SET_PDEATHSIG).
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(OSError):
                process.kill()  # so that interpreter exit does not wait for running reports
        printer.close()
        raise
    printer.close()
    pool.shutdown(wait=True)


def _init_worker(parent: int, inherited_fds: list[int]) -> None:
    """Each worker gets a kernel template: kernels forked from it start warm."""
    from multiprocessing.util import Finalize

    from nereport.kernels import (
        ForkedKernelManager,
        KernelTemplate,
        die_with_parent,
        discard_spare_kernel,
    )

    die_with_parent(parent)
    for fd in inherited_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    # Run when the worker exits normally (atexit handlers are not, in pool workers).
    Finalize(None, discard_spare_kernel, exitpriority=10)
    # Ctrl-C reaches the whole process group: only the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ForkedKernelManager.template = KernelTemplate()


def _store(
    report: Report,
    inputs: dict[str, Any],
    future: Any,
    out_dir: Path,
    manifest: dict[str, Any],
    printer: Printer,
) -> Outcome:
    params = " ".join(f"{k}={v}" for k, v in report.params.items())
    try:
        out = future.result()
    except Exception as exc:  # the worker itself broke (not the notebook)
        return _record_failure(report, manifest, f"{type(exc).__name__}: {exc}", params)
    if out["ok"]:
        started = time.perf_counter()
        try:
            out["pdf"] = printer.pdf(out.pop("static"))
        except PdfError as exc:
            detail = f"report {report.id} ({params}) ran, but {exc}; previous outputs kept"
            return _record_failure(report, manifest, detail, params, out["seconds"])
        out["seconds"] += time.perf_counter() - started
    if not out["ok"]:
        failed = out_dir / FAILED_DIR / report.id
        with contextlib.suppress(OSError):  # the failure is reported even if this fails
            write_files_atomic(
                {
                    failed.with_suffix(".ipynb"): out["ipynb"],
                    failed.with_suffix(".html"): out["html"],
                }
            )
        detail = (
            f"report {report.id} ({params}) failed at {out['failure']}; partial run: "
            f"{failed.with_suffix('.html')}; previous outputs kept"
        )
        return _record_failure(report, manifest, detail, params, out["seconds"])
    inputs = {**inputs, "datasets": out["datasets"]}
    paths = {kind: out_dir / f"{report.id}.{kind}" for kind in ("ipynb", "html", "pdf")}
    try:  # all three or none: never a new HTML beside an old PDF
        write_files_atomic({paths[kind]: out[kind] for kind in paths})
    except OSError as exc:
        detail = (
            f"report {report.id} ({params}) ran, but its outputs could not be written to "
            f"{out_dir}: {exc.strerror or exc}; previous outputs kept"
        )
        return _record_failure(report, manifest, detail, params, out["seconds"])
    outputs = {
        kind: {
            "path": path.relative_to(out_dir).as_posix(),
            "sha256": hashlib.sha256(out[kind]).hexdigest(),
        }
        for kind, path in paths.items()
    }
    for stale in (out_dir / FAILED_DIR / report.id).parent.glob(f"{Path(report.id).name}.*"):
        stale.unlink()
    manifest["reports"][report.id] = {
        "topic": report.topic,
        "params": report.params,
        "notebook": report.as_dict(out_dir)["notebook"],
        "inputs": inputs,
        "outputs": outputs,
        "status": "ok",
    }
    return Outcome(report.id, "built", seconds=out["seconds"])


def _record_failure(
    report: Report, manifest: dict[str, Any], detail: str, params: str, seconds: float = 0.0
) -> Outcome:
    entry = manifest["reports"].get(report.id)
    if entry:
        entry["status"] = "failed"  # outputs listed are the last good ones, still on disk
        entry["error"] = detail
    else:
        manifest["reports"][report.id] = {
            "topic": report.topic,
            "params": report.params,
            "status": "failed",
            "error": detail,
            "outputs": {},
            "inputs": {"datasets": {}},
        }
    return Outcome(report.id, "failed", detail, seconds)


def write_index(out_dir: Path, manifest: dict[str, Any]) -> None:
    """reports/index.html: every report with its parameters, links and status."""
    rows = []
    for rid, entry in sorted(manifest["reports"].items()):
        # Schema order, whether the entry was just built or read back from the JSON manifest.
        order = [p.name for p in SCHEMA]
        params = ", ".join(
            f"{k}={entry['params'][k]}" for k in sorted(entry["params"], key=order.index)
        )
        links = " ".join(
            f'<a href="{html.escape(o["path"])}">{kind.upper()}</a>'
            for kind, o in entry.get("outputs", {}).items()
            if kind in ("html", "pdf")
        )
        status = (
            "ok"
            if entry["status"] == "ok"
            else ("failed — last good version shown" if entry.get("outputs") else "failed")
        )
        rows.append(
            f"<tr><td>{html.escape(rid)}</td><td>{html.escape(params)}</td>"
            f'<td>{links or "—"}</td><td class="{html.escape(entry["status"])}">'
            f"{html.escape(status)}</td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>nereport reports</title>
<style>body{{font-family:"Noto Sans","Noto Sans CJK SC",sans-serif;max-width:960px;margin:2em auto;
color:#222}}table{{border-collapse:collapse;width:100%}}td,th{{text-align:left;padding:4px 8px;
border-bottom:1px solid #ddd}}.failed{{color:#b00}}</style></head>
<body><h1>nereport reports</h1>
<p>Revitalization of the Northeast old industrial bases. nereport {html.escape(__version__)};
details of every input in <a href="{MANIFEST}">{MANIFEST}</a>.</p>
<table><tr><th>Report</th><th>Parameters</th><th>Files</th><th>Status</th></tr>
{chr(10).join(rows)}
</table></body></html>
"""
    write_atomic(out_dir / "index.html", page.encode())


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Progress:
    """One line per finished report; on a terminal, a bar redrawn in place instead."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty()

    def update(self, outcome: Outcome, reason: str) -> None:
        self.done += 1
        line = f"{outcome.status:6s} {outcome.id} ({outcome.seconds:.1f} s; {reason})"
        if self.tty:
            width = 24
            filled = width * self.done // self.total
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r\033[K[{bar}] {self.done}/{self.total} {line}")
            if outcome.status == "failed" or self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        else:
            _say(f"[{self.done}/{self.total}] {line}")
        if outcome.detail:
            _say(f"    {outcome.detail}")


def _summary(result: BuildResult) -> None:
    """A table of every report and what happened to it, then the counts."""
    if not result.outcomes:
        return
    width = max(len(o.id) for o in result.outcomes)
    _say(f"\n{'report':{width}s}  {'status':11s}  {'time':>6s}  detail")
    for o in sorted(result.outcomes, key=lambda o: o.id):
        seconds = f"{o.seconds:5.1f}s" if o.seconds else ""
        _say(f"{o.id:{width}s}  {o.status:11s}  {seconds:>6s}  {o.detail}")
    counts: dict[str, int] = {}
    for o in result.outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    _say("summary: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
