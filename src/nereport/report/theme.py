"""The Altair theme of nereport charts: fonts that cover Chinese, readable sizes, the size of a
chart's view (640 × 320 px; the chart helpers set 560 × 250) and one colour per region."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nereport import i18n

if TYPE_CHECKING:
    import altair as alt

#: Chart font stack. Latin first: vl-convert measures text in the big CJK fonts slowly
#: (0.24 s against 0.08 s a chart). Chinese from WenQuanYi Micro Hei where it is installed
#: (the build machine: Chromium embeds this TrueType font in the PDF as a subset, where Noto
#: Sans CJK becomes costly Type 3 glyphs), else the usual CJK fonts.
FONT = (
    "Liberation Sans, WenQuanYi Micro Hei, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, "
    "PingFang SC, Microsoft YaHei, sans-serif"
)

_WIDTH = 640
_HEIGHT = 320

#: One colour per region, by slug, the same in every chart, report and language (a chart maps
#: its labels to their regions: colours never follow the labels' sort order). A prefecture takes
#: a shade of its province's colour; a region not listed, or a third line of one region, a
#: colour of ``OTHER_COLOURS``.
REGION_COLOURS = {
    "liaoning": "#1f5f8b",
    "jilin": "#3a8f5c",
    "heilongjiang": "#b23a48",
    "inner-mongolia": "#8c4f9f",
    "northeast": "#d9822b",
    "china": "#555555",
}
OTHER_COLOURS = (
    *("#17becf", "#bcbd22", "#8c564b", "#e377c2", "#393b79", "#637939"),
    # Enough for the PM2.5 chart of the Northeast (13 lines, 7 of them in colours of their own):
    # with six, two pairs of its lines were drawn alike.
    *("#e7ba52", "#6b6ecf", "#ad494a"),
)


#: The d3 number locale of a language's charts (Vega's ``config.locale.number``), where it is not
#: d3's default (en-US: "45,383.2"). It reaches every number a chart prints: axis labels (Vega's
#: default tick format, which never uses SI suffixes such as "45k"), legends and tooltips, in the
#: browser and in vl-convert's SVG alike; :mod:`nereport.report.describe` reads it too, so that a
#: chart's data table prints what its tooltips do. Chinese charts group no digits (10947, 45383.2,
#: an axis of 0 5000 10000 … in 亿元): the editor's review (shared/reviews/zh-review.md, R4) found
#: that NBS communiqués and the China Statistical Yearbook print no thousands separator
#: (国内生产总值1260582亿元), and the reports' text and tables already follow it
#: (``i18n.decimal``); an axis with "35,000" beside prose with "35000" would be two house styles.
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "zh": {"decimal": ".", "thousands": "", "grouping": [3], "currency": ["¥", ""]},
}


def shade(colour: str, step: int, steps: int = 3) -> str:
    """``colour`` mixed with white for the ``step``-th of ``steps`` lines of one region (step 0:
    the colour itself; the last: 70 % white)."""
    mix = 0.7 * step / max(steps - 1, 1)
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * mix):02x}" for c in rgb)


def theme() -> alt.theme.ThemeConfig:
    """Return the nereport Altair theme: CJK-capable font, readable sizes, a 640 × 320 px view
    unless a chart sets its own size, marks and guides hidden from assistive technology (the
    chart's description names it), and the number locale of the report's language
    (``NUMBER_LOCALES``)."""
    locale = NUMBER_LOCALES.get(i18n.current())
    return {
        "config": {
            **({"locale": {"number": locale}} if locale else {}),
            "font": FONT,
            "background": "white",
            # No mark or guide speaks for itself to a screen reader: Vega-Lite's default mark
            # descriptions list every encoded field by its name ("line_run: …/#0",
            # "sector_order"), values unrounded. The chart is one image named by its
            # description with the key figures (nereport.report.describe), its data a table.
            "aria": False,
            "mark": {"aria": False},
            # Set through config, not top-level width/height, so that concatenated and
            # faceted charts stay valid. Discrete y keeps the step-based default height.
            "view": {
                "continuousWidth": _WIDTH,
                "continuousHeight": _HEIGHT,
                "discreteWidth": _WIDTH,
                "stroke": None,
            },
            "title": {"fontSize": 15, "fontWeight": 600, "anchor": "start", "offset": 10},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": 500,
                "titlePadding": 8,
                "gridColor": "#e6e6e6",
                "domainColor": "#888888",
                "tickColor": "#888888",
            },
            # Horizontal category labels; labels that would collide are thinned out.
            "axisXDiscrete": {"labelAngle": 0, "labelOverlap": "greedy", "labelSeparation": 8},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": 500},
            "header": {"labelFontSize": 12, "titleFontSize": 13},
            "text": {"fontSize": 12},
            "line": {"strokeWidth": 2},
            "point": {"size": 40},
            "range": {"category": {"scheme": "tableau10"}},
            "scale": {"bandPaddingInner": 0.25},
        },
    }
