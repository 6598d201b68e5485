"""Chart helpers: each returns an ``alt.Chart`` and never writes a file. The caller (a topic
section) passes the titles, axis labels and units, in the report's language; the helpers own
the look and their own words (tooltip titles, map states), which they translate."""

from __future__ import annotations

import json
import unicodedata

import altair as alt
import pandas as pd

from nereport import i18n
from nereport.data import regions
from nereport.i18n import N_, _

WIDTH, HEIGHT = 560, 250
PALETTE = [
    "#1f5f8b",
    "#d9822b",
    "#3a8f5c",
    "#8c4f9f",
    "#b23a48",
    "#6b6b6b",
    "#17becf",
    "#bcbd22",
    "#e377c2",
    "#8c564b",
    "#393b79",
    "#ad494a",
    "#637939",
    "#7b4173",
]
MARKED_YEARS = {
    2003: N_("2003: strategy launched"),
    2016: N_("2016: comprehensive revitalization"),
}
SECTORS = (N_("primary"), N_("secondary"), N_("tertiary"))
# The states of a unit on the policy map (``region_map``), in the order of its legend.
MAP_STATES = (N_("Selected region"), N_("Policy area"), N_("Outside the policy area"))


def _title(text: str, subtitle: str | list[str] = "") -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=subtitle, anchor="start")


def _legend(labels) -> alt.Legend:
    """A legend under the chart, in as many columns as its longest label allows, so that long
    labels wrap into rows instead of shrinking the chart."""
    longest = max((len(str(x)) for x in labels), default=10)
    return alt.Legend(
        orient="bottom", labelLimit=WIDTH - 40, columns=max(1, min(4, WIDTH // (7 * longest + 30)))
    )


def _year_axis(title: str | None = None) -> alt.X:
    return alt.X("year:Q", title=title or _("Year"), axis=alt.Axis(format="d", tickMinStep=1))


def year_rules(years: dict[int, str], start: int, end: int) -> alt.Chart | None:
    """Vertical rules with labels for the policy years inside [start, end]."""
    marks = pd.DataFrame(
        [{"year": y, "label": _(t)} for y, t in years.items() if start <= y <= end]
    )
    if marks.empty:
        return None
    base = alt.Chart(marks)
    # Channel objects, not shorthand strings: altair turns each string into a channel by
    # searching its whole schema (about 10 ms each, four times per chart).
    rule = base.mark_rule(color="#999", strokeDash=[4, 3]).encode(
        x=alt.X("year:Q"), tooltip=[alt.Tooltip("label:N", title=_("Milestone"))]
    )
    text = base.mark_text(
        align="left", dx=3, dy=-4, fontSize=10, color="#555", baseline="top"
    ).encode(x=alt.X("year:Q"), y=alt.YValue(2), text=alt.Text("label:N"))
    return rule + text


def line(
    frame: pd.DataFrame,
    y: str,
    y_title: str,
    title: str,
    subtitle: str | list[str] = "",
    color: str = "region_name",
    start: int | None = None,
    end: int | None = None,
    marks: dict[int, str] | None = None,
    fmt: str = ",.1f",
    zero: bool = True,
    segment: str | None = None,
    baseline: float | None = None,
    release: str | None = None,
) -> alt.Chart | alt.LayerChart:
    """One line per ``color`` over years, with optional policy-year rules. With ``segment``,
    each value of that column is a line of its own (one release never joins another); with
    ``release`` (a column, e.g. ``"vintage"``), each release is dashed its own way and named
    in the legend; with ``baseline``, a horizontal rule marks that value (e.g. 100 for an
    index)."""
    extra = {"detail": alt.Detail(f"{segment}:N")} if segment else {}
    if release:
        extra["strokeDash"] = alt.StrokeDash(f"{release}:N", title=_("Release"))
    # Only the columns drawn travel into the spec (and the page): smaller and faster.
    drawn = ["year", y, color, *([segment] if segment else []), *([release] if release else [])]
    frame = frame[list(dict.fromkeys(drawn))]
    chart = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            **extra,
            x=_year_axis(),
            y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(zero=zero)),
            color=alt.Color(
                f"{color}:N",
                title=None,
                scale=alt.Scale(range=PALETTE),
                legend=_legend(frame[color] if color in frame else ()),
            ),
            tooltip=[
                alt.Tooltip(f"{color}:N", title=_("Series")),
                alt.Tooltip("year:Q", title=_("Year")),
                alt.Tooltip(f"{y}:Q", title=y_title, format=fmt),
            ],
        )
        .properties(width=WIDTH, height=HEIGHT, title=_title(title, subtitle))
    )
    layers = [chart]
    if baseline is not None:
        level = pd.DataFrame({"level": [baseline]})
        layers.append(alt.Chart(level).mark_rule(color="#888").encode(y=alt.Y("level:Q")))
    if marks and start is not None and end is not None:
        rules = year_rules(marks, start, end)
        if rules is not None:
            layers.append(rules)
    if len(layers) > 1:
        return alt.layer(*layers).properties(title=_title(title, subtitle))
    return chart


