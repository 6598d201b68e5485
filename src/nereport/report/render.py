"""The Altair renderer for nereport charts (the theme is in :mod:`nereport.report.theme`).

A chart displayed under the ``nereport`` renderer produces one mimebundle that serves
three consumers without any network access:

- ``application/vnd.vegalite.v5+json`` (the spec) for JupyterLab, Notebook 7 and VS Code,
  which draw it interactively with their own built-in Vega renderer. That mimetype ends
  in ``+json``, so nbformat accepts the dict (altair's own ``mimetype`` renderer uses
  ``application/vnd.vegalite.v6.json``, which fails nbformat validation).
- ``image/svg+xml``: a static SVG drawn by vl-convert, used by the PDF pass.
- ``text/plain``: what the chart shows, with its key figures
  (:func:`nereport.report.describe.describe`).

- ``text/html`` (not in the build's kernels): :func:`chart_html`, preceded in the first chart a
  kernel shows by the Vega bundle of vl-convert (Vega-Lite 6, the reports' own), which sets
  ``window.vegaEmbed`` in the page. JupyterLab ranks ``text/html`` above its built-in
  Vega-Lite 5 renderer, which draws v6 specs with a version warning per chart, and runs the
  scripts of outputs the kernel just produced: charts draw offline with Vega-Lite 6. A
  notebook reopened later shows them again once re-run (or trusted).

The interactive report HTML does not come from the notebook's ``text/html``: the build's
exporter ranks the Vega-Lite mimetype first and the ``nereport`` nbconvert template turns the
spec into :func:`chart_html` (a ``<figure>``: the chart's ``<div>`` with its description as
accessible name, a small inline ``vegaEmbed`` call, and the chart's data as a table a reader
can open); the build's kernels leave ``text/html`` out, so built notebooks are unchanged.

Importing this module is cheap (altair and vl-convert are imported when first needed);
:func:`enable` registers and enables the renderer and the theme.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from typing import Any

from nereport.i18n import _
from nereport.report.describe import data_table, describe

__all__ = [
    "EMBED_OPTIONS",
    "NAME",
    "VEGALITE_MIMETYPE",
    "chart_html",
    "chart_id",
    "enable",
    "renderer",
    "spec_to_svg",
]

#: Name of both the altair renderer and the altair theme.
NAME = "nereport"

#: Set to "1" by the build engine in its kernels: leave out the static SVG (drawn later).
DEFER_SVG = "NEREPORT_DEFER_SVG"

#: Mimetype that Jupyter front ends render with their built-in Vega-Lite renderer.
VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"

#: vega-embed options: SVG renderer (vector when printed), no "..." actions menu, and Vega
#: expressions evaluated by the interpreter vega-embed ships (``ast``) instead of compiled with
#: ``Function()``, so that report pages need no 'unsafe-eval' in their CSP.
#: The tooltip handler is left at its default, which escapes HTML in tooltip values.
EMBED_OPTIONS: dict[str, Any] = {"renderer": "svg", "actions": False, "ast": True}


#: A chart's ``usermeta`` that makes it its report's thumbnail in the index, rather than the
#: report's first chart (which, in the policy reports, is the same for every region).
THUMBNAIL = {"nereport": {"thumbnail": True}}


def _canonical_json(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chart_id(spec: dict[str, Any]) -> str:
    """Return a deterministic HTML id for a chart: ``nr-chart-`` + 16 hex digits of a hash."""
    digest = hashlib.sha256(_canonical_json(spec).encode("utf-8")).hexdigest()
    return f"nr-chart-{digest[:16]}"


# JSON is valid JavaScript, but inside an HTML <script> element the text "</script>" (or
# "<!--") would end or corrupt the element. Escaping these characters as \uXXXX keeps the
# JSON value identical while making the markup inert. U+2028/U+2029 are escaped too.
_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _script_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def chart_html(spec: dict[str, Any], embed_options: dict[str, Any] | None = None) -> str:
    """Return a ``<figure>`` that draws ``spec`` with ``window.vegaEmbed``: the chart (an image
    to assistive technology, named by its description with the key figures, reachable by
    keyboard), the inline script that draws it, and a caption holding the chart's data table.

    The page must define ``window.vegaEmbed`` before this markup (the ``nereport``
    nbconvert template inlines the bundle once in ``<head>``). The script finds its div
    through ``document.currentScript``, so a chart shown twice still draws twice.
    """
    div_id = chart_id(spec)
    options = EMBED_OPTIONS if embed_options is None else {**EMBED_OPTIONS, **embed_options}
    missing = _("Interactive chart unavailable: the Vega bundle is missing.")
    failed = _("Chart failed to render: {error}")
    script = (
        "(function(){"
        "var s=document.currentScript,"
        f"el=((s&&s.previousElementSibling)||document.getElementById({_script_json(div_id)}))"
        ".firstElementChild;"
        f"var spec={_script_json(spec)};"
        f"var opt={_script_json(options)};"
        "if(!window.vegaEmbed){"
        f"el.textContent={_script_json(missing)};return;}}"
        "window.vegaEmbed(el,spec,opt).catch(function(e){"
        f"el.textContent={_script_json(failed)}.split('{{error}}').join(e);console.error(e);}});"
        "})();"
    )
    # Vega gives the element it draws in a role and label of its own: it draws in an inner
    # element, so that the chart stays one image named by its description.
    label = html.escape(spec.get("description") or describe(spec))
    return (
        f'<figure class="nr-figure">\n'
        f'<div id="{div_id}" class="nr-chart" role="img" tabindex="0" aria-label="{label}">'
        '<div class="nr-chart-canvas"></div></div>\n'
        f"<script>{script}</script>\n"
        f"{_table_caption(spec)}</figure>"
    )


def _table_caption(spec: dict[str, Any]) -> str:
    """The chart's data as a table inside a closed ``<details>``, as the figure's caption."""
    table = data_table(spec)
    if table is None:
        return ""
    header, rows = table
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<figcaption><details><summary>"
        + html.escape(_("Data of this chart ({count} rows)").format(count=len(rows)))
        + "</summary>"
        + f'<table class="nr-chart-data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        "</details></figcaption>\n"
    )


_VL_CONVERT_RAN: list[bool] = []


def vl_convert() -> Any:
    """The vl-convert module, for a call that may start its runtime. Its runtime threads do not
    survive a fork: a process where it ran must not fork build workers (a worker would hang in
    its first chart), so the build asks :func:`vl_convert_ran` first."""
    import vl_convert  # imported here: it is large and only needed when a chart is drawn

    _VL_CONVERT_RAN[:] = [True]
    return vl_convert


def vl_convert_ran() -> bool:
    """Whether vl-convert's runtime may have started in this process (see :func:`vl_convert`)."""
    return bool(_VL_CONVERT_RAN)


