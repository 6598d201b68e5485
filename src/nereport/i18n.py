"""Report languages: gettext catalogs and Babel's number and date formats.

Every text a reader sees is written in English in the code, marked ``_("...")`` (translated
where it is said) or ``N_("...")`` (a declaration, translated where it is shown), and
translated from ``locale/<locale>/LC_MESSAGES/nereport.po``. The catalogs are managed with
Babel (``make messages`` extracts the messages and updates them; ``make setup`` compiles them
to ``.mo``); ``tests/report/test_i18n.py`` fails on a message without a translation.

A report kernel builds one report, so the report's language is this module's current
language, set once by ``nereport.report.start``. Code outside a report (the index page) asks
for a language explicitly.
"""

from __future__ import annotations

import contextlib
import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from nereport.errors import NereportError, ParameterError

LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}
HTML_LANG = {"en": "en", "zh": "zh-CN"}  # BCP 47, for <html lang> and the PDF
_LOCALES = {"en": "en", "zh": "zh_CN"}  # Babel (CLDR) and catalog folder names
DOMAIN = "nereport"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current = "en"


def use(lang: str) -> None:
    """Make ``lang`` the language of everything translated from now on (one report)."""
    global _current
    check(lang)
    _current = lang


def current() -> str:
    return _current


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Make ``lang`` the current language inside a ``with`` block, then restore the one before
    (the build's worker exports reports in every language, one after the other)."""
    global _current
    check(lang)
    before, _current = _current, lang
    try:
        yield
    finally:
        _current = before


def check(lang: str) -> None:
    if lang not in LANGS:
        raise ParameterError(f"unknown language {lang!r} (allowed: {', '.join(LANGS)})")


def catalog_path(lang: str, suffix: str = ".mo") -> Path:
    return LOCALE_DIR / _LOCALES[lang] / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English is the source language: no catalog)."""
    check(lang)
    if lang == "en":
        return gettext.NullTranslations()
    mo, po = catalog_path(lang), catalog_path(lang, ".po")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        raise NereportError(
            f"{mo}: the {LANG_NAMES[lang]} catalog is not compiled or older than its .po; "
            "run `make setup` (it compiles the catalogs with pybabel)"
        )
    with mo.open("rb") as fh:
        return gettext.GNUTranslations(fh)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translation(_current).gettext(message) if message else message


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is declared; ``_`` translates it when shown."""
    return message


def translate(message: str, lang: str) -> str:
    """``message`` in ``lang`` (for code that is not inside one report)."""
    return translation(lang).gettext(message) if message else message


def locale(lang: str | None = None) -> str:
    """Babel's locale for ``lang`` (default: the current language)."""
    return _LOCALES[lang or _current]


def warm() -> None:
    """Load every language's catalog and Babel's locale data once (about 0.1 s): processes
    forked from this one (report kernels) then start with them."""
    for lang in LANGS:
        with contextlib.suppress(NereportError):  # a report in that language says so
            translation(lang)
        decimal(1.5, 1, lang)
        long_date(date(2016, 4, 26), lang)
        month(2016, 4, lang)