def stacked_shares(frame: pd.DataFrame, title: str, subtitle: str = "") -> alt.Chart:
    """Sector shares of GDP as stacked bars per year; ``sector`` holds the names of
    ``SECTORS`` (translated here, unless the caller already did)."""
    frame = frame.assign(sector=frame["sector"].map(_))
    share = _("Share of GDP (%)")
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=_("Year")),
            y=alt.Y("share_of_gdp_pct:Q", title=share, stack="zero"),
            color=alt.Color(
                "sector:N",
                title=None,
                scale=alt.Scale(range=PALETTE),
                sort=[_(s) for s in SECTORS],
                legend=alt.Legend(orient="bottom", labelLimit=320),
            ),
            order=alt.Order("sector_order:Q"),
            tooltip=[
                alt.Tooltip("sector:N", title=_("Sector")),
                alt.Tooltip("year:O", title=_("Year")),
                alt.Tooltip("share_of_gdp_pct:Q", title=share, format=".1f"),
                alt.Tooltip(
                    "value_added_cny_100m:Q",
                    title=_("Value added (100 million yuan)"),
                    format=",.1f",
                ),
            ],
        )
        .properties(width=WIDTH, height=HEIGHT, title=_title(title, subtitle))
    )


def bars(
    frame: pd.DataFrame,
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    title: str,
    subtitle: str | list[str] = "",
    color: str | None = None,
    column_tooltips: list | None = None,
    fmt: str = ",.1f",
    horizontal: bool = False,
) -> alt.Chart:
    """Grouped bars: ``x`` categories, ``color`` groups (offset), ``y`` values."""
    enc_x = alt.X(f"{x}:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0, labelLimit=160))
    enc_y = alt.Y(f"{y}:Q", title=y_title)
    tooltip = [
        alt.Tooltip(f"{x}:N", title=x_title),
        alt.Tooltip(f"{y}:Q", title=y_title, format=fmt),
    ]
    tooltip += column_tooltips or []
    encoding = {"x": enc_x, "y": enc_y, "tooltip": tooltip}
    if horizontal:
        encoding["x"], encoding["y"] = (
            alt.X(f"{y}:Q", title=y_title),
            # Long category labels say what they are; a title beside them would overlap them.
            alt.Y(f"{x}:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
        )
    if color:
        encoding["color"] = alt.Color(
            f"{color}:N",
            title=None,
            scale=alt.Scale(range=PALETTE),
            legend=alt.Legend(orient="bottom", labelLimit=320),
        )
        encoding["yOffset" if horizontal else "xOffset"] = (
            alt.XOffset(f"{color}:N") if not horizontal else alt.YOffset(f"{color}:N")
        )
        tooltip.insert(0, alt.Tooltip(f"{color}:N", title=_("Series")))
    height = (
        max(HEIGHT, 22 * frame[x].nunique() * (frame[color].nunique() if color else 1))
        if horizontal
        else HEIGHT
    )
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(**encoding)
        .properties(
            width=WIDTH - (120 if horizontal else 0),
            height=min(height, 520),
            title=_title(title, subtitle),
        )
    )


def _text_width(text: str) -> int:
    """Estimated width of a timeline label in pixels: 6 a character, 10 a Chinese one."""
    return sum(10 if unicodedata.east_asian_width(c) in "WF" else 6 for c in text)


def _place_labels(labelled: pd.DataFrame, levels: int = 8) -> pd.DataFrame:
    """Give each label a level above the axis, and a side of its date, where it overlaps no
    other label (text width estimated by ``_text_width``) and stays inside the chart."""
    dates = pd.to_datetime(labelled["date_start"])
    span = max((dates.max() - dates.min()).days, 1)
    pos = WIDTH * (dates - dates.min()).dt.days / span
    taken: dict[int, list[tuple[float, float]]] = {}
    rows = []
    for x, text in zip(pos, labelled["label"], strict=True):
        width = _text_width(text) + 6
        sides = [(False, x, x + width), (True, x - width, x)]
        fits = [
            (n, right, lo, hi)
            for n in range(1, levels + 1)
            for right, lo, hi in sides
            if lo >= 0 and hi <= WIDTH and all(hi < a or lo > b for a, b in taken.get(n, []))
        ]
        n, right, lo, hi = fits[0] if fits else (levels, x + width > WIDTH, x, x)
        taken.setdefault(n, []).append((lo - 6, hi + 6))
        rows.append((n, right))
    labelled["level"], labelled["right"] = zip(*rows, strict=True) if rows else ((), ())
    return labelled


def timeline(milestones: pd.DataFrame, title: str, subtitle: str | list[str] = "") -> alt.Chart:
    """Dated milestones on a time axis; those with a ``label`` are named on the chart itself
    (staggered on five levels so that neighbours do not overlap), the others are dots."""
    frame = milestones.dropna(subset=["date_start"]).sort_values("date_start").copy()
    frame["date_start"] = frame["date_start"].dt.strftime("%Y-%m-%d")
    labelled = _place_labels(frame[frame["label"].fillna("") != ""].copy())
    # d3's time format of the years on the axis: '2003', Chinese '2003年'.
    year = "%Y年" if i18n.current() == "zh" else "%Y"
    x = alt.X("date_start:T", title=None, axis=alt.Axis(format=year, tickCount=12))
    tooltip = [
        alt.Tooltip("date:N", title=_("Date")),
        alt.Tooltip("event:N", title=_("Event")),
        alt.Tooltip("document:N", title=_("Document")),
    ]
    y_scale = alt.Scale(domain=[0, labelled["level"].max() + 0.6 if len(labelled) else 1])
    dots = (  # the events not named on the chart; the named ones are drawn below
        alt.Chart(frame[frame["label"].fillna("") == ""])
        .mark_point(filled=True, size=60, color="#6b6b6b")
        .encode(x=x, y=alt.Y("zero:Q", scale=y_scale, axis=None), tooltip=tooltip)
        .transform_calculate(zero="0")
    )
    stems = (
        alt.Chart(labelled)
        .mark_rule(color="#9ec3dc")
        .encode(x=x, y=alt.Y("zero:Q", scale=y_scale, axis=None), y2=alt.Y2("level:Q"))
        .transform_calculate(zero="0")
    )
    names = [
        alt.Chart(labelled[labelled["right"] == right])
        .mark_text(
            align="right" if right else "left",
            dx=-3 if right else 3,
            baseline="middle",
            fontSize=10,
            color="#1f5f8b",
        )
        .encode(x=x, y=alt.Y("level:Q", scale=y_scale, axis=None), text="label:N", tooltip=tooltip)
        for right in (False, True)
    ]
    keys = (
        alt.Chart(labelled)
        .mark_point(filled=True, size=80, color="#1f5f8b")
        .encode(x=x, y=alt.Y("zero:Q", scale=y_scale, axis=None), tooltip=tooltip)
        .transform_calculate(zero="0")
    )
    return alt.layer(dots, stems, keys, *names).properties(
        width=WIDTH, height=300, title=_title(title, subtitle)
    )


def _english_names(units: pd.DataFrame) -> pd.Series:
    """The units' English names: from the region table where ``units`` has a ``region``
    column (whatever language its ``name`` column is in), else its ``name``."""
    if "region" not in units:
        return units["name"]
    return units["region"].map(regions.names("en")).fillna(units["name"])


def _name_tooltips(title: str) -> list[alt.Tooltip]:
    """A map unit's name under ``title``: in an English report with its Chinese name beside it
    (the name a reader meets in Chinese sources); a Chinese report gives the Chinese name."""
    if i18n.current() == "zh":
        return [alt.Tooltip("properties.name_zh:N", title=title)]
    return [
        alt.Tooltip("properties.name:N", title=title),
        alt.Tooltip("properties.name_zh:N", title=_("Chinese name")),
    ]


def change_map(
    units: pd.DataFrame, value: str, legend: str, title: str, subtitle: str | list[str] = ""
) -> alt.LayerChart:
    """Areas coloured by ``value`` on a diverging scale centred on zero (losses red, gains
    blue), the ``selected`` ones outlined; ``units`` has name (or region), name_zh, geometry
    and value."""
    features = pd.DataFrame(
        {
            "type": "Feature",
            "geometry": [json.loads(g) for g in units["geometry"]],
            "properties": [
                {"name": name, "name_zh": r.name_zh, "value": round(float(getattr(r, value)), 1)}
                for name, r in zip(_english_names(units), units.itertuples(), strict=True)
            ],
        }
    )
    outlined = features[units["selected"].to_numpy()]
    low, high = float(units[value].min()), float(units[value].max())
    bound = max(abs(low), abs(high))
    areas = (
        alt.Chart(features)
        .mark_geoshape(stroke="white", strokeWidth=0.6)
        .encode(
            color=alt.Color(
                "properties.value:Q",
                title=legend,
                scale=alt.Scale(scheme="redblue", domain=[-bound, bound]),
                legend=alt.Legend(
                    orient="bottom", gradientLength=320, format="+.0f", titleLimit=400
                ),
            ),
            tooltip=[
                *_name_tooltips(_("Prefecture")),
                alt.Tooltip("properties.value:Q", title=legend, format="+.1f"),
            ],
        )
    )
    outline = alt.Chart(outlined).mark_geoshape(  # decoration: not a mark to describe
        fill=None, stroke="#222", strokeWidth=1.4, aria=False
    )
    return (
        alt.layer(areas, outline)
        .project("mercator")
        .properties(width=WIDTH, height=440, title=_title(title, subtitle))
    )


def region_map(units: pd.DataFrame, title: str, subtitle: str = "") -> alt.Chart:
    """Areas coloured by ``state`` (one of ``MAP_STATES``, in English); ``units`` has name (or
    region), name_zh, state and geometry (GeoJSON text). Rings stay clockwise, as d3-geo
    expects."""
    # As a frame, Altair stores the features once under `datasets` without validating every
    # coordinate against the schema (ten times faster than inline values).
    features = pd.DataFrame(
        {
            "type": "Feature",
            "geometry": [json.loads(g) for g in units["geometry"]],
            "properties": [
                {"name": name, "name_zh": r.name_zh, "state": _(r.state)}
                for name, r in zip(_english_names(units), units.itertuples(), strict=True)
            ],
        }
    )
    states = [_(s) for s in MAP_STATES]
    return (
        alt.Chart(features)
        .mark_geoshape(stroke="white", strokeWidth=0.7)
        .encode(
            color=alt.Color(
                "properties.state:N",
                title=None,
                scale=alt.Scale(domain=states, range=["#1f5f8b", "#9ec3dc", "#e3e3e3"]),
                legend=alt.Legend(orient="bottom", labelLimit=320),
            ),
            tooltip=[
                *_name_tooltips(_("Region")),
                alt.Tooltip("properties.state:N", title=_("Status")),
            ],
        )
        .project("mercator")
        .properties(width=WIDTH, height=400, title=_title(title, subtitle))
    )
