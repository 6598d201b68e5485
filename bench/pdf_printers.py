"""Print the same report pages with two PDF printers on the same Chromium, and compare them.

Route A is nereport's own printer (``nereport.build.pdf.Printer``): one single-process
headless Chromium driven over the DevTools protocol on a pair of pipes. Route B is
Playwright's sync API: ``chromium.launch()`` of the same binary (Debian's
``/usr/lib/chromium/chromium``, so both print with the same engine), one page,
``page.set_content(html, wait_until="load")`` then
``page.pdf(prefer_css_page_size=True, print_background=True)`` for each report.

The pages are the static print pages of the built reports: every executed notebook
``*.ipynb`` under ``--reports`` goes through
``nereport.build.export.static_html_from_notebook`` once, before anything is timed. Those
pages have no JavaScript and nothing to fetch; each chart is an ``<img>`` whose source is an
SVG ``data:`` URI. nereport's printer prints after ``Page.loadEventFired``, and the load event
waits for those images to decode, so ``wait_until="load"`` waits for exactly the same thing.

For each run of a route this measures, from before the launch until the browser (and, for
Playwright, its driver) has exited:

* wall time (and, separately, the time until the last PDF is in hand, before closing);
* CPU seconds of the whole process tree: this process (``RUSAGE_SELF``) plus every
  descendant it reaped (``RUSAGE_CHILDREN``). This process makes itself a child subreaper,
  so that browser processes orphaned on the way out are reaped here and counted as well;
* total bytes of the PDFs, that each one starts with ``%PDF``, and its page count
  (``pdfinfo`` when installed, else a count of ``/Type /Page`` objects), which must be the
  same for both routes.

With ``--same-flags`` a third route C runs too: Playwright again, but launching Chromium
with nereport's own flags (``--single-process``, ``--no-zygote`` ...), which separates what
the driver costs from what Chromium's process model costs. (Multi-process Chromium also
embeds some fonts differently, as Type 3 glyphs, so route B's PDFs are larger.)

Runs alternate A B A B ... (after one untimed warm-up pair) so that slow drifts in machine
load hit both routes alike; the table gives min / median / max. Run from the project root::

    .venv/bin/python bench/pdf_printers.py --reports reports/ --runs 7
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat

from nereport.build.export import static_html_from_notebook
from nereport.build.pdf import _ARGS as PRINTER_ARGS
from nereport.build.pdf import Printer, chromium_version

CHROMIUM = "/usr/lib/chromium/chromium"
#: What a full ``nereport build --force`` of the 15 reports takes on this machine (bench/RESULTS.md).
FULL_BUILD_WALL = 11.0
FULL_BUILD_CPU = 15.0

_PR_SET_CHILD_SUBREAPER = 36

Page = tuple[str, str]  # (report id, print page HTML)


@dataclass
class Run:
    wall: float  # launch to browser exited
    to_last_pdf: float  # launch to last PDF returned
    cpu: float  # user + system seconds, this process and its reaped descendants
    pdfs: list[bytes]


def collect_pages(reports: Path) -> list[Page]:
    """The print page of every executed notebook under ``reports``, keyed by report id."""
    pages = []
    for path in sorted(reports.rglob("*.ipynb")):
        report_id = path.relative_to(reports).with_suffix("").as_posix()
        nb = nbformat.read(path, as_version=4)
        pages.append((report_id, static_html_from_notebook(nb, report_id)))
    return pages


def _become_subreaper() -> None:
    """Have orphaned descendants (browser helpers whose parent exited first) reparented to this
    process, so that reaping them adds their CPU time to ``RUSAGE_CHILDREN``."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap_leftovers(timeout: float = 10.0) -> None:
    """Wait for any child processes still around after a route closed (orphans included)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # no children left
        if pid == 0:
            if time.monotonic() > deadline:
                print("warning: child processes still running after close", file=sys.stderr)
                return
            time.sleep(0.02)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextlib.contextmanager
def _measured(run: dict[str, float]) -> Iterator[None]:
    cpu, start = _cpu(), time.perf_counter()
    yield
    _reap_leftovers()
    run["wall"] = time.perf_counter() - start
    run["cpu"] = _cpu() - cpu


def route_a(pages: list[Page]) -> Run:
    """nereport's printer: DevTools protocol over pipes to a single-process Chromium."""
    os.environ["NEREPORT_CHROMIUM"] = CHROMIUM
    times: dict[str, float] = {}
    with _measured(times):
        start = time.perf_counter()
        printer = Printer()
        printer.start()
        try:
            pdfs = [printer.pdf(html) for _, html in pages]
            to_last = time.perf_counter() - start
        finally:
            printer.close()
    return Run(times["wall"], to_last, times["cpu"], pdfs)


def route_b(pages: list[Page], args: tuple[str, ...] = ("--no-sandbox", "--disable-gpu")) -> Run:
    """Playwright's sync API: its driver process, then ``chromium.launch`` of the same binary."""
    from playwright.sync_api import sync_playwright

    times: dict[str, float] = {}
    with _measured(times):
        start = time.perf_counter()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(args))
            try:
                page = browser.new_page()
                pdfs = []
                for _, html in pages:
                    page.set_content(html, wait_until="load")
                    pdfs.append(page.pdf(prefer_css_page_size=True, print_background=True))
                to_last = time.perf_counter() - start
            finally:
                browser.close()
    return Run(times["wall"], to_last, times["cpu"], pdfs)


