"""What every built report shows a reader, in both languages: each region in one colour in
every chart, no Markdown markup left in a PDF, no internal id in the reader's tables and
captions (the sources section names ids on purpose, with their files and checksums)."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import nbformat
import pytest

from helpers import REPORT_IDS, reader_text
from nereport import i18n
from nereport.data import regions, releases
from nereport.data.sources import SOURCES
from nereport.report.render import VEGALITE_MIMETYPE
from nereport.report.theme import REGION_COLOURS

pytestmark = pytest.mark.slow


def chart_specs(notebook: Path) -> list[dict[str, Any]]:
    """The Vega-Lite specs an executed report notebook displays."""
    nb = nbformat.read(notebook, as_version=4)
    return [
        out["data"][VEGALITE_MIMETYPE]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if VEGALITE_MIMETYPE in out.get("data", {})
    ]


def colour_scales(spec: Any) -> list[dict[str, Any]]:
    """Every colour scale with a domain and a range in a spec, layers and concatenations too."""
    scales = [colour.get("scale") or {} for colour in colour_encodings(spec)]
    return [scale for scale in scales if "domain" in scale and "range" in scale]


def region_colours(folder: Path, rids: list[str]) -> dict[str, set[tuple[str, str]]]:
    """Region slug -> the (colour, report) pairs its name is drawn in, over the reports' charts."""
    slug_of = {name: slug for lang in i18n.LANGS for slug, name in regions.names(lang).items()}
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for rid in rids:
        for spec in chart_specs(folder / f"{rid}.ipynb"):
            for scale in colour_scales(spec):
                for label, colour in zip(scale["domain"], scale["range"], strict=False):
                    if label in slug_of:
                        seen[slug_of[label]].add((colour, rid))
    return seen


def test_each_region_has_one_colour_in_every_chart_of_every_report(built: Path) -> None:
    seen = region_colours(built, REPORT_IDS)
    assert {"liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast", "china"} <= set(
        seen
    )
    for slug, pairs in seen.items():
        colours = {colour for colour, _ in pairs}
        # One colour everywhere: the declared one for a province, the Northeast and China.
        assert len(colours) == 1, (slug, sorted(pairs)[:6])
        if slug in REGION_COLOURS:
            assert colours == {REGION_COLOURS[slug]}, (slug, sorted(pairs)[:6])
            # Drawn in both languages, in the same colour.
            assert {rid.endswith(".zh") for _, rid in pairs} == {True, False}, slug


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_no_markup_reaches_a_pdf(built: Path, rid: str) -> None:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(built / f"{rid}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for mark in ("**", "__", "`"):
        assert mark not in text, (mark, re.findall(rf".{{0,40}}{re.escape(mark)}.{{0,40}}", text))


def internal_ids(text: str) -> list[str]:
    """Source and release ids in ``text`` (not inside a longer name or a path)."""
    ids = set(SOURCES) | set(releases.NAMES)
    return sorted(i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w/-])", text))


def test_internal_ids_are_found_where_they_leak() -> None:
    assert internal_ids("来源：csy2002_t22_49；mee_bulletin_2018") == [
        "csy2002_t22_49",
        "mee_bulletin_2018",
    ]
    assert internal_ids("数据版本：nbs-2021") == ["nbs-2021"]
    assert internal_ids("见 data/raw/cnmaps_amap/ORIGIN.md；《中国统计年鉴2002》") == []


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_reader_tables_and_captions_show_no_internal_id(built: Path, rid: str) -> None:
    lang = "zh" if rid.endswith(".zh") else "en"
    assert internal_ids(reader_text(built / f"{rid}.html", lang)) == []


def colour_encodings(spec: Any) -> list[dict[str, Any]]:
    """Every colour encoding of a spec, layers and concatenations too."""
    found = []
    if isinstance(spec, dict):
        colour = spec.get("encoding", {}).get("color")
        if isinstance(colour, dict) and colour.get("field"):
            found.append(colour)
        for value in spec.values():
            found += colour_encodings(value)
    elif isinstance(spec, list):
        for value in spec:
            found += colour_encodings(value)
    return found


@pytest.mark.parametrize("rid", [r for r in REPORT_IDS if not r.endswith(".zh")])
def test_every_series_has_the_same_colour_in_both_languages(built: Path, rid: str) -> None:
    # Colours given in the data's order, never by sorting the labels: NOx was blue in English
    # and 二氧化硫 (SO2) blue in Chinese. Twin charts list the same colours in the same order.
    def drawn(path: Path) -> list[list[tuple[str, int]]]:
        charts = []
        for spec in chart_specs(path):
            scales = []
            for colour in colour_encodings(spec):
                if colour.get("type") != "nominal":
                    continue
                scale = colour.get("scale") or {}
                order = scale.get("domain") or colour.get("sort")
                assert isinstance(order, list), (rid, colour.get("field"), "colour by label sort")
                scales.append((str(scale.get("range")), len(order)))
            charts.append(scales)
        return charts

    assert drawn(built / f"{rid}.ipynb") == drawn(built / f"{rid}.zh.ipynb")
