"""How charts print numbers: a Chinese chart groups no digits (as NBS prints numbers and as the
report's text does), no chart uses SI suffixes ('45k', '1.2G'), and a count has no decimals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from nereport import report
from nereport.report import describe, economy, environment

TOPICS = {"economy": economy, "environment": environment}
# A d3 number format whose type is SI ('s', '~s', '.3s'): never in a report chart.
SI_FORMAT = re.compile(r"s$")
# An axis or legend label that is a number as a Chinese chart prints it: digits, one decimal
# point, d3's minus sign; no thousands separator, no SI suffix.
ZH_NUMBER = re.compile(r"^[−+]?\d+(\.\d+)?%?$")


def _specs(topic: str, lang: str) -> Iterator[tuple[str, dict[str, Any]]]:
    ctx = report.start(topic, region="liaoning", lang=lang)
    module = TOPICS[topic]
    for name in dir(module):
        if name.endswith("_chart") and callable(getattr(module, name)):
            chart = getattr(module, name)(ctx).chart
            if chart is not None:
                yield name, chart.to_dict()


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every object of a spec (encodings, axes, legends, tooltips), leaving out the data."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("datasets", "data"):
                yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _labels(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(axis title, label) of each axis label of the chart as vl-convert draws it."""
    import vl_convert

    out: list[tuple[str, str]] = []

    def visit(node: Any, title: str = "") -> None:
        if isinstance(node, dict):
            if node.get("role") == "axis":
                titles = [
                    i.get("text")
                    for m in node.get("items", [{}])[0].get("items", [])
                    if m.get("role") == "axis-title"
                    for i in m.get("items", [])
                ]
                title = str(titles[0]) if titles else ""
            if node.get("marktype") == "text" and node.get("role") == "axis-label":
                out.extend((title, str(i["text"])) for i in node.get("items", []) if "text" in i)
            for value in node.values():
                visit(value, title)
        elif isinstance(node, list):
            for value in node:
                visit(value, title)

    visit(vl_convert.vegalite_to_scenegraph(spec))
    return out


@pytest.fixture(scope="module", params=list(TOPICS))
def zh_specs(request) -> list[tuple[str, dict[str, Any]]]:
    return list(_specs(request.param, "zh"))


def test_chinese_charts_group_no_digits_and_use_no_si_suffix(zh_specs) -> None:
    assert zh_specs
    for name, spec in zh_specs:
        assert spec["config"]["locale"]["number"]["thousands"] == "", name
        for node in _walk(spec):
            fmt = node.get("format")
            if isinstance(fmt, str) and node.get("formatType") != "time":
                assert not SI_FORMAT.search(fmt), (name, fmt)
        numeric = [(t, x) for t, x in _labels(spec) if re.search(r"\d", x) and "年" not in x]
        for title, label in numeric:
            if re.fullmatch(r"(19|20)\d\d", label):  # a year
                continue
            assert ZH_NUMBER.match(label), (name, title, label)
        money = [x for t, x in numeric if "亿元" in t]
        assert all("," not in x for x in money), (name, money)


def test_chinese_chart_tables_print_numbers_as_the_text_does() -> None:
    # The chart's data table (its caption) prints what its tooltips print: no separator.
    gdp = dict(_specs("economy", "zh"))["gdp_chart"]
    header, rows = describe.data_table(gdp)
    values = [row[header.index(next(h for h in header if "亿元" in h))] for row in rows]
    assert any(len(v.split(".")[0]) > 4 for v in values)  # five-digit figures, as 35000.0
    assert not any("," in v for v in values)


def test_english_charts_keep_d3s_default_numbers() -> None:
    specs = dict(_specs("economy", "en"))
    assert "locale" not in specs["gdp_chart"]["config"]
    labels = [x for t, x in _labels(specs["gdp_chart"]) if "yuan" in t]
    assert "10,000" in labels  # grouped as English prints numbers, never '10k'


def test_a_count_in_a_table_has_no_decimals() -> None:
    ctx = report.start("environment", region="liaoning", lang="zh")
    html = environment.reserves_table(ctx).data
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    counts = [r for r in rows if "数量（个）" in r]
    assert counts
    for row in counts:
        cells = re.findall(r"<td>(.*?)</td>", row)
        value = cells[3]
        assert re.fullmatch(r"\d+", value), value
