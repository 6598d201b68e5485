"""The whole report matrix, built once per test run and shared by the end-to-end tests (and by
the workers of a parallel run: the first to ask builds it, the others wait and read it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_lock, shared_dir
from nereport.build.engine import build
from nereport.build.matrix import matrix


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = shared_dir(tmp_path_factory)
    out = folder / "reports"
    with run_lock(folder, "reports"):
        done = folder / "reports.done"  # beside the folder: the tests read every file in it
        if not done.is_file():
            result = build(matrix(), out_dir=out, jobs=2)
            assert result.ok, [o.detail for o in result.outcomes if o.status == "failed"]
            done.write_text("the matrix built by tests/e2e/conftest.py\n")
    return out
