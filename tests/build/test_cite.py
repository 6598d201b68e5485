"""Citations of a report: GB/T 7714-2015 against the standard's own examples, BibTeX read by a
real parser, CSL-JSON against the CSL schema, well-formed RIS, the block and meta tags a page
gets (tests/citecheck.py checks the citation of built reports)."""

from __future__ import annotations

import base64
import html
import io
import json
import re
from datetime import date
from pathlib import Path

import bibtexparser
import jsonschema
import pikepdf
import pytest

from nereport.build.cite import (
    Person,
    ReportCitation,
    add_to_page,
    add_twin_links,
    gbt7714,
    gbt7714_names,
    pdf_name,
    snapshot,
)
from nereport.build.pdf import finished

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
PARAMS = {
    "region": "jilin",
    "start_year": 2000,
    "end_year": 2024,
    "comparison": "china",
    "lang": "zh",
}
RECORD = {"economy_gdp": {"nbs_portal_2025": {"file": "nbs/economy_gdp.csv", "sha256": "ab" * 32}}}


def _citation(lang: str = "zh", title: str = "吉林省：经济") -> ReportCitation:
    return ReportCitation(
        "economy", {**PARAMS, "lang": lang}, title, snapshot(RECORD), date(2025, 6, 1)
    )


# -- GB/T 7714-2015 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("authors", "lang", "expected"),
    [
        # §8.1.2: up to three responsible persons all written; more, the first three and 等.
        (["钱学森", "刘再复"], "zh", "钱学森, 刘再复"),
        (["李四光", "华罗庚", "钱三强"], "zh", "李四光, 华罗庚, 钱三强"),
        (["印森林", "吴胜和", "李俊飞", "冯文杰"], "zh", "印森林, 吴胜和, 李俊飞, 等"),
        (
            [
                Person("Fordham", "Evens W."),
                Person("Ali", "Amjad"),
                Person("Turner", "David A."),
                Person("Charters", "John R."),
            ],
            "en",
            "FORDHAM E W, ALI A, TURNER D A, et al.",
        ),
        # §8.1.1: Western names, family name in capitals, initials without full stops.
        ([Person("Einstein", "Albert")], "en", "EINSTEIN A"),
        ([Person("Williams-Ellis", "Amabel")], "en", "WILLIAMS-ELLIS A"),
        ([Person("De Morgan", "Augustus")], "en", "DE MORGAN A"),
        ([Person("Li", "Jiangning", initials=False)], "en", "LI Jiangning"),
    ],
)
def test_gbt7714_names_follow_the_standards_examples(authors, lang, expected) -> None:
    assert gbt7714_names(authors, lang) == expected


def test_a_chinese_reference_with_four_western_authors_says_et_al_only_in_english() -> None:
    four = ["甲", "乙", "丙", "丁"]
    assert gbt7714_names(four, "zh").endswith(", 等")
    assert gbt7714_names(four, "en").endswith(", et al.")
    assert "等" not in gbt7714_names(four[:3], "zh")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # Appendix A's examples (half-width punctuation, as the appendix writes them).
        (
            dict(
                authors=["王夫之"],
                title="宋论",
                kind="M",
                lang="zh",
                edition="刻本",
                place="金陵",
                publisher="曾氏",
                year=1845,
                updated="清同治四年",
            ),
            "王夫之. 宋论[M]. 刻本. 金陵: 曾氏, 1845(清同治四年).",
        ),
        (
            dict(
                authors=["World Health Organization"],
                title="Factors regulating the immune response",
                kind="R",
                lang="en",
                other_title="report of WHO Scientific Group",
                place="Geneva",
                publisher="WHO",
                year=1970,
            ),
            "World Health Organization. Factors regulating the immune response: report of WHO "
            "Scientific Group[R]. Geneva: WHO, 1970.",
        ),
        (
            dict(
                authors=["中国互联网络信息中心"],
                title="第29次中国互联网络发展现状统计报告",
                kind="R/OL",
                lang="zh",
                updated="2012-01-16",
                cited="2013-03-26",
                url="http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf",
            ),
            "中国互联网络信息中心. 第29次中国互联网络发展现状统计报告[R/OL]. "
            "(2012-01-16)[2013-03-26]. "
            "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf.",
        ),
        (
            dict(
                authors=["赵耀东"],
                title="新时代的工业工程师",
                kind="M/OL",
                lang="zh",
                place="台北",
                publisher="天下文化出版社",
                year=1998,
                cited="1998-09-26",
                url="http://www.ie.nthu.edu.tw/info/ie.newie.htm(Big5)",
            ),
            "赵耀东. 新时代的工业工程师[M/OL]. 台北: 天下文化出版社, 1998[1998-09-26]. "
            "http://www.ie.nthu.edu.tw/info/ie.newie.htm(Big5).",
        ),
    ],
)
def test_gbt7714_references_follow_the_standards_examples(kwargs, expected) -> None:
    kwargs = dict(kwargs)
    assert gbt7714(kwargs.pop("authors"), kwargs.pop("title"), kwargs.pop("kind"), **kwargs) == (
        expected
    )


