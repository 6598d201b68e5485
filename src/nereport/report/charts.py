"""Chart helpers: each returns an ``alt.Chart`` and never writes a file. The caller (a topic
section) passes the titles, axis labels and units, in the report's language; the helpers own
the look and their own words (tooltip titles, map states), which they translate."""

from __future__ import annotations

import json
import math
import re
import unicodedata

import altair as alt
import pandas as pd

from nereport import i18n
from nereport.data import dataset, regions
from nereport.i18n import N_, _
from nereport.report.render import THUMBNAIL
from nereport.report.theme import OTHER_COLOURS, REGION_COLOURS, shade

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


def axis_title(name: str, column: str) -> str:
    """The title of an axis that shows ``column`` of dataset ``name``: its declared label and
    unit (``Column.label``), in the report's language, never a unit typed again here."""
    return dataset(name).column(column).label()


def in_scale(frame: pd.DataFrame, name: str, column: str, unit: str) -> tuple[pd.DataFrame, str]:
    """``frame`` with ``column`` of dataset ``name`` (declared in ``unit``, a key of
    ``i18n.AMOUNT_UNITS``) in the scale the report's language counts its largest value in, and
    the axis title naming that scale: CO2 in 亿吨 in Chinese (2.00, not 200 百万吨); the declared
    unit where the scale is the declared one (English Mt)."""
    if frame.empty:
        return frame, axis_title(name, column)
    divisor, label = i18n.scale(float(frame[column].abs().max()), unit)
    if divisor == 1:
        return frame, axis_title(name, column)
    declared = dataset(name).column(column)
    title = _("{label} ({unit})").format(label=_(declared.description.split(";")[0]), unit=label)
    # Divided or multiplied by a whole power of ten: 129.5 Mt is 1.295 (亿吨), not 1.2950000001.
    values = frame[column] / divisor if divisor > 1 else frame[column] * round(1 / divisor)
    return frame.assign(**{column: values}), title


def _title(text: str, subtitle: str | list[str] = "") -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=subtitle, anchor="start")


