"""The economy report's second pass: every release has a reader's name; ageing, China's regions
and the 31 provinces, and grain answered from one release each, with their gaps named."""

from __future__ import annotations

import json

import pytest

import nereport
from nereport import i18n, report
from nereport.data import releases
from nereport.report import economy, findings

RELEASE_DATASETS = (
    "economy_gdp",
    "economy_population",
    "economy_gdp_index",
    "economy_value_added",
    "economy_income",
    "economy_budget",
    "economy_provinces",
    "economy_grain_output",
)


def _release_ids() -> set[str]:
    ids = set()
    for name in RELEASE_DATASETS:
        frame = nereport.load(name)
        ids |= set(frame["release"].dropna())
    return ids


def test_every_release_of_the_economy_data_has_a_readers_name() -> None:
    missing = sorted(_release_ids() - set(releases.NAMES))
    assert not missing, f"release ids without a name in releases.NAMES: {missing}"


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize(
    "region", ["liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast"]
)
def test_no_raw_release_id_reaches_a_legend_or_caption(region: str, lang: str) -> None:
    ctx = report.start("economy", region=region, lang=lang)
    charts = [getattr(economy, n) for n in economy.__all__ if n.endswith(("_chart", "_map"))]
    try:
        said = []
        for chart in charts:
            figure = chart(ctx)
            said.append(figure.caption)
            if figure.chart is not None:
                said.append(json.dumps(figure.chart.to_dict(), ensure_ascii=False))
    finally:
        i18n.use("en")
    text = "\n".join(said)
    raw = {r for r in _release_ids() if f'"{r}"' in text or f"({r})" in text}
    # A series value equal to a raw id (legend entry) or an id in brackets (caption).
    assert not raw, f"raw release ids shown in {region}/{lang}: {raw}"


def test_a_single_first_release_point_is_not_called_a_change() -> None:
    # Heilongjiang's only drawable first-release population is 2021: the caption measures the
    # newest release drawn as a line (it once read "31.25 million in 2021 to 31.25 million in
    # 2021 (+0.0 %)").
    caption = economy.population_chart(report.start("economy", region="heilongjiang")).caption
    assert "in 2021 to" not in caption
    assert "in 2000 to" in caption


def test_every_population_sentence_follows_the_revised_series() -> None:
    # Inner Mongolia's official first releases 2021-2023 are drawn, but its sentence once took
    # them as "the newest release" (24.00 → 23.96 million, −0.2 %) where every other report
    # follows the NBS series revised after the 7th census.
    for region in ("northeast", "liaoning", "jilin", "heilongjiang", "inner-mongolia"):
        caption = economy.population_chart(report.start("economy", region=region)).caption
        assert "In the latest revised series (NBS, revised after the 7th census" in caption
        assert "in 2000 to" in caption and "in 2020 (" in caption
    inner = economy.population_chart(report.start("economy", region="inner-mongolia")).caption
    assert "**23.72** million in 2000 to **24.03** million in 2020 (+1.3 %)" in inner
    assert "in 2021 to" not in inner
    # 2022 is drawn (the communiqué's 2401.17); the data brief's copy (2401.2) agrees with it
    # and is not listed among the doubtful figures left out.
    assert "Inner Mongolia 2022" not in inner and "ACMR" not in inner
    drawn = economy.population(report.start("economy", region="inner-mongolia"))
    assert set(drawn.loc[drawn["year"] == 2022, "population_10k"]) == {2401.17}


def test_secondary_copies_are_left_out_as_secondary_not_only_as_doubtful() -> None:
    caption = economy.population_chart(report.start("economy", region="jilin")).caption
    assert "found only in a secondary copy" in caption
    assert "Jilin 2021 (first release): 23.75 million, secondary source" in caption


