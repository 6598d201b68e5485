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
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from nereport import i18n
from nereport.i18n import N_, _, when

__all__ = ["ChartData", "data_table", "describe"]

_FORMAT = re.compile(r"^(?P<sign>\+)?(?P<comma>,)?(?:\.(?P<digits>\d+))?(?P<kind>[fd%])?$")
MINUS = "\u2212"  # d3-format's minus sign, as the charts' tooltips print it

# What a chart is, by its mark; points, rules or text along a time axis are a timeline.
_KINDS = {
    "line": N_("Line chart: {title}."),
    "bar": N_("Bar chart: {title}."),
    "geoshape": N_("Map: {title}."),
}
_TIMELINE = N_("Timeline: {title}.")
_CHART = N_("Chart: {title}.")


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
    thousands: str = ","  # the chart's thousands separator (its number locale; Chinese: none)

    def text(self, row: dict[str, Any], column: Column) -> str:
        return fmt(value(row, column.field), column.format, self.thousands)


def value(row: dict[str, Any], field: str) -> Any:
    """A field of a data row; ``a.b`` reads a nested field as Vega-Lite does; a text's line
    breaks (those of a wrapped axis label) are taken out."""
    for part in field.split("."):
        row = row.get(part) if isinstance(row, dict) else None
    # A wrapped label (charts.wrap) is one text drawn on several lines: read as one line.
    return row.replace("\n", "") if isinstance(row, str) else row


def fmt(x: Any, format: str = "", thousands: str = ",") -> str:
    """``x`` printed with the d3 number format the chart uses (the subset nereport uses:
    sign, thousands separator, fixed decimals, integer) and the separator of the chart's number
    locale (:func:`thousands_separator`); anything else as text."""
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
    text = f"{rounded:{',' if m['comma'] else ''}.{digits}f}".replace(",", thousands)
    if number < 0 and rounded:
        text = MINUS + text
    elif m["sign"]:
        text = "+" + text
    return text + ("%" if m["kind"] == "%" else "")


def thousands_separator(spec: dict[str, Any]) -> str:
    """The thousands separator of the chart's number locale (``config.locale.number``, set by
    :mod:`nereport.report.theme`); d3's default ',' without one."""
    number = spec.get("config", {}).get("locale", {}).get("number", {})
    return number.get("thousands", ",")


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
    for encoding, data, _mark in units:
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
    return ChartData(_title(spec), main[2], columns, rows, main[0], thousands_separator(spec))


def data_table(spec: dict[str, Any]) -> tuple[list[str], list[list[str]]] | None:
    """Column titles and the formatted rows of the chart's data (None without data)."""
    data = chart_data(spec)
    if data is None:
        return None
    return [c.title for c in data.columns], [
        [data.text(r, c) for c in data.columns] for r in data.rows
    ]


def describe(spec: dict[str, Any]) -> str:
    """One paragraph that says what the chart shows, with its key figures, in the current
    language (the numbers as the chart's tooltips print them)."""
    data = chart_data(spec)
    title = _title(spec)
    if data is None or not data.rows:
        return _(_CHART).format(title=title)
    roles = _roles(data)
    measure, order, group = roles["measure"], roles["order"], roles["group"]
    kind = _KINDS.get(data.mark, _CHART)
    if data.mark in ("point", "rule", "text") and order and order.type == "temporal":
        kind = _TIMELINE
    parts = [_(kind).format(title=title)]
    if measure is None:
        parts.append(_without_measure(data, order, group))
        return _sentences(parts)
    parts.append(_measured(data, measure, order))
    groups = _grouped(data, group)
    if order is not None and order.type in ("quantitative", "temporal", "ordinal"):
        for name, rows in groups.items():
            rows = _along(rows, order)
            rows = [r for r in rows if value(r, measure.field) is not None]
            if rows:
                parts.append(_first_and_last(data, measure, order, name, rows[0], rows[-1]))
        parts.append(_largest_change(data, measure, order, group, roles["segment"]))
    else:
        for name, rows in groups.items():
            rows = [r for r in rows if value(r, measure.field) is not None]
            label = order or next((c for c in data.columns if c is not measure), None)
            if rows and label is not None:
                parts.append(_values(data, measure, label, name, rows))
    return _sentences(parts)


def _along(rows: list[dict[str, Any]], order: Column) -> list[dict[str, Any]]:
    """A series' rows along the axis that orders them (years in order), not in the data's
    order: a chart draws a point where its year is, whatever row holds it, and its description
    must read the points as drawn ("12,311.3 in 2020, 13,235.5 in 2021", not the reverse)."""
    placed = [r for r in rows if value(r, order.field) is not None]
    unplaced = [r for r in rows if value(r, order.field) is None]
    return sorted(placed, key=lambda r: value(r, order.field)) + unplaced


def _first_and_last(
    data: ChartData,
    measure: Column,
    order: Column,
    name: str,
    first: dict[str, Any],
    last: dict[str, Any],
) -> str:
    """A series' first and last value: "Jilin: 100.0 in 2008, 120.0 in 2012."."""
    if last is first:
        message = _("{series}: {first} in {first_when}.") if name else _("{first} in {first_when}.")
    elif name:
        message = _("{series}: {first} in {first_when}, {last} in {last_when}.")
    else:
        message = _("{first} in {first_when}, {last} in {last_when}.")
    return message.format(
        series=name,
        first=data.text(first, measure),
        first_when=when(data.text(first, order)),
        last=data.text(last, measure),
        last_when=when(data.text(last, order)),
    )


