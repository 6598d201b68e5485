"""Turn an executed report notebook into an offline interactive HTML page, and into the static
page the PDF is printed from (:mod:`nereport.build.pdf`).

Both pages hide all code, the papermill parameter cells and cells tagged ``remove``,
and depend only on the notebook: identical notebooks give byte-identical pages.
The nbconvert exporters and the Vega JavaScript bundle are built on first use and
reused for the rest of the process, because a build exports many reports.
"""

from __future__ import annotations

import base64
import copy
import functools
import hashlib
import html
import re
import threading
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nereport import i18n
from nereport.build.chartfiles import chart_downloads
from nereport.i18n import HTML_LANG, translate
from nereport.report.describe import describe
from nereport.report.render import VEGALITE_MIMETYPE, chart_html, spec_to_svg

if TYPE_CHECKING:
    import nbformat
    from nbconvert import HTMLExporter

__all__ = [
    "REMOVE_CELL_TAGS",
    "TEMPLATES_DIR",
    "add_static_svgs",
    "html_from_notebook",
    "static_html_from_notebook",
]

#: Directory holding the ``nereport`` (interactive) and ``nereport_static`` (PDF) templates.
TEMPLATES_DIR = Path(__file__).parent / "templates"

#: Cells with any of these tags are left out of both outputs.
REMOVE_CELL_TAGS = frozenset({"parameters", "injected-parameters", "remove"})

#: Cells tagged like this keep their prose role but lose their outputs.
_REMOVE_OUTPUT_TAGS = frozenset({"remove-output"})

# The interactive page draws charts from the Vega-Lite spec (see the nereport template);
# the static page uses the SVG that vl-convert drew when the notebook ran.
_INTERACTIVE_PRIORITY = [
    VEGALITE_MIMETYPE,
    "text/html",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/markdown",
    "text/latex",
    "text/plain",
]
_STATIC_PRIORITY = [
    "image/svg+xml",
    "text/html",
    "image/png",
    "image/jpeg",
    "text/markdown",
    "text/latex",
    "text/plain",
]

_TOC_MARKER = "<!--nereport:toc-->"
_BUNDLE_MARKER = "<!--nereport:vega-bundle-->"
_H2 = re.compile(r'<h2(?: id="(?P<id>[^"]*)")?>(?P<inner>.*?)</h2>', re.S)
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
# nbconvert re-serialises the page with BeautifulSoup, which sorts attributes.
_CHART_ID = re.compile(r'\bid="(nr-chart-[0-9a-f]{16})"')

# nbconvert exporters keep per-call state (registered filters, resources); one lock makes
# the two public functions safe to call from several threads.
_lock = threading.Lock()


def add_static_svgs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Give every chart output its static SVG (for the PDF and the saved notebook) where the
    kernel left it out; the same spec always gives the same SVG."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if VEGALITE_MIMETYPE in data and "image/svg+xml" not in data:
                data["image/svg+xml"] = spec_to_svg(data[VEGALITE_MIMETYPE])
    return nb


def html_from_notebook(nb: nbformat.NotebookNode, title: str, lang: str = "en") -> str:
    """Return the interactive, self-contained HTML report for an executed notebook, in the
    report's language ``lang`` (its charts' data tables, its table of contents).

    Code, prompts, parameter cells and ``remove``-tagged cells are hidden. Charts made
    with the ``nereport`` renderer are drawn by the inlined Vega bundle; the page loads
    nothing from the network (a Content-Security-Policy forbids it).
    """
    with _lock:
        page = _export(_interactive_exporter(), nb, title, lang)
    head, marker, body = _add_toc(page, lang).partition(_BUNDLE_MARKER)
    if not marker:
        raise RuntimeError("the nereport template has no place for the Vega bundle")
    return _hash_scripts(head + f"<script>\n{_vega_bundle()}\n</script>" + _unique_chart_ids(body))


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_HASHES_MARKER = "nereport-script-hashes"