def test_ageing_states_the_shares_read_and_names_what_is_missing() -> None:
    liaoning = findings.ageing(report.start("economy", region="liaoning"))
    # Both censuses' shares read for Liaoning and China: the change is computed from them.
    assert "Liaoning 10.31 % → **17.42 %** (+7.11 points)" in liaoning
    assert "China 8.87 % → **13.50 %** (+4.63 points)" in liaoning
    # Inner Mongolia: no 2010 share, the change as printed (never made a 2010 level).
    inner = findings.ageing(report.start("economy", region="inner-mongolia"))
    assert "Inner Mongolia **13.05 %** (+5.49 points on 2010, as the census release" in inner
    jilin = findings.ageing(report.start("economy", region="jilin"))
    assert "Jilin **15.61 %** (2010 share and change not found)" in jilin
    assert findings.value("aged_65_share", "inner-mongolia", 2010) is None


def test_the_ageing_chart_draws_shares_only() -> None:
    figure = economy.ageing_chart(report.start("economy", region="inner-mongolia"))
    drawn = figure.chart.to_dict()["datasets"]
    rows = [row for rows in drawn.values() for row in rows]
    # The printed changes (+5.49, +4.63 ...) are never drawn as shares; Inner Mongolia has one
    # bar (2020): no 2010 share is made from the printed change.
    assert {row["value"] for row in rows} == {13.05, 8.87, 13.5}
    assert [r["series"] for r in rows if r["region_name"] == "Inner Mongolia"] == ["2020 census"]
    assert "†" in figure.caption  # every copy read is secondary


@pytest.mark.parametrize(
    ("region", "drawn"),
    [
        ("northeast", ["Liaoning", "Jilin", "Heilongjiang", "China"]),
        ("liaoning", ["Liaoning", "China"]),
        ("inner-mongolia", ["Inner Mongolia", "China"]),
    ],
)
def test_the_ageing_chart_draws_the_regions_its_text_covers(region: str, drawn: list) -> None:
    # The three provinces' report drew an Inner Mongolia bar (13.05) its text never named.
    figure = economy.ageing_chart(report.start("economy", region=region))
    rows = [row for rows in figure.chart.to_dict()["datasets"].values() for row in rows]
    assert list(dict.fromkeys(r["region_name"] for r in rows)) == drawn
    for name in drawn:
        assert name in figure.caption


def test_regions_and_ranks_reach_2024_within_the_2025_release() -> None:
    text = findings.provinces(report.start("economy", region="northeast"))
    # Ranks by GDP and the four regions' shares, both ends in the 2025/26 export (nbs-2025).
    assert "(2006 → 2019 → 2024; NBS portal 2025/26, after the 5th economic census" in text
    assert "Liaoning 10 → 15 → **16**" in text
    assert "Heilongjiang 15 → 25 → **25**" in text
    assert "Northeast 7.7 % → 5.1 % → **4.7 %**" in text
    # GDP per person is only in the c.2021 release: its ranks stay there, said apart.
    assert "NBS release of c.2021, which stops in 2019 (a separate release" in text
    assert "Heilongjiang 12 → **30**" in text
    assert "Northeast 8.5 % → **5.1 %**" in text
    assert findings.value("gdp_rank", "liaoning", 2024) == 16
    assert findings.value("macro_region_share", "northeast", "nbs-2025", 2024) == pytest.approx(
        4.734, abs=5e-4
    )


def test_macro_region_shares_never_mix_releases() -> None:
    for release, years in (("nbs-2021", (2000, 2019)), ("nbs-2025", (2006, 2024))):
        shares = findings.macro_share_frame(release)
        assert set(shares["release"]) == {release}
        assert (shares["year"].min(), shares["year"].max()) == years
        assert shares.groupby("year")["share_pct"].sum().round(6).eq(100).all()
        # Each share is the release's own provinces' sum over the release's own total.
        gdp = nereport.load("economy_provinces", indicator="gdp_nominal", release=release)
        year = years[1]
        rows = gdp[gdp["year"] == year]
        expected = 100 * rows.loc[rows["macro_region"] == "northeast", "value"].sum()
        expected /= rows["value"].sum()
        got = shares.set_index(["macro_region", "year"]).loc[("northeast", year), "share_pct"]
        assert got == pytest.approx(expected)


