"""The build engine: plan (cache keys, stale reasons, manifest), pool workers, forked kernels,
execution, export to HTML, PDF printing, the index and failure pages, and file safety (atomic
writes, the lock, temporary folders). It uses ``nereport.report`` and the data part's face.

``build(reports, out_dir)`` is the entry point; ``matrix()`` reads the report matrix.
"""

from __future__ import annotations

from nereport.build.engine import BuildResult, build
from nereport.build.matrix import Report, matrix

__all__ = ["BuildResult", "Report", "build", "matrix"]
