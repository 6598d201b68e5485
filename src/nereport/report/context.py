"""What a report notebook calls first and last: start (parameters, renderer), prose helpers,
tables, the "What is missing" notes and the sources section.

A notebook holds literals and calls; the logic lives here and in the topic modules beside it.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
from IPython.display import HTML, Markdown

from nereport import i18n
from nereport._version import __version__, library_revision
from nereport.data import dataset, grades, provenance, regions, registry, releases
from nereport.data.sources import GRADES, SOURCES, Source
from nereport.i18n import N_, _
from nereport.report.describe import _join  # the one way to join words in the report's language
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
    it displays as the chart followed by the sentence. Given the rows it draws (``data``, with
    their ``source_id``), the sentence ends by naming the points found only in a secondary
    source (:func:`secondary_note`)."""

    def __init__(self, chart: Any, caption: str, data: Any = None):
        self.chart, self.caption = chart, caption
        note = (
            secondary_note(data, defined=_(_SECONDARY_LEGEND) in caption)
            if data is not None
            else ""
        )
        if note:
            self.caption = _join([caption, note], _("{list} {item}")) if caption else note

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from nereport.report.render import show

        if self.chart is not None:
            show(self.chart)
        display(Markdown(self.caption))


#: The mark of a figure found only in a secondary source, where it is shown.
DAGGER = "†"
_SECONDARY_LEGEND = N_(
    "† Found only in a secondary source (news report, blog, encyclopaedia or personal "
    "website); no official copy of the figure was found."
)


def flat(label: str) -> str:
    """A declared label made fit to stand inside brackets: its own bracketed parts become
    clauses ('provincial mean (9 cities)' -> 'provincial mean, 9 cities'; Chinese
    '全省均值（9个城市）' -> '全省均值，9个城市'), except a published Chinese term kept in
    brackets after an English word ('good (良好)')."""

    def clause(m: re.Match) -> str:
        inner = m[2]
        if m[1] == " (" and re.fullmatch(r"[\u4e00-\u9fff]+", inner):
            return m[0]
        return ("，" if m[1] == "（" else ", ") + inner

    return re.sub(r"( \(|（)([^()（）]*)[)）]", clause, label)


def secondary_note(frame: Any, among: Any = None, defined: bool = False) -> str:
    """The sentence naming the rows of ``frame`` (region, year) whose figure was found only in a
    secondary source, in the report's language; empty when there is none. Where the paragraph
    ``defined`` † already, the sentence only lists the points (the definition is said once)."""
    if frame is None or "source_id" not in frame or frame.empty:
        return ""
    marked = frame[grades.secondary_only(frame, among).to_numpy()]
    if marked.empty or not {"region", "year"} <= set(marked.columns):
        return ""
    names = regions.names(i18n.current())
    points = []
    order = {r["slug"]: i for i, r in enumerate(regions.table())}
    marked = marked.assign(order=marked["region"].map(order)).sort_values(["order", "year"])
    # A year with a better-graded figure beside the secondary one (another network) names the
    # secondary item by its network: 'Jilin 2023 (provincial mean)'.
    beside = frame[~grades.secondary_only(frame, among).to_numpy()]
    for region, rows in marked.groupby("region", sort=False):
        said = [_point(r, beside) for r in rows.itertuples()]
        years = _join(list(dict.fromkeys(said)), _("{list}, {item}"))
        points.append(
            _("{region} {years}").format(region=esc(names.get(region, region)), years=years)
        )
    said = (
        _("Marked † in the chart: {points}.")
        if defined
        else _("† Secondary source only: {points}.")
    )
    return said.format(points=_join(points, _("{list}; {item}")))


def _point(row: Any, beside: Any) -> str:
    """A secondary point's year, with its network where the same region and year has a
    better-graded figure too."""
    year = i18n.when(str(row.year))
    same = beside[(beside["region"] == row.region) & (beside["year"] == row.year)]
    if same.empty or not isinstance(getattr(row, "network", None), str):
        return year
    return _("{year} ({network})").format(year=year, network=flat(_(row.network)))


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
    among: Any = None,
    digits: int = 2,
    published: tuple[str, ...] = (),
) -> HTML | Markdown:
    """A plain HTML table of ``columns`` (name -> header), with an optional caption; every cell
    HTML-escaped; the ``code`` columns (identifiers: dataset and source ids) as code; the
    ``published`` ones (titles kept as published) marked with their language; numbers with
    ``digits`` decimals. A row whose figure was found only in a secondary source (``frame`` has
    ``source_id``; agreement is sought among ``among``, default the frame) is marked † in its
    first cell, with a legend."""
    if frame.empty:
        return Markdown("*" + (empty or _("No rows.")) + "*")
    shown = frame[list(columns)].copy()
    for name in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[name]):
            inert = _as_code if name in code else _published if name in published else _escaped
            shown[name] = shown[name].map(inert, na_action="ignore")
    marked = _secondary_rows(frame, among)
    if marked.any():
        first = shown.columns[0]
        shown[first] = [
            f"{v} {DAGGER}" if m else v for v, m in zip(shown[first], marked, strict=True)
        ]
    shown = shown.rename(columns={k: html.escape(v) for k, v in columns.items()})
    styled = html.escape(caption)
    legend = html.escape(_(_SECONDARY_LEGEND))
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
        + (f'<p class="nr-table-note">{legend}</p>' if marked.any() else "")
    )


