"""Translations: every message has one, with the same placeholders; the catalogs are up to date
with the code, notebooks and policy data; the report language reaches names, numbers, dates."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from helpers import ROOT
from nereport import i18n
from nereport.report.params import resolve

FOREIGN = [lang for lang in i18n.LANGS if lang != "en"]
_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w*)\}(?!\})")


def _catalog(lang: str):
    with i18n.catalog_path(lang, ".po").open("rb") as fh:
        return read_po(fh)


def _extracted() -> dict[str, list[str]]:
    """msgid -> where it is used, as `make messages` extracts them."""
    cfg = ROOT / "src" / "nereport" / "locale" / "babel.cfg"
    with cfg.open() as fh:
        method_map, options_map = parse_mapping_cfg(fh, str(cfg))
    keywords = {"_": None, "N_": None, "translate": None}
    found: dict[str, list[str]] = {}
    for filename, _line, message, _comments, _ctx in extract_from_dir(
        ROOT, method_map, options_map, keywords=keywords
    ):
        found.setdefault(message, []).append(filename)
    return found


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[str]]:
    return _extracted()


def test_extraction_finds_the_reports_messages(extracted: dict[str, list[str]]) -> None:
    # Code, notebooks (report.md) and the policy data all contribute.
    places = {Path(f).suffix for files in extracted.values() for f in files}
    assert {".py", ".ipynb", ".csv"} <= places
    assert "## Growth" in extracted
    assert "Sources and run information" in extracted  # code


@pytest.mark.parametrize("lang", FOREIGN)
def test_every_message_is_translated(lang: str, extracted: dict[str, list[str]]) -> None:
    catalog = _catalog(lang)
    missing = sorted(m for m in extracted if not (catalog.get(m) and catalog.get(m).string))
    assert not missing, (
        f"{len(missing)} message(s) without a {lang} translation (run `make messages`, then "
        f"translate them in {i18n.catalog_path(lang, '.po')}):\n"
        + "\n".join(f"  {m!r} ({', '.join(sorted(set(extracted[m])))})" for m in missing[:40])
    )
    fuzzy = sorted(m.id for m in catalog if m.id and m.fuzzy)
    assert not fuzzy, f"fuzzy (unchecked) translations: {fuzzy[:20]}"


def test_no_message_hides_where_extraction_cannot_see_it(
    extracted: dict[str, list[str]],
) -> None:
    # Babel reads no message inside an f-string: `make messages` dropped 'Run information'
    # (written f"...{_('Run information')}...") from the catalog, and the Chinese reports
    # printed it in English.
    calls = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "N_"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                calls.add((node.args[0].value, path.name))
    unseen = sorted(f"{message!r} ({name})" for message, name in calls if message not in extracted)
    assert not unseen, "messages `make messages` cannot extract:\n" + "\n".join(unseen)


@pytest.mark.parametrize("lang", FOREIGN)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = [
        (m.id, m.string)
        for m in _catalog(lang)
        if m.id
        and m.string
        # the same ones: a translation may name one twice (全国 again, where English says
        # "against"), never drop one or bring its own
        and set(_PLACEHOLDER.findall(m.id)) != set(_PLACEHOLDER.findall(m.string))
    ]
    assert not wrong, "placeholders differ between message and translation:\n" + "\n".join(
        f"  {a!r}\n  -> {b!r}" for a, b in wrong[:20]
    )


@pytest.mark.parametrize("lang", FOREIGN)
def test_markup_survives_translation(lang: str) -> None:
    """A heading stays a heading, bold stays bold, code spans stay code spans."""
    wrong = []
    for m in _catalog(lang):
        if not (m.id and m.string):
            continue
        for mark in ("## ", "**", "`"):
            if m.id.count(mark) != m.string.count(mark):
                wrong.append((mark, m.id, m.string))
    assert not wrong, "\n".join(f"  {mark!r}: {a!r} -> {b!r}" for mark, a, b in wrong[:20])


@pytest.mark.parametrize("lang", FOREIGN)
def test_catalog_is_compiled_and_current(lang: str) -> None:
    mo, po = i18n.catalog_path(lang), i18n.catalog_path(lang, ".po")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime
    catalog = _catalog(lang)
    sample = next(m for m in catalog if m.id and m.string)
    assert i18n.translate(sample.id, lang) == sample.string


def test_a_stale_catalog_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locale = tmp_path / "zh_CN" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    (locale / "nereport.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translation.cache_clear()
    try:
        with pytest.raises(i18n.NereportError, match="make setup"):
            i18n.translation("zh")
    finally:
        i18n.translation.cache_clear()


def test_language_is_a_checked_parameter() -> None:
    assert resolve("economy", {})["lang"] == "en"
    assert resolve("economy", {"lang": "zh"})["lang"] == "zh"
    with pytest.raises(i18n.ParameterError, match="lang"):
        resolve("economy", {"lang": "fr"})


def test_numbers_and_dates_follow_the_language() -> None:
    from datetime import date

    assert i18n.long_date(date(2016, 4, 26), "zh") == "2016年4月26日"
    assert i18n.long_date(date(2016, 4, 26), "en") == "April 26, 2016"
    assert i18n.month(2016, 4, "zh") == "2016年4月"
    # Chinese statistics print no thousands separator (国内生产总值1260582亿元).
    assert i18n.decimal(12345.678, 1, "zh") == "12345.7"
    assert i18n.decimal(12345.678, 1, "en") == "12,345.7"


def test_start_sets_the_report_language() -> None:
    from nereport import report

    try:
        ctx = report.start("economy", region="jilin", lang="zh")
        assert "吉林" in ctx.name()
        assert i18n.current() == "zh"
        assert report.md("## Growth").data == i18n.translate("## Growth", "zh") != "## Growth"
        assert "吉林" in ctx.title().data and "Jilin" not in ctx.title().data
        assert "与全国比较" in ctx.title().data
    finally:
        ctx = report.start("economy", region="jilin")
    assert i18n.current() == "en"
    assert "Jilin" in ctx.title().data and "吉林省" in ctx.title().data


def test_amounts_take_the_scale_each_language_counts_in() -> None:
    # Chinese counts in 万, 亿 and 万亿 per magnitude, with no thousands separator.
    assert i18n.amount(45383.2, "100 million yuan", lang="zh") == "4.54万亿元"
    assert i18n.amount(45383.2, "100 million yuan", lang="en") == "4.54 trillion yuan"
    assert i18n.amount(130, "Mt", lang="zh") == "1.30亿吨"
    assert i18n.amount(278.4, "Mt", lang="zh") == "2.78亿吨"
    assert i18n.amount(130, "Mt", lang="en") == "130 Mt"
    assert i18n.amount(51.23, "Mt", lang="zh") == "5123万吨"  # never fewer than its whole part
    assert i18n.amount(600, "100 million yuan", 2, lang="zh") == "600亿元"
    assert i18n.amount(600, "100 million yuan", 2, lang="en") == "60 billion yuan"
    assert i18n.amount(9999.96, "10k t", lang="zh") == "1.00亿吨"  # rounded into the next scale
    assert i18n.amount(12.3, "10k t", lang="zh") == "12.3万吨"
    assert i18n.amount(0, "Mt", lang="zh") == "0吨"


def test_amounts_of_one_sentence_share_the_scale_of_the_largest() -> None:
    # Jilin's CO2 caption read '2000年为8303万吨，2019年为2.037亿吨': two units in one comparison.
    co2 = (83.03, 203.7, 234.4)
    assert [i18n.amount(v, "Mt", lang="zh", largest=234.4) for v in co2] == [
        "0.83亿吨",
        "2.04亿吨",
        "2.34亿吨",
    ]
    assert [i18n.amount(v, "Mt", lang="en", largest=234.4) for v in co2] == [
        "83.0 Mt",
        "204 Mt",
        "234 Mt",
    ]
    assert i18n.scale(234.4, "Mt", "zh") == (100, "亿吨")
    assert i18n.scale(92.2, "Mt", "zh") == (0.01, "万吨")  # below 1亿吨: 9220万吨


def test_changes_in_prose_are_worded_in_chinese() -> None:
    assert i18n.change(242.4, 0, "zh") == "增长242%"
    assert i18n.change(-12.44, 1, "zh") == "下降12.4%"
    assert i18n.change(0.01, 1, "zh") == "持平"
    assert i18n.change(-12.44, 1, "en") == "−12.4 %"
    assert i18n.change(3.2, 1, "en") == "+3.2 %"
    # Percentage points too: "（+7.11个百分点）" was printed in the ageing finding.
    assert i18n.points(7.105, 2, "zh") == "提高7.11个百分点"
    assert i18n.points(-0.5, 2, "zh") == "降低0.50个百分点"
    assert i18n.points(0.001, 2, "zh") == "持平"
    assert i18n.points(7.105, 2, "en") == "+7.11 points"
    assert i18n.points(-0.5, 1, "en") == "−0.5 points"


def test_chinese_prose_groups_no_digits() -> None:
    # NBS prints 10947万人 (shared/reviews/zh-review.md, R4) and so do i18n.decimal and the
    # charts; "61,146名常住人口" and "42,591,407人" were typed in translations. A figure quoted
    # as its source wrote it ("原文为4,600多万元") stays as written.
    grouped = [
        m.string
        for m in _catalog("zh")
        if m.id and re.search(r"\d,\d{3}(?!\d)", m.string) and "原文" not in m.string
    ]
    assert not grouped


def test_chinese_prose_says_no_went_from_to() -> None:
    # "该比重由9.25%（2000年）变为5.08%（2019年）" calques "went from … to …"; a fixed verb
    # (降至) would be wrong for a rise: "2000年为9.25%，2019年为5.08%" says it either way.
    assert not [m.string for m in _catalog("zh") if m.id and "变为" in m.string]


def test_the_sum_of_the_three_provinces_is_called_as_its_chart_calls_it() -> None:
    # economy/northeast.zh's fiscal finding said "东北地区48%→34%" beside a chart of 东北三省
    # (the glossary: 东北三省 is the sum of the three provinces, 东北地区 the policy region).
    said = i18n.translate("the Northeast {start_value} % → **{end_value} %**", "zh")
    assert said.startswith("东北三省")


def test_ordinals_in_fixed_names_are_chinese_numerals() -> None:
    assert i18n.ordinal(9, "zh") == "九"
    assert i18n.ordinal(10, "zh") == "十"
    assert i18n.ordinal(13, "zh") == "十三"
    assert i18n.ordinal(20, "zh") == "二十"
    assert i18n.ordinal(27, "zh") == "二十七"
    assert i18n.ordinal(9, "en") == "9"


def test_the_glossary_names_each_term_and_its_source() -> None:
    rows = i18n.glossary()
    assert len(rows) >= 30
    for row in rows:
        assert row["english"] and row["chinese"] and row["source"], row
    assert any(r["chinese"] == "全国" for r in rows)
    assert ("低于中国", "全国") in i18n.avoided("增速低于中国（年均9.0%）")
    assert i18n.avoided("增速低于全国（年均9.0%）") == []


@pytest.mark.parametrize("lang", FOREIGN)
def test_the_catalog_follows_the_glossary(lang: str) -> None:
    wrong = [(m.id, found) for m in _catalog(lang) if m.id and (found := i18n.avoided(m.string))]
    assert not wrong, "wording the glossary (locale/glossary.csv) replaces:\n" + "\n".join(
        f"  {msgid[:60]!r}: {found}" for msgid, found in wrong[:20]
    )
