"""Shared fixtures: a private cache, and a private copy of data/raw that tests may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import CHROMIUM, ROOT, RawCopy
from nereport.data import provenance


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's ~/.cache/nereport."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEREPORT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _fresh_provenance() -> None:
    provenance.reset()


@pytest.fixture()
def raw_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RawCopy:
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    monkeypatch.setenv("NEREPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEREPORT_CACHE_DIR", str(tmp_path / "cache"))
    return RawCopy(tmp_path / "data")


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