def _secondary_rows(frame: Any, among: Any = None) -> Any:
    if "source_id" not in frame:
        return pd.Series(False, index=frame.index).to_numpy()
    return grades.secondary_only(frame, among).to_numpy()


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


# The sources appendix groups publications by the grade of the copy read (GRADES, best first).
_GRADE_HEADINGS = {
    "official": N_("Official publications (the publisher's own copy)"),
    "official-repost": N_(
        "Official texts and tables read in a repost (a mirror, a news report of the release or "
        "a third-party export)"
    ),
    "scholarly": N_("Scholarly datasets"),
    "secondary": N_(
        "Secondary sources (news, blogs, encyclopaedias, personal websites); a figure found "
        "only in one is marked † where it is shown"
    ),
}


def sources(ctx: Context) -> Markdown:
    """The closing appendix: one line per publication whose rows the report read, grouped
    by grade, in the report's language; then the run information (parameters, data snapshot,
    nereport version). The copies read, raw files and checksums are in the data dictionary;
    the display metadata carries the full record for the build engine.

    Below its heading the appendix is one HTML block (``nr-sources``: set small in print), so
    it has no blank line inside."""
    used = provenance.used()
    cited = [SOURCES[s] for s in provenance.cited()]
    intro = _(
        "Every figure in this report comes from the publications below, grouped by the "
        "grade of the copy its figures were read from. The copy read, the raw files and "
        "their checksums are in the data dictionary (`nereport describe`) and in the "
        "build's manifest (`manifest.json`)."
    )
    body = [f"<p>{_html(intro)}</p>"]
    seen: set[str] = set()  # publishers and releases named so far
    listed: set[tuple[str, str]] = set()  # publications listed under a better grade
    for grade in GRADES:
        entries = list(
            dict.fromkeys(
                _again_listed(s) if (s.publisher, s.title) in listed else citation(s, seen)
                for s in cited
                if s.grade == grade
            )
        )
        listed |= {(s.publisher, s.title) for s in cited if s.grade == grade}
        if entries:
            body.append(
                f'<p class="nr-sources-grade"><strong>{_html(_(_GRADE_HEADINGS[grade]))}</strong></p>'
            )
            body.append("<ul>" + "".join(f"<li>{e}</li>" for e in entries) + "</ul>")
    params = ", ".join(f"`{k}={v}`" for k, v in ctx.params.items())
    run = [
        _("Parameters: {params}").format(params=params),
        _("Data snapshot (sha256 of the raw files read): {digest}").format(
            digest=f"`{provenance.snapshot(used)[:16]}`"
        ),
        _("nereport version: {version}").format(version=__version__),
        _("Source revision (sha256 of the nereport library): {revision}").format(
            revision=f"`{library_revision()[:16]}`"
        ),
    ]
    run_text = _("{items}.").format(items=_join(run, _("{list}; {item}")))
    label = "<strong>" + _html(_("Run information")) + "</strong>"  # not in an f-string: Babel
    # extracts no message from inside one
    body.append("<p>" + _("{label}: {value}").format(label=label, value=_html(run_text)) + "</p>")
    text = "\n".join(
        ["## " + _("Sources and run information"), "", '<div class="nr-sources">', *body, "</div>"]
    )
    return _MarkdownWithMetadata(text, provenance.metadata(ctx.params, __version__))


def _again_listed(source: Source) -> str:
    """A publication listed above, under a better grade, of which some figures were read in a
    copy of this grade too: named short, not cited a second time in full."""
    zh = i18n.current() == "zh" and source.title_zh
    publisher = source.publisher_zh if zh else _ABBREVIATED.sub(r"\1", source.publisher)
    title = re.split(r"[（(：:]", source.title_zh)[0] if zh else source.title.split(",")[0]
    return _(
        "{publication}: listed above; some of its figures were read in a copy of this grade."
    ).format(
        publication=html.escape(
            f"{publisher}: {title}" if not zh else f"{publisher}：{title}", quote=False
        )
    )


def _html(text: str) -> str:
    """A message with `code spans`, as HTML."""
    parts = html.escape(text, quote=False).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


# A run of Latin words in Chinese text (an English title as published, a site's name).
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.,:/ -]*[A-Za-z0-9]")


def _english_marked(text: str) -> str:
    """Chinese text as HTML, each run of English words in it (three letters or more) marked
    lang="en": a screen reader reads it in English, and it is not counted as the report's
    Chinese."""
    out, last = [], 0
    for m in _LATIN_RUN.finditer(text):
        if len(re.findall(r"[A-Za-z]", m[0])) < 3:
            continue
        out += [html.escape(text[last : m.start()], quote=False)]
        out += [f'<span lang="en">{html.escape(m[0], quote=False)}</span>']
        last = m.end()
    return "".join([*out, html.escape(text[last:], quote=False)])


