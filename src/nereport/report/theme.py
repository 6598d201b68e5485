"""The Altair theme of nereport charts: fonts that cover Chinese, readable sizes, 640 px wide."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def theme() -> alt.theme.ThemeConfig:
    """Return the nereport Altair theme: CJK-capable font, readable sizes, 640 px wide."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
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