def _hash_scripts(page: str) -> str:
    """Allow exactly the inline scripts of the finished page in its Content-Security-Policy
    (by their SHA-256): a script that got in any other way does not run. Pure function of the
    page, so builds stay byte-identical."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(m[1].encode()).digest()).decode() + "'"
            for m in _SCRIPT.finditer(page)
        }
    )
    head, marker, rest = page.partition(_HASHES_MARKER)
    if not marker:
        raise RuntimeError("the nereport template has no place for the script hashes")
    return head + (" ".join(hashes) or "'none'") + rest


def static_html_from_notebook(nb: nbformat.NotebookNode, title: str, lang: str = "en") -> str:
    """Return the page the PDF is printed from: no JavaScript, each chart the static SVG
    stored in the notebook (described in ``lang``, its alternative text), A4 print styles."""
    with _lock:
        return _add_toc(_export(_static_exporter(), nb, title, lang), lang)


def _export(exporter: HTMLExporter, nb: nbformat.NotebookNode, title: str, lang: str) -> str:
    nb = _export_copy(nb)
    # <title> comes from the notebook metadata (else the file name), so set it explicitly.
    nb.metadata["title"] = title
    resources = {
        "metadata": {"name": title},
        "nereport": {"title": title, "lang": HTML_LANG[lang]},
    }
    # The templates describe the charts (render.chart_html, describe) in the current language:
    # in the build's worker, that is the report's only while it is exported.
    with i18n.using(lang):
        page, _ = exporter.from_notebook_node(nb, resources=resources)
    return page


@functools.cache
def _shared_spec_type() -> type:
    from nbformat import NotebookNode

    class SharedSpec(NotebookNode):  # type: ignore[misc]
        """A chart spec that deep copies to itself. nbconvert deep-copies the notebook three
        times per export and the templates only read specs; copying the large ones (the
        map's geometry) took longer than the export. A NotebookNode, so that copying the
        notebook keeps it as it is instead of converting it into nested nodes."""

        def __deepcopy__(self, memo: dict[int, Any]) -> SharedSpec:
            return self

    return SharedSpec


def _export_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` that exporting cannot change, sharing the chart specs."""
    from nbformat import NotebookNode

    shared_spec = _shared_spec_type()

    def output(out: NotebookNode) -> NotebookNode:
        data = out.get("data", {})
        if VEGALITE_MIMETYPE not in data:
            return copy.deepcopy(out)
        shared = NotebookNode({**data, VEGALITE_MIMETYPE: shared_spec(data[VEGALITE_MIMETYPE])})
        return NotebookNode({**copy.deepcopy({**out, "data": {}}), "data": shared})

    cells = []
    for cell in nb.cells:
        if "outputs" in cell:
            shallow = NotebookNode({k: v for k, v in cell.items() if k != "outputs"})
            cell = NotebookNode(
                {**copy.deepcopy(shallow), "outputs": [output(o) for o in cell.outputs]}
            )
        else:
            cell = copy.deepcopy(cell)
        cells.append(cell)
    return NotebookNode({**nb, "metadata": copy.deepcopy(nb.metadata), "cells": cells})


def _add_toc(page: str, lang: str) -> str:
    """Give every markdown h2 a unique id and put a linked list of them at the marker, titled
    in ``lang``."""
    head, marker, body = page.partition(_TOC_MARKER)
    if not marker:
        return page
    entries: list[tuple[str, str]] = []
    used: set[str] = set()

    def rewrite(match: re.Match[str]) -> str:
        inner = _ANCHOR_LINK.sub("", match["inner"])
        text = " ".join(html.unescape(_TAG.sub("", inner)).split())
        # nbconvert derives ids from the heading text (percent-encoding non-ASCII); it
        # repeats them for repeated headings and leaves none when the heading holds raw HTML.
        heading_id = urllib.parse.unquote(html.unescape(match["id"] or ""))
        n = len(entries) + 1
        while not heading_id or heading_id in used:
            heading_id = f"section-{n}"
            n += 1
        used.add(heading_id)
        entries.append((heading_id, text))
        ref = html.escape(heading_id)
        return f'<h2 id="{ref}">{inner}<a class="anchor-link" href="#{ref}">¶</a></h2>'

    body = _H2.sub(rewrite, body)
    if len(entries) < 2:
        return head + body
    items = "\n".join(
        f'<li><a href="#{html.escape(heading_id)}">{html.escape(text)}</a></li>'
        for heading_id, text in entries
    )
    contents = html.escape(translate("Contents", lang))
    toc = (
        f'<nav class="nr-toc" aria-label="{contents}">\n'
        f'<p class="nr-toc-title">{contents}</p>\n'
        f"<ul>\n{items}\n</ul>\n</nav>"
    )
    return head + toc + body


def _unique_chart_ids(page: str) -> str:
    """Suffix repeated chart ids (the same chart shown twice): -2, -3, ... in page order."""
    seen: dict[str, int] = {}

    def rewrite(match: re.Match[str]) -> str:
        seen[match[1]] = n = seen.get(match[1], 0) + 1
        return match[0] if n == 1 else f'id="{match[1]}-{n}"'

    # The charts' scripts find their div through document.currentScript, not the id.
    return _CHART_ID.sub(rewrite, page)


@functools.cache
def warm() -> None:
    """Create the exporters, and read the Vega bundle if it is on disk, once, so that
    processes forked from this one start with them. Never runs vl-convert: its runtime
    threads do not survive a fork (a worker forked after it would hang in its first chart)."""
    _interactive_exporter()
    _static_exporter()
    if _bundle_cached():
        _vega_bundle()


def _bundle_key() -> list[str]:
    import vl_convert  # importing it starts nothing

    # The bundle is whatever this version of vl-convert ships.
    return ["vega-bundle", vl_convert.__version__]


def _bundle_cached() -> bool:
    from nereport.cache import is_cached

    return is_cached("vega", _bundle_key(), suffix=".js")


@functools.cache
def _vega_bundle() -> str:
    """vega + vega-lite + vega-embed as one script that sets ``window.vegaEmbed``."""
    from nereport.cache import cached
    from nereport.report.render import vl_convert

    # vl-convert takes about 3 s to bundle it, so it is kept on disk.
    bundle = cached(
        "vega", _bundle_key(), lambda: vl_convert().javascript_bundle().encode(), suffix=".js"
    ).decode()
    # The bundle is inlined in a <script> element, where "</script" would end it early.
    # A "<\/" inside JavaScript strings and regexes means the same thing as "</".
    return re.sub(r"</(script)", r"<\\/\1", bundle, flags=re.I)


def _make_exporter(template_name: str, priority: list[str]) -> HTMLExporter:
    from jinja2 import pass_context
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
    from traitlets.config import Config

    class Exporter(HTMLExporter):  # type: ignore[misc]
        """nbconvert's HTML exporter without its last step, which parses the finished page
        with BeautifulSoup and writes it out again (a third of an export's time) only to
        give ``<img>`` an alt text and output areas a tabindex: the nereport templates write
        their own alt texts, and :func:`_focusable` adds the tabindex."""

        def from_notebook_node(
            self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
        ) -> tuple[str, dict[str, Any]]:
            # As HTMLExporter.from_notebook_node (nbconvert 7) does before its parse.
            language = nb.metadata.get("language_info", {})
            lexer = language.get("pygments_lexer", language.get("name"))
            self.register_filter(
                "highlight_code",
                self.filters.get(
                    "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
                ),
            )
            resources = self._init_resources(resources)
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(
                    notebook_metadata=self._nb_metadata, parent=self, resources=resources
                ),
            )
            page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _focusable(page), resources

        @pass_context
        def markdown2html(self, context: dict[str, Any], source: str) -> str:
            # Both pages of a report render the same prose, and nbconvert builds a new
            # mistune parser for every piece of it; the two exporters share their settings.
            if context.get("cell", {}).get("attachments"):
                return super().markdown2html(context, source)
            key = (source, context.get("resources", {}).get("metadata", {}).get("path", ""))
            if (page := _markdown_html.get(key)) is None:
                if len(_markdown_html) >= _MARKDOWN_KEPT:
                    _markdown_html.clear()
                page = _markdown_html[key] = super().markdown2html(
                    context, strong(unbroken(source))
                )
            return page

        def _init_resources(self, resources: dict[str, Any]) -> dict[str, Any]:
            # <html lang>: the report's language as BCP 47 ('zh-CN'); nbconvert's own trait
            # only takes ISO 639-1 codes. Here, not in from_notebook_node: nbconvert fills in
            # the resources again (from its trait) when it renders the template.
            resources = super()._init_resources(resources)
            resources["language_code"] = resources.get("nereport", {}).get("lang", "en")
            return resources

    c = Config()
    c.TemplateExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    # Lets nereport_static extend 'nereport/index.html.j2' by path.
    c.TemplateExporter.extra_template_paths = [str(TEMPLATES_DIR)]
    c.TemplateExporter.exclude_input = True
    c.TemplateExporter.exclude_input_prompt = True
    c.TemplateExporter.exclude_output_prompt = True
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_CELL_TAGS)
    c.TagRemovePreprocessor.remove_all_outputs_tags = set(_REMOVE_OUTPUT_TAGS)
    # Pygments CSS is only needed for code, and code is never shown.
    c.CSSHTMLHeaderPreprocessor.enabled = False
    c.NbConvertBase.display_data_priority = priority
    # Validate the notebook once, after all preprocessors, not after each of them.
    c.Exporter.optimistic_validation = True
    exporter = Exporter(config=c, template_name=template_name)
    exporter.register_filter("nereport_chart_html", chart_html)
    exporter.register_filter("nereport_chart_description", describe)
    exporter.register_filter("nereport_chart_downloads", chart_downloads)
    exporter.register_filter("nereport_print_width", print_width)
    return exporter


