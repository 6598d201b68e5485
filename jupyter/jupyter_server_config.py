"""Configuration of the JupyterLab that `make lab` starts (from .venv-lab, at the project root).

Lab autosaves notebooks with their outputs. The report notebooks and tutorials in notebooks/
are kept in git without outputs (a report's outputs belong in reports/, built by
`nereport build`), so a pre-save hook strips the outputs of every notebook git tracks under
notebooks/: running one in Lab leaves `git status` clean. Notebooks an analyst creates
(anywhere, or untracked copies) are saved as they are. Plain Python, no nereport import: this
file runs in the Lab server's environment.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

KEPT_CLEAN = "notebooks/"


def _tracked(root: Path, path: str) -> bool:
    done = subprocess.run(
        ["git", "-C", str(root), "ls-files", "--error-unmatch", "--", path],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def strip_tracked_outputs(
    model: dict[str, Any], path: str, contents_manager: Any, **_: Any
) -> None:
    """Lab's pre-save hook: drop outputs and execution counts of tracked notebooks under
    notebooks/ before they are written."""
    if model.get("type") != "notebook" or not path.lstrip("/").startswith(KEPT_CLEAN):
        return
    root, rel = Path(contents_manager.root_dir), path.lstrip("/")
    if not _tracked(root, rel):
        return
    for cell in model["content"].get("cells", []):
        cell.get("metadata", {}).pop("execution", None)  # Lab's timings, if recorded
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    # The kernel fills in language_info (Python version, lexer...): the file keeps its own.
    saved = json.loads((root / rel).read_text(encoding="utf-8")).get("metadata", {})
    metadata = model["content"].setdefault("metadata", {})
    metadata.pop("language_info", None)
    if "language_info" in saved:
        metadata["language_info"] = saved["language_info"]


c = get_config()  # type: ignore[name-defined]  # noqa: F821 (defined by the config loader)
c.FileContentsManager.pre_save_hook = strip_tracked_outputs