def spec_to_svg(spec: dict[str, Any]) -> str:
    """Draw ``spec`` as a static SVG with vl-convert, without any network access."""
    import vl_convert as vlc  # importing it starts nothing

    from nereport.cache import cached

    # The SVG is a pure function of the spec and the vl-convert version (fonts are named in
    # the spec), so it is cached on disk by content: an unchanged chart is drawn once.
    # allowed_base_urls=[] makes a spec that loads data from a URL fail instead of
    # fetching it: reports are built offline and must not depend on the network.
    key = [vlc.__version__, _canonical_json(spec)]
    return cached(
        "svg",
        key,
        lambda: vl_convert().vegalite_to_svg(spec, allowed_base_urls=[]).encode(),
        suffix=".svg",
    ).decode()


def renderer(spec: dict[str, Any], **metadata: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Altair renderer: return ``(data, metadata)`` for a chart's Vega-Lite ``spec``."""
    # The description also names the chart where a front end draws the spec itself (Lab).
    spec = {**spec, "description": spec.get("description") or describe(spec)}
    data = {VEGALITE_MIMETYPE: spec, "text/plain": spec["description"]}
    # The build engine draws the static SVGs itself, in its worker, where vl-convert stays
    # warm from one report to the next (see nereport.build.export.add_static_svgs).
    if os.environ.get(DEFER_SVG) != "1":
        data["image/svg+xml"] = spec_to_svg(spec)
        data["text/html"] = _page_bundle() + chart_html(spec, metadata.get("embed_options"))
    # Jupyter's Vega renderer reads embed_options from the output metadata.
    embed_options = {**EMBED_OPTIONS, **metadata.get("embed_options", {})}
    return data, {VEGALITE_MIMETYPE: {"embed_options": embed_options}}


_BUNDLE_SENT: list[bool] = []


def _page_bundle() -> str:
    """The Vega bundle as a ``<script>``, for the first chart this kernel shows (later charts
    find ``window.vegaEmbed`` in the page); empty once sent. :func:`enable` sends it again."""
    if _BUNDLE_SENT:
        return ""
    import re

    import vl_convert as vlc  # importing it starts nothing

    from nereport.cache import cached

    # The same bundle, and cache entry, as the one the build inlines in every report page.
    bundle = cached(
        "vega",
        ["vega-bundle", vlc.__version__],
        lambda: vl_convert().javascript_bundle().encode(),
        suffix=".js",
    ).decode()
    _BUNDLE_SENT.append(True)
    # "</script" inside the bundle would end its element early; "<\/" means the same in JS.
    bundle = re.sub(r"</(script)", r"<\\/\1", bundle, flags=re.I)
    # In a function, the bundle's top-level names stay its own: Lab's page and a second
    # notebook in it keep theirs (a global ``const`` declared twice is an error).
    return f"<script>if(!window.vegaEmbed)(function(){{\n{bundle}\n}})();</script>\n"


def show(chart: Any) -> None:
    """Display an Altair chart through the nereport renderer. In the build's kernels
    (``DEFER_SVG`` set) the spec is not validated against the Vega-Lite schema again: that
    took a fifth of a report's time, and the test suite validates every chart of every report
    (tests/report/test_topics.py)."""
    from IPython.display import publish_display_data

    validate = os.environ.get(DEFER_SVG) != "1"
    spec = chart.to_dict(validate=validate, context={"pre_transform": False})
    data, metadata = renderer(spec)
    publish_display_data(data, metadata)


def enable() -> None:
    """Register and enable the ``nereport`` renderer and theme in altair."""
    import altair as alt

    from nereport.report.theme import theme

    _BUNDLE_SENT.clear()  # a new page (a reloaded Lab) needs the bundle again
    alt.renderers.register(NAME, renderer)
    alt.renderers.enable(NAME)
    alt.theme.register(NAME, enable=True)(theme)