def round_half_away(value: float, digits: int = 1) -> Decimal:
    """``value`` rounded to ``digits`` decimals half away from zero, as statistical tables
    round (6.45 -> 6.5, -6.45 -> -6.5), not half to even as Python's round() and Babel do.
    The float is read as its shortest decimal form (``repr``), the figure a reader sees."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """``value`` with ``digits`` decimals and the language's grouping: '12,345.7'; Chinese
    without a thousands separator, as NBS communiqués and yearbooks print numbers: '12345.7'.
    Rounded half away from zero (see :func:`round_half_away`); the one place reports format
    numbers."""
    from babel.numbers import format_decimal

    grouping = "0" if (lang or _current) == "zh" else "#,##0"
    pattern = grouping + ("." + "0" * digits if digits else "")
    rounded = round_half_away(value, digits)
    return format_decimal(rounded, format=pattern, locale=locale(lang))


#: Units amounts are declared in (``Column.unit``): how many of the base unit one holds, and the
#: base unit (yuan, tonnes, persons).
AMOUNT_UNITS: dict[str, tuple[float, str]] = {
    "100 million yuan": (1e8, "yuan"),
    "10k t": (1e4, "t"),
    "Mt": (1e6, "t"),
    "10k persons": (1e4, "persons"),
}
#: The scales each language counts in, largest first: Chinese in 万, 亿 and 万亿 (4.54万亿元,
#: 2.78亿吨), English in thousands, millions and more.
_SCALES = {
    "zh": {
        "yuan": ((1e12, "万亿元"), (1e8, "亿元"), (1e4, "万元"), (1, "元")),
        "t": ((1e8, "亿吨"), (1e4, "万吨"), (1, "吨")),
        "persons": ((1e8, "亿人"), (1e4, "万人"), (1, "人")),
    },
    "en": {
        "yuan": (
            (1e12, "trillion yuan"),
            (1e9, "billion yuan"),
            (1e6, "million yuan"),
            (1, "yuan"),
        ),
        "t": ((1e6, "Mt"), (1e3, "thousand t"), (1, "t")),
        "persons": ((1e6, "million people"), (1e3, "thousand people"), (1, "people")),
    },
}


def amount(
    value: float,
    unit: str,
    significant: int = 3,
    lang: str | None = None,
    largest: float | None = None,
) -> str:
    """An amount given in ``unit`` (a key of ``AMOUNT_UNITS``), in the scale the language counts
    in, chosen per magnitude, with ``significant`` digits (never fewer than its whole part):
    45383.2 (100 million yuan) is '4.54万亿元' / '4.54 trillion yuan'; 130 (Mt) is '1.30亿吨' /
    '130 Mt'. Chinese numbers carry no thousands separator (as NBS prints them). With
    ``largest``, the scale is the one that amount takes, so that the figures of one sentence
    share their unit: 83 Mt beside 234 Mt is '0.83亿吨', not '8303万吨'."""
    lang = lang or _current
    factor, base = AMOUNT_UNITS[unit]
    whole = value * factor
    scales = _SCALES[lang][base]  # largest first
    if largest is not None:
        divisor, _label = scale(largest, unit, lang)
        scales = tuple(s for s in scales if s[0] == divisor * factor)
    # The largest scale the amount reaches once rounded (9999.96万吨 is 1.00亿吨).
    for n, (size, _label) in enumerate(scales):
        if n < len(scales) - 1 and abs(whole) < size * 0.999:
            continue
        mantissa = whole / size
        places = len(str(int(abs(mantissa)))) if abs(mantissa) >= 1 else 1
        digits = max(0, significant - places) if whole else 0
        if digits and abs(round(mantissa, digits)) >= 10**places:  # 9.996 rounds to 10.0
            digits -= 1
        if n == 0 or abs(round(mantissa, digits)) < scales[n - 1][0] / size:
            break
    label = scales[n][1]
    sep = "" if lang == "zh" else " "
    return f"{decimal(mantissa, digits, lang)}{sep}{label}"


def scale(largest: float, unit: str, lang: str | None = None) -> tuple[float, str]:
    """The scale an axis of amounts in ``unit`` (a key of ``AMOUNT_UNITS``) counts in, chosen by
    its ``largest`` value as :func:`amount` chooses it: what the values are divided by (a power
    of ten), and the scale's name. CO2 up to 200 Mt is (100, '亿吨') in Chinese, (1, 'Mt') in
    English."""
    factor, base = AMOUNT_UNITS[unit]
    scales = _SCALES[lang or _current][base]
    size, label = next(
        ((size, label) for size, label in scales if abs(largest) * factor >= size * 0.999),
        scales[-1],
    )
    return size / factor, label


def change(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A change in per cent as prose writes it: English with its sign ('+3.2 %', '−12.4 %');
    Chinese in words, as NBS communiqués do ('增长3.2%', '下降12.4%', '持平'). Tables and maps
    keep signed numbers. Rounded half away from zero, as every number of a report."""
    return _moved(value, digits, lang, ("增长", "下降", "%"), " %")


