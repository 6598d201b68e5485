"""The index page and the failure page."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nereport.build.pages import failure_page, index_page


def test_index_lists_reports_in_schema_order_escaped_with_status() -> None:
    manifest = {
        "reports": {
            "economy/jilin": {
                "status": "ok",
                # read back from JSON in another order: shown in schema order
                "params": {
                    "end_year": 2024,
                    "comparison": "china",
                    "region": "jilin",
                    "start_year": 2000,
                },
                "outputs": {
                    "html": {"path": "economy/jilin.html"},
                    "pdf": {"path": "economy/jilin.pdf"},
                    "ipynb": {"path": "economy/jilin.ipynb"},
                },
            },
            "policy/<b>x</b>": {"status": "failed", "params": {"region": "jilin"}},
        }
    }
    page = index_page(manifest)
    assert "region=jilin, start_year=2000, end_year=2024, comparison=china" in page
    assert '<a href="economy/jilin.html">HTML</a> <a href="economy/jilin.pdf">PDF</a>' in page
    assert "ipynb" not in page.split("<table>")[1]
    assert "policy/&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert '<td class="failed">failed</td>' in page


def test_a_failed_report_with_outputs_says_the_last_good_one_is_shown() -> None:
    entry = {"status": "failed", "params": {}, "outputs": {"html": {"path": "a.html"}}}
    assert "failed — last good version shown" in index_page({"reports": {"a": entry}})


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
