"""How to cite a built report: the "Cite this report" block at its end (in-text and full
citations; in Chinese reports a GB/T 7714-2015 reference), its BibTeX, CSL-JSON and RIS as
``data:`` links, and the ``citation_*`` meta tags of its HTML head.

A report instance is cited by what made it: the report and its parameters, the nereport
version, the data snapshot (:func:`snapshot`, a hash of the provenance record the manifest
keeps) and a date that is not the wall clock (:func:`citation_date`, the PDFs' date), so that
two builds of the same inputs stay byte-identical. Everything here is a pure function of those.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from nereport._version import __version__
from nereport.data.provenance import snapshot
from nereport.i18n import HTML_LANG, N_, translate

__all__ = [
    "AUTHOR",
    "DOI",
    "Person",
    "ReportCitation",
    "add_to_page",
    "add_twin_links",
    "citation_date",
    "gbt7714",
    "gbt7714_names",
    "pdf_name",
    "report_citation",
    "snapshot",
]

#: The report's author, as CITATION.cff names the project's (an organisation, not a person).
AUTHOR = N_("The nereport authors")

#: The project's concept DOI, once a release is archived (docs/citing.md); none yet.
DOI: str | None = None

#: Characters of the data snapshot shown to readers (the full hash is in the BibTeX note).
SHOWN = 16

_CHARSET = '<meta charset="utf-8" />'
_MAIN_END = "</main>"


def citation_date() -> date:
    """The date a report is cited with: the date its PDF carries (``SOURCE_DATE_EPOCH`` when
    set, else the first day of the month in which its newest figures were read), never the
    wall clock."""
    from nereport.build.pdf import source_date_epoch

    return datetime.fromtimestamp(source_date_epoch(), UTC).date()


# -- GB/T 7714-2015 -------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A person's name in its parts. GB/T 7714-2015 §8.1.1 writes a Western name as the family
    name in capitals and the initials of the given names without full stops ('EINSTEIN A');
    a Chinese name in pinyin keeps its given name whole ('LI Jiangning')."""

    family: str
    given: str = ""
    initials: bool = True

    def gbt(self) -> str:
        if not self.given:
            return self.family.upper()
        if not self.initials:
            return f"{self.family.upper()} {self.given}"
        parts = self.given.replace(".", " ").replace("-", " ").split()
        return f"{self.family.upper()} {' '.join(p[0].upper() for p in parts)}"


Author = Person | str  # a str is an organisation or a name written in Chinese characters


def gbt7714_names(authors: Sequence[Author], lang: str) -> str:
    """The responsible persons of a GB/T 7714-2015 reference (§8.1.2): up to three all
    written, more than three the first three then ', 等' (a Chinese work) or ', et al.'."""
    names = [a.gbt() if isinstance(a, Person) else a for a in authors]
    if len(names) <= 3:
        return ", ".join(names)
    more = "等" if lang == "zh" else "et al."
    return ", ".join([*names[:3], more])


def gbt7714(
    authors: Sequence[Author],
    title: str,
    kind: str,
    *,
    lang: str,
    other_title: str = "",
    edition: str = "",
    place: str = "",
    publisher: str = "",
    year: int | str = "",
    updated: str = "",
    cited: str = "",
    url: str = "",
    doi: str = "",
) -> str:
    """One reference in GB/T 7714-2015's form for a monograph or an electronic resource (§4.1,
    §4.8): ``主要责任者. 题名: 其他题名信息[文献类型标志/载体标志]. 版本项. 出版地: 出版者,
    出版年(更新或修改日期)[引用日期]. 获取和访问路径. DOI: ...``, in the half-width
    punctuation of the standard's appendix A. ``kind`` is the type code ('M', 'R', 'EB/OL',
    'R/OL', ...). Parts not given are left out."""
    head = gbt7714_names(authors, lang)
    out = f"{head}. " if head else ""
    out += title + (f": {other_title}" if other_title else "") + f"[{kind}]. "
    if edition:
        out += f"{edition}. "
    publication = f"{place}: {publisher}" if place and publisher else place or publisher
    when = f"{year}" + (f"({updated})" if updated else "")
    if publication and when:
        out += f"{publication}, {when}"
    else:
        out += publication or when
    out += f"[{cited}]" if cited else ""
    out = out.rstrip() + "."
    if url:
        out += f" {url}."
    if doi:
        out += f" DOI: {doi}."
    return out