def route_c(pages: list[Page]) -> Run:
    """Playwright as in route B, but Chromium launched with nereport's printer's flags (less
    those Playwright passes itself, and the printer's process-list marker)."""
    own = {"--headless", "--remote-debugging-pipe", "--no-startup-window", "--nereport-pdf"}
    return route_b(pages, tuple(a for a in PRINTER_ARGS if a not in own))


NAMES = {
    "A": "A: nereport `Printer` (DevTools pipe, single process)",
    "B": "B: Playwright `page.set_content` + `page.pdf()`",
    "C": "C: as B, Chromium launched with A's flags (`--single-process` ...)",
}


def page_count(pdf: bytes, work: Path) -> int:
    """Pages in ``pdf``: ``pdfinfo``'s count when it is installed, else ``/Type /Page`` objects."""
    if shutil.which("pdfinfo"):
        path = work / "page-count.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        match = re.search(r"^Pages:\s+(\d+)", out.stdout, re.MULTILINE)
        if match is None:
            raise ValueError(f"pdfinfo printed no page count:\n{out.stdout}")
        return int(match[1])
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def check(pages: list[Page], runs: dict[str, Run]) -> int:
    """Total pages; exits if a route's output is not a PDF or a report's page count differs
    between routes."""
    total = 0
    with tempfile.TemporaryDirectory(prefix="pdf-printers-") as tmp:
        for i, (report_id, _) in enumerate(pages):
            counts = {}
            for name, run in runs.items():
                if not run.pdfs[i].startswith(b"%PDF"):
                    raise SystemExit(f"route {name} did not produce a PDF for {report_id}")
                counts[name] = page_count(run.pdfs[i], Path(tmp))
            if len(set(counts.values())) != 1:
                raise SystemExit(f"{report_id}: page counts differ between routes: {counts}")
            total += counts["A"]
    return total


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f} / **{statistics.median(values):.2f}** / {max(values):.2f}"


def table(runs: dict[str, list[Run]], pages_total: int) -> str:
    lines = [
        "| route | wall, launch to exit (s) min / median / max | to last PDF, median (s) "
        "| CPU, process tree (s) min / median / max | PDF bytes (15 reports) | pages |",
        "|---|---|---:|---|---:|---:|",
    ]
    for key, route_runs in runs.items():
        lines.append(
            f"| {NAMES[key]} | {_spread([r.wall for r in route_runs])} "
            f"| {statistics.median(r.to_last_pdf for r in route_runs):.2f} "
            f"| {_spread([r.cpu for r in route_runs])} "
            f"| {sum(len(p) for p in route_runs[0].pdfs):,} | {pages_total} |"
        )
    return "\n".join(lines)


def summary(runs: dict[str, list[Run]]) -> str:
    wall = {k: statistics.median(r.wall for r in v) for k, v in runs.items()}
    cpu = {k: statistics.median(r.cpu for r in v) for k, v in runs.items()}
    lines = []
    for key in [k for k in runs if k != "A"]:
        d_wall, d_cpu = wall[key] - wall["A"], cpu[key] - cpu["A"]
        lines += [
            f"- {key} / A of medians: wall **{wall[key] / wall['A']:.2f}x**, "
            f"CPU **{cpu[key] / cpu['A']:.2f}x**",
            f"- {key} - A for the {len(runs['A'][0].pdfs)} PDFs: wall {d_wall:+.2f} s = "
            f"**{d_wall / FULL_BUILD_WALL:+.1%}** of a full build ({FULL_BUILD_WALL:.0f} s "
            f"wall); CPU {d_cpu:+.2f} s = **{d_cpu / FULL_BUILD_CPU:+.1%}** of its "
            f"{FULL_BUILD_CPU:.0f} s CPU",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=Path, default=Path("reports"))
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each route (>= 5)")
    parser.add_argument(
        "--same-flags",
        action="store_true",
        help="also run route C: Playwright with Chromium launched with the printer's flags",
    )
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be at least 5")

    pages = collect_pages(args.reports)
    if not pages:
        raise SystemExit(f"no executed notebooks (*.ipynb) under {args.reports}")
    _become_subreaper()

    routes: dict[str, Callable[[list[Page]], Run]] = {"A": route_a, "B": route_b}
    if args.same_flags:
        routes["C"] = route_c
    warm = {key: route(pages) for key, route in routes.items()}  # untimed: disk caches
    pages_total = check(pages, warm)
    runs: dict[str, list[Run]] = {key: [] for key in routes}
    for i in range(args.runs):
        for key, route in routes.items():
            runs[key].append(route(pages))
            print(
                f"run {i + 1}/{args.runs} {key}: wall {runs[key][-1].wall:.2f} s, "
                f"cpu {runs[key][-1].cpu:.2f} s",
                file=sys.stderr,
            )
    check(pages, {key: route_runs[-1] for key, route_runs in runs.items()})

    load = os.getloadavg()
    print(
        f"*{len(pages)} print pages from {args.reports}; {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {chromium_version()}; {args.runs} runs per route "
        f"interleaved {' '.join(routes)}, after one warm-up pair; load average at the end "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}*\n"
    )
    print(table(runs, pages_total))
    print()
    print(summary(runs))


if __name__ == "__main__":
    main()
