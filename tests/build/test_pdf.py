"""The PDF printer: Chromium over its DevTools pipe; tagged, outlined, reproducible PDFs."""

from __future__ import annotations

import base64
import calendar
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pikepdf

from nereport.build import export
from nereport.build.export import print_width
from nereport.build.pdf import Printer
from nereport.data.sources import newest_access

SVG = base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
    b'<path d="M0 20 L40 0" stroke="black"/></svg>'
).decode()
TAGGED = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A report</title>
</head><body><h1>A report</h1><h2>First section</h2><p>Text.</p>
<table><thead><tr><th>Year</th><th>Value</th></tr></thead>
<tbody><tr><td>2000</td><td>1.5</td></tr><tr><td>2001</td><td>2.5</td></tr></tbody></table>
<h2>Second section</h2>
<figure><img alt="Line chart: 1.5 in 2000, 2.5 in 2001" src="data:image/svg+xml;base64,{SVG}">
</figure></body></html>"""
INFO = {"Author": "nereport", "Subject": "A test", "Keywords": "a; b"}


def _stamp(epoch: int) -> str:
    return time.strftime("%a %b %e %H:%M:%S %Y UTC", time.gmtime(epoch))


def test_pdfs_are_tagged_outlined_described_and_reproducible(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    printer = Printer()
    try:
        first = printer.pdf(TAGGED, INFO)
        printer.pdf(TAGGED.replace("Text.", "Other text."))  # DOM node numbers run on
        again = printer.pdf(TAGGED, INFO)
    finally:
        printer.close()
    assert first == again
    info = _poppler("pdfinfo", first, tmp_path)
    assert "Tagged:          yes" in info and "Title:           A report" in info
    assert "Author:          nereport" in info and "Subject:         A test" in info
    # Not 1970: the month the data were read.
    month = calendar.timegm(newest_access().timetuple())
    assert f"CreationDate:    {_stamp(month)}" in info
    with pikepdf.open(io.BytesIO(first)) as doc:
        assert str(doc.Root.Lang) == "en"
        with doc.open_outline() as outline:
            titles = [item.title for item in outline.root]
            titles += [child.title for item in outline.root for child in item.children]
        assert {"First section", "Second section"} <= set(titles)
    assert b"/Alt (Line chart: 1.5 in 2000, 2.5 in 2001)" in first


def test_source_date_epoch_is_honoured(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    printer = Printer()
    try:
        pdf = printer.pdf(TAGGED, INFO)
    finally:
        printer.close()
    info = _poppler("pdfinfo", pdf, tmp_path)
    assert f"CreationDate:    {_stamp(1700000000)}" in info
    assert f"ModDate:         {_stamp(1700000000)}" in info


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<style>@page { size: A4; margin: 20mm }</style></head>
<body><h1>Jilin 吉林省</h1><p>First page</p>
<p style="break-before: page">Second page</p>
<img src="http://192.0.2.1/tracker.png" alt=""></body></html>"""


def _poppler(tool: str, pdf: bytes, tmp_path) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    args = [tool, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_printer_prints_pages_with_its_pipes_on_any_fd(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # Opened files push the pipes to Chromium above fd 9, where a POSIX sh cannot redirect.
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(12)]
    printer = Printer()
    try:
        first = printer.pdf(PAGE)
        assert all(fd > 9 for fd in printer.fds())
        second = printer.pdf(PAGE.replace("First", "Erste"))
    finally:
        printer.close()
        for fd in held:
            os.close(fd)
    info = _poppler("pdfinfo", first, tmp_path)
    assert "Pages:           2" in info and "(A4)" in info
    text = _poppler("pdftotext", first, tmp_path)
    assert all(part in text for part in ("Jilin", "吉林省", "First page", "Second page"))
    assert "Erste page" in _poppler("pdftotext", second, tmp_path)


def test_a_dead_chromium_is_replaced_for_the_next_page(tmp_path) -> None:
    printer = Printer()
    try:
        printer.pdf(PAGE)
        browser = printer._browser
        browser._process.kill()
        browser._process.wait()
        pdf = printer.pdf(PAGE)  # the dead browser is noticed, a new one prints
        assert printer._browser is not browser
    finally:
        printer.close()
    assert "Second page" in _poppler("pdftotext", pdf, tmp_path)


def test_closing_the_printer_ends_chromium() -> None:
    printer = Printer()
    printer.pdf(PAGE)
    process = printer._browser._process
    printer.close()
    assert process.poll() is not None


def test_a_pdf_does_not_depend_on_the_pages_printed_before_it() -> None:
    style = (
        '<style>body{font-family:"Liberation Sans",Arial,"WenQuanYi Micro Hei",'
        '"Noto Sans CJK SC",sans-serif}</style>'
    )
    earlier = f"<html><head>{style}</head><body><p>国发〔2003〕28号</p></body></html>"
    page = f"<html><head>{style}</head><body><p><b>Jilin (吉林省)</b></p></body></html>"
    fresh = Printer()
    try:
        alone = fresh.pdf(page)
    finally:
        fresh.close()
    used = Printer()
    try:
        used.pdf(earlier)
        after = used.pdf(page)
    finally:
        used.close()
    assert alone == after


def _chart(height: float, width: float = 600) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"><text x="10" '
        'y="50" font-family="Liberation Sans" font-weight="bold" font-size="11">2010–2020 吉林'
        "</text></svg>"
    )


