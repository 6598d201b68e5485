"""The PDF printer: Chromium's time stamps become SOURCE_DATE_EPOCH, same length."""

from __future__ import annotations

import pytest

from nereport.pdf import fixed_dates

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
