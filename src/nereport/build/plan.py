"""What made a report and whether it must be rebuilt: the cache key's five parts (notebook,
parameters, data, library, environment), the stale reasons, and the manifest that records
them with every output's hash."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from nereport._version import __version__, library_revision
from nereport.build.matrix import OUTPUT_KINDS, Report, output_name
from nereport.data import provenance
from nereport.errors import InputError
from nereport.paths import runtime_lock, sha256_file, write_atomic

MANIFEST = "manifest.json"


def notebook_hash(path: Path) -> str:
    """sha256 of the notebook's content: cell types, sources and tags, no outputs. A notebook
    that cannot be read, or whose parameters cell is not tagged ``parameters``, is refused
    (:class:`~nereport.errors.InputError`, naming it): papermill would inject the parameters
    at the top, the notebook's own defaults would override them, and the wrong report would
    be built under the right name."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = [
            (
                c["cell_type"],
                "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
                sorted(c.get("metadata", {}).get("tags", [])),
            )
            for c in nb["cells"]
        ]
    except OSError as exc:
        raise InputError(f"notebook {path}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"notebook {path}: not a valid notebook ({type(exc).__name__}: {exc}); restore it "
            "with `git checkout notebooks/`"
        ) from None
    if not any(kind == "code" and PARAMETERS_TAG in tags for kind, _, tags in cells):
        raise InputError(
            f"notebook {path}: no code cell is tagged '{PARAMETERS_TAG}', so the report's "
            "parameters cannot be injected after its defaults; tag the parameters cell (in "
            "JupyterLab: the property inspector's cell tags)"
        )
    return _sha(json.dumps(cells, ensure_ascii=False))


PARAMETERS_TAG = "parameters"


def environment_hash() -> str:
    """The locked environment: the runtime lock file (for a wheel, the installed
    distributions), the interpreter, the Chromium that prints the PDFs and the date they
    carry when ``SOURCE_DATE_EPOCH`` sets it."""
    from nereport.build.pdf import chromium_version

    lock = runtime_lock()
    if lock:
        packages = lock.read_text(encoding="utf-8")
    else:
        from importlib.metadata import distributions

        packages = "\n".join(sorted(f"{d.name}=={d.version}" for d in distributions()))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return _sha(f"{sys.version}\n{chromium_version()}\nSOURCE_DATE_EPOCH={epoch}\n{packages}")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Planned:
    """A report to build, the inputs it is keyed on, and why it is built."""

    report: Report
    inputs: dict[str, Any]
    reason: str
    error: str | None = None  # an input it cannot be built from (its notebook): it fails


def inputs_of(
    report: Report,
    entry: dict[str, Any] | None,
    library: str,
    environment: str,
    hashed: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The report's cache key. Its data are the datasets it read last time, hashed afresh (a
    dataset that gains a raw file changes the library, which is keyed separately); ``hashed``
    keeps the raw files' hashes from one report to the next."""
    recorded = (entry or {}).get("inputs", {}).get("datasets", {})
    return {
        "notebook": notebook_hash(report.notebook),
        "params": report.params,
        "library": library,
        "environment": environment,
        "datasets": provenance.current(recorded, hashed),
    }


def stale_reasons(entry: dict[str, Any] | None, inputs: dict[str, Any], out_dir: Path) -> list[str]:
    """Why a report must be rebuilt; empty when it is up to date."""
    if not entry or entry.get("status") != "ok":
        return ["never built" if not entry else "last build failed"]
    old = entry["inputs"]
    reasons = [
        f"{what} changed"
        for what in ("notebook", "params", "library", "environment")
        if old.get(what) != inputs[what]
    ]
    changed = sorted(n for n, h in inputs["datasets"].items() if old["datasets"].get(n) != h)
    if changed:
        reasons.append(f"data changed: {', '.join(changed)}")
    for kind, out in entry.get("outputs", {}).items():
        path = out_dir / out["path"]
        if not path.is_file() or sha256_file(path) != out["sha256"]:
            reasons.append(f"{kind} output missing or modified")
    return reasons


def plan(
    reports: list[Report], manifest: dict[str, Any], out_dir: Path, force: bool
) -> tuple[list[Planned], list[Report]]:
    """The reports to build, each with its inputs and why, and those up to date. Inside
    :func:`~nereport.paths.remembered_digests`, files unchanged since the last build are not
    read."""
    library, environment = library_revision(), environment_hash()
    todo, current = [], []
    hashed: dict[str, str] = {}
    for report in reports:
        entry = manifest["reports"].get(report.id)
        try:
            inputs = inputs_of(report, entry, library, environment, hashed)
        except InputError as exc:  # this report fails; the others are built
            todo.append(Planned(report, {}, "cannot be built", str(exc)))
            continue
        reasons = ["--force"] if force else stale_reasons(entry, inputs, out_dir)
        if reasons:
            todo.append(Planned(report, inputs, "; ".join(reasons)))
        else:
            current.append(report)
    return todo, current


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of ``out_dir``; an entry that is not as the build writes it (a hand edit,
    a wrong type, a missing key, an output path other than the report's own) is dropped, so
    its report is built again and its entry rewritten."""
    try:
        manifest = orjson.loads((out_dir / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return {"reports": {}}
    reports = manifest.get("reports") if isinstance(manifest, dict) else None
    if not isinstance(reports, dict):
        return {"reports": {}}
    return {"reports": {rid: e for rid, e in reports.items() if _well_formed(rid, e)}}


_STATUSES = ("ok", "failed")


def _well_formed(report_id: str, entry: Any) -> bool:
    if not isinstance(entry, dict) or entry.get("status") not in _STATUSES:
        return False
    inputs, outputs = entry.get("inputs"), entry.get("outputs")
    if not isinstance(entry.get("params"), dict) or not isinstance(outputs, dict):
        return False
    if not isinstance(inputs, dict) or not isinstance(inputs.get("datasets"), dict):
        return False
    if not set(outputs) <= set(OUTPUT_KINDS):
        return False
    for kind, out in outputs.items():
        # only the report's own files: never a path the manifest could point elsewhere
        if not isinstance(out, dict) or out.get("path") != output_name(report_id, kind):
            return False
        if not isinstance(out.get("sha256"), str) or ".." in report_id.split("/"):
            return False
    return _well_formed_datasets(inputs["datasets"])


def _well_formed_datasets(datasets: dict[str, Any]) -> bool:
    return all(
        isinstance(raw, dict)
        and all(
            isinstance(f, dict) and isinstance(f.get("file"), str) and "sha256" in f
            for f in raw.values()
        )
        for raw in datasets.values()
    )


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> bool:
    """Write the manifest (sorted, indented JSON) unless the file already holds exactly that;
    say whether it was written."""
    manifest = {"nereport_version": __version__, "reports": manifest["reports"]}
    data = orjson.dumps(
        manifest, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    )
    path = out_dir / MANIFEST
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return False
    write_atomic(path, data)
    return True
