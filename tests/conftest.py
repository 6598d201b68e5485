"""Shared fixtures: a private cache, and a private copy of data/raw that tests may break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from nereport import loader, provenance

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"


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
        sums = self.raw / loader.CHECKSUMS
        lines = [line for line in sums.read_text().splitlines() if not line.endswith(f"  {rel}")]
        if self.path(rel).exists():
            lines.append(f"{loader.sha256_file(self.path(rel))}  {rel}")
        sums.write_text("\n".join(lines) + "\n")


@pytest.fixture()
def raw_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RawCopy:
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    monkeypatch.setenv("NEREPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEREPORT_CACHE_DIR", str(tmp_path / "cache"))
    return RawCopy(tmp_path / "data")


CHROMIUM = "/usr/lib/chromium/chromium"


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
