"""The pages the engine writes besides the reports: the index of every report and the
failure page of a report that did not build. Both are Jinja2 templates (``templates/``)."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from nereport._version import __version__
from nereport.build.plan import MANIFEST
from nereport.paths import write_atomic
from nereport.report.params import schema

TEMPLATES_DIR = Path(__file__).parent / "templates"


@cache
def _pages() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "pages"),
        autoescape=True,
        keep_trailing_newline=True,
    )


def index_page(manifest: dict[str, Any]) -> str:
    """reports/index.html: every report with its parameters, links and status."""
    order = [p.name for p in schema("policy")]
    rows = []
    for rid, entry in sorted(manifest["reports"].items()):
        # Schema order, whether the entry was just built or read back from the JSON manifest.
        names = sorted(entry["params"], key=order.index)
        ok, outputs = entry["status"] == "ok", entry.get("outputs", {})
        rows.append(
            {
                "id": rid,
                "params": ", ".join(f"{k}={entry['params'][k]}" for k in names),
                "links": [(k, o["path"]) for k, o in outputs.items() if k in ("html", "pdf")],
                "status": entry["status"],
                "status_text": "ok"
                if ok
                else ("failed — last good version shown" if outputs else "failed"),
            }
        )
    return (
        _pages()
        .get_template("index.html.j2")
        .render(rows=rows, version=__version__, manifest=MANIFEST)
    )


def write_index(out_dir: Path, manifest: dict[str, Any]) -> None:
    write_atomic(out_dir / "index.html", index_page(manifest).encode())


def failure_page(nb: Any, title: str, message: str, cell: int | None) -> str:
    """The partial run as HTML, with the code shown and the failing cell marked."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = copy.deepcopy(nb)
    for i, each in enumerate(nb.cells):
        each.metadata["nereport_cell"] = i
    config = Config()
    config.TemplateExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    exporter = HTMLExporter(config=config, template_name="nereport_failure")
    resources = {
        "metadata": {"name": title},
        "nereport": {"title": title, "message": message, "cell": cell},
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
