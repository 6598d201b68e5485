"""Shared fixtures: a private cache, and a private copy of data/raw that tests may break.

The suite runs in parallel (pytest-xdist, ``make test``): what the workers of one run share
(the disk cache, the built report matrix) lives in the run's base folder, one above each
worker's own (``shared_dir``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CHROMIUM, ROOT, RawCopy, report, run_lock, shared_dir
from nereport import i18n
from nereport.build.engine import build
from nereport.build.matrix import matrix
from nereport.data import provenance

# The modules that take longest (seconds of a worker's time in `make test`), run first: the
# two workers take whole modules in this order, and none of these is left for the end. The
# order, not strictly by length, is the one measured to let both workers finish together.
LONGEST_FIRST = (
    "e2e/test_hardening.py",  # 220
    "e2e/test_cluster.py",  # 175, the shared build of the matrix included
    "build/test_engine.py",  # 100
    "e2e/test_accessibility.py",  # 185
    "e2e/test_built_reports.py",  # 25
    "e2e/test_print_and_lines.py",  # 15
    "lab/test_lab_charts.py",  # 65
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {ROOT / "tests" / name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path, len(rank)))  # stable: the rest as collected


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's ~/.cache/nereport. The workers of one run share
    one cache: an entry is keyed by its content and written atomically, so sharing it only
    saves drawing the same chart twice."""
    mp = pytest.MonkeyPatch()
    folder = shared_dir(tmp_path_factory)
    cache = folder / "cache"
    cache.mkdir(exist_ok=True)
    mp.setenv("NEREPORT_CACHE_DIR", str(cache))
    # The Vega bundle is made once, by vl-convert in a process of its own: this process forks
    # build workers, which vl-convert's threads would not survive (build.engine refuses).
    with run_lock(folder, "bundle"):
        code = "from nereport.build.export import _vega_bundle; _vega_bundle()"
        subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
    yield
    mp.undo()


def _built_once(tmp_path_factory: pytest.TempPathFactory, name: str, reports: list) -> Path:
    """``reports`` built into the run's folder ``name`` by the first worker to ask; the others
    wait for it and read it."""
    folder = shared_dir(tmp_path_factory)
    out = folder / name
    with run_lock(folder, name):
        done = folder / f"{name}.done"  # beside the folder: the tests read every file in it
        if not done.is_file():
            result = build(reports, out_dir=out, jobs=2)
            assert result.ok, [o.detail for o in result.outcomes if o.status == "failed"]
            done.write_text(f"{len(reports)} report(s) built by tests/conftest.py\n")
    return out


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole report matrix, built once per test run: the end-to-end tests read it, and
    tests that need a report's last good build copy it from there (``helpers.seed``)."""
    return _built_once(tmp_path_factory, "reports", matrix())


@pytest.fixture(scope="session")
def built_pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """environment/jilin and policy/jilin with their index, built once per test run: a test
    that needs a last good build of a folder of its own copies this one (never writes to it)."""
    return _built_once(tmp_path_factory, "pair", [report("environment"), report("policy")])


@pytest.fixture(autouse=True)
def _fresh_provenance() -> None:
    provenance.reset()


@pytest.fixture(autouse=True)
def _english_first() -> None:
    """Each test starts in English, as a new process does: a test that started a Chinese
    report (``report.start(..., lang="zh")``) does not leave the next one speaking Chinese."""
    i18n.use("en")


@pytest.fixture()
def raw_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RawCopy:
    """A copy of data/raw to break, with a cache of its own: its datasets start cold. The Vega
    bundle and the charts drawn so far are copied in from the run's cache (both are keyed by
    their content, never by the data's files): a build here does not redo them."""
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    cache = tmp_path / "cache"
    shared = Path(os.environ["NEREPORT_CACHE_DIR"])
    for part in ("vega", "svg"):
        if (shared / part).is_dir():
            shutil.copytree(shared / part, cache / part, ignore=_temporary)
    monkeypatch.setenv("NEREPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEREPORT_CACHE_DIR", str(cache))
    return RawCopy(tmp_path / "data")


def _temporary(folder: str, names: list[str]) -> list[str]:
    """Files another process is still writing (written under a temporary name, then renamed)."""
    return [n for n in names if n.endswith(".tmp") or n.startswith(".")]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download), one per test session:
    Playwright's sync API allows only one running instance."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield b
        b.close()