def _chart_page(svg: str) -> str:
    # As the static report page shows a chart (templates/nereport_static).
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        f'<img alt="" style="width:{print_width(svg)}" '
        f'src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">'
        "</body></html>"
    )


def test_print_width_scales_charts_by_sixty_fourths_to_fit_the_column_and_85_mm() -> None:
    assert print_width(_chart(200)) == "600px"  # fits: its own size
    assert print_width(_chart(394)) == "487.5px"  # 85 mm is 321.3 px: 0.8154 down to 52/64
    assert print_width(_chart(394.2)) == "487.5px"
    wide = '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="861" height="300">'
    assert print_width(wide) == "672.65625px"  # the 680.3 px column: 0.7901 down to 50/64
    assert print_width("<svg viewBox='0 0 1 1'></svg>") == "auto"


def test_a_chart_prints_the_same_whatever_chart_was_printed_before_it() -> None:
    # economy/jilin.zh's PDF differed when economy/heilongjiang.zh had been printed before
    # it in the same Chromium (as on a Dask worker): a chart's bold text came out at 8.68
    # instead of 8.69, as charts scaled by nearly equal factors (here 0.7901 and 0.7898 to
    # fit the column) share Chromium's font cache entry. The print page's widths make the
    # two scales equal.
    fresh = Printer()
    try:
        alone = fresh.pdf(_chart_page(_chart(100, width=861.4)))
    finally:
        fresh.close()
    used = Printer()
    try:
        used.pdf(_chart_page(_chart(100, width=861)))
        after = used.pdf(_chart_page(_chart(100, width=861.4)))
    finally:
        used.close()
    assert alone == after


def test_an_interrupt_during_the_import_of_pikepdf_waits_for_it(tmp_path) -> None:
    # Ctrl-C inside the import of pikepdf's nanobind extension aborted the build ("Critical
    # nanobind error"), with no clean-up. Here the interrupt arrives as that extension is found.
    blank = tmp_path / "blank.pdf"
    with pikepdf.new() as doc:
        doc.add_blank_page()
        doc.save(blank)
    script = f"""
import signal, sys
from pathlib import Path

class Interrupts:
    def find_spec(self, name, path=None, target=None):
        if name == "pikepdf._core":
            signal.raise_signal(signal.SIGINT)

sys.meta_path.insert(0, Interrupts())
from nereport.build.pdf import finished
try:
    finished(Path({str(blank)!r}).read_bytes(), {{"Author": "x"}})
except KeyboardInterrupt:
    print("interrupted", "pikepdf._core" in sys.modules)
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["interrupted", "True"]  # delivered once the import was done


PRINT_CSS = (
    Path(export.__file__).parent / "templates" / "nereport_static" / "static" / "nereport_print.css"
)


def _section_page(paragraph: str) -> str:
    # A section as the static report prints it: its heading's cell, the cell of the paragraph
    # that opens it, the chart's cell; a block above fills most of the first page.
    cell = '<div class="jp-Cell"><div class="jp-OutputArea"><div class="jp-OutputArea-child">{}'
    cell += "</div></div></div>"
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="380"></svg>'
    chart = f'<div class="nr-chart-static">{svg}</div>'
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{PRINT_CSS.read_text()}'
        '</style></head><body><div style="height:160mm">Above.</div>'
        + cell.format('<div class="jp-RenderedMarkdown"><h2>Section</h2></div>')
        + cell.format(f'<div class="jp-RenderedMarkdown"><p>{paragraph}</p></div>')
        + cell.format(chart)
        + "</body></html>"
    )


def test_a_long_opening_paragraph_lets_its_chart_start_the_next_page(tmp_path) -> None:
    # Heading, opening paragraph and chart went whole to the next page: half a page empty
    # (economy/northeast, "GDP in every release"). The heading and the paragraph's first lines
    # stay on the page; the chart, whole, opens the next.
    long = " ".join(["NBS has revised provincial GDP several times."] * 12)
    printer = Printer()
    try:
        pdf = printer.pdf(_section_page(long))
        short = printer.pdf(_section_page("One line opens it."))
    finally:
        printer.close()
    first = _poppler_page(pdf, 1, tmp_path)
    assert "Section" in first and "NBS has revised" in first
    assert "Section" not in _poppler_page(pdf, 2, tmp_path)
    # A short opening paragraph goes with its heading to the chart's page: no heading and
    # a line stranded at the page's foot.
    assert "Section" not in _poppler_page(short, 1, tmp_path)
    assert "Section" in _poppler_page(short, 2, tmp_path)


def _poppler_page(pdf: bytes, number: int, tmp_path) -> str:
    path = tmp_path / "section.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