# -- a report's citation --------------------------------------------------------------------


def test_snapshot_is_the_record_and_only_the_record() -> None:
    reordered = json.loads(json.dumps(RECORD))
    assert snapshot(reordered) == snapshot(RECORD)
    changed = {"economy_gdp": {"nbs_portal_2025": {**RECORD["economy_gdp"]["nbs_portal_2025"]}}}
    changed["economy_gdp"]["nbs_portal_2025"]["sha256"] = "cd" * 32
    assert snapshot(changed) != snapshot(RECORD)
    assert re.fullmatch(r"[0-9a-f]{64}", snapshot(RECORD))


def test_citations_name_report_parameters_version_snapshot_and_date() -> None:
    en = _citation("en", "Economy: Jilin")
    short = snapshot(RECORD)[:16]
    assert en.in_text() == "(The nereport authors, 2025)"
    assert en.full() == (
        "The nereport authors (2025). Economy: Jilin [report; region=jilin, start_year=2000, "
        f"end_year=2024, comparison=china, lang=en]. nereport 0.1.0, data snapshot {short}, "
        "2025-06-01."
    )
    zh = _citation()
    params = "region=jilin, start_year=2000, end_year=2024, comparison=china, lang=zh"
    assert zh.in_text() == "（nereport 项目组，2025）"
    # The title is the report's own; the parameters follow it, in Chinese.
    assert zh.full() == (
        f"nereport 项目组（2025）。《吉林省：经济》［报告］。参数：{params}。nereport 0.1.0，"
        f"数据快照 {short}，2025-06-01。"
    )
    # GB/T 7714: no parameters as "other title information" beside the title's own colon.
    assert zh.gbt7714() == (
        f"nereport 项目组. 吉林省：经济[R]. nereport 0.1.0, 数据快照 {short}; 参数 {params}. "
        "2025(2025-06-01)."
    )
    assert zh.note() == f"参数：{params}；nereport 0.1.0；数据快照（sha256）：{snapshot(RECORD)}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bibtex_parses_with_a_real_parser(lang: str) -> None:
    cite = _citation(lang, "Economy: Jilin & more_50%" if lang == "en" else "吉林省：经济")
    library = bibtexparser.parse_string(cite.bibtex())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport" and entry.key == cite.key
    fields = {f.key: f.value for f in entry.fields}
    assert fields["year"] == "2025" and fields["institution"] == "nereport"
    assert snapshot(RECORD) in fields["note"]
    assert fields["title"].startswith("{") and fields["author"] == "{" + cite.author + "}"
    if lang == "en":
        assert r"\& more\_50\%" in fields["title"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csl_json_is_valid_against_the_csl_schema(lang: str) -> None:
    schema = json.loads((SCHEMAS / "csl-data.schema.json").read_text(encoding="utf-8"))
    items = json.loads(_citation(lang).csl_json())
    jsonschema.validate(items, schema)
    (item,) = items
    assert {"id", "type", "title", "author", "issued"} <= set(item)
    assert item["issued"] == {"date-parts": [[2025, 6, 1]]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**item, "type": "not-a-type"}], schema)


