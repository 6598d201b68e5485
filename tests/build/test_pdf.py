"""The PDF printer: Chromium over its DevTools pipe; its time stamps become
SOURCE_DATE_EPOCH, same length."""

from __future__ import annotations

import os
import subprocess

import pytest

from nereport.build.pdf import Printer, fixed_dates

PDF = (
    b"%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n"
    b"/CreationDate (D:20261126142423+00'00')\n/ModDate (D:20261126142450+08'00')>>\nendobj\n"
)


def test_dates_become_the_epoch_and_keep_their_length(monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fixed = fixed_dates(PDF)
    assert len(fixed) == len(PDF)
    assert b"/CreationDate (D:19700101000000+00'00')" in fixed
    assert b"/ModDate (D:19700101000000+00'00')" in fixed
    assert b"Skia/PDF m156" in fixed


@pytest.mark.parametrize(("epoch", "stamp"), [("1700000000", b"20231114221320")])
def test_source_date_epoch_is_honoured(monkeypatch, epoch: str, stamp: bytes) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    fixed = fixed_dates(PDF)
    assert fixed.count(b"(D:" + stamp + b"+00'00')") == 2 and len(fixed) == len(PDF)


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
    assert "CreationDate:    Thu Jan  1 00:00:00 1970 UTC" in info
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
