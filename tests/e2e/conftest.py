"""The whole report matrix, built once per test session and shared by the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from nereport.build.engine import build
from nereport.build.matrix import matrix


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    result = build(matrix(), out_dir=out, jobs=2)
    assert result.ok, [o.detail for o in result.outcomes if o.status == "failed"]
    return out
