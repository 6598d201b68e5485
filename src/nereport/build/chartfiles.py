"""Each chart's own files, offered under it as ``data:`` links (no script, so within the page's
Content-Security-Policy): its data as CSV, the rows behind the chart exactly as its spec holds
them, and its static SVG. The links' file names are the chart's stable anchor (its id)."""

from __future__ import annotations

import base64
import csv
import html
import io
import math
import re
from typing import Any

from nereport._version import __version__
from nereport.i18n import _
from nereport.report.describe import chart_data, describe, value
from nereport.report.render import THUMBNAIL, VEGALITE_MIMETYPE, chart_id

__all__ = ["anchors", "chart_csv", "chart_downloads", "thumbnail"]

_ANCHOR = re.compile(r'<div id="(nr-chart-[0-9a-f]{16}(?:-\d+)?)" class="nr-chart"')


def chart_csv(spec: dict[str, Any]) -> str | None:
    """The chart's data as CSV: ``#`` lines naming the chart, its release notes (subtitle) and
    where its sources are listed, then a header of the column titles (with their units) and
    one line per row of the chart's data, values unformatted. None for a chart without data."""
    data = chart_data(spec)
    if data is None:
        return None
    title = spec.get("title")
    subtitle = title.get("subtitle", []) if isinstance(title, dict) else []
    notes = [data.title, *([subtitle] if isinstance(subtitle, str) else subtitle)]
    notes.append(
        _("Sources: the report's sources section; nereport {version}").format(version=__version__)
    )
    out = io.StringIO()
    for note in notes:
        out.write("# " + " ".join(str(note).split()) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.title for c in data.columns])
    for row in data.rows:
        writer.writerow([_cell(value(row, c.field)) for c in data.columns])
    return out.getvalue()


def _cell(v: Any) -> Any:
    """A CSV cell: empty for a missing value; a float as the shortest decimal that 15
    significant digits give (a double holds 15 of any decimal exactly): a published 0.89056532
    that arithmetic left as 0.8905653199999999 is written 0.89056532, 1234.5678 stays as it is."""
    if v is None:
        return ""
    if isinstance(v, float) and math.isfinite(v):
        return repr(float(f"{v:.15g}"))
    return v


def chart_downloads(bundle: dict[str, Any]) -> str:
    """The links under a chart output (its mime bundle): data as CSV, and its SVG."""
    spec = bundle.get(VEGALITE_MIMETYPE)
    if not spec:
        return ""
    name = chart_id(spec)
    links = []
    if (text := chart_csv(spec)) is not None:
        links.append((_("Download data (CSV)"), f"{name}.csv", "text/csv", text))
    if svg := bundle.get("image/svg+xml"):
        svg = "".join(svg) if isinstance(svg, list) else svg
        svg = _titled(svg, spec.get("description") or describe(spec))
        links.append((_("Download SVG"), f"{name}.svg", "image/svg+xml", svg))
    if not links:
        return ""
    items = " · ".join(
        f'<a download="{file}" type="{mime}" href="data:{mime};charset=utf-8;base64,'
        f'{base64.b64encode(text.encode()).decode()}">{html.escape(label)}</a>'
        for label, file, mime, text in links
    )
    return f'<p class="nr-chart-downloads">{items}</p>'


def _titled(svg: str, description: str) -> str:
    """The SVG file a reader downloads, named by the chart's description (a ``<title>``, its
    first child, is an SVG's accessible name): its marks say nothing to a screen reader
    (nereport.report.theme)."""
    start = re.search(r"<svg\b[^>]*>", svg)
    if start is None or not description:
        return svg
    title = f"<title>{html.escape(description, quote=False)}</title>"
    return svg[: start.end()] + title + svg[start.end() :]


def anchors(page: str) -> list[str]:
    """The charts' anchors on a finished page, in page order (``page.html#nr-chart-…``): each
    a hash of the chart's spec, so a chart keeps its anchor while it stays the same."""
    return _ANCHOR.findall(page)


def thumbnail(nb: Any) -> bytes | None:
    """The report's thumbnail for the index: the static SVG of the chart marked as such
    (``render.THUMBNAIL``, as the policy reports mark their region map), else of its first chart (None without a chart), as vl-convert drew
    it for the PDF."""
    drawn = [
        (data[VEGALITE_MIMETYPE], svg)
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if VEGALITE_MIMETYPE in (data := out.get("data", {})) and (svg := data.get("image/svg+xml"))
    ]
    marked = [svg for spec, svg in drawn if spec.get("usermeta") == THUMBNAIL]
    for svg in marked or [svg for _spec, svg in drawn]:
        return ("".join(svg) if isinstance(svg, list) else svg).encode()
    return None