def _legend(labels) -> alt.Legend:
    """A legend under the chart, in as many columns as its longest label allows, so that long
    labels wrap into rows instead of shrinking the chart."""
    longest = max((len(str(x)) for x in labels), default=10)
    return alt.Legend(
        orient="bottom", labelLimit=WIDTH - 40, columns=max(1, min(4, WIDTH // (7 * longest + 30)))
    )


def by_region(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s rows in the regions' order (``regions.order``), keeping the order within a
    region: legends, bar categories and chart data tables list Liaoning, Jilin, Heilongjiang,
    Inner Mongolia, the Northeast, China, in both languages."""
    if "region" not in frame:
        return frame
    rank = frame["region"].map(regions.rank()).fillna(len(regions.rank()))
    return frame.iloc[rank.argsort(kind="stable")]


def region_scale(frame: pd.DataFrame, color: str) -> alt.Scale:
    """The colour scale of ``color`` labels: each label takes the colour of its region
    (``theme.REGION_COLOURS``, by slug, so the same in both languages); a second label of a region
    (a prefecture, another network) a shade of it, further ones colours of their own; legends
    list the labels in the regions' order. Labels that are no region's (releases or sectors of
    one region) take the palette in the data's order (the same in both languages)."""
    if color not in frame:
        return alt.Scale(range=PALETTE)
    # In the data's order, not sorted by label: the label of a series sorts one way in English
    # and another in Chinese, and its colour must not change with the language.
    in_order = alt.Scale(domain=list(dict.fromkeys(frame[color].dropna())), range=PALETTE)
    if "region" not in frame or color == "region":
        return in_order
    pairs = by_region(frame[[color, "region"]].drop_duplicates())
    names = {*regions.names("en").values(), *regions.names("zh").values()}
    single = pairs["region"].nunique() < 2 and not pairs[color].isin(names).all()
    if single or pairs[color].duplicated().any():  # not one region per label
        return in_order
    families = pairs["region"].map(regions.family)
    count = families.value_counts()
    steps: dict[str, int] = {}
    others = iter(OTHER_COLOURS * 4)
    colours = []
    for family in families:
        step = steps.get(family, 0)
        steps[family] = step + 1
        base = REGION_COLOURS.get(family)
        if base is not None and (step == 0 or count[family] == 2):
            colours.append(shade(base, step, 2))
        else:  # a third line of one region: a colour of its own, shades would look alike
            colours.append(next(others))
    return alt.Scale(domain=list(pairs[color]), range=colours)


def _year_axis(years: pd.Series, title: str | None = None) -> alt.X:
    # The axis spans the data's years, not rounded out ('nice') to years without data, whose
    # labels collided with the last year's ("2024 2025"); a few pixels of room at both ends so
    # that a point on the first or last year is drawn whole, not cut in half by the axis.
    domain = {"domain": [int(years.min()), int(years.max())]} if len(years) else {}
    return alt.X(
        "year:Q",
        title=title or _("Year"),
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(padding=8, nice=False, **domain),
    )


def year_rules(
    years: dict[int, str],
    start: int,
    end: int,
    data_years: pd.Series | None = None,
) -> alt.LayerChart | None:
    """Vertical rules with labels for the policy years inside [start, end]. The labels stand
    above the plotting area, in the chart's top margin, where no data line can cross them
    (one row per label); a label that would run past the right edge ends at its rule."""
    shown = {y: t for y, t in years.items() if start <= y <= end}
    if data_years is not None and len(data_years):
        low, high = int(data_years.min()), int(data_years.max())
        shown = {y: t for y, t in shown.items() if low <= y <= high}
    else:
        low, high = start, end
    if not shown:
        return None
    rows = []
    for row, (year, text) in enumerate(sorted(shown.items())):
        label = _(text)
        at = WIDTH * (year - low) / max(high - low, 1)
        rows.append(
            {
                "year": year,
                "label": label,
                "right": at + _text_width(label) + 6 > WIDTH,
                "row": row,
            }
        )
    marks = pd.DataFrame(rows)
    base = alt.Chart(marks)
    # Channel objects, not shorthand strings: altair turns each string into a channel by
    # searching its whole schema (about 10 ms each, four times per chart).
    rule = base.mark_rule(color="#999", strokeDash=[4, 3]).encode(
        x=alt.X("year:Q"), tooltip=[alt.Tooltip("label:N", title=_("Milestone"))]
    )
    layers = [rule]
    for row in marks.itertuples():
        one = alt.Chart(marks[marks["row"] == row.row])
        layers.append(
            one.mark_text(
                align="right" if row.right else "left",
                dx=-3 if row.right else 3,
                # above the plot: row 0 just over its top edge, the next one a line higher
                dy=-(4 + 13 * (len(marks) - 1 - row.row)),
                fontSize=10,
                color="#555",
                baseline="bottom",
            ).encode(x=alt.X("year:Q"), y=alt.YValue(0), text=alt.Text("label:N"))
        )
        layers.append(
            one.mark_rule(color="#999", strokeDash=[4, 3]).encode(
                x=alt.X("year:Q"),
                y=alt.YValue(-(4 + 13 * (len(marks) - 1 - row.row))),
                y2=alt.Y2Value(0),
            )
        )
    return alt.layer(*layers)


LINE_RUN = "line_run"  # the column of a line's spec that names each unbroken run of years


class JoinedSourcesError(ValueError):
    """A line was asked to draw two values for one year (two sources or releases of it)."""


def runs(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """The run of each row: rows of one ``keys`` value in consecutive years share a run; a
    missing year starts a new one, so that a line never bridges the gap."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    ordered = frame.sort_values([*keys, "year"])
    group = [ordered[k].astype(str) for k in keys]
    gap = ordered.groupby(group, sort=False)["year"].diff().fillna(1).ne(1)
    number = gap.groupby(group, sort=False).cumsum().astype(int).astype(str)
    label = pd.Series("", index=ordered.index)
    for part in group:
        label = label + part + "/"
    return (label + "#" + number).reindex(frame.index)


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
    column_tooltips: list[alt.Tooltip] | None = None,
) -> alt.Chart | alt.LayerChart:
    """One line per ``color`` over years, with optional policy-year rules. With ``segment``,
    each value of that column is a line of its own (one release never joins another); with
    ``baseline``, a horizontal rule marks that value (e.g. 100 for an index); with ``release``
    (a column, e.g. ``"release"``), each release is dashed its own way and named in the legend;
    ``column_tooltips`` are shown after the series, year and value.

    A line joins consecutive years only: where a year is missing (or its value is empty) the
    line breaks. Two values for one year of one line (two sources or releases of that year)
    raise ``JoinedSourcesError``: the caller chooses one, or gives each its ``segment``."""
    keys = [color, *([segment] if segment else []), *([release] if release else [])]
    frame = by_region(frame)
    scale = region_scale(frame, color)
    # Only the columns drawn travel into the spec (and the page): smaller and faster.
    extra = [t.shorthand.split(":")[0] for t in column_tooltips or []]
    frame = frame[list(dict.fromkeys(["year", y, *keys, *extra]))].dropna(subset=[y])
    twice = frame[frame.duplicated([*keys, "year"], keep=False)]
    if not twice.empty:
        raise JoinedSourcesError(
            f"line '{title}': two values for one year of one line "
            f"({twice[[*keys, 'year']].drop_duplicates().to_dict('records')}); choose one "
            "source, or give each release its own segment"
        )
    frame = frame.assign(**{LINE_RUN: runs(frame, keys)})
    dash = {"strokeDash": alt.StrokeDash(f"{release}:N", title=_("Release"))} if release else {}
    chart = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            detail=alt.Detail(f"{LINE_RUN}:N"),
            x=_year_axis(frame["year"]),
            y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(zero=zero)),
            color=alt.Color(
                f"{color}:N",
                title=None,
                scale=scale,
                legend=_legend(frame[color] if color in frame else ()),
            ),
            tooltip=[
                alt.Tooltip(f"{color}:N", title=_("Series")),
                alt.Tooltip("year:Q", title=_("Year")),
                alt.Tooltip(f"{y}:Q", title=y_title, format=fmt),
                *(column_tooltips or []),
            ],
            **dash,
        )
        .properties(width=WIDTH, height=HEIGHT, title=_title(title, subtitle))
    )
    layers = [chart]
    if baseline is not None:
        level = pd.DataFrame({"level": [baseline]})
        layers.append(alt.Chart(level).mark_rule(color="#888").encode(y=alt.Y("level:Q")))
    if marks and start is not None and end is not None:
        rules = year_rules(marks, start, end, frame["year"])
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
                # The sectors in their declared order (``sector_order``), whatever their labels.
                sort=list(frame.sort_values("sector_order")["sector"].drop_duplicates()),
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
    wrapped: bool = False,
    color_title: str | None = None,
) -> alt.Chart:
    """Grouped bars: ``x`` categories, ``color`` groups (offset), ``y`` values; rows of
    regions in the regions' order. ``wrapped`` (horizontal bars): the categories are lines
    joined by newlines (see :func:`wrap`), each drawn on its own line and none cut.
    ``color_title`` names the groups in the tooltip and the chart's data table (default
    "Series"; "Year" where each group is a year)."""
    frame = by_region(frame)
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
        if wrapped:
            axis = alt.Axis(labelLimit=LABEL_LIMIT, labelExpr="split(datum.label, '\\n')")
            encoding["y"] = alt.Y(f"{x}:N", title=None, sort=None, axis=axis)
    if color:
        scale = region_scale(frame, color)
        encoding["color"] = alt.Color(
            f"{color}:N",
            title=None,
            scale=scale,
            legend=alt.Legend(orient="bottom", labelLimit=320),
        )
        # The bars of a group in the legend's order (the data's), not sorted by label: the
        # 7th, 8th and 9th inventories ran 7, 9, 8 in Chinese (七 < 九 < 八 in Unicode).
        order = scale.to_dict().get("domain", list(dict.fromkeys(frame[color].dropna())))
        encoding["yOffset" if horizontal else "xOffset"] = (
            alt.XOffset(f"{color}:N", sort=order)
            if not horizontal
            else alt.YOffset(f"{color}:N", sort=order)
        )
        tooltip.insert(0, alt.Tooltip(f"{color}:N", title=color_title or _("Series")))
    lines = frame[x].str.count("\n").max() + 1 if wrapped else 1
    height = (
        max(HEIGHT, 22 * lines * frame[x].nunique() * (frame[color].nunique() if color else 1))
        if horizontal
        else HEIGHT
    )
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(**encoding)
        .properties(
            width=WIDTH - (LABEL_LIMIT if wrapped else 120 if horizontal else 0),
            height=min(height, 520),
            title=_title(title, subtitle),
        )
    )


def year_bars(
    frame: pd.DataFrame,
    y: str,
    y_title: str,
    title: str,
    subtitle: str | list[str] = "",
    color: str = "series",
    fmt: str = ",.1f",
) -> alt.Chart:
    """One bar per year, standing where its year is on a year scale (as a line's years,
    :func:`_year_axis`): the years between two bars, and between two releases, are gaps the
    reader sees, not the even steps of a nominal axis. Bars are never joined; ``color`` names
    the series (e.g. the releases). Two values for one year raise ``JoinedSourcesError``."""
    frame = frame[["year", y, color]].dropna(subset=[y])
    twice = frame[frame.duplicated("year", keep=False)]
    if not twice.empty:
        raise JoinedSourcesError(
            f"bars '{title}': two values for one year ({sorted(set(twice['year']))}); "
            "choose one source"
        )
    scale = region_scale(frame, color)
    return (
        alt.Chart(frame)
        .mark_bar(size=14)
        .encode(
            x=_year_axis(frame["year"]),
            y=alt.Y(f"{y}:Q", title=y_title),
            color=alt.Color(
                f"{color}:N",
                title=None,
                scale=scale,
                legend=alt.Legend(orient="bottom", labelLimit=320),
            ),
            tooltip=[
                alt.Tooltip(f"{color}:N", title=_("Series")),
                alt.Tooltip("year:Q", title=_("Year")),
                alt.Tooltip(f"{y}:Q", title=y_title, format=fmt),
            ],
        )
        .properties(width=WIDTH, height=HEIGHT, title=_title(title, subtitle))
    )


# Widest axis label line (px) of wrapped bars; :func:`wrap` keeps each line within it.
LABEL_LIMIT = 230


def wrap(text: str, width: int = LABEL_LIMIT - 30) -> list[str]:
    """``text`` in lines of at most ``width`` pixels at the axis labels' 12 px (estimated on
    the wide side by :func:`_label_width`), broken between words (Chinese text: between
    characters, never inside a number); nothing is left out. The lines joined without a
    separator are ``text`` again (a space at a break begins the next line, where the right-aligned
    labels do not show it), so a reader of the words (:mod:`nereport.report.describe`) reads
    the label as one line, neither broken nor with a space before a comma."""
    chinese = sum(unicodedata.east_asian_width(c) in "WF" for c in text) > len(text) / 3
    # Chinese closing punctuation stays with what it closes: no line begins with "，".
    closing = "[，。、；：！？）》」』]*"
    chinese_token = rf"\s*[\w.,¥$%/+-]+{closing}|\s*\S{closing}"
    tokens = re.findall(chinese_token if chinese else r"\s*\S+", text, re.ASCII)
    lines, line = [], []
    for token in tokens:
        if "".join(line).strip() and _label_width("".join([*line, token]).strip()) > width:
            # Chinese: back to the last punctuation in the second half of the line (after a
            # comma or closing bracket, before an opening one), rather than inside a word
            # ("总投/资", "中/央").
            cut = len(line)
            if chinese:
                after = [
                    i
                    for i in range(1, len(line))
                    if re.search(r"[，。、；：）》」』]$", line[i - 1]) or line[i][:1] in "（《「『"
                ]
                if after and _label_width("".join(line[: after[-1]])) >= width / 2:
                    cut = after[-1]
            lines.append("".join(line[:cut]))
            line = line[cut:]
        line.append(token)
    last = "".join(line)
    return [*lines, last + text[len(text.rstrip()) :]] if last.strip() else lines


def _label_width(text: str) -> int:
    """Width of an axis label line at 12 px, estimated on the wide side."""
    return sum(12 if unicodedata.east_asian_width(c) in "WF" else 7 for c in text)


def _text_width(text: str) -> int:
    """Estimated width of a timeline label in pixels: 6 a character, 10 a Chinese one."""
    return sum(10 if unicodedata.east_asian_width(c) in "WF" else 6 for c in text)


def _place_labels(labelled: pd.DataFrame, levels: int = 8) -> pd.DataFrame:
    """Give each label a level above the axis, and a side of its date, where it overlaps no
    other label (text width estimated by ``_text_width``) and stays inside the chart."""
    dates = pd.to_datetime(labelled["day"])
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


def timeline(
    milestones: pd.DataFrame, title: str, subtitle: str | list[str] = "", at: str = "date_start"
) -> alt.Chart:
    """Dated milestones on a time axis, each on the day in its column ``at``; those with a
    ``label`` are named on the chart itself (staggered on up to eight levels, see
    ``_place_labels``, so that neighbours do not overlap), the others are dots."""
    frame = milestones.dropna(subset=[at]).sort_values(at, kind="stable").copy()
    frame["day"] = frame[at].dt.strftime("%Y-%m-%d")
    labelled = _place_labels(frame[frame["label"].fillna("") != ""].copy())
    # d3's time format of the years on the axis: '2003', Chinese '2003年'.
    year = "%Y年" if i18n.current() == "zh" else "%Y"
    # A UTC scale: the dates are days (parsed as UTC midnight); on a local-time scale a reader
    # west of UTC (and a PDF printed there) saw 2003-01-01 drawn and labelled in 2002.
    x = alt.X(
        "day:T",
        title=None,
        axis=alt.Axis(format=year, tickCount=12),
        scale=alt.Scale(type="utc"),
    )
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
    column (whatever language its ``name`` column is in), else its ``name``; a ``name_en``
    column, where given, names the units itself."""
    if "name_en" in units:
        return units["name_en"]
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
    units = by_region(units)  # its data table lists the prefectures province by province
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
    # The scale and its legend reach past the data's extremes, with a labelled tick every 10
    # points: a legend that ends before the data (±30 against −35.2) says the map is clamped.
    bound = 10 * max(1, math.ceil(max(abs(low), abs(high)) / 10))
    ticks = list(range(-bound, bound + 1, 10))
    areas = (
        alt.Chart(features)
        .mark_geoshape(stroke="white", strokeWidth=0.6)
        .encode(
            color=alt.Color(
                "properties.value:Q",
                title=legend,
                scale=alt.Scale(scheme="redblue", domain=[-bound, bound]),
                legend=alt.Legend(
                    orient="bottom",
                    gradientLength=320,
                    format=".0f",
                    # a gain with its sign, as a loss has its own: "+10", "0", "−10"
                    labelExpr="datum.value > 0 ? '+' + datum.label : datum.label",
                    titleLimit=400,
                    values=ticks,
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
    layers = [areas, outline, *_extreme_labels(units, value)]
    return (
        alt.layer(*layers)
        .project("mercator")
        .properties(width=WIDTH, height=440, title=_title(title, subtitle))
    )


def _label_point(geometry: dict) -> tuple[float, float]:
    """A point to write a unit's name at: the mean vertex of its largest ring (the unit's
    main part; close enough to its middle for a label)."""
    rings = (
        [p[0] for p in geometry["coordinates"]]
        if geometry["type"] == "MultiPolygon"
        else [geometry["coordinates"][0]]
    )
    ring = max(rings, key=len)
    return (sum(x for x, _y in ring) / len(ring), sum(y for _x, y in ring) / len(ring))


def _extreme_labels(units: pd.DataFrame, value: str, each: int = 2) -> list[alt.Chart]:
    """The names and values of the ``each`` largest losses and gains written on the map, so
    that a printed map (no tooltips) names its extremes."""
    ends = pd.concat([units.nsmallest(each, value), units.nlargest(each, value)])
    ends = ends[~ends.index.duplicated()]
    points = [_label_point(json.loads(g)) for g in ends["geometry"]]
    labels = pd.DataFrame(
        {
            "lon": [p[0] for p in points],
            "lat": [p[1] for p in points],
            "label": [
                f"{name} {getattr(r, value):+.1f}%".replace("-", "−")
                for name, r in zip(ends["name"], ends.itertuples(), strict=True)
            ],
        }
    )
    base = alt.Chart(labels).encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N")
    )
    style = {"fontSize": 10, "fontWeight": "bold", "aria": False}
    halo = base.mark_text(stroke="white", strokeWidth=3, strokeOpacity=0.9, **style)
    return [halo, base.mark_text(color="#111", **style)]


def region_map(units: pd.DataFrame, title: str, subtitle: str = "") -> alt.Chart:
    """Areas coloured by ``state`` (one of ``MAP_STATES``, in English); ``units`` has name (or
    region), name_zh, state and geometry (GeoJSON text). Rings stay clockwise, as d3-geo
    expects. The report's thumbnail in the index (``render.THUMBNAIL``): it shows which region the
    report is about."""
    units = by_region(units)  # its data table lists the units in the regions' order
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
        .properties(width=WIDTH, height=400, title=_title(title, subtitle), usermeta=THUMBNAIL)
    )