#: The print page's column (A4 less the 15 mm side margins of nereport_print.css) and the
#: height a chart may take on paper (the max-height there), in CSS px.
PRINT_COLUMN_PX = 180 * 96 / 25.4
PRINT_CHART_HEIGHT_PX = 85 * 96 / 25.4
_SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def print_width(svg: str) -> str:
    """The CSS width at which the print page shows a chart: its own size scaled down to fit the
    column and 85 mm, by a multiple of 1/64.

    Chromium sets a chart's text at its font size times that scale and keeps sizes in its font
    cache to 1/100 px: two charts scaled by nearly equal factors (0.8154 and 0.8150) share an
    entry, and the second printed took the first one's size, so a PDF depended on what its
    Chromium had printed before. In steps of 1/64 the scale of a whole-pixel chart is exact
    (a layout unit is 1/64 px), and two different sizes are at least 1/64 px apart."""
    size = _SVG_SIZE.search(svg[:1000])
    if size is None:
        return "auto"
    width, height = float(size[1]), float(size[2])
    if width <= 0 or height <= 0:
        return "auto"
    scale = min(1.0, PRINT_COLUMN_PX / width, PRINT_CHART_HEIGHT_PX / height)
    # A multiple of 1/64 of a whole number has at most six decimals: written exactly.
    return f"{width * (int(scale * 64) / 64):.6f}".rstrip("0").rstrip(".") + "px"


