"""Checks of built reports as a reader meets them: the lines drawn by the executed notebooks'
Vega-Lite specs, and the pages of the PDFs. Plain functions, so that a failure names what it
found; the tests in test_print_and_lines.py apply them to every built report."""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

VEGA_LITE = "application/vnd.vegalite.v5+json"
# Channels that split a line into several lines (each value its own line).
SPLITTING = ("color", "detail", "strokeDash", "stroke", "shape", "opacity", "size")


def chart_specs(notebook: Path) -> Iterator[dict]:
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if VEGA_LITE in output.get("data", {}):
                yield output["data"][VEGA_LITE]


def _units(spec: dict, data: Any = None) -> Iterator[tuple[dict, Any]]:
    """Every single-view spec in ``spec`` with the data it draws (inherited from its parent)."""
    data = spec.get("data", data)
    for key in ("layer", "concat", "hconcat", "vconcat"):
        for child in spec.get(key, []):
            yield from _units(child, data)
    if "mark" in spec:
        yield spec, data


def _rows(data: Any, datasets: dict) -> list[dict]:
    if not data:
        return []
    if "values" in data:
        return data["values"]
    return datasets.get(data.get("name"), [])


def _field(channel: Any) -> str | None:
    return channel.get("field") if isinstance(channel, dict) else None


def line_faults(spec: dict) -> list[str]:
    """What the line marks of one chart join that they must not: two points more than one year
    apart (a line bridging a missing year), or two values of one year (two sources or releases
    joined in one line)."""
    faults = []
    datasets = spec.get("datasets", {})
    for unit, data in _units(spec):
        mark = unit["mark"]
        if (mark.get("type") if isinstance(mark, dict) else mark) != "line":
            continue
        enc = unit.get("encoding", {})
        x, y = _field(enc.get("x")), _field(enc.get("y"))
        frame = pd.DataFrame(_rows(data, datasets))
        if frame.empty or x not in frame or y not in frame:
            continue
        frame = frame.dropna(subset=[x, y])  # Vega-Lite drops empty values and joins over them
        keys = [f for c in SPLITTING if (f := _field(enc.get(c))) and f in frame]
        groups = frame.groupby(keys) if keys else [((), frame)]
        for key, rows in groups:
            years = rows[x].astype(float).sort_values()
            if years.duplicated().any():
                faults.append(f"{spec.get('title')}: {key}: two values in one year")
            jumps = years[years.diff() > 1]
            for year in jumps:
                before = years[years < year].max()
                faults.append(f"{spec.get('title')}: {key}: joins {before:g} to {year:g}")
    return faults


def pdftotext(pdf: Path, *options: str) -> str:
    """pdftotext's output for ``pdf``, read once per version of the file (several checks of
    every built PDF read the same text)."""
    stat = pdf.stat()
    return _pdftotext(str(pdf), stat.st_mtime_ns, stat.st_size, options)


@functools.lru_cache(maxsize=128)
def _pdftotext(path: str, mtime_ns: int, size: int, options: tuple[str, ...]) -> str:
    command = ["pdftotext", *options, path, "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, as pdftotext lays it out."""
    text = pdftotext(pdf, "-layout")
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def last_lines(pdf: Path) -> list[str]:
    """The last line of text of each page, page numbers and running footers left out."""
    found = []
    for page in pdf_pages(pdf):
        lines = [
            " ".join(line.split())
            for line in page.splitlines()
            if line.strip() and not re.fullmatch(r"\s*\d+\s*(/\s*\d+)?\s*", line)
        ]
        found.append(lines[-1] if lines else "")
    return found


def page_fills(pdf: Path) -> list[float]:
    """How far down each page its text reaches, as a share of the page's printable height
    (A4, 18 mm margins): 1.0 is a full page. A chart's axis labels and legend are text, so a
    chart counts to its lowest label; the page number in the footer does not count."""
    import html as _html

    xml = pdftotext(pdf, "-bbox")
    fills = []
    for page in re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", xml, re.S):
        height = float(page[1])
        margin = 18 / 25.4 * 72
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page[2])
        bottoms = [
            float(y1)
            for _y0, y1, text in words
            if float(y1) < height - margin + 2  # not the footer, printed in the margin
            and not re.fullmatch(r"\d+|/", _html.unescape(text))
        ]
        fills.append((max(bottoms, default=margin) - margin) / (height - 2 * margin))
    return fills


A4_MARGIN = 18 / 25.4 * 72  # the print stylesheet's top and bottom margin, in points


def headings_at_page_foot(pdf: Path, room: float = 0.12) -> list[tuple[int, str]]:
    """The headings (from the PDF's outline: where each heading's top stands) that start in the
    last ``room`` of their page's printable height, with the page: a heading there is cut off
    from the block it introduces."""
    import pikepdf

    found = []
    with pikepdf.open(pdf) as doc:
        pages = {page.objgen: number for number, page in enumerate(doc.pages, start=1)}
        heights = [float(page.mediabox[3]) for page in doc.pages]
        with doc.open_outline() as outline:
            items = [(item, 0) for item in outline.root]
            while items:
                item, depth = items.pop()
                items += [(child, depth + 1) for child in item.children]
                dest = item.destination
                if depth == 0 or not isinstance(dest, pikepdf.Array) or len(dest) < 4:
                    continue  # the report's title opens the first page
                number = pages[dest[0].objgen]
                top = float(dest[3])  # /XYZ left top zoom, from the page's bottom edge
                printable = heights[number - 1] - 2 * A4_MARGIN
                if top - A4_MARGIN < room * printable and _lines_below(pdf, number, top) <= 3:
                    found.append((number, str(item.title)))
    return sorted(found)


def _lines_below(pdf: Path, number: int, top: float) -> int:
    """Lines of text on page ``number`` below ``top`` (points from the bottom edge), the
    heading's own line included, the footer not."""
    xml = pdftotext(pdf, "-bbox", "-f", str(number), "-l", str(number))
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', xml)[1])
    rows = {
        round(float(y0) / 4)
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', xml)
        if height - top - 2 <= float(y0) and float(y1) < height - A4_MARGIN + 2
    }
    return len(rows)
