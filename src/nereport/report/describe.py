"""What a chart shows, in words and as a table, read from its Vega-Lite spec.

A reader who cannot see a chart (a screen reader, a text-only mail client, a search) gets the
same figures as one who can: :func:`describe` states the chart's title, what it measures, the
period, each series' first and last value and the largest change between neighbouring points;
:func:`data_table` gives every row behind the chart, with the columns and number formats of its
tooltips. Both read the spec itself, the one thing every consumer of a chart shares, so the
words can never disagree with the drawing.

The chart helpers (:mod:`nereport.report.charts`) give every data layer a tooltip; the first
layer with a tooltip is the chart's data, and the layers with the same tooltip fields add their
rows to it (a timeline draws its named and unnamed events as two layers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

__all__ = ["ChartData", "data_table", "describe"]

_FORMAT = re.compile(r"^(?P<sign>\+)?(?P<comma>,)?(?:\.(?P<digits>\d+))?(?P<kind>[fd%])?$")
MINUS = "\u2212"  # d3-format's minus sign, as the charts' tooltips print it


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    type: str
    format: str = ""


@dataclass(frozen=True)
class ChartData:
    """The rows behind a chart and how to read them."""

    title: str
    mark: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    encoding: dict[str, Any]

    def text(self, row: dict[str, Any], column: Column) -> str:
        return fmt(value(row, column.field), column.format)


def value(row: dict[str, Any], field: str) -> Any:
    """A field of a data row; ``a.b`` reads a nested field as Vega-Lite does."""
    for part in field.split("."):
        row = row.get(part) if isinstance(row, dict) else None
    return row


def fmt(x: Any, format: str = "") -> str:
    """``x`` printed with the d3 number format the chart uses (the subset nereport uses:
    sign, thousands separator, fixed decimals, integer); anything else as text."""
    if x is None:
        return ""
    if not isinstance(x, int | float) or isinstance(x, bool):
        return str(x)
    m = _FORMAT.match(format)
    if m is None or not format:
        return str(x) if isinstance(x, int) or x != int(x) else str(int(x))
    digits = 0 if m["kind"] == "d" else int(m["digits"] or 0)
    number = x * 100 if m["kind"] == "%" else x
    # As JavaScript's toFixed, which d3 uses: the exact binary value, ties away from zero.
    rounded = Decimal(abs(number)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{rounded:{',' if m['comma'] else ''}.{digits}f}"
    if number < 0 and rounded:
        text = MINUS + text
    elif m["sign"]:
        text = "+" + text
    return text + ("%" if m["kind"] == "%" else "")


def chart_data(spec: dict[str, Any]) -> ChartData | None:
    """The rows and columns behind ``spec``: those of its first layer with a tooltip, plus the
    rows of the other layers with the same tooltip fields. None for a chart without one."""
    units = list(_units(spec, spec.get("data")))
    main = next((u for u in units if u[0].get("tooltip")), None)
    if main is None:
        return None
    tooltip = main[0]["tooltip"]
    columns = [
        Column(
            t["field"], t.get("title") or t["field"], t.get("type", "nominal"), t.get("format", "")
        )
        for t in tooltip
        if "field" in t
    ]
    fields = [c.field for c in columns]
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for encoding, data, _ in units:
        if [t.get("field") for t in encoding.get("tooltip") or []] != fields:
            continue
        for row in _rows(spec, data):
            key = tuple(repr(value(row, f)) for f in fields)
            if key not in seen:
                seen.add(key)
                rows.append(row)
    x = main[0].get("x", {})
    if x.get("type") == "temporal":  # events in date order, whatever layer drew them
        rows.sort(key=lambda r: str(value(r, x["field"])))
    return ChartData(_title(spec), main[2], columns, rows, main[0])


def data_table(spec: dict[str, Any]) -> tuple[list[str], list[list[str]]] | None:
    """Column titles and the formatted rows of the chart's data (None without data)."""
    data = chart_data(spec)
    if data is None:
        return None
    return [c.title for c in data.columns], [
        [data.text(r, c) for c in data.columns] for r in data.rows
    ]


def describe(spec: dict[str, Any]) -> str:
    """One paragraph that says what the chart shows, with its key figures."""
    data = chart_data(spec)
    title = _title(spec)
    if data is None or not data.rows:
        return f"Chart: {title}."
    roles = _roles(data)
    measure, order, group = roles["measure"], roles["order"], roles["group"]
    kind = {"line": "Line chart", "bar": "Bar chart", "geoshape": "Map"}.get(data.mark, "Chart")
    if data.mark in ("point", "rule", "text") and order and order.type == "temporal":
        kind = "Timeline"
    parts = [f"{kind}: {title}."]
    if measure is None:
        parts.append(_without_measure(data, order, group))
        return " ".join(p for p in parts if p)
    period = _period(data, order)
    parts.append(f"{measure.title}{period}.")
    groups = _grouped(data, group)
    if order is not None and order.type in ("quantitative", "temporal", "ordinal"):
        for name, rows in groups.items():
            rows = [r for r in rows if value(r, measure.field) is not None]
            if not rows:
                continue
            first, last = rows[0], rows[-1]
            said = f"{data.text(first, measure)} in {data.text(first, order)}"
            if last is not first:
                said += f", {data.text(last, measure)} in {data.text(last, order)}"
            parts.append(f"{name + ': ' if name else ''}{said}.")
        parts.append(_largest_change(data, measure, order, group, roles["segment"]))
    else:
        for name, rows in groups.items():
            rows = [r for r in rows if value(r, measure.field) is not None]
            label = order or next((c for c in data.columns if c is not measure), None)
            if not rows or label is None:
                continue
            if len(rows) <= 5:
                said = "; ".join(f"{data.text(r, label)}: {data.text(r, measure)}" for r in rows)
            else:
                hi = max(rows, key=lambda r: value(r, measure.field))
                lo = min(rows, key=lambda r: value(r, measure.field))
                said = (
                    f"{len(rows)} values, highest {data.text(hi, label)}: {data.text(hi, measure)}, "
                    f"lowest {data.text(lo, label)}: {data.text(lo, measure)}"
                )
            parts.append(f"{name + ': ' if name else ''}{said}.")
    return " ".join(p for p in parts if p)