# Markdown rendered by the exporters, by (source, path): a report's prose is rendered once
# for its two pages.
_markdown_html: dict[tuple[str, str], str] = {}
_MARKDOWN_KEPT = 2048

# `**x**` outside code spans, whose content holds no unescaped `*` and starts and ends with no
# space (as CommonMark's delimiters need).
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)
_BOLD = re.compile(r"(?<![\\*])\*\*(?![\s*])((?:\\.|[^*\\\n])+?)(?<!\s)\*\*(?!\*)")


def _strong_where_cjk(match: re.Match[str]) -> str:
    text, inner = match.string, match[1]
    before, after = text[max(match.start() - 1, 0) : match.start()], text[match.end() :][:1]
    around = before + inner[0] + inner[-1] + after
    return f"<strong>{inner}</strong>" if any(ord(c) > 127 for c in around) else match[0]


# A space between a number and the unit or per cent sign after it (English prose writes
# "47.2 %", "1.13 Mt"): a line must not break there, on screen or on paper.
_NUMBER_UNIT = re.compile(
    r"(?<=\d)(?:\*\*)? (?=(?:%|‰|Mt|kt|t|km|ha|µg|mg|yuan|million|billion|trillion|thousand)"
    r"(?![\w]))"
)


def unbroken(source: str) -> str:
    """``source`` with a no-break space between each number and the unit that follows it."""
    return _NUMBER_UNIT.sub(lambda m: m[0][:-1] + "\u00a0", source)


def strong(source: str) -> str:
    """``source`` with each bold span that touches a non-ASCII character (CJK text, full-width
    punctuation) written as ``<strong>``: CommonMark's flanking rules read ``**标题：**正文`` or
    ``累计**+242%**元`` as literal asterisks, since full-width punctuation counts as punctuation
    and CJK as a letter. Code spans are left as they are; other bold stays Markdown."""
    parts = []
    last = 0
    for code in _CODE_SPAN.finditer(source):
        parts += [_BOLD.sub(_strong_where_cjk, source[last : code.start()]), code[0]]
        last = code.end()
    return "".join([*parts, _BOLD.sub(_strong_where_cjk, source[last:])])


# Not a chart's output: the chart inside it is the keyboard stop (see render.chart_html).
_OUTPUT_DIV = re.compile(
    r'<div class="(?=[^"]*\bjp-OutputArea-output\b)(?![^"]*\bnr-chart-output\b)'
)


def _focusable(page: str) -> str:
    """Let keyboard users reach every output (tables, charts), as nbconvert's HTML does."""
    return _OUTPUT_DIV.sub('<div tabindex="0" class="', page)


@functools.cache
def _interactive_exporter() -> HTMLExporter:
    return _make_exporter("nereport", _INTERACTIVE_PRIORITY)


@functools.cache
def _static_exporter() -> HTMLExporter:
    return _make_exporter("nereport_static", _STATIC_PRIORITY)