# -- a report's citation ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReportCitation:
    """What a built report is cited by."""

    topic: str
    params: dict[str, Any]
    title: str
    snapshot: str  # sha256 hex
    date: date
    version: str = __version__

    @property
    def lang(self) -> str:
        return self.params["lang"]

    @property
    def author(self) -> str:
        return translate(AUTHOR, self.lang)

    @property
    def key(self) -> str:
        """The BibTeX key and CSL id: 'nereport-economy-jilin-zh-0123abcd'."""
        return f"nereport-{self.topic}-{self.params['region']}-{self.lang}-{self.snapshot[:8]}"

    @property
    def file_stem(self) -> str:
        return f"{self.topic}-{self.params['region']}-{self.lang}"

    def params_text(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.params.items())

    def in_text(self) -> str:
        return translate("({author}, {year})", self.lang).format(
            author=self.author, year=self.date.year
        )

    def full(self) -> str:
        return translate(
            "{author} ({year}). {title} [report; {params}]. nereport {version}, data snapshot "
            "{snapshot}, {date}.",
            self.lang,
        ).format(
            author=self.author,
            year=self.date.year,
            title=self.title,
            params=self.params_text(),
            version=self.version,
            snapshot=self.snapshot[:SHOWN],
            date=self.date.isoformat(),
        )

    def note(self) -> str:
        return translate(
            "Parameters: {params}; nereport {version}; data snapshot (sha256): {snapshot}",
            self.lang,
        ).format(params=self.params_text(), version=self.version, snapshot=self.snapshot)

    def gbt7714(self) -> str:
        """The report as a GB/T 7714-2015 reference (a report, [R]). The run's parameters are
        no other title information (§4.1 '题名: 其他题名信息'): they follow the version and the
        data snapshot in the edition statement, so that the title stays the report's own."""
        edition = translate(
            "nereport {version}, data snapshot {snapshot}; parameters {params}", self.lang
        )
        return gbt7714(
            [self.author],
            self.title,
            "R",
            lang=self.lang,
            edition=edition.format(
                version=self.version, snapshot=self.snapshot[:SHOWN], params=self.params_text()
            ),
            year=self.date.year,
            updated=self.date.isoformat(),
            doi=DOI or "",
        )

    def bibtex(self) -> str:
        fields = {
            "author": "{" + _tex(self.author) + "}",  # an organisation: one name, kept whole
            "title": "{" + _tex(self.title) + "}",
            "type": "Report",
            "institution": "nereport",
            "year": str(self.date.year),
            "month": str(self.date.month),
            "date": self.date.isoformat(),
            "version": _tex(self.version),
            "language": "chinese" if self.lang == "zh" else "english",
            "note": _tex(self.note()),
        }
        if DOI:
            fields["doi"] = DOI
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        return f"@techreport{{{self.key},\n{body}\n}}\n"

    def csl(self) -> list[dict[str, Any]]:
        item: dict[str, Any] = {
            "id": self.key,
            "type": "report",
            "title": self.title,
            "author": [{"literal": self.author}],
            "issued": {"date-parts": [[self.date.year, self.date.month, self.date.day]]},
            "publisher": "nereport",
            "genre": translate("Report", self.lang),
            "version": self.version,
            "language": HTML_LANG[self.lang],
            "note": self.note(),
        }
        if DOI:
            item["DOI"] = DOI
        return [item]

    def csl_json(self) -> str:
        return json.dumps(self.csl(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def ris(self) -> str:
        d = self.date
        lines = [
            ("TY", "RPRT"),
            ("AU", self.author),
            ("TI", self.title),
            ("PY", str(d.year)),
            ("DA", f"{d.year:04d}/{d.month:02d}/{d.day:02d}/"),
            ("PB", "nereport"),
            ("ET", self.version),
            ("LA", HTML_LANG[self.lang]),
            ("N1", self.note()),
        ]
        if DOI:
            lines.append(("DO", DOI))
        lines.append(("ER", ""))
        # RIS: a two-letter tag, two spaces, a hyphen, a space; lines end in CR LF.
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)

    def meta_tags(self, pdf: str = "") -> str:
        """Google Scholar's ``citation_*`` tags (Highwire Press); ``pdf`` is the PDF's URL
        relative to the page."""
        tags = [
            ("citation_title", self.title),
            ("citation_author", self.author),
            ("citation_publication_date", self.date.strftime("%Y/%m/%d")),
            ("citation_technical_report_institution", "nereport"),
            ("citation_language", HTML_LANG[self.lang]),
        ]
        if pdf:
            tags.append(("citation_pdf_url", pdf))
        if DOI:
            tags.append(("citation_doi", DOI))
        return "".join(
            f'<meta name="{name}" content="{html.escape(value)}">\n' for name, value in tags
        )

    def block(self, downloads: bool) -> str:
        """The 'Cite this report' section; with ``downloads``, the BibTeX, CSL-JSON and RIS as
        ``data:`` links (the interactive page), else the BibTeX written out (the PDF)."""
        lang = self.lang
        # Looked up outside the f-strings, where the message extraction finds them.
        in_text = _h(translate("In the text", lang))
        full = _h(translate("Full reference", lang))
        heading = _h(translate("Cite this report", lang))
        download = _h(translate("Download the citation:", lang))

        def marked(text: str) -> str:
            # The parameters are identifiers, the same in every language; the snapshot a hash.
            params, short = html.escape(self.params_text()), self.snapshot[:SHOWN]
            text = html.escape(text).replace(params, f'<span lang="en">{params}</span>')
            return text.replace(short, f"<code>{short}</code>")

        rows = [
            f"<dt>{in_text}</dt><dd>{html.escape(self.in_text())}</dd>",
            f"<dt>{full}</dt><dd>{marked(self.full())}</dd>",
        ]
        if self.lang == "zh":
            rows.append(f"<dt>GB/T 7714-2015</dt><dd>{marked(self.gbt7714())}</dd>")
        parts = [
            '<section class="nr-cite" id="cite" aria-labelledby="nr-cite-title">',
            f'<h2 id="nr-cite-title">{heading}</h2>',
            '<dl class="nr-cite-list">',
            *rows,
            "</dl>",
        ]
        if downloads:
            files = [
                ("BibTeX", "bib", "application/x-bibtex", self.bibtex()),
                ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json", self.csl_json()),
                ("RIS", "ris", "application/x-research-info-systems", self.ris()),
            ]
            links = " · ".join(
                f'<a download="{self.file_stem}.{ext}" href="{_data_url(mime, text)}" '
                f'type="{mime}">{name}</a>'
                for name, ext, mime, text in files
            )
            parts.append(f'<p class="nr-cite-downloads">{download} {links}</p>')
        else:
            parts.append(f'<pre class="nr-cite-bibtex">{html.escape(self.bibtex())}</pre>')
        parts.append("</section>")
        return "\n".join(parts) + "\n"


def report_citation(
    topic: str, params: dict[str, Any], title: str, record: dict[str, Any]
) -> ReportCitation:
    """The citation of a report built with ``params`` from the data in ``record`` (its
    provenance record)."""
    return ReportCitation(topic, dict(params), title, snapshot(record), citation_date())


def add_to_page(page: str, citation: ReportCitation, *, downloads: bool, pdf: str = "") -> str:
    """``page`` with the citation's meta tags at the end of its head and its block at the end of
    its main content. Adds no script (the page's Content-Security-Policy stays as it is)."""
    # After the charset, the head's first element: the Vega bundle further down the head
    # holds "</head>" in its strings.
    head, marker, rest = page.partition(_CHARSET)
    if not marker:
        raise RuntimeError("the report page has no <meta charset> to put the citation after")
    body, end, tail = rest.rpartition(_MAIN_END)
    if not end:
        raise RuntimeError("the report page has no </main> to put the citation before")
    block = citation.block(downloads)
    return (
        head
        + marker
        + "\n"
        + citation.meta_tags(pdf)
        + _in_toc(body, citation)
        + block
        + end
        + tail
    )


def _in_toc(body: str, citation: ReportCitation) -> str:
    """The page's table of contents (nereport.build.export) with the cite block as its last
    entry; a page without one is left as it is."""
    before, nav, rest = body.partition('<nav class="nr-toc"')
    items, end, after = rest.partition("</ul>")
    if not nav or not end:
        return body
    title = html.escape(translate("Cite this report", citation.lang))
    return before + nav + items + f'<li><a href="#cite">{title}</a></li>\n' + end + after


# Each language's name for the other one's version, written in that language.
_TWIN_TEXT = {"en": "English version", "zh": "中文版"}


def add_twin_links(page: str, topic: str, params: dict[str, Any]) -> str:
    """``page`` with ``hreflang`` alternates in its head (itself and its twin, the same report
    in the other language, beside it) and a visible link to the twin under its title."""
    own, other = params["lang"], "zh" if params["lang"] == "en" else "en"
    twin = {**params, "lang": other}
    links = "".join(
        f'<link rel="alternate" hreflang="{HTML_LANG[lang]}" href="{html.escape(name)}">\n'
        for lang, name in sorted(
            {own: _html_name(topic, params), other: _html_name(topic, twin)}.items()
        )
    )
    head, marker, rest = page.partition(_CHARSET)
    if not marker:
        raise RuntimeError("the report page has no <meta charset> to put the alternates after")
    # The Vega bundle, in the head, may hold "</header>" in its strings: from the header on.
    before, start, after = rest.partition('<header class="nr-header">')
    header, end, body = after.partition("</header>")
    header = before + start + header
    if not start or not end:
        raise RuntimeError("the report page has no header to put the link to its twin under")
    tag = HTML_LANG[other]
    link = (
        f'\n<p class="nr-twin"><a href="{html.escape(_html_name(topic, twin))}" hreflang="{tag}" '
        f'lang="{tag}">{_TWIN_TEXT[other]}</a></p>'
    )
    return head + marker + "\n" + links + header + end + link + body


def _html_name(topic: str, params: dict[str, Any]) -> str:
    return pdf_name(topic, params).removesuffix(".pdf") + ".html"


def pdf_name(topic: str, params: dict[str, Any]) -> str:
    """The file name of the report's PDF, beside its HTML ('jilin.zh.pdf'), as the build
    names it (:class:`~nereport.build.matrix.Report`)."""
    from nereport.build.matrix import Report, output_name

    return output_name(Report(topic, dict(params)).id, "pdf").rpartition("/")[2]


def _h(text: str) -> str:
    return html.escape(text)


def _data_url(mime: str, text: str) -> str:
    return f"data:{mime};charset=utf-8;base64," + base64.b64encode(text.encode()).decode()


_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _tex(text: str) -> str:
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)