def test_regions_chart_draws_one_release_2006_to_2024() -> None:
    figure = economy.regions_chart(report.start("economy", region="liaoning"))
    drawn = figure.chart.to_dict()["datasets"].values()
    rows = [row for rows in drawn for row in rows if "share_pct" in row]
    assert len(rows) == 4 * 19  # four regions, 2006-2024, every point of the 2025/26 release
    later = findings.macro_share_frame("nbs-2025")
    assert sorted(r["share_pct"] for r in rows) == sorted(later["share_pct"])


@pytest.mark.parametrize(
    ("lang", "order"),
    [("en", ["East", "Centre", "West", "Northeast"]), ("zh", ["东部", "中部", "西部", "东北"])],
)
def test_the_four_regions_are_in_the_nbs_order(lang: str, order: list[str]) -> None:
    # The legend ran Centre, East, Northeast, West (the labels' alphabet).
    from nereport.report.describe import describe

    ctx = report.start("economy", region="northeast", lang=lang)
    try:
        spec = economy.regions_chart(ctx).chart.to_dict()
        text = describe(spec)
    finally:
        i18n.use("en")
    domain = next(
        layer["encoding"]["color"]["scale"]["domain"]
        for layer in spec.get("layer", [spec])
        if "color" in layer.get("encoding", {})
    )
    assert domain == order
    colon = ":" if lang == "en" else "："
    said = [text.index(f"{name}{colon}") for name in order]
    assert said == sorted(said)


def test_the_grain_chart_stands_its_bars_on_a_year_scale() -> None:
    # On a nominal axis 2003, 2010, 2015, 2022, 2023 were evenly spaced: the seven years between
    # the two releases did not show.
    spec = economy.grain_chart(report.start("economy", region="northeast")).chart.to_dict()
    assert spec["mark"]["type"] == "bar"  # bars: the releases are never joined by a line
    assert spec["encoding"]["x"]["field"] == "year"
    assert spec["encoding"]["x"]["type"] == "quantitative"
    rows = [row for rows in spec["datasets"].values() for row in rows]
    assert sorted(r["year"] for r in rows) == [2003, 2010, 2015, 2022, 2023]
    assert spec["encoding"]["color"]["field"] == "series"
    assert len({r["series"] for r in rows}) == 2


def test_grain_share_never_mixes_releases_and_keeps_copies_of_one_figure() -> None:
    ctx = report.start("economy", region="liaoning")
    frame = findings.grain_share_frame(ctx)
    # China's 2022 first release was read as 68652.8 (the announcement's table) and 68653 (its
    # text): one figure at two roundings, the more precise kept; 2021 and 2023 have one each.
    assert sorted(frame.loc[frame["release"] == "first-release", "year"]) == [2021, 2022, 2023]
    assert sorted(frame.loc[frame["release"] == "nbs-2021", "year"]) == [2003, 2010, 2015]
    share = findings.value("grain_share", "liaoning", "first-release", 2023)
    assert share == pytest.approx(100 * 2563.5 / 69541)
    assert findings.value("grain_share", "liaoning", "first-release", 2022) == pytest.approx(
        100 * 2484.5 / 68652.8
    )
    # The Northeast's share needs all three provinces in a release-year: Jilin has no 2021.
    northeast = findings.grain_share_frame(report.start("economy", region="northeast"))
    assert 2021 not in set(northeast["year"])
    first = northeast[northeast["release"] == "first-release"].set_index("year")["share_pct"]
    assert round(first[2022], 1) == 20.9
    heilongjiang = report.start("economy", region="heilongjiang")
    assert round(findings.value("grain_share", "heilongjiang", "first-release", 2022), 1) == 11.3
    assert 2022 in set(findings.grain_share_frame(heilongjiang)["year"])


