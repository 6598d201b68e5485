"""The Dask side of the build that needs no cluster (tests/e2e/test_cluster.py starts one)."""

from __future__ import annotations

import pytest

from nereport._version import library_revision
from nereport.build.cluster import ReportWorker
from nereport.build.plan import environment_hash


@pytest.mark.parametrize("what", ["library", "environment"])
def test_a_worker_refuses_a_report_keyed_on_another_library_or_environment(what: str) -> None:
    mine = {"library": library_revision(), "environment": environment_hash()}
    ReportWorker()._check((mine["library"], mine["environment"]))  # the same: accepted
    other = {**mine, what: "0" * 64}
    with pytest.raises(RuntimeError, match=f"the worker's nereport {what} differs"):
        ReportWorker()._check((other["library"], other["environment"]))