def _published(text: str) -> str:
    """Text kept as published, as HTML: marked English where the report is Chinese."""
    out = html.escape(text, quote=False)
    if i18n.current() == "zh" and any("a" <= c.lower() <= "z" for c in text):
        return f'<span lang="en">{out}</span>'
    return out


def citation(source: Source, cited: set[str] | None = None) -> str:
    """One publication as the report's language cites it (HTML): in Chinese by its original
    publisher and title (《…》), as a Chinese bibliography does; in English by its English
    rendering with the original title beside it (unless the rendering already quotes it), and
    its release. ``cited`` collects what the appendix printed before: a publisher named again
    is named by its abbreviation, a release given again by its first clause."""
    cited = set() if cited is None else cited
    if i18n.current() == "zh" and source.title_zh:
        return _("{publisher}: {title}.").format(
            publisher=_english_marked(source.publisher_zh), title=_english_marked(source.title_zh)
        )
    if i18n.current() == "zh":  # a publication in English only
        return _("{publisher}: {title}.").format(
            publisher=_published(source.publisher), title=_published(source.title)
        )
    title = _published(source.title)
    if source.title_zh and _original(source.title_zh) not in source.title:
        title += ' (<span lang="zh-CN">' + html.escape(source.title_zh, quote=False) + "</span>)"
    return _("{publisher}: {title}. Release: {release}.").format(
        publisher=_published(_again(source.publisher, cited, _ABBREVIATED)),
        title=title,
        release=_published(_again(source.release_label, cited, _FIRST_CLAUSE)),
    )


# A publisher's abbreviation, "… (NBS)", "… (MEP; MEE since 2018)"; a release's first clause.
_ABBREVIATED = re.compile(r"^[^()]+ \(([A-Z]{2,6})(?:;[^()]*)?\)$")
_FIRST_CLAUSE = re.compile(r"^([^(;:,]+?)\s*[(;:,]")


def _again(text: str, cited: set[str], short: re.Pattern[str]) -> str:
    """``text`` in full the first time, shortened by ``short`` (its first group) after."""
    if text in cited and (m := short.match(text)):
        return m[1]
    cited.add(text)
    return text


def _original(title_zh: str) -> str:
    """The original title a Chinese citation quotes (in 《》), or its first phrase."""
    m = re.search(r"《([^》]+)》", title_zh)
    return m[1] if m else re.split(r"[（：(]", title_zh)[0]


class _MarkdownWithMetadata(Markdown):
    def __init__(self, text: str, metadata: dict[str, Any]):
        super().__init__(text)
        self._nr_metadata = json.loads(json.dumps(metadata))

    def _repr_markdown_(self) -> tuple[str, dict[str, Any]]:
        return self.data, self._nr_metadata


_CODE = re.compile(r"`([^`]+)`")
_RELEASE_ID = re.compile(
    "|".join(
        rf"(?<![A-Za-z0-9_-]){re.escape(r)}(?![A-Za-z0-9_-])"
        for r in sorted(releases.NAMES, key=len, reverse=True)
        if any(c.isdigit() for c in r)
    )
)
_DATASET_ID = re.compile(r"(?<![A-Za-z0-9_])(?:economy|environment|policy|geo)_[a-z0-9_]+")


def for_reader(text: str) -> str:
    """A declaration's text (in the report's language) as a reader sees it: release ids in
    words, dataset ids by their titles, no code spans. "only in `nbs-2025-03`" reads "only in
    NBS national portal, early 2025, …"; "in economy_growth_rates", "in “Growth rates …”"."""
    text = _CODE.sub(
        lambda m: releases.name(m.group(1)) if m.group(1) in releases.NAMES else m.group(1), text
    )
    # Bare release ids too, those no English word could be: those with a digit in them.
    text = _RELEASE_ID.sub(lambda m: releases.name(m.group(0)), text)

    def title(m: re.Match[str]) -> str:
        name = m.group(0)
        return _("“{title}”").format(title=_(dataset(name).title)) if name in registry() else name

    return _DATASET_ID.sub(title, text)


def missing(ctx: Context, names: list[str]) -> Markdown:
    """What the data lacks, from the dataset declarations, said plainly."""
    lines = []
    for name in names:
        ds = dataset(name)
        if ds.gaps:
            gaps = esc(for_reader(_(ds.gaps)))
            note = _("**{title}:** {gaps}").format(title=esc(_(ds.title)), gaps=gaps)
            lines.append(f"- {note}")
    return Markdown("\n".join(lines))


__all__ = [
    "DAGGER",
    "Context",
    "Figure",
    "citation",
    "esc",
    "for_reader",
    "label",
    "md",
    "missing",
    "number",
    "secondary_note",
    "sources",
    "start",
    "table",
]