def points(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A change in percentage points as prose writes it: English with its sign ('+7.11
    points'), Chinese in words ('提高7.11个百分点', '降低0.50个百分点', '持平'), as
    :func:`change` writes a change in per cent."""
    return _moved(value, digits, lang, ("提高", "降低", "个百分点"), " points")


def _moved(value: float, digits: int, lang: str | None, zh: tuple[str, str, str], unit: str) -> str:
    """A signed change: in Chinese words (``zh``: up, down, unit; 持平 when it rounds to 0),
    in English a sign and ``unit``."""
    rounded = round_half_away(value, digits)
    text = decimal(abs(float(rounded)), digits, lang)
    if (lang or _current) == "zh":
        up, down, zh_unit = zh
        return "持平" if rounded == 0 else (up if rounded > 0 else down) + text + zh_unit
    return ("+" if rounded >= 0 else "−") + text + unit


def ordinal(number: int, lang: str | None = None) -> str:
    """The number of an ordinal in a fixed name, as the language writes it: English '9', Chinese
    '九' (第九次全国森林资源清查: GB/T 15835-2011 wants Chinese numerals in fixed names). 1-99."""
    if (lang or _current) != "zh" or not 0 < number < 100:
        return str(number)
    digits = "零一二三四五六七八九"
    tens, ones = divmod(number, 10)
    head = ("" if tens == 1 else digits[tens]) + "十" if tens else ""
    return head + (digits[ones] if ones else "")


def long_date(value: date, lang: str | None = None) -> str:
    """A date as the language writes it: 'April 26, 2016', '2016年4月26日'."""
    from babel.dates import format_date

    return format_date(value, format="long", locale=locale(lang))


def month(year: int, month: int, lang: str | None = None) -> str:
    """A month: 'April 2016', '2016年4月'."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", date(year, month, 1), locale=locale(lang))


def when(text: str, lang: str | None = None) -> str:
    """A date as the sources give it ('2016-04-26', '2003-10', '2003', 'c.2003-2004'), as the
    language writes it: English keeps the sources' ISO form; Chinese '2016年4月26日',
    '2003年10月', '约2003—2004年'. Text that is no such date is returned as it is."""
    import re

    if (lang or _current) == "en":
        return text
    approx = text.startswith("c.")
    rest = text[2:] if approx else text
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", rest):
        out = long_date(date(*map(int, m.groups())), "zh")
    elif m := re.fullmatch(r"(\d{4})-(\d{2})", rest):
        out = month(int(m[1]), int(m[2]), "zh")
    elif m := re.fullmatch(r"(\d{4})(?:-(\d{4}))?", rest):
        out = f"{m[1]}—{m[2]}年" if m[2] else f"{m[1]}年"
    else:
        return text
    return "约" + out if approx else out


GLOSSARY = LOCALE_DIR / "glossary.csv"


@cache
def glossary() -> tuple[dict[str, str], ...]:
    """The Chinese terms of the reports (``locale/glossary.csv``): per row the English term, the
    Chinese one, what not to write instead (``avoid``, ``|``-separated) and where the Chinese term
    comes from. Translators read it; the tests check the catalog and the Chinese reports
    against it."""
    import csv

    with GLOSSARY.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def avoided(text: str) -> list[tuple[str, str]]:
    """The (avoided wording, glossary term) pairs found in Chinese ``text``."""
    return [
        (wrong, row["chinese"])
        for row in glossary()
        for wrong in row["avoid"].split("|")
        if wrong and wrong in text
    ]


# -- Babel extraction (make messages; tests/report/test_i18n.py) ------------------------------


def extract_notebook(fileobj, keywords, comment_tags, options):  # noqa: ANN001, ANN201
    """Babel extractor for report notebooks: the messages of their code cells, where a
    notebook's own prose is ``report.md("...")``."""
    import io
    import json

    from babel.messages.extract import extract_python

    for cell in json.load(fileobj)["cells"]:
        if cell["cell_type"] == "code":
            source = io.BytesIO("".join(cell["source"]).encode())
            for line, name, message, comments in extract_python(
                source, [*keywords, "md"], comment_tags, options
            ):
                yield line, "_" if name == "md" else name, message, comments


def extract_csv(fileobj, keywords, comment_tags, options):  # noqa: ANN001, ANN201, ARG001
    """Babel extractor for the text columns of a raw data file (option ``columns``): the
    English the publisher's content was summarised in, shown in the reports."""
    import csv
    import io

    columns = [c.strip() for c in options.get("columns", "").split(",") if c.strip()]
    rows = csv.DictReader(io.TextIOWrapper(fileobj, encoding="utf-8"))
    for number, row in enumerate(rows, start=2):
        for column in columns:
            if row.get(column):
                yield number, "", row[column], [f"data: {column}"]
