"""The index page and the failure page."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nereport.build.pages import failure_page, index_page


def test_index_lists_each_report_with_its_languages_side_by_side() -> None:
    params = {"end_year": 2024, "comparison": "china", "region": "jilin", "start_year": 2000}
    manifest = {
        "reports": {
            "economy/jilin": {
                "status": "ok",
                # read back from JSON in another order: shown in schema order
                "params": {**params, "lang": "en"},
                "outputs": {
                    "html": {"path": "economy/jilin.html"},
                    "pdf": {"path": "economy/jilin.pdf"},
                    "ipynb": {"path": "economy/jilin.ipynb"},
                },
            },
            "economy/jilin.zh": {
                "status": "ok",
                "params": {**params, "lang": "zh"},
                "outputs": {"html": {"path": "economy/jilin.zh.html"}},
            },
            "policy/<b>x</b>": {"status": "failed", "params": {"region": "jilin"}},
        }
    }
    page = index_page(manifest)
    body = page.split("<tbody>")[1]
    assert body.count("<tr ") == 2  # one row for both languages of economy/jilin
    assert "region=jilin, start_year=2000, end_year=2024, comparison=china" in page
    assert "Economy: Jilin" in page and "吉林省：经济" in page
    english, chinese = body.split("</tr>")[0].split('<td lang="')[1:3]
    assert english.startswith('en" data-lang="en">') and chinese.startswith(
        'zh-CN" data-lang="zh">'
    )
    assert (
        '<a href="economy/jilin.html">HTML<span class="sr-only"> Economy: Jilin</span></a>'
        in english
    )
    assert (
        '<a href="economy/jilin.zh.html">HTML<span class="sr-only"> 吉林省：经济</span></a>'
        in chinese
    )
    assert "最新" in chinese and ">ok<" in english
    assert "ipynb" not in page.split("<table>")[1]
    assert "policy/&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert '<span class="failed">failed</span>' in page


def test_a_failed_report_with_outputs_says_the_last_good_one_is_shown() -> None:
    entry = {"status": "failed", "params": {}, "outputs": {"html": {"path": "a.html"}}}
    assert "failed — last good version shown" in index_page({"reports": {"a": entry}})
    entry = {**entry, "params": {"lang": "zh"}}
    assert "失败——显示上次成功的版本" in index_page({"reports": {"a.zh": entry}})


def test_failure_page_shows_the_message_and_marks_the_failing_cell() -> None:
    cells = [
        new_code_cell("first_cell = 1"),
        new_code_cell("1 / 0"),
        new_code_cell("last_cell = 2"),
    ]
    cells[1].outputs = [
        new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])
    ]
    nb = new_notebook(cells=cells)
    page = failure_page(nbformat.from_dict(nb), "Economy: <Jilin>", "cell 1: ZeroDivisionError", 1)
    assert "Build failed: Economy: &lt;Jilin&gt;" in page
    assert "cell 1: ZeroDivisionError" in page
    marker = page.index("The cell below (cell 1) failed.")
    # The code is shown, and the marker stands just before the failing cell.
    division = page.index('<span class="o">/</span>')
    assert page.index("first_cell") < marker < division < page.index("last_cell")
    assert page.count("failed.</strong>") == 1


def test_index_lists_the_regions_of_a_topic_in_their_order() -> None:
    regions = ["heilongjiang", "inner-mongolia", "jilin", "liaoning", "northeast"]
    manifest = {
        "reports": {
            f"{topic}/{r}": {"status": "failed", "params": {"region": r}}
            for topic in ("policy", "economy")
            for r in regions
        }
    }
    page = index_page(manifest)
    ids = [
        f"{t}/{r}"
        for t in ("economy", "policy")
        for r in ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast")
    ]
    assert [page.index(f">{i}<") for i in ids] == sorted(page.index(f">{i}<") for i in ids)
    # The region filter too (it listed 黑龙江省 · 内蒙古自治区 · 吉林省 · 辽宁省, the slugs' order).
    radios = [page.index(f'id="f-region-{i.partition("/")[2]}"') for i in ids[:5]]
    assert radios == sorted(radios)


def test_the_failure_page_has_the_strict_policy_and_loads_nothing() -> None:
    import re

    cell = new_code_cell("1 / 0")
    cell.outputs = [new_output("error", ename="ZeroDivisionError", evalue="x", traceback=[])]
    page = failure_page(nbformat.from_dict(new_notebook(cells=[cell])), "T", "cell 0", 0)
    head = page.split("</head>")[0]
    meta = re.search(r"<meta[^>]*Content-Security-Policy[^>]*>", head)
    policy = meta and re.search(r'content="([^"]+)"', meta[0])
    assert policy and policy[1].startswith("default-src 'none';")
    assert "script-src" not in policy[1]
    # before anything that could load: the first element of <head> that refers to anything
    assert head.index("Content-Security-Policy") < min(
        (head.index(x) for x in ("<script", "<link") if x in head), default=len(head)
    )
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "require.js" not in page and "MathJax" not in page


def test_index_shows_a_thumbnail_per_report_and_filters_without_a_script() -> None:
    params = {"end_year": 2024, "comparison": "china", "start_year": 2000}
    out = {"html": {"path": "x.html"}}
    manifest = {
        "reports": {
            "economy/jilin": {
                "status": "ok",
                "topic": "economy",
                "params": {**params, "region": "jilin", "lang": "en"},
                "outputs": {**out, "svg": {"path": "economy/jilin.svg"}},
            },
            "economy/jilin.zh": {
                "status": "ok",
                "topic": "economy",
                "params": {**params, "region": "jilin", "lang": "zh"},
                "outputs": {**out, "svg": {"path": "economy/jilin.zh.svg"}},
            },
            "policy/liaoning": {
                "status": "ok",
                "topic": "policy",
                "params": {**params, "region": "liaoning", "lang": "en"},
                "outputs": out,
            },
        }
    }
    page = index_page(manifest)
    assert '<img src="economy/jilin.svg" alt="" loading="lazy">' in page  # the English one
    assert page.count("<img ") == 1 and "<script" not in page
    assert '<tr data-topic="policy" data-region="liaoning">' in page
    for radio in ("f-topic-economy", "f-topic-policy", "f-region-jilin", "f-lang-zh"):
        assert f'id="{radio}"' in page and f"#{radio}:checked" in page
    assert "img-src 'self' file:" in page