def test_ris_lines_are_well_formed() -> None:
    text = _citation().ris()
    lines = text.split("\r\n")
    assert lines[-1] == "" and text.endswith("ER  - \r\n")
    assert lines[0] == "TY  - RPRT"
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])
    assert "PY  - 2025" in lines and "DA  - 2025/06/01/" in lines


PAGE = (
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8" />\n<title>t</title>\n'
    "<script>const s = '<head></head>';</script></head><body><main><p>Text</p>\n</main>\n"
    "</body></html>"
)


def test_add_to_page_puts_tags_in_the_head_and_the_block_last_without_a_script() -> None:
    cite = _citation()
    page = add_to_page(PAGE, cite, downloads=True, pdf="jilin.zh.pdf")
    head, _, body = page.partition("<script>")
    assert '<meta name="citation_title" content="吉林省：经济">' in head
    assert '<meta name="citation_pdf_url" content="jilin.zh.pdf">' in head
    assert '<meta name="citation_publication_date" content="2025/06/01">' in head
    assert page.count("<script>") == PAGE.count("<script>")
    assert body.index("<p>Text</p>") < body.index('id="cite"') < body.index("</main>")
    assert "引用本报告" in body and "GB/T 7714-2015" in body
    links = dict(
        re.findall(r'download="[^"]+\.(\w+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', page)
    )
    assert base64.b64decode(links["bib"]).decode() == cite.bibtex()
    assert json.loads(base64.b64decode(links["json"])) == cite.csl()
    assert base64.b64decode(links["ris"]).decode() == cite.ris()
    static = add_to_page(PAGE, cite, downloads=False)
    assert "data:" not in static and html.escape(cite.bibtex()) in static
    assert "citation_pdf_url" not in static


def test_the_cite_block_ends_the_table_of_contents() -> None:
    toc = '<nav class="nr-toc" aria-label="目录">\n<ul>\n<li><a href="#a">A</a></li>\n</ul>\n</nav>'
    page = add_to_page(PAGE.replace("<main>", "<main>" + toc), _citation(), downloads=False)
    assert '<li><a href="#a">A</a></li>\n<li><a href="#cite">引用本报告</a></li>\n</ul>' in page
    assert add_to_page(PAGE, _citation(), downloads=False).count("#cite") == 0


def test_pdf_name_is_the_builds() -> None:
    assert pdf_name("economy", PARAMS) == "jilin.zh.pdf"
    assert pdf_name("economy", {**PARAMS, "start_year": 2003}) == (
        "jilin-2003-2024-vs-china.zh.pdf"
    )


def test_pdf_xmp_carries_title_author_and_the_reproducible_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748736000")  # 2025-06-01
    blank = io.BytesIO()
    with pikepdf.new() as doc:
        doc.add_blank_page()
        doc.docinfo["/Title"] = "吉林省：经济"
        doc.save(blank)
    first = finished(blank.getvalue(), {"Author": "nereport"})
    assert first == finished(blank.getvalue(), {"Author": "nereport"})
    with pikepdf.open(io.BytesIO(first)) as doc:
        meta = doc.open_metadata()
        assert meta["dc:title"] == "吉林省：经济"
        assert meta["xmp:CreateDate"] == "2025-06-01T00:00:00Z"
        assert meta["xmp:MetadataDate"] == "2025-06-01T00:00:00Z"  # not the wall clock


def test_a_page_links_to_its_twin_in_the_other_language() -> None:
    page = PAGE.replace("<main>", '<main><header class="nr-header"><h1>T</h1></header>')
    zh = add_twin_links(page, "economy", PARAMS)
    head = zh.partition("<script>")[0]
    assert '<link rel="alternate" hreflang="en" href="jilin.html">' in head
    assert '<link rel="alternate" hreflang="zh-CN" href="jilin.zh.html">' in head
    assert '</header>\n<p class="nr-twin"><a href="jilin.html" hreflang="en" lang="en">' in zh
    en = add_twin_links(page, "economy", {**PARAMS, "lang": "en", "start_year": 2003})
    assert 'href="jilin-2003-2024-vs-china.zh.html" hreflang="zh-CN" lang="zh-CN">中文版<' in en
    assert en.count("<script>") == page.count("<script>")
    with pytest.raises(RuntimeError):
        add_twin_links(PAGE, "economy", PARAMS)  # no header
