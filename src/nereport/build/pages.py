"""The pages the engine writes besides the reports: the index of every report and the
failure page of a report that did not build. Both are Jinja2 templates (``templates/``)."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from nereport._version import __version__
from nereport.build.plan import MANIFEST
from nereport.data import regions
from nereport.i18n import HTML_LANG, LANG_NAMES, LANGS, N_, translate
from nereport.paths import write_atomic
from nereport.report.params import TOPIC_TITLES, TOPICS, report_title, schema

# The index's status words (extracted for translation from here).
_STATUS = (N_("ok"), N_("failed"), N_("failed — last good version shown"))

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
    """reports/index.html, in English and Chinese: one row per report, its languages side by
    side, each with its links and status."""
    order = [p.name for p in schema("policy")]
    rows: dict[str, dict[str, Any]] = {}
    rank = regions.rank()

    def place(item: tuple[str, dict[str, Any]]) -> tuple[str, int, str]:
        # By topic, then in the regions' order (Liaoning, Jilin, Heilongjiang, Inner Mongolia,
        # the Northeast), in both languages.
        rid, entry = item
        return rid.split("/")[0], rank.get(entry["params"].get("region", ""), len(rank)), rid

    for rid, entry in sorted(manifest["reports"].items(), key=place):
        params = entry["params"]
        lang = params.get("lang", "en")
        base = rid.removesuffix(f".{lang}")
        # Schema order, whether the entry was just built or read back from the JSON manifest.
        names = sorted((k for k in params if k != "lang"), key=order.index)
        row = rows.setdefault(
            base,
            {
                "id": base,
                "topic": entry.get("topic", base.partition("/")[0]),
                "region": params.get("region", ""),
                "thumb": None,
                "titles": _titles(base, params.get("region")),
                "params": ", ".join(f"{k}={params[k]}" for k in names),
                "langs": {},
            },
        )
        ok, outputs = entry["status"] == "ok", entry.get("outputs", {})
        if "svg" in outputs and (row["thumb"] is None or lang == "en"):
            row["thumb"] = outputs["svg"]["path"]  # the first chart (English where built)
        row["langs"][lang] = {
            "links": [(k, o["path"]) for k, o in outputs.items() if k in ("html", "pdf")],
            "status": entry["status"],
            "status_text": translate(_STATUS[0 if ok else 2 if outputs else 1], lang),
            "about": (row["titles"] or {}).get(lang, base),
        }
    langs = [lang for lang in LANGS if any(lang in r["langs"] for r in rows.values())]
    topics = sorted({r["topic"] for r in rows.values()}, key=lambda t: (t not in TOPICS, t))
    # The regions' order, as the rows take it (not the slugs' alphabet: 黑龙江省 first).
    region_slugs = sorted(
        {r["region"] for r in rows.values() if r["region"]},
        key=lambda r: (rank.get(r, len(rank)), r),
    )
    names = regions.names("en")
    names_zh = regions.names("zh")
    filters = [
        (
            "topic",
            "Topic · 主题",
            [
                (
                    t,
                    translate(TOPIC_TITLES.get(t, t), "en"),
                    translate(TOPIC_TITLES.get(t, t), "zh"),
                )
                for t in topics
            ],
        ),
        (
            "region",
            "Region · 地区",
            [(r, names.get(r, r), names_zh.get(r, r)) for r in region_slugs],
        ),
    ]
    return (
        _pages()
        .get_template("index.html.j2")
        .render(
            rows=list(rows.values()),
            langs=[(lang, LANG_NAMES[lang], HTML_LANG[lang]) for lang in langs],
            version=__version__,
            manifest=MANIFEST,
            filters=filters,
        )
    )


def _titles(report_id: str, region: str | None) -> dict[str, str] | None:
    """A report's title in every language ('Economy: Jilin', '吉林省：经济'), from its id."""
    topic = report_id.partition("/")[0]
    if topic not in TOPICS or region not in regions.names("en"):
        return None
    return {lang: report_title(topic, region, lang) for lang in LANGS}


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
