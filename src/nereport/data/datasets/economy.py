"""Economy: GDP with its vintages, population, sector structure, employment; real growth,
per-capita GDP, value added, investment, income and budgets by release."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pandas as pd

from nereport.data.datasets._common import (
    NOTE,
    indicator_columns,
    join_notes,
    region_column,
    source_column,
    to_units,
    vintage_of,
    year_column,
)
from nereport.data.declarations import Column, Dataset
from nereport.data.sources import SOURCES
from nereport.i18n import N_

YUAN_100M = "100 million yuan"
PERSONS_10K = "10,000 persons"

GDP_SOURCES = ("nbs_portal_2025", "nbs_portal_2018", "cnki_csy_gdp", "csy2000_t3_8", "csy2006_t2_6")
POPULATION_SOURCES = (
    "nbs_population_census7",
    "nbs_population_pre2021",
    "cnki_csy_population",
    "cnki_compendium_population",
    "csy2006_t2_6",
    "csy2007_t2_7",
)
SECTOR_SOURCES = ("nbs_sectors_2002_2011", "csy2000_t14_4", "csy2006_t2_6")
EMPLOYMENT_SOURCES = (
    "nbs_portal_2025",
    "csy2006_t5_28",
    "csy2006_t2_6",
    "csy2007_t2_7",
    "mohrss_2017",
)


def _vintage_column(sources: tuple[str, ...]) -> Column:
    return Column(
        "vintage",
        "str",
        "Data vintage (release); never mix vintages in one series",
        allowed=tuple(dict.fromkeys(SOURCES[s].vintage for s in sources)),
    )


# The CNKI extraction stitches three releases into one file (DATA-SOURCES.md section 0): its
# values to 2009 are the original yearbook figures, 2010-2018 the figures revised after the 4th
# economic census (Liaoning 2010: 14,568.6 against 18,457.3 first published), and 2019 the
# first release (Liaoning 24,909.5). Each is its own release, so no line or growth rate joins
# them.
CNKI_RELEASES = ((2009, "cnki-to-2009"), (2018, "cnki-2010-2018"), (9999, "cnki-2019"))


def _release(vintage: str, year: int) -> str:
    if vintage != "cnki-mixed":
        return vintage
    return next(name for last, name in CNKI_RELEASES if year <= last)


def clean_economy_gdp(raw: pd.DataFrame) -> pd.DataFrame:
    gdp = to_units(raw, {"gdp_nominal": (YUAN_100M, {YUAN_100M: 1.0})})
    gdp = gdp.assign(vintage=vintage_of(gdp["source_id"]), gdp_cny_100m=gdp["value"])
    year = pd.to_numeric(gdp["year"], errors="coerce").fillna(0).astype(int)
    return gdp.assign(release=[_release(v, y) for v, y in zip(gdp["vintage"], year, strict=True)])


def clean_economy_population(raw: pd.DataFrame) -> pd.DataFrame:
    pop = to_units(raw, {"population_year_end": (PERSONS_10K, {PERSONS_10K: 1.0})})
    return pop.assign(vintage=vintage_of(pop["source_id"]), population_10k=pop["value"])


SECTORS = {  # raw indicator -> sector
    "va_primary": "primary",
    "va_secondary": "secondary",
    "va_tertiary": "tertiary",
    "va_industry": "industry",
    "va_construction": "construction",
    "va_real_estate": "real_estate",
    "va_financial": "financial",
}


def clean_economy_gdp_by_sector(raw: pd.DataFrame) -> pd.DataFrame:
    units = {ind: (YUAN_100M, {YUAN_100M: 1.0, "10,000 yuan": 1e-4}) for ind in SECTORS}
    units["gdp_nominal"] = (YUAN_100M, {YUAN_100M: 1.0})
    frame = to_units(raw, units)
    # Shares are derived here, against the GDP total published in the same source table;
    # where the table has no total (construction, 1995-1999) the share stays missing.
    totals = frame[frame["indicator"] == "gdp_nominal"].set_index(["source_id", "region", "year"])[
        "value"
    ]
    va = frame[frame["indicator"] != "gdp_nominal"].copy()
    keys = pd.MultiIndex.from_frame(va[["source_id", "region", "year"]])
    total = pd.to_numeric(totals.reindex(keys), errors="coerce").to_numpy()
    value = pd.to_numeric(va["value"], errors="coerce")
    return va.assign(
        sector=va["indicator"].map(SECTORS),
        value_added_cny_100m=va["value"],
        share_of_gdp_pct=(100 * value / total).round(4),
    )


EMPLOYMENT_UNITS = {
    "employment_urban_units": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "employment_private_and_individual": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "public_sector_professional_technical_staff": ("persons", {"persons": 1.0}),
    "registered_unemployed_urban": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "registered_unemployment_rate_urban": ("%", {"%": 1.0}),
    "employment_year_end": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "employment_urban": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "staff_and_workers": (PERSONS_10K, {PERSONS_10K: 1.0}),
}


def clean_economy_employment(raw: pd.DataFrame) -> pd.DataFrame:
    return to_units(raw, EMPLOYMENT_UNITS)


def percent_above_100(frame: pd.DataFrame) -> pd.Series:
    return (frame["unit"] == "%") & (frame["value"] > 100)


DATASETS = [
    Dataset(
        name="economy_gdp",
        title=N_("Gross regional product, every vintage"),
        description="Nominal gross regional product (current prices) of the provinces, the "
        "Northeast and China, in every vintage found. NBS revised provincial GDP after the 4th "
        "(2018) and 5th (2023) economic censuses and the vintages differ widely (compare Liaoning "
        "2013 across vintages), so each row names its vintage and a series must use one vintage only. Default "
        "vintage: `nbs-2025` (newest). `cnki-mixed` stitches three releases (original yearbook "
        "values to 2009, revised 2010-2018, 2019 as first published): the `release` column "
        "names them, and a series uses one release only. National GDP from one release with "
        "the provinces, for shares, is in economy_value_added.",
        sources=GDP_SOURCES,
        columns=(
            region_column(),
            year_column(),
            _vintage_column(GDP_SOURCES),
            Column(
                "release",
                "str",
                "Statistical release of the row: the vintage, except that the CNKI extraction "
                "(cnki-mixed) is split into the three releases it stitches together; a line or "
                "a growth rate stays within one release",
            ),
            Column(
                "gdp_cny_100m",
                "float",
                "Gross regional product, current prices",
                unit="100 million yuan",
                min=0,
            ),
            source_column(GDP_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "vintage"),
        processing="Values as published, in 100 million yuan; vintage taken from the source; "
        "`release` splits cnki-mixed at the years where its values change release (2010, 2019).",
        clean=clean_economy_gdp,
        default_vintage="nbs-2025",
        gaps=N_(
            "No national GDP after 2019 and none in the NBS 2018/2025 releases; no prefecture "
            "GDP for the five eastern Inner Mongolia prefectures; no real (constant-price) growth "
            "after 1999; no GDP per capita. The 2022 first-release figures seen only as constants in "
            "an unnamed code file are left out. Real growth, GDP per capita and national GDP to 2024 "
            "(other releases) are in economy_gdp_index, economy_gdp_per_capita and "
            "economy_value_added."
        ),
    ),
    Dataset(
        name="economy_population",
        title=N_("Year-end population, every vintage"),
        description="Year-end resident population. The 7th census (2020) led NBS to revise "
        "2011-2019 (Heilongjiang 2013: 3835 before, 3666 after), so each row names its vintage. "
        "Default vintage: `nbs-census7`.",
        sources=POPULATION_SOURCES,
        columns=(
            region_column(),
            year_column(),
            _vintage_column(POPULATION_SOURCES),
            Column("population_10k", "float", "Year-end population", unit="10,000 persons", min=0),
            source_column(POPULATION_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "vintage"),
        processing="Values as published. The csy-annual Heilongjiang 2013 value (3535, likely a "
        "transcription error for 3835) is kept and flagged in `note`, not corrected.",
        clean=clean_economy_population,
        default_vintage="nbs-census7",
        gaps=N_(
            "National population after 2019 and provincial population after 2020 were not in "
            "the files read; nothing for the Inner Mongolia prefectures."
        ),
    ),
    Dataset(
        name="economy_gdp_by_sector",
        title=N_("Value added by sector, with shares of GDP"),
        description="Value added of the primary, secondary and tertiary sectors (and industry, "
        "construction, real estate and finance) by province, 2002-2011, and for the Northeast in "
        "2005; construction 1995-1999. Shares are computed against the GDP total of the same "
        "source table. These are the yearbook values as first published (`csy-original`); "
        "economy_value_added holds the same sectors as revised after the 4th economic census "
        "(`nbs-2021`), whose levels and shares differ (Liaoning 2011 secondary sector: 54.67 % of "
        "GDP here, 51.84 % there): different releases, never joined in one series.",
        sources=SECTOR_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column("sector", "str", "Sector", allowed=tuple(SECTORS.values())),
            Column(
                "value_added_cny_100m",
                "float",
                "Value added, current prices",
                unit="100 million yuan",
                min=0,
            ),
            Column(
                "share_of_gdp_pct",
                "float",
                "Share of GDP of the same source table",
                unit="%",
                required=False,
                min=0,
                max=100,
            ),
            source_column(SECTOR_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "sector"),
        processing="Construction converted from 10,000 yuan to 100 million yuan; shares = value "
        "added / GDP of the same table x 100.",
        clean=clean_economy_gdp_by_sector,
        gaps=N_(
            "No sector data after 2011 (nor shares for 2012 onwards) and none for China as a "
            "whole except the 2005 provincial sum; construction has no share (its table has no GDP). "
            "Value added 2000-2019 of another release (nbs-2021) and first releases 2020-2023 are "
            "in economy_value_added."
        ),
    ),
    Dataset(
        name="economy_employment",
        title=N_("Employment and unemployment"),
        description="Urban-unit employment 2008-2024, private and individual employment "
        "2006-2019, public-sector professional staff 2006-2011 (to 2008: state-owned units only, "
        "the closest proxy for SOE employment found), and urban registered unemployment 1990 and "
        "2003-2005, with Northeast aggregates for 2005-2006.",
        sources=EMPLOYMENT_SOURCES,
        columns=(
            region_column(),
            year_column(),
            *indicator_columns(EMPLOYMENT_UNITS, EMPLOYMENT_SOURCES),
        ),
        primary_key=("region", "year", "indicator"),
        processing="Values as published; percentages checked to lie in 0-100.",
        clean=clean_economy_employment,
        row_checks=(("percentage above 100", percent_above_100),),
        gaps=N_(
            "Urban registered unemployment rate by province for 1991-2002 and 2006 onwards, and "
            "SOE employment as such, were not found."
        ),
    ),
]


# -- Economy figures added later (econ2_*; reference notes/econ-figures.md) -----------------
# Most 2000-2019 rows come from one NBS portal scrape of c.2020-21 (vintage `nbs-2021`, provincial
# GDP revised after the 4th economic census); 2020-2024 are mostly first releases (vintage
# `first-release`). Every row carries its vintage, and derived numbers (shares) stay within one.

ECON2_FIRST_RELEASES = (
    "nbs_first_releases",
    "liaoning_first_releases",
    "jilin_first_releases",
    "heilongjiang_first_releases",
    "inner_mongolia_first_releases",
)
GDP_INDEX_SOURCES = ("nbs_portal_2021", *ECON2_FIRST_RELEASES)
GDP_PER_CAPITA_SOURCES = (
    "nbs_portal_2021",
    "nbs_national_2025",
    "nbs_first_releases",
    "liaoning_first_releases",
    "inner_mongolia_first_releases",
    "heilongjiang_2020_table",
)
VALUE_ADDED_SOURCES = (
    "nbs_portal_2021",
    "nbs_national_2025",
    "nbs_first_releases",
    "liaoning_first_releases",
    "heilongjiang_first_releases",
    "inner_mongolia_first_releases",
    "acmr_inner_mongolia_2022",
    "heilongjiang_2020_table",
)
FAI_SOURCES = ("nbs_portal_2021", "nbs_first_releases")
INCOME_SOURCES = ("nbs_portal_2021", "nbs_first_releases", "acmr_inner_mongolia_2022")
BUDGET_SOURCES = (
    "nbs_portal_2021",
    "nbs_portal_2026",
    "mof_2020_fiscal",
    "heilongjiang_2020_table",
)

YUAN_PER_PERSON = "yuan per person"
INDEX_UNIT = "index, preceding year = 100"
GROWTH_UNIT = "% change on previous year at comparable/constant prices"

# Remarks in the reference's `unit` field that the declarations below already say (price basis,
# the release a vintage names, the survey an indicator names, the portal's series labels):
# dropped from `note`. Every other remark is kept there.
SAID_IN_DECLARATION = frozenset(
    {
        "current prices",
        "comparable prices",
        "release: NBS portal c.2020-21 (post-4th-census)",
        "release: NBS portal early 2025 (national GDP revised after the 5th economic census; "
        "2024 preliminary)",
        "(比上年增长), preliminary accounting (初步核算) unless stated",
        "first release (preliminary) unless stated",
        "release: provincial communiqué, preliminary (初步核算)",
        "NBS integrated household survey, 2013-",
        "NBS integrated household survey",
        "rural net income 纯收入, old rural household survey, 老口径; not comparable with "
        "disposable income",
        "old urban household survey, 老口径; not comparable with 2013- series",
        "NBS switched from the 'urban' FAI caliber (城镇固定资产投资) to 'excluding rural "
        "households' (不含农户) in 2011 - for earlier years the same numbers appear as "
        "城镇固定资产投资 in this repo's 全社会固定资产投资 table (and nationally for 2003-2005 as "
        "'Investment in Fixed Assets in Urban Area' in CSY 2006 table 6-16)",
        "地方财政一般预算支出 / general public budget expenditure, local level",
        "地方财政一般预算收入 / general public budget revenue, local level",
        "地方财政支出: sum of all local governments, general budget",
        "地方财政收入: sum of all local governments, general budget",
        "全国财政支出: central + local, general budget",
        "全国财政收入: central + local, general budget",
    }
)


def _unbracket(text: str) -> str:
    """'(a (b))' -> 'a (b)'; '(a), b' stays as it is."""
    if not (text.startswith("(") and text.endswith(")")):
        return text
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and i < len(text) - 1:
            return text
    return text[1:-1]


def unit_and_remarks(unit: str) -> tuple[str, list[str]]:
    """'100 million yuan (current prices); release: X (Y)' ->
    ('100 million yuan', ['current prices', 'release: X (Y)']).

    The econ2 reference files write the unit first, then remarks in brackets or after ';'
    (brackets may nest and hold ';'), which ``split_unit`` does not take apart.
    """
    base = re.split(r" \(|;", unit, maxsplit=1)[0]
    rest, parts, depth, start = unit[len(base) :], [], 0, 0
    for i, ch in enumerate(rest):
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth == 0:
            parts.append(rest[start:i])
            start = i + 1
    parts.append(rest[start:])
    return base.strip(), [_unbracket(p.strip()) for p in parts if p.strip()]


def _published(raw: pd.DataFrame) -> pd.DataFrame:
    """Unit proper in `unit`; the remarks the declarations do not say joined to `note`."""
    split = raw["unit"].map(unit_and_remarks)
    remarks = split.map(lambda s: "; ".join(r for r in s[1] if r not in SAID_IN_DECLARATION))
    return raw.assign(unit=split.map(lambda s: s[0]), note=join_notes(raw["note"], remarks))


def _flag(frame: pd.DataFrame, rows: pd.Series, text: str) -> pd.DataFrame:
    """Add ``text`` to the note of ``rows`` (a flag, never a change of the value)."""
    extra = pd.Series("", index=frame.index).where(~rows, text)
    return frame.assign(note=join_notes(frame["note"], extra))


def _year(frame: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(frame["year"], errors="coerce")


def _decimal(text: object) -> Decimal | None:
    try:
        return Decimal(str(text).strip())
    except InvalidOperation:
        return None


def clean_economy_gdp_index(raw: pd.DataFrame) -> pd.DataFrame:
    frame = _published(raw)
    is_index = (frame["indicator"] == "gdp_index_prev_year_100") & (frame["unit"] == INDEX_UNIT)
    is_growth = (frame["indicator"] == "gdp_growth_pct") & (frame["unit"] == GROWTH_UNIT)

    # Index 104.2 (previous year = 100) is real growth of 4.2 %: the same published figure in
    # another unit. Subtracting in decimal keeps the printed digits (no 4.200000000000003).
    def growth(text: object, index: bool, rate: bool) -> object:
        number = _decimal(text)
        if number is None:
            return text  # not a number: left as it is for validation to name
        if index:
            return float(number - 100)
        return float(number) if rate else None

    growth_pct = [growth(*row) for row in zip(frame["value"], is_index, is_growth, strict=True)]
    frame = _flag(
        frame, ~(is_index | is_growth), "unknown indicator or published unit: no growth rate"
    )
    return frame.assign(
        vintage=vintage_of(frame["source_id"]),
        growth_pct=pd.Series(growth_pct, index=frame.index, dtype=object),
        index_prev_year_100=pd.to_numeric(frame["value"], errors="coerce").where(is_index),
    )


def clean_economy_gdp_per_capita(raw: pd.DataFrame) -> pd.DataFrame:
    frame = to_units(_published(raw), {"gdp_per_capita": (YUAN_PER_PERSON, {YUAN_PER_PERSON: 1.0})})
    return frame.assign(vintage=vintage_of(frame["source_id"]), gdp_per_capita_cny=frame["value"])


VA_SECTORS = {"va_primary": "primary", "va_secondary": "secondary", "va_tertiary": "tertiary"}


def clean_economy_value_added(raw: pd.DataFrame) -> pd.DataFrame:
    units = {ind: (YUAN_100M, {YUAN_100M: 1.0}) for ind in [*VA_SECTORS, "gdp_nominal"]}
    frame = to_units(_published(raw), units).assign(vintage=vintage_of(raw["source_id"]))
    # Each sector row carries the GDP printed in the same publication (source) for its region and
    # year, and its share of it: a share never joins two releases.
    keys = ["source_id", "region", "year"]
    gdp = frame[frame["indicator"] == "gdp_nominal"]
    va = frame[frame["indicator"] != "gdp_nominal"]
    single = gdp[~gdp.duplicated(keys, keep=False)]
    totals = single.set_index(keys)["value"]
    total = pd.to_numeric(totals.reindex(pd.MultiIndex.from_frame(va[keys])), errors="coerce")
    value = pd.to_numeric(va["value"], errors="coerce")
    va = va.assign(
        sector=va["indicator"].map(VA_SECTORS),
        value_added_cny_100m=va["value"],
        gdp_cny_100m=total.to_numpy(),
        share_of_gdp_pct=(100 * value / total.to_numpy()).round(4),
    )
    # A GDP figure with no sector rows beside it (or printed twice) would be lost: keep it as a
    # row without a sector, so that validation names it.
    matched = pd.MultiIndex.from_frame(gdp[keys]).isin(pd.MultiIndex.from_frame(va[keys]))
    orphans = gdp[~matched | gdp.duplicated(keys, keep=False)]
    return pd.concat([va, orphans.assign(sector=None, gdp_cny_100m=orphans["value"])])


FAI_CALIBERS = {"fai_total_society": "total_society", "fai_excl_rural_households": "excl_rural"}


def clean_economy_fai(raw: pd.DataFrame) -> pd.DataFrame:
    units = {ind: (YUAN_100M, {YUAN_100M: 1.0}) for ind in FAI_CALIBERS}
    frame = to_units(_published(raw), units)
    caliber = frame["indicator"].map(FAI_CALIBERS)
    # Before 2011 NBS published 'urban' FAI (城镇); the portal shows those numbers under 不含农户.
    frame = _flag(
        frame,
        (caliber == "excl_rural") & (_year(frame) < 2011),
        "before 2011 the 'urban' caliber (城镇固定资产投资), shown by the portal as 不含农户",
    )
    # Liaoning corrected its statistics from 2016 (notes/econ-figures.md): a break, not a trend.
    frame = _flag(
        frame,
        (frame["region"] == "liaoning") & _year(frame).isin([2016, 2017]),
        "after Liaoning's statistical data correction: a break against 2015",
    )
    return frame.assign(
        vintage=vintage_of(frame["source_id"]), caliber=caliber, fai_cny_100m=frame["value"]
    )


INCOME_INDICATORS = (
    "all_residents_disposable_income_per_capita",
    "urban_disposable_income_per_capita",
    "rural_disposable_income_per_capita",
    "urban_disposable_income_per_capita_old_survey",
    "rural_net_income_per_capita_old_survey",
)


def clean_economy_income(raw: pd.DataFrame) -> pd.DataFrame:
    units = {ind: (YUAN_PER_PERSON, {YUAN_PER_PERSON: 1.0}) for ind in INCOME_INDICATORS}
    frame = to_units(_published(raw), units)
    return frame.assign(
        vintage=vintage_of(frame["source_id"]), income_cny_per_capita=frame["value"]
    )


BUDGET_INDICATORS = (
    "local_general_budget_revenue",
    "local_general_budget_expenditure",
    "national_general_budget_revenue",
    "national_general_budget_expenditure",
)


def clean_economy_budget(raw: pd.DataFrame) -> pd.DataFrame:
    units = {ind: (YUAN_100M, {YUAN_100M: 1.0}) for ind in BUDGET_INDICATORS}
    frame = to_units(_published(raw), units)
    # The expenditure classification was reformed in 2007 (notes/econ-figures.md).
    frame = _flag(
        frame,
        frame["indicator"].str.endswith("_expenditure") & (_year(frame) <= 2006),
        "expenditure under the classification used before 2007",
    )
    return frame.assign(vintage=vintage_of(frame["source_id"]), amount_cny_100m=frame["value"])


def _econ2_columns(sources: tuple[str, ...], *values: Column) -> tuple[Column, ...]:
    return (
        region_column(),
        year_column(),
        _vintage_column(sources),
        *values,
        source_column(sources),
        NOTE,
    )


ECON2_PROCESSING = (
    "Values as published, unrounded portal values kept as stored (flagged in `note`); the "
    "vintage is the source's release; remarks of the published unit that the declaration does "
    "not already say, and the document a first-release row cites, are in `note`."
)

DATASETS += [
    Dataset(
        name="economy_gdp_index",
        title=N_("Real GDP growth, by release"),
        description="Real (comparable-price) GDP growth on the previous year of the four "
        "provinces and China: the NBS portal's GDP index (previous year = 100) 2000-2019 in the "
        "c.2020-21 release (vintage `nbs-2021`, after the 4th-census revision) and first-release "
        "growth rates 2020-2024 (vintage `first-release`). The two differ: Liaoning 2009 is "
        "110.4 in `nbs-2021`, 13.1 % as first published. A line never joins the two.",
        sources=GDP_INDEX_SOURCES,
        columns=_econ2_columns(
            GDP_INDEX_SOURCES,
            Column(
                "growth_pct",
                "float",
                "Real GDP growth on the previous year; comparable prices",
                unit="%",
                min=-100,
            ),
            Column(
                "index_prev_year_100",
                "float",
                "GDP index as published (previous year = 100); only where an index was published",
                unit="previous year = 100",
                required=False,
                min=0,
            ),
        ),
        primary_key=("region", "year", "vintage"),
        processing="Growth = published index - 100 (index 104.2 is growth 4.2 %, computed in "
        "decimal so the printed digits stay); first-release rows print growth in % and are "
        "taken as they are. " + ECON2_PROCESSING,
        clean=clean_economy_gdp_index,
        default_vintage="nbs-2021",
        gaps=N_(
            "No revised (post-2019) provincial GDP index was found: 2020-2024 are first releases "
            "only and patchy — Liaoning 2021-2024 (2024 from an unofficial blog), Jilin 2021 and "
            "2023 (blogs), Heilongjiang 2021-2023 (2023 from a rating-agency report; no 2020 rate), "
            "Inner Mongolia 2020-2023, China 2020-2024. No original (pre-revision) index 2000-2019 by "
            "province, and no Northeast aggregate."
        ),
    ),
    Dataset(
        name="economy_gdp_per_capita",
        title=N_("GDP per capita, by release"),
        description="Gross regional (domestic) product per person, current prices: the four "
        "provinces and China 2000-2019 in the NBS portal release of c.2020-21 (`nbs-2021`); "
        "China 2015-2024 in the post-5th-census national export (`nbs-2025-03`); first releases "
        "2020-2023 for China, Liaoning (2021-2022) and Inner Mongolia (2021-2023); Heilongjiang "
        "2020 from a summary table whose release is not stated. Releases differ (China 2019: "
        "70581 in `nbs-2021`, 71453 in `nbs-2025-03`).",
        sources=GDP_PER_CAPITA_SOURCES,
        columns=_econ2_columns(
            GDP_PER_CAPITA_SOURCES,
            Column(
                "gdp_per_capita_cny",
                "float",
                "GDP per person, current prices",
                unit=YUAN_PER_PERSON,
                min=0,
            ),
        ),
        primary_key=("region", "year", "vintage"),
        processing=ECON2_PROCESSING,
        clean=clean_economy_gdp_per_capita,
        default_vintage="nbs-2021",
        gaps=N_(
            "No provincial per-capita GDP in a revised release after 2019; Jilin has nothing "
            "after 2019, Heilongjiang only 2020 (release not stated), Liaoning only 2021-2022, Inner "
            "Mongolia 2021-2023; no 2024 for any province. No second copy of the `nbs-2021` "
            "provincial series was found (the original releases printed other numbers)."
        ),
    ),
    Dataset(
        name="economy_value_added",
        title=N_("Value added by sector with the GDP of the same release"),
        description="Value added of the primary, secondary and tertiary sectors, each row with "
        "the GDP printed in the same publication and its share of it: the four provinces and "
        "China 2000-2019 (`nbs-2021`, post-4th-census), China 2015-2024 (`nbs-2025-03`, "
        "post-5th-census), first releases 2020-2023 for Liaoning, Heilongjiang, Inner Mongolia "
        "and China. In every release the three sectors sum to GDP (within 0.006 %). "
        "economy_gdp_by_sector holds 2002-2011 as first published, before the 4th-census "
        "revision, so its shares differ from these (Liaoning 2011 secondary sector: 51.84 % of "
        "GDP here, 54.67 % there); never join the two.",
        sources=VALUE_ADDED_SOURCES,
        columns=_econ2_columns(
            VALUE_ADDED_SOURCES,
            Column("sector", "str", "Sector", allowed=tuple(VA_SECTORS.values())),
            Column(
                "value_added_cny_100m",
                "float",
                "Value added, current prices",
                unit=YUAN_100M,
                min=0,
            ),
            Column(
                "gdp_cny_100m",
                "float",
                "GDP printed in the same publication, current prices",
                unit=YUAN_100M,
                required=False,
                min=0,
            ),
            Column(
                "share_of_gdp_pct",
                "float",
                "Share of the GDP of the same publication",
                unit="%",
                required=False,
                min=0,
                max=100,
            ),
        ),
        primary_key=("region", "year", "vintage", "sector"),
        processing="Shares = value added / GDP of the same source, region and year x 100, "
        "rounded to 4 decimals. " + ECON2_PROCESSING,
        clean=clean_economy_value_added,
        default_vintage="nbs-2021",
        gaps=N_(
            "No provincial value added in a revised release after 2019; Jilin has none after "
            "2019; Heilongjiang 2023 has value added but no GDP (the report gives '1.59万亿元' only), "
            "so no share; Inner Mongolia 2020 is read from a Wikipedia mirror; no 2024 for any "
            "province. China 2022-2024 are only in `nbs-2025-03` (no first release recorded)."
        ),
    ),
    Dataset(
        name="economy_fai",
        title=N_("Fixed-asset investment levels"),
        description="Fixed-asset investment, current prices: total society (全社会) 2000-2017 for "
        "the provinces and 2000-2019 for China (2020 from the national communiqué), and "
        "excluding rural households (不含农户) 2002-2017 for the provinces and 2000-2019 for "
        "China. Before 2011 the 不含农户 numbers are the 'urban' (城镇) caliber that NBS replaced "
        "in 2011. From 2018 NBS states FAI growth on a comparable basis: do not derive growth "
        "from the 2018-2020 levels.",
        sources=FAI_SOURCES,
        columns=_econ2_columns(
            FAI_SOURCES,
            Column(
                "caliber",
                "str",
                "Statistical scope: total society (全社会) or excluding rural households (不含农户)",
                allowed=tuple(FAI_CALIBERS.values()),
            ),
            Column(
                "fai_cny_100m",
                "float",
                "Fixed-asset investment, current prices",
                unit=YUAN_100M,
                min=0,
            ),
        ),
        primary_key=("region", "year", "vintage", "caliber"),
        processing="Pre-2011 不含农户 rows and Liaoning 2016-2017 (after the province's data "
        "correction) are flagged in `note`. " + ECON2_PROCESSING,
        clean=clean_economy_fai,
        default_vintage="nbs-2021",
        gaps=N_(
            "Provincial FAI levels end in 2017 (NBS publishes only growth rates afterwards); "
            "provincial 不含农户 levels for 2000-2001 are not in the scrape; no independent copy of "
            "the provincial levels was found; for 2018-2024 only the growth of funds in place was "
            "found (the reference's investment.csv, not catalogued yet)."
        ),
    ),
    Dataset(
        name="economy_income",
        title=N_("Household income per person"),
        description="Per-capita disposable income of all residents, urban and rural households "
        "from the integrated household survey (2013-): the four provinces and China 2013-2019 "
        "(`nbs-2021`) and China 2020-2024 (first releases); urban disposable income and rural "
        "net income (纯收入) of the old separate surveys (老口径): provinces 2002-2012, China "
        "2000-2012. The old and new surveys are not comparable; each `indicator` is one survey.",
        sources=INCOME_SOURCES,
        columns=_econ2_columns(
            INCOME_SOURCES,
            Column("indicator", "str", "Series (survey and population)", allowed=INCOME_INDICATORS),
            Column(
                "income_cny_per_capita",
                "float",
                "Income per person, current prices",
                unit=YUAN_PER_PERSON,
                min=0,
            ),
        ),
        primary_key=("region", "year", "vintage", "indicator"),
        processing=ECON2_PROCESSING,
        clean=clean_economy_income,
        default_vintage="nbs-2021",
        gaps=N_(
            "No provincial income for 2020-2024 (only Inner Mongolia's 2022 all-residents "
            "figure, from a secondary data brief): the communiqué copies read end before their "
            "income sections. Old-survey provincial income for 2000-2001 is empty in the scrape."
        ),
    ),
    Dataset(
        name="economy_budget",
        title=N_("General budget revenue and expenditure"),
        description="Local general (public) budget revenue and expenditure of the four provinces "
        "2000-2019 (`nbs-2021`; the portal's series 地方财政一般预算收入/支出, called 一般公共预算 "
        "from 2014), provincial expenditure 2020-2024 (NBS 2026 export, 本级支出), Heilongjiang "
        "2020 from a summary table; for China the sum of local governments (地方财政收入/支出) and "
        "the national totals (central + local) 2000-2019 and 2020 (Ministry of Finance).",
        sources=BUDGET_SOURCES,
        columns=_econ2_columns(
            BUDGET_SOURCES,
            Column("indicator", "str", "Series", allowed=BUDGET_INDICATORS),
            Column(
                "amount_cny_100m",
                "float",
                "Budget revenue or expenditure",
                unit=YUAN_100M,
                min=0,
            ),
        ),
        primary_key=("region", "year", "vintage", "indicator"),
        processing="Expenditure before 2007 (old classification) is flagged in `note`. "
        + ECON2_PROCESSING,
        clean=clean_economy_budget,
        default_vintage="nbs-2021",
        gaps=N_(
            "Provincial budget revenue 2020-2024 not found (except Heilongjiang 2020); national "
            "revenue and expenditure 2021-2024 seen only rounded ('超21万亿'), not recorded."
        ),
    ),
]
