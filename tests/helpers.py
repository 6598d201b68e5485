"""What the tests of every part share: paths, a private copy of data/raw, report helpers."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest

from nereport.build.matrix import Report, matrix
from nereport.data.raw import CHECKSUMS, sha256_file
from nereport.paths import notebook_dir
from nereport.report.params import resolve

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"
NOTEBOOK_DIR = notebook_dir()
CHROMIUM = "/usr/lib/chromium/chromium"
REPORT_IDS = [r.id for r in matrix()]


def shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by the workers of one test run (pytest-xdist gives each worker a base
    folder of its own below the run's); the run's own base folder without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def run_lock(folder: Path, name: str):
    """Hold an exclusive lock shared by the workers of the run while making ``name`` once."""
    with (folder / f"{name}.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def marked(marker: str) -> list[int]:
    """The processes started with ``marker`` in their environment (this test's, not those of
    another test running beside it, under pytest-xdist, or of another run on the machine)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        with contextlib.suppress(OSError):
            if marker.encode() in environ.read_bytes():
                found.append(int(environ.parent.name))
    return found


class RawCopy:
    """A copy of data/raw in a temporary folder, used by nereport for the test's duration."""

    def __init__(self, root: Path):
        self.root = root
        self.raw = root / "raw"

    def path(self, rel: str) -> Path:
        return self.raw / rel

    def edit(self, rel: str, change: Callable[[str], str], *, rechecksum: bool = True) -> Path:
        """Rewrite one raw file's text; by default record its new checksum, so the test reaches
        validation rather than the checksum check."""
        path = self.path(rel)
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        if rechecksum:
            self.rechecksum(rel)
        return path

    def rechecksum(self, rel: str) -> None:
        sums = self.raw / CHECKSUMS
        lines = [line for line in sums.read_text().splitlines() if not line.endswith(f"  {rel}")]
        if self.path(rel).exists():
            lines.append(f"{sha256_file(self.path(rel))}  {rel}")
        sums.write_text("\n".join(lines) + "\n")


def one(frame: Any, column: str, **where: object) -> Any:
    """The value of ``column`` in the one row matching ``where`` (fails if not exactly one)."""
    for key, value in where.items():
        frame = frame[frame[key] == value]
    assert len(frame) == 1, f"expected one row for {where}, got {len(frame)}"
    return frame[column].iloc[0]


def report(
    topic: str, region: str = "jilin", notebook_dir: Path = NOTEBOOK_DIR, lang: str = "en"
) -> Report:
    """The matrix report of ``topic`` for ``region`` in ``lang`` (default parameters)."""
    return Report(
        topic, resolve(topic, {"region": region, "lang": lang}), notebook_dir=notebook_dir
    )


def offline(page: Any, allowed: tuple[str, ...] = ("file:",)) -> list[str]:
    """Abort every request of the Playwright ``page`` but those to ``allowed`` URLs (prefixes);
    return the list each aborted URL is appended to: a report loads nothing from the network."""
    blocked: list[str] = []

    def handle(route: Any) -> None:
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def wait_for_charts(page: Any) -> None:
    """Wait until the Playwright ``page`` has charts and each ``.nr-chart`` has drawn its SVG marks."""
    page.wait_for_function(
        "document.querySelectorAll('.nr-chart').length > 0 && "
        "[...document.querySelectorAll('.nr-chart')].every("
        "d => d.querySelector('svg .mark-group, svg g.mark-symbol, "
        "svg g.mark-line, svg g.mark-rect, svg g.mark-shape'))",
        timeout=20000,
    )


def seed(out: Path, built: Path, *ids: str) -> None:
    """Make ``out`` an output folder holding reports ``ids`` of the run's matrix (``built``) as
    their last good build, their files and manifest entries, without building them again."""
    from nereport.build.plan import read_manifest, write_manifest

    entries = {rid: read_manifest(built)["reports"][rid] for rid in ids}
    for entry in entries.values():
        for output in entry["outputs"].values():
            (out / output["path"]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built / output["path"], out / output["path"])
    write_manifest(out, {"reports": entries})


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` -> sha256; but the lock, and ``runs.json`` (where and how
    long each report was built: run information, not an output)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() not in {".nereport.lock", "runs.json"}
    }


def drawn_lines(chart: Any) -> dict[str, list[int]]:
    """The years each drawn line of an Altair chart joins (one line per value of its detail
    field)."""
    import pandas as pd

    spec = chart.to_dict()
    line = next(
        layer
        for layer in [spec, *spec.get("layer", [])]
        if isinstance(layer.get("mark"), dict) and layer["mark"].get("type") == "line"
    )
    rows = pd.DataFrame([r for rows in spec["datasets"].values() for r in rows])
    rows = rows.dropna(subset=[line["encoding"]["y"]["field"]])
    detail = line["encoding"]["detail"]["field"]
    return {k: sorted(g["year"]) for k, g in rows.groupby(detail)}


def svg_in_own_process(spec: dict, env: dict | None = None) -> str:
    """A Vega-Lite spec drawn as SVG by nereport's renderer in a process of its own: vl-convert's
    threads do not survive a fork, and the test process forks build workers later."""
    code = (
        "import json, sys; from nereport.report.render import spec_to_svg; "
        "sys.stdout.write(spec_to_svg(json.loads(sys.argv[1])))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, json.dumps(spec)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    ).stdout


def run_cli(*args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """``python -m nereport.cli ARGS`` in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "nereport.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def notebooks_with(tmp_path: Path, code: str) -> Path:
    """A copy of the notebooks whose economy notebook runs ``code`` in its fifth cell."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, folder)
    nb = nbformat.read(folder / "economy.ipynb", as_version=4)
    cell = nbformat.v4.new_code_cell(code)
    cell["id"] = "fault"
    nb.cells.insert(4, cell)
    nbformat.write(nb, folder / "economy.ipynb")
    return folder


class ReaderText(HTMLParser):
    """The text of a report page up to its sources section, without code spans (dataset ids,
    file names), scripts, styles and drawn SVG."""

    SKIP = frozenset({"code", "script", "style", "svg"})

    def __init__(self, sources_id: str) -> None:
        super().__init__()
        self.sources_id, self.depth, self.parts, self.done = sources_id, 0, [], False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1
        if tag == "h2" and dict(attrs).get("id") == self.sources_id:
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth and not self.done:
            self.parts.append(data)


def reader_text(page: Path, lang: str) -> str:
    """The text a reader gets from a report page up to its sources section (see ReaderText)."""
    from nereport import i18n

    parser = ReaderText(i18n.translate("Sources and run information", lang).replace(" ", "-"))
    parser.feed(page.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)