@pytest.mark.parametrize(
    ("copies", "kept"),
    [
        ([(68652.8, "68652.8 万吨"), (68653.0, "68653 万吨")], 68652.8),
        ([(70650.0, "70650 万吨"), (70649.9, "70649.9 万吨")], 70649.9),
        ([(2500.5, "500.1 亿斤"), (2500.5, "2500.5 万吨")], 2500.5),
        ([(7763.0, "7763 万吨"), (7763.0, "7763 万吨")], 7763.0),
        # Copies that truly differ (past the rounding of the coarser one): no value.
        ([(68652.8, "68652.8 万吨"), (68654.0, "68654 万吨")], None),
        ([(68653.0, "68653 万吨"), (68652.0, "68652 万吨")], None),
    ],
)
def test_copies_of_a_grain_figure_are_one_value_only_where_their_roundings_agree(
    copies: list[tuple[float, str]], kept: float | None
) -> None:
    import pandas as pd

    frame = pd.DataFrame(copies, columns=["grain_10k_t", "printed"])
    assert findings.one_printed_value(frame) == kept


def test_what_is_missing_no_longer_claims_ageing_and_ranks_are_absent() -> None:
    text = economy.not_covered(report.start("economy", region="northeast")).data
    assert "census age-structure figures are not in the package" not in text
    assert "four provinces of the policy area and China only" not in text
    assert "stops in 2019" in text


def test_income_reaches_the_latest_first_release_of_province_and_nation() -> None:
    text = findings.income(report.start("economy", region="northeast"))
    # 2013-2019 from the main release, then the first releases of 2022 as a separate release.
    assert "Liaoning 114 → **104**" in text
    assert "Latest first releases, province and nation (a separate release)" in text
    assert "Heilongjiang **77** (2022)" in text
    inner = findings.income(report.start("economy", region="inner-mongolia"))
    assert "Inner Mongolia **97** (2023)" in inner
    # Only the communiqués' release: the ACMR brief's 2022 copy is another release.
    assert findings.value("income_relative_first", "inner-mongolia", 2022) is None


def test_fiscal_self_sufficiency_reaches_the_first_release_of_province_and_nation() -> None:
    text = findings.fiscal(report.start("economy", region="liaoning"))
    # Liaoning 2655.5 / 6002 and China's local governments 100124 / 210492 (MOF), 2020.
    assert "Liaoning **44 %** against China 48 % (2020)" in text
    # Liaoning 2021 revenue was read as 2764.7 and 2765.59: no ratio from conflicting copies.
    assert findings.value("fiscal_self_sufficiency_first", "liaoning", 2021) is None


def test_a_first_release_finding_marks_a_figure_found_only_in_a_secondary_copy() -> None:
    from nereport.data import grades
    from nereport.report import findings
    from nereport.report.context import DAGGER

    ctx = report.start("economy", region="liaoning")
    income = findings._first_income_sentence(ctx)
    rows = nereport.load(
        "economy_income", release="first-release", indicator=findings.INCOME, year=2022
    )
    liaoning = rows[rows["region"] == "liaoning"]
    assert grades.secondary_only(liaoning, rows).all()  # the case this test is about
    assert "(2022) †" in income and "Found only in a secondary source" in income
    fiscal = findings._first_fiscal_sentence(ctx)  # Liaoning 2020 and China: official copies
    assert "(2020)" in fiscal and DAGGER not in fiscal


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_missing_names_releases_and_datasets_in_words(lang: str) -> None:
    # It printed "(see note )", "release final-verification", "only in nbs-2025-03" and "in
    # economy_growth_rates": the declarations' ids and code spans, in both languages.
    from nereport.data import registry
    from nereport.report.context import missing

    with i18n.using(lang):
        ctx = report.start("economy", region="jilin", lang=lang)
        text = missing(ctx, sorted(registry())).data
    assert "`" not in text and "see note" not in text and "见`note`" not in text
    assert not [r for r in releases.NAMES if any(c.isdigit() for c in r) and r in text]
    assert not [n for n in registry() if "_" in n and n in text.replace("\\_", "_")]
    if lang == "en":
        assert "China 2024 is only in NBS national portal, early 2025" in text
        assert "are in “Growth rates" in text or "are in “" in text


def test_the_chinese_price_finding_names_the_nation_not_the_latter() -> None:
    # "名义地区生产总值增长448%，后者增长618%": 后者 had nothing to refer to.
    with i18n.using("zh"):
        text = findings.prices(report.start("economy", region="jilin", lang="zh"))
    assert "后者" not in text and "全国增长618%" in text