def _roles(data: ChartData) -> dict[str, Column | None]:
    """Which column is measured, which orders the points, which names the series."""
    by_field = {c.field: c for c in data.columns}
    enc = data.encoding

    def col(channel: str) -> Column | None:
        e = enc.get(channel)
        if not isinstance(e, dict) or "field" not in e:
            return None
        return by_field.get(e["field"]) or Column(
            e["field"], e.get("title") or e["field"], e.get("type", "nominal")
        )

    x, y, color = col("x"), col("y"), col("color")
    # The measure is drawn and named in the tooltip (not a helper field such as a baseline).
    drawn = [c for c in (y, x, color) if c is not None and c.field in by_field]
    measure = next((c for c in drawn if c.type == "quantitative" and c.title != "Year"), None)
    if measure is None:  # a measure only in the tooltip (a map coloured by category)
        measure = next((c for c in data.columns if c.type == "quantitative"), None)
        measure = measure if data.mark != "point" else None
    order = next((c for c in (x, y) if c is not None and c is not measure), None)
    group = color if color is not None and color is not measure and color is not order else None
    detail = enc.get("detail", {})
    segment = detail.get("field") if isinstance(detail, dict) else None
    return {"measure": measure, "order": order, "group": group, "segment": segment}  # type: ignore[dict-item]


def _grouped(data: ChartData, group: Column | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in data.rows:
        out.setdefault(data.text(row, group) if group else "", []).append(row)
    return out


def _period(data: ChartData, order: Column | None) -> str:
    if order is None or order.type not in ("quantitative", "temporal", "ordinal"):
        return ""
    values = sorted({data.text(r, order) for r in data.rows if value(r, order.field) is not None})
    if not values:
        return ""
    return f", {values[0]}" if len(values) == 1 else f", {values[0]} to {values[-1]}"


def _largest_change(
    data: ChartData, measure: Column, order: Column, group: Column | None, segment: str | None
) -> str:
    """The largest change between neighbouring points of one line (never across a break)."""
    lines: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in data.rows:
        if isinstance(value(row, measure.field), int | float):
            key = (data.text(row, group) if group else "", str(value(row, segment or "")))
            lines.setdefault(key, []).append(row)
    best = None
    for (name, _), rows in lines.items():
        for a, b in zip(rows, rows[1:], strict=False):
            change = value(b, measure.field) - value(a, measure.field)
            if best is None or abs(change) > abs(best[0]):
                best = (change, name, a, b)
    if best is None:
        return ""
    change, name, a, b = best
    unit = measure.format.lstrip("+") or ""
    return (
        f"Largest change between neighbouring points: {fmt(change, '+' + unit)}"
        f"{' (' + name + ')' if name else ''}, {data.text(a, order)} to {data.text(b, order)}."
    )


def _without_measure(data: ChartData, order: Column | None, group: Column | None) -> str:
    """A map of categories, or a timeline of events."""
    if group is not None:
        names = next((c for c in data.columns if c is not group), None)
        if names is None:
            return ""
        return " ".join(
            f"{label} ({len(rows)}): {', '.join(data.text(r, names) for r in rows)}."
            for label, rows in _grouped(data, group).items()
        )
    first, last = data.columns[0], data.rows
    return (
        f"{len(last)} {'events' if order and order.type == 'temporal' else 'items'}, "
        f"from {data.text(last[0], first)} to {data.text(last[-1], first)}."
    )


def _title(spec: dict[str, Any]) -> str:
    title = spec.get("title") or next(
        (layer.get("title") for layer in spec.get("layer", []) if layer.get("title")), ""
    )
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return str(title) or "untitled chart"


def _units(
    spec: dict[str, Any], data: Any
) -> Any:  # yields (encoding, data, mark type) of each single-view layer, in drawing order
    data = spec.get("data", data)
    if "layer" in spec:
        for layer in spec["layer"]:
            yield from _units(layer, data)
        return
    mark = spec.get("mark")
    mark = mark.get("type") if isinstance(mark, dict) else mark
    if mark:
        yield spec.get("encoding", {}), data, mark


def _rows(spec: dict[str, Any], data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        return []
    if "values" in data:
        return list(data["values"])
    return list(spec.get("datasets", {}).get(data.get("name"), []))