def _values(
    data: ChartData, measure: Column, label: Column, name: str, rows: list[dict[str, Any]]
) -> str:
    """Up to five values each with its label; more as their number, highest and lowest."""
    if len(rows) <= 5:
        items = _join(
            (
                _("{label}: {value}").format(
                    label=when(data.text(r, label)), value=data.text(r, measure)
                )
                for r in rows
            ),
            _("{list}; {item}"),
        )
        message = _("{series}: {items}.") if name else _("{items}.")
        return message.format(series=name, items=items)
    hi = max(rows, key=lambda r: value(r, measure.field))
    lo = min(rows, key=lambda r: value(r, measure.field))
    message = (
        _("{series}: {count} values, highest {high_label}: {high}, lowest {low_label}: {low}.")
        if name
        else _("{count} values, highest {high_label}: {high}, lowest {low_label}: {low}.")
    )
    return message.format(
        series=name,
        count=len(rows),
        high_label=when(data.text(hi, label)),
        high=data.text(hi, measure),
        low_label=when(data.text(lo, label)),
        low=data.text(lo, measure),
    )


def _sentences(parts: Iterable[str]) -> str:
    """Sentences one after the other, as the language writes them (a space between them in
    English, none in Chinese)."""
    return _join((p for p in parts if p), _("{list} {item}"))


def _join(items: Iterable[str], message: str) -> str:
    """``items`` as one list, each added to those before it by ``message`` ("{list}, {item}"),
    so that the separator is the language's: "a, b, c" / "a、b、c"."""
    out: str | None = None
    for item in items:
        out = item if out is None else message.format(list=out, item=item)
    return out or ""


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
    # Not the years a chart is drawn over (their title is translated: look at the field too).
    measure = next(
        (c for c in drawn if c.type == "quantitative" and "year" not in (c.field, c.title.lower())),
        None,
    )
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
        out.setdefault(when(data.text(row, group)) if group else "", []).append(row)
    return out


def _measured(data: ChartData, measure: Column, order: Column | None) -> str:
    """What is measured, and over which period: "GDP (100 million yuan), 2008 to 2012."."""
    values: list[str] = []
    if order is not None and order.type in ("quantitative", "temporal", "ordinal"):
        values = sorted(
            {data.text(r, order) for r in data.rows if value(r, order.field) is not None}
        )
    if not values:
        return _("{measure}.").format(measure=measure.title)
    if len(values) == 1:
        return _("{measure}, {when}.").format(measure=measure.title, when=when(values[0]))
    return _("{measure}, {start} to {end}.").format(
        measure=measure.title, start=when(values[0]), end=when(values[-1])
    )


def _largest_change(
    data: ChartData, measure: Column, order: Column, group: Column | None, segment: str | None
) -> str:
    """The largest change between neighbouring points of one line (never across a break)."""
    lines: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in data.rows:
        if isinstance(value(row, measure.field), int | float):
            key = (when(data.text(row, group)) if group else "", str(value(row, segment or "")))
            lines.setdefault(key, []).append(row)
    best = None
    for (name, _segment), rows in lines.items():
        rows = _along(rows, order)
        for a, b in zip(rows, rows[1:], strict=False):
            change = value(b, measure.field) - value(a, measure.field)
            if best is None or abs(change) > abs(best[0]):
                best = (change, name, a, b)
    if best is None:
        return ""
    change, name, a, b = best
    unit = measure.format.lstrip("+") or ""
    message = (
        _("Largest change between neighbouring points: {change} ({series}), {start} to {end}.")
        if name
        else _("Largest change between neighbouring points: {change}, {start} to {end}.")
    )
    # The difference of two percentages is in percentage points (个百分点), not per cent.
    points = re.search(r"[(（]%[)）]$", measure.title.strip())
    if i18n.current() == "zh":
        # In words, as NBS writes a change (提高0.19个百分点, 增加5.8), never "+5.8".
        up, down = ("提高", "降低") if points else ("增加", "减少")
        words = up if change > 0 else down if change < 0 else ""
        text = words + fmt(abs(change), unit, data.thousands) + ("个百分点" if points else "")
    else:
        text = fmt(change, "+" + unit, data.thousands)
        if points:
            text = _("{change} percentage points").format(change=text)
    return message.format(
        change=text,
        series=name,
        start=when(data.text(a, order)),
        end=when(data.text(b, order)),
    )


def _without_measure(data: ChartData, order: Column | None, group: Column | None) -> str:
    """A map of categories, or a timeline of events."""
    if group is not None:
        names = next((c for c in data.columns if c is not group), None)
        if names is None:
            return ""
        return _sentences(
            _("{category} ({count}): {names}.").format(
                category=label,
                count=len(rows),
                names=_join((data.text(r, names) for r in rows), _("{list}, {item}")),
            )
            for label, rows in _grouped(data, group).items()
        )
    first, rows = data.columns[0], data.rows
    message = (
        _("{count} events, from {first} to {last}.")
        if order and order.type == "temporal"
        else _("{count} items, from {first} to {last}.")
    )
    return message.format(
        count=len(rows),
        first=when(data.text(rows[0], first)),
        last=when(data.text(rows[-1], first)),
    )


def _title(spec: dict[str, Any]) -> str:
    title = spec.get("title") or next(
        (layer.get("title") for layer in spec.get("layer", []) if layer.get("title")), ""
    )
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return str(title) or _("untitled chart")


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
