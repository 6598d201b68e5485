"""Economy: GDP in every release, population, sector structure, employment; real growth,
per-capita GDP, value added, investment, income and budgets by release."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pandas as pd

from nereport.data import releases
from nereport.data.datasets._common import (
    NOTE,
    indicator_columns,
    join_notes,
    region_column,
    release_column,
    release_of,
    source_column,
    to_units,
    year_column,
)
from nereport.data.declarations import Column, Dataset
from nereport.data.sources import SOURCES
from nereport.i18n import N_

YUAN_100M = "100 million yuan"
PERSONS_10K = "10,000 persons"

# First releases 2020-2024 of the econ3 reference file (sources.py, the econ3/env3/demo block):
# each source is a publisher's family of publications and the grade of the copy read.
GDP_FIRST_RELEASES = (
    "liaoning_2020s_official",
    "liaoning_2020s_secondary",
    "jilin_2020s_secondary",
    "nbs_2020s_secondary",
)
GDP_SOURCES = (
    "nbs_portal_2025",
    "nbs_portal_2018",
    "cnki_csy_gdp",
    "csy2000_t3_8",
    "csy2006_t2_6",
    *GDP_FIRST_RELEASES,
)
POPULATION_SOURCES = (
    "nbs_population_census7",
    "nbs_population_pre2021",
    "cnki_csy_population",
    "cnki_compendium_population",
    "csy2006_t2_6",
    "csy2007_t2_7",
    # first releases 2020-2025 (1‰/5‰ sample surveys), as for GDP
    "nbs_2020s_repost",
    "nbs_2020s_secondary",
    "liaoning_2020s_secondary",
    "jilin_2020s_secondary",
    "heilongjiang_2020s_repost",
    "heilongjiang_2020s_secondary",
    "heilongjiang_2020_table",
    "inner_mongolia_2020s_repost",
    "inner_mongolia_2020s_secondary",
    "acmr_inner_mongolia_2022",
)
SECTOR_SOURCES = ("nbs_sectors_2002_2011", "csy2000_t14_4", "csy2006_t2_6")
EMPLOYMENT_SOURCES = (
    "nbs_portal_2025",
    "csy2006_t5_28",
    "csy2006_t2_6",
    "csy2007_t2_7",
    "mohrss_2017",
)


# The CNKI extraction stitches three releases into one file (DATA-SOURCES.md section 0): its
# values to 2009 are the original yearbook figures, 2010-2018 the figures revised after the 4th
# economic census (Liaoning 2010: 14,568.6 against 18,457.3 first published), and 2019 the
# first release (Liaoning 24,909.5). Each is its own release, so no line or growth rate joins
# them.
CNKI_RELEASES = ((2009, "cnki-to-2009"), (2018, "cnki-2010-2018"), (9999, "cnki-2019"))


def _release(published_as: str, year: int) -> str:
    if published_as != "cnki-mixed":
        return published_as
    return next(name for last, name in CNKI_RELEASES if year <= last)


def clean_economy_gdp(raw: pd.DataFrame) -> pd.DataFrame:
    gdp = to_units(_published(raw), {"gdp_nominal": (YUAN_100M, {YUAN_100M: 1.0})})
    gdp = gdp.assign(published_as=release_of(gdp["source_id"]), gdp_cny_100m=gdp["value"])
    year = pd.to_numeric(gdp["year"], errors="coerce").fillna(0).astype(int)
    published = zip(gdp["published_as"], year, strict=True)
    gdp = gdp.assign(release=[_release(v, y) for v, y in published])
    # Levels that follow a provincial data correction do not continue the years before them
    # (a break, not a fall): the portal's c.2018 release has Liaoning's 2016-2017 already
    # corrected, as its source record says; Inner Mongolia's 2017 level (16,096.2 after
    # 18,128.1 for 2016) follows the region's statement of January 2018 that its 2016
    # industrial output had been overstated by 40 % (Xinhua, read in SCMP's report).
    old = gdp["release"] == "nbs-2018"
    gdp = _flag(
        gdp,
        old & (gdp["region"] == "liaoning") & year.isin([2016, 2017]),
        "after Liaoning's statistical data correction: a break against 2015",
    )
    return _flag(
        gdp,
        old & (gdp["region"] == "inner-mongolia") & (year == 2017),
        "after Inner Mongolia's statement of January 2018 that its 2016 industrial output "
        "was overstated by 40 % (Xinhua, read in the South China Morning Post): a break "
        "against 2016",
    )


# The remark a first release read only in a secondary copy keeps in `note` (a caveat a report
# shows); the document and copy it cites go to `cited`.
SECONDARY_NOTE = N_("secondary source")


def cited_apart(frame: pd.DataFrame) -> pd.DataFrame:
    """'secondary source; cited: <document, copy>; <unit remarks>' in `note` ->
    note 'secondary source', cited '<document, copy>; <unit remarks>'. A population note is a
    flag a report shows beside the value, so the citation and the release remarks the
    declaration already says leave it; notes without a citation stay as they are."""
    note = frame["note"].fillna("").astype(str)
    found = note.str.extract(r"^(?P<flag>.*?)(?:; )?cited: (?P<cited>.*)$")
    flag = found["flag"].where(found["cited"].notna(), note)
    return frame.assign(note=flag.replace("", None), cited=found["cited"])


def clean_economy_population(raw: pd.DataFrame) -> pd.DataFrame:
    pop = to_units(_published(raw), {"population_year_end": (PERSONS_10K, {PERSONS_10K: 1.0})})
    pop = cited_apart(pop)
    return pop.assign(release=release_of(pop["source_id"]), population_10k=pop["value"])


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
        title=N_("Gross regional product, every release"),
        description="Nominal gross regional product (current prices) of the provinces, the "
        "Northeast and China, in every release found. NBS revised provincial GDP after the 4th "
        "(2018) and 5th (2023) economic censuses and the releases differ widely (compare Liaoning "
        "2013 across releases), so each row names its `release` and a series must use one "
        "release only. Default release: `nbs-2025` (newest). The CNKI extraction "
        "(`published_as` `cnki-mixed`) stitches three releases (original yearbook values to "
        "2009, revised 2010-2018, 2019 as first published): `release` names each. First "
        "releases 2020-2024 whose copy prints no sectors are the release `first-release` (the "
        "others sit with their sectors "
        "in economy_value_added). National GDP from one release with "
        "the provinces, for shares, is in economy_value_added.",
        sources=GDP_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column(
                "published_as",
                "str",
                "Publication the row was read from, as its source names it: the same as "
                "`release`, except `cnki-mixed`, a CNKI extraction that stitched three releases "
                "together (`release` splits it); never draw a line by this column",
                allowed=tuple(dict.fromkeys(SOURCES[s].release for s in GDP_SOURCES)),
            ),
            Column(
                "release",
                "str",
                "Statistical release the figure belongs to; a line or a growth rate stays "
                "within one release",
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
        primary_key=("region", "year", "release", "source_id"),
        processing="Values as published, in 100 million yuan; `published_as` taken from the "
        "source; `release` is the same, except that it splits cnki-mixed at the years where its "
        "values change release (2010, 2019).",
        clean=clean_economy_gdp,
        default_release="nbs-2025",
        gaps=N_(
            "No national GDP in the NBS 2018/2025 releases; no prefecture GDP for the five "
            "eastern Inner Mongolia prefectures. First releases 2020-2024 are here only where the "
            "copy read prints no sectors (Liaoning 2020 and 2024, Jilin 2021 and 2023, China "
            "2024); the others sit beside their sectors in economy_value_added. No first-release "
            "GDP for Jilin 2022 and 2024, Heilongjiang 2024 or Inner Mongolia 2024; figures seen "
            "only as constants in unnamed code files are left out. Real growth, GDP per capita and "
            "national GDP to 2024 are in economy_gdp_index, economy_gdp_per_capita and "
            "economy_value_added."
        ),
    ),
    Dataset(
        name="economy_population",
        title=N_("Year-end population, every release"),
        description="Year-end resident population. The 7th census (2020) led NBS to revise "
        "2011-2019 (Heilongjiang 2013: 3835 before, 3666 after), so each row names its release. "
        "First releases 2021-2025 (the annual sample surveys, as the communiqués and January "
        "releases print them) are the release `first-release`; `cited` names the document and "
        "copy. Default release: `nbs-census7`.",
        sources=POPULATION_SOURCES,
        columns=(
            region_column(),
            year_column(),
            release_column(POPULATION_SOURCES),
            Column(
                "population_10k",
                "float",
                N_("Year-end population"),
                unit=N_("10,000 persons"),
                min=0,
            ),
            source_column(POPULATION_SOURCES),
            NOTE,
            Column(
                "cited",
                "str",
                "Document and copy a first release was read from, and the release as printed",
                required=False,
            ),
        ),
        primary_key=("region", "year", "release", "source_id"),
        processing="Values as published. The csy-annual Heilongjiang 2013 value (3535, likely a "
        "transcription error for 3835) is kept and flagged in `note`, not corrected.",
        clean=clean_economy_population,
        default_release="nbs-census7",
        gaps=N_(
            "First releases 2021-2025 are partial and mostly secondary copies: Liaoning 2022, "
            "Jilin 2022-2023 and every province's 2025 were not found, nor China 2020 (the 2020 "
            "communiqué waited for the census); nothing for the Inner Mongolia prefectures."
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
# Most 2000-2019 rows come from one NBS portal scrape of c.2020-21 (release `nbs-2021`, provincial
# GDP revised after the 4th economic census); 2020-2024 are mostly first releases (release
# `first-release`). Every row carries its release, and derived numbers (shares) stay within one.

ECON2_FIRST_RELEASES = (
    "nbs_first_releases",
    "liaoning_first_releases",
    "jilin_first_releases",
    "heilongjiang_first_releases",
    "inner_mongolia_first_releases",
)
GDP_INDEX_SOURCES = (
    "nbs_portal_2021",
    *ECON2_FIRST_RELEASES,
    "liaoning_2020s_official",
    "liaoning_2020s_secondary",
    "jilin_2020s_repost",
    "jilin_2020s_secondary",
    "inner_mongolia_2020s_repost",
    "inner_mongolia_verified_repost",
)
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
    "inner_mongolia_2020s_repost",
    "jilin_2020s_secondary",
    "nbs_2020s_repost",
    "nbs_2020s_secondary",
)
FAI_SOURCES = ("nbs_portal_2021", "nbs_first_releases")
INCOME_SOURCES = (
    "nbs_portal_2021",
    "nbs_first_releases",
    "acmr_inner_mongolia_2022",
    "liaoning_2020s_secondary",
    "jilin_2020s_secondary",
    "heilongjiang_2020s_secondary",
    "inner_mongolia_2020s_secondary",
)
BUDGET_SOURCES = (
    "nbs_portal_2021",
    "nbs_portal_2026",
    "mof_2020_fiscal",
    "heilongjiang_2020_table",
    "liaoning_2020s_official",
    "liaoning_2020s_repost",
    "liaoning_2020s_secondary",
    "heilongjiang_2020s_secondary",
    "inner_mongolia_2020s_repost",
)

YUAN_PER_PERSON = "yuan per person"
INDEX_UNIT = "index, preceding year = 100"
GROWTH_UNIT = "% change on previous year at comparable/constant prices"
# The same growth rate as the econ3 copies print it: at comparable prices, or "增长" of GDP in a
# government work report, which is the comparable-price rate.
GROWTH_UNITS = (
    GROWTH_UNIT,
    "% change on previous year at comparable prices",
    "% change on previous year",
)

# Remarks in the reference's `unit` field that the declarations below already say (price basis,
# the release a source names, the survey an indicator names, the portal's series labels):
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
    is_growth = (frame["indicator"] == "gdp_growth_pct") & frame["unit"].isin(GROWTH_UNITS)

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
        release=release_of(frame["source_id"]),
        growth_pct=pd.Series(growth_pct, index=frame.index, dtype=object),
        index_prev_year_100=pd.to_numeric(frame["value"], errors="coerce").where(is_index),
    )


def clean_economy_gdp_per_capita(raw: pd.DataFrame) -> pd.DataFrame:
    frame = to_units(_published(raw), {"gdp_per_capita": (YUAN_PER_PERSON, {YUAN_PER_PERSON: 1.0})})
    return frame.assign(release=release_of(frame["source_id"]), gdp_per_capita_cny=frame["value"])


VA_SECTORS = {"va_primary": "primary", "va_secondary": "secondary", "va_tertiary": "tertiary"}
# The sectors as a reader names them, in their order (legends, tooltips, tables): declared once,
# beside the data, and translated through the catalog where they are shown.
SECTOR_LABELS = {
    "primary": N_("Farming, forestry, livestock and fishing (primary sector)"),
    "secondary": N_("Industry and construction (secondary sector)"),
    "tertiary": N_("Services (tertiary sector)"),
}


def clean_economy_value_added(raw: pd.DataFrame) -> pd.DataFrame:
    units = {ind: (YUAN_100M, {YUAN_100M: 1.0}) for ind in [*VA_SECTORS, "gdp_nominal"]}
    frame = to_units(_published(raw), units).assign(release=release_of(raw["source_id"]))
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
        release=release_of(frame["source_id"]), caliber=caliber, fai_cny_100m=frame["value"]
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
        release=release_of(frame["source_id"]), income_cny_per_capita=frame["value"]
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
    return frame.assign(release=release_of(frame["source_id"]), amount_cny_100m=frame["value"])


def _econ2_columns(sources: tuple[str, ...], *values: Column) -> tuple[Column, ...]:
    return (
        region_column(),
        year_column(),
        release_column(sources),
        *values,
        source_column(sources),
        NOTE,
    )


ECON2_PROCESSING = (
    "Values as published, unrounded portal values kept as stored (flagged in `note`); the "
    "release is taken from the source; remarks of the published unit that the declaration does "
    "not already say, and the document a first-release row cites, are in `note`."
)

DATASETS += [
    Dataset(
        name="economy_gdp_index",
        title=N_("Real GDP growth, by release"),
        description="Real (comparable-price) GDP growth on the previous year of the four "
        "provinces and China: the NBS portal's GDP index (previous year = 100) 2000-2019 in the "
        "c.2020-21 release (`nbs-2021`, after the 4th-census revision) and first-release "
        "growth rates 2020-2024 (release `first-release`). The two differ: Liaoning 2009 is "
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
        primary_key=("region", "year", "release", "source_id"),
        processing="Growth = published index - 100 (index 104.2 is growth 4.2 %, computed in "
        "decimal so the printed digits stay); first-release rows print growth in % and are "
        "taken as they are. A rate read only in a secondary copy gives way to an official copy "
        "or an official text's repost of the same figure (Liaoning 2024: the province's "
        "plan-execution report, not a blog; Inner Mongolia 2020: the regional January release, "
        "not Wikipedia). " + ECON2_PROCESSING,
        clean=clean_economy_gdp_index,
        default_release=releases.MAIN,
        gaps=N_(
            "No revised (post-2019) provincial GDP index was found: 2020-2025 are first releases "
            "only and patchy, many from secondary copies: Jilin has no 2022 or 2024 "
            "rate, Heilongjiang none for 2020 or 2024, Inner Mongolia none for 2024. Inner "
            "Mongolia 2022 also has the rate revised after final verification (4.4 %; first release 4.2 %). No original (pre-revision) index "
            "2000-2019 by province, and no Northeast aggregate."
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
        primary_key=("region", "year", "release", "source_id"),
        processing=ECON2_PROCESSING,
        clean=clean_economy_gdp_per_capita,
        default_release=releases.MAIN,
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
            Column(
                "sector",
                "str",
                "Sector",
                allowed=tuple(VA_SECTORS.values()),
                value_labels=tuple(SECTOR_LABELS.items()),
            ),
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
        primary_key=("region", "year", "release", "sector", "source_id"),
        processing="Shares = value added / GDP of the same source, region and year x 100, "
        "rounded to 4 decimals. " + ECON2_PROCESSING,
        clean=clean_economy_value_added,
        default_release=releases.MAIN,
        gaps=N_(
            "No provincial value added in a revised release after 2019; Jilin has only 2020 (a "
            "secondary page); Heilongjiang 2023 has value added but no GDP (the report gives "
            "'1.59万亿元' only), so no share; Inner Mongolia 2020 is read from a Wikipedia mirror "
            "and a January release; no 2024 for any province. China 2024 is only in "
            "`nbs-2025-03`."
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
        primary_key=("region", "year", "release", "caliber"),
        processing="Pre-2011 不含农户 rows and Liaoning 2016-2017 (after the province's data "
        "correction) are flagged in `note`. " + ECON2_PROCESSING,
        clean=clean_economy_fai,
        default_release=releases.MAIN,
        gaps=N_(
            "Provincial FAI levels end in 2017 (NBS publishes only growth rates afterwards); "
            "provincial 不含农户 levels for 2000-2001 are not in the portal export; no independent copy of "
            "the provincial levels was found; for 2018-2024 only the growth of funds in place was "
            "found, which nereport does not yet carry."
        ),
    ),
    Dataset(
        name="economy_income",
        title=N_("Household income per person"),
        description="Per-capita disposable income of all residents, urban and rural households "
        "from the integrated household survey (2013-): the four provinces and China 2013-2019 "
        "(`nbs-2021`), China 2020-2024 and scattered provincial figures 2020-2023 (first "
        "releases, most from secondary copies); urban disposable income and rural "
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
        primary_key=("region", "year", "release", "indicator", "source_id"),
        processing=ECON2_PROCESSING,
        clean=clean_economy_income,
        default_release=releases.MAIN,
        gaps=N_(
            "Provincial income 2020-2024 is scattered and secondary: all-residents income 2022 "
            "for the four provinces (one data page), Jilin urban and rural 2020 and rural 2023, "
            "Inner Mongolia 2021-2023; nothing for Liaoning, Jilin or Heilongjiang 2023-2024 (the "
            "communiqué copies read end before their income sections). Growth rates printed "
            "without a level are in economy_growth_rates. Old-survey provincial income for "
            "2000-2001 is empty in the portal export."
        ),
    ),
    Dataset(
        name="economy_budget",
        title=N_("General budget revenue and expenditure"),
        description="Local general (public) budget revenue and expenditure of the four provinces "
        "2000-2019 (`nbs-2021`; the portal's series 地方财政一般预算收入/支出, called 一般公共预算 "
        "from 2014), provincial expenditure 2020-2024 (NBS 2026 export, 本级支出), Heilongjiang "
        "2020 from a summary table, preliminary execution figures 2020-2024 from budget reports "
        "and finance-department releases (Liaoning, Heilongjiang, Inner Mongolia); for China the "
        "sum of local governments (地方财政收入/支出) and the national totals (central + local) "
        "2000-2019 and 2020 (Ministry of Finance).",
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
        primary_key=("region", "year", "release", "indicator", "source_id"),
        processing="Expenditure before 2007 (old classification) is flagged in `note`. "
        + ECON2_PROCESSING,
        clean=clean_economy_budget,
        default_release=releases.MAIN,
        gaps=N_(
            "Provincial budget revenue 2020-2024 is scattered: Liaoning 2020-2021 and 2024, "
            "Heilongjiang 2020-2021, Inner Mongolia 2023 (preliminary execution figures, which "
            "differ from final accounts); none for Jilin. National revenue and expenditure "
            "2021-2024 seen only rounded ('超21万亿'), not recorded. Growth rates printed without a "
            "level are in economy_growth_rates."
        ),
    ),
]


# -- Figures added for 2020-2024 and the policy's questions (econ3_*, demo_*; reference
# notes/communique-figures.md and notes/demo-census-grain.md) --------------------------------
# The levels above gained their 2020-2024 first releases; what follows are new concepts: the
# growth rates the releases print for other series, vital statistics, the census age structure
# and education, and grain output.

CURRENT_FIRST_RELEASES = (
    "nbs_2020s_repost",
    "nbs_2020s_secondary",
    "liaoning_2020s_official",
    "liaoning_2020s_repost",
    "liaoning_2020s_secondary",
    "jilin_2020s_repost",
    "jilin_2020s_secondary",
    "heilongjiang_2020s_official",
    "heilongjiang_2020s_repost",
    "heilongjiang_2020s_secondary",
    "inner_mongolia_2020s_repost",
    "inner_mongolia_2020s_secondary",
)
GROWTH_RATE_SOURCES = (*CURRENT_FIRST_RELEASES, "acmr_inner_mongolia_2022")
GROWTH_RATE_INDICATORS = (
    "va_primary_growth_pct",
    "va_secondary_growth_pct",
    "va_tertiary_growth_pct",
    "gdp_per_capita_growth_pct",
    "all_residents_disposable_income_growth_pct",
    "urban_disposable_income_growth_pct",
    "rural_disposable_income_growth_pct",
    "local_general_budget_revenue_growth_pct",
    "local_general_budget_expenditure_growth_pct",
    "fai_growth_pct",
)
# Price basis of a printed growth rate, read from the published unit (first match wins).
PRICE_BASES = (
    ("comparable prices", "real"),
    ("nominal", "nominal"),
    ("一般公共预算", "nominal"),
    ("财政收入", "nominal"),
    ("fixed-asset investment", "nominal"),
)


def _price_basis(unit: str) -> str:
    return next((basis for text, basis in PRICE_BASES if text in unit), "not stated")


def clean_economy_growth_rates(raw: pd.DataFrame) -> pd.DataFrame:
    basis = raw["unit"].map(_price_basis)
    frame = _published(raw)
    growth = pd.to_numeric(frame["value"], errors="coerce")
    known = frame["indicator"].isin(GROWTH_RATE_INDICATORS) & frame["unit"].str.startswith("%")
    frame = _flag(frame, ~known, "unknown indicator or published unit")
    return frame.assign(
        release=release_of(frame["source_id"]),
        price_basis=basis,
        growth_pct=growth.where(known),
        unit="%",
    )


VITAL_UNITS = {
    "births_total": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "deaths_total": (PERSONS_10K, {PERSONS_10K: 1.0}),
    "birth_rate": ("per mille", {"per mille": 1.0}),
    "death_rate": ("per mille", {"per mille": 1.0}),
    "natural_growth_rate": ("per mille", {"per mille": 1.0}),
    "urbanization_rate": ("%", {"% of year-end resident population living in urban areas": 1.0}),
}


VITAL_SOURCES = (
    "nbs_2020s_secondary",
    "liaoning_2020s_secondary",
    "jilin_2020s_secondary",
    "heilongjiang_2020s_repost",
    "heilongjiang_2020s_secondary",
    "inner_mongolia_2020s_repost",
    "inner_mongolia_2020s_secondary",
)


def copy_read(note: object) -> str:
    """The host of the copy a row cites in its note ('web.xiaze.org'), or 'address not shown':
    it tells apart two copies of one grade that print different values."""
    found = re.search(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?=/)", str(note))
    return found.group(0) if found else "address not shown"


def clean_economy_vital_statistics(raw: pd.DataFrame) -> pd.DataFrame:
    frame = to_units(_published(raw), VITAL_UNITS)
    return frame.assign(release=release_of(frame["source_id"]), copy=raw["note"].map(copy_read))


CENSUS_AGE_SOURCES = (
    "nbs_census7_secondary",
    "nbs_census6_secondary",
    "liaoning_census7_secondary",
    "liaoning_census6_secondary",
    "heilongjiang_census7_secondary",
    "inner_mongolia_census7_secondary",
)
AGE_GROUPS = {"0_14": "0-14", "15_59": "15-59", "60_plus": "60+", "65_plus": "65+"}


def clean_economy_census_age(raw: pd.DataFrame) -> pd.DataFrame:
    found = raw["indicator"].str.extract(r"^census_share_age_(0_14|15_59|60_plus|65_plus)(.*)$")
    change = found[1] == "_change_pp_vs_2010"
    measure = pd.Series("share", index=raw.index).where(~change, "change_pp_vs_2010")
    measure = measure.where(found[1].isin(["", "_change_pp_vs_2010"]))
    frame = _published(raw)
    return frame.assign(
        census=release_of(frame["source_id"]),
        age_group=found[0].map(AGE_GROUPS),
        measure=measure,
        value=pd.to_numeric(frame["value"], errors="coerce"),
        unit=measure.map({"share": "%", "change_pp_vs_2010": "percentage points"}),
    )


CENSUS_EDUCATION_SOURCES = (
    "nbs_census7_secondary",
    "liaoning_census7_secondary",
    "inner_mongolia_census7_secondary",
    "jilin_census6_secondary",
)


def clean_economy_census_education(raw: pd.DataFrame) -> pd.DataFrame:
    printed = "persons per 100,000 population with university"  # the unit's words before "("
    units = {"census_univ_per_100k": ("persons per 100,000", {printed: 1.0})}
    frame = to_units(_published(raw), units)
    return frame.assign(census=release_of(frame["source_id"]), univ_per_100k=frame["value"])


MIGRATION_SOURCES = ("nbs_census7_secondary", "liaoning_census7_secondary")
PERSONS_PRINTED = {
    # the published unit's words before its first bracket -> factor to 10,000 persons
    "persons, 7th census 2020-11-01": 1e-4,
    "10,000 persons, 7th census 2020-11-01": 1.0,
    "10,000 persons, change vs 2010 6th census as printed": 1.0,
}
MIGRATION_UNITS = {
    f"census_{name}": (PERSONS_10K, PERSONS_PRINTED)
    for name in (
        "household_separated_population",
        "intra_municipal_separated_population",
        "floating_population",
        "interprovincial_floating_population",
        "intraprovincial_floating_population",
        "inflow_from_other_provinces",
        "household_separated_population_change_vs_2010",
    )
}
MIGRATION_UNITS["census_household_separated_population_growth_pct_vs_2010"] = (
    "%",
    {"% change vs 2010 6th census as printed": 1.0},
)


def clean_economy_census_migration(raw: pd.DataFrame) -> pd.DataFrame:
    frame = to_units(_published(raw), MIGRATION_UNITS)
    return frame.assign(census=release_of(frame["source_id"]))


# The provinces' own 7th-census bulletins (scripts/build_census_totals.py): the whole
# province's resident population and its change against 2010 as printed, one source each.
CENSUS_POPULATION_SOURCES = (
    "liaoning_census7_bulletin1",
    "jilin_census7_bulletin1",
    "heilongjiang_census7_bulletin",
    "inner_mongolia_census7_bulletin",
)
CENSUS_POPULATION_UNITS = {
    "census_population": ("persons", {"persons": 1.0}),
    "census_population_change_vs_2010": ("persons", {"persons": 1.0}),
    "census_population_change_pct_vs_2010": ("%", {"%": 1.0}),
}


def clean_economy_census_population(raw: pd.DataFrame) -> pd.DataFrame:
    frame = to_units(_published(raw), CENSUS_POPULATION_UNITS)
    return frame.assign(census=release_of(frame["source_id"]))


GRAIN_SOURCES = (
    "nbs_portal_2021",
    "nbs_grain_secondary",
    "liaoning_grain_repost",
    "liaoning_grain_secondary",
    "jilin_grain_secondary",
    "heilongjiang_grain_repost",
    "heilongjiang_grain_secondary",
    "inner_mongolia_grain_official",
    "inner_mongolia_grain_secondary",
)
TONNES_10K = "10,000 tonnes"
# 1 亿斤 = 10^8 jin of 0.5 kg = 5 x 10^7 kg = 5 x 10,000 t: converted here, once.
GRAIN_UNITS = {
    "grain_output": (TONNES_10K, {TONNES_10K: 1.0}),
    "grain_output_jin": (TONNES_10K, {"100 million jin": 5.0}),
}
PRINTED_UNIT = {"grain_output": "万吨", "grain_output_jin": "亿斤"}


def clean_economy_grain_output(raw: pd.DataFrame) -> pd.DataFrame:
    printed = raw["value"].astype(str) + " " + raw["indicator"].map(PRINTED_UNIT).fillna("?")
    frame = to_units(_published(raw), GRAIN_UNITS)
    return frame.assign(
        release=release_of(frame["source_id"]),
        printed=printed,
        grain_10k_t=pd.to_numeric(frame["value"], errors="coerce").round(4),
    )


def _current_columns(sources: tuple[str, ...], *values: Column) -> tuple[Column, ...]:
    return (region_column(), year_column(), release_column(sources), *values)


CURRENT_PROCESSING = (
    "Values as printed in the copy read; a row that repeats a figure already catalogued "
    "(same region, year, series and value) is left out, and of two copies of one figure the "
    "best-graded is kept; each row's `note` names the document and the copy, and says "
    "'secondary source' where the copy is secondary."
)

DATASETS += [
    Dataset(
        name="economy_growth_rates",
        title=N_("Growth rates printed in the first releases"),
        description="Growth on the previous year of value added by sector, GDP per capita, "
        "disposable income, general budget revenue and expenditure and fixed-asset investment, "
        "as printed in the 2020-2025 first releases (communiqués, January releases, budget "
        "reports, government work reports) of the four provinces and China; never computed.",
        sources=GROWTH_RATE_SOURCES,
        columns=_current_columns(
            GROWTH_RATE_SOURCES,
            Column("indicator", "str", "Series", allowed=GROWTH_RATE_INDICATORS),
            Column("growth_pct", "float", "Growth on the previous year", unit="%", min=-100),
            Column(
                "price_basis",
                "str",
                "Real (comparable prices), nominal, or not stated in the release",
                allowed=("real", "nominal", "not stated"),
            ),
            Column("unit", "str", "Unit of the value", allowed=("%",)),
            source_column(GROWTH_RATE_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="The price basis is read from the published unit. The investment caliber "
        "(全社会, 不含农户 or not stated) stays in `note`. " + CURRENT_PROCESSING,
        clean=clean_economy_growth_rates,
        gaps=N_(
            "Patchy: the copies read end before the later sections of most communiqués. No "
            "investment growth for Jilin 2022-2024, Heilongjiang 2020 and 2022-2024, Inner "
            "Mongolia 2020-2021 and 2024, China 2021, 2022 and 2024; income growth only for "
            "Liaoning 2021-2022 and 2024-2025, Heilongjiang 2021, Jilin 2023 (rural) and Inner "
            "Mongolia 2021-2022; budget "
            "growth mostly missing. Investment calibres differ from row to row."
        ),
    ),
    Dataset(
        name="economy_vital_statistics",
        title=N_("Births, deaths and urbanisation, first releases"),
        description="Births and deaths, birth, death and natural growth rates, and the urban "
        "share of the year-end resident population, 2020-2025, from the annual 1‰ (5‰ in "
        "census years) population sample surveys as the national and provincial communiqués "
        "and January releases print them.",
        sources=VITAL_SOURCES,
        columns=_current_columns(
            VITAL_SOURCES,
            Column("indicator", "str", "Series", allowed=tuple(VITAL_UNITS)),
            Column("value", "float", "Value in the unit given", min=-100),
            Column(
                "unit",
                "str",
                "Unit of the value",
                allowed=tuple(sorted({u for u, _ in VITAL_UNITS.values()})),
            ),
            source_column(VITAL_SOURCES),
            Column("copy", "str", "Host of the copy read (two copies may print two values)"),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "source_id", "copy"),
        processing=CURRENT_PROCESSING,
        clean=clean_economy_vital_statistics,
        gaps=N_(
            "No birth or death rates for Liaoning 2020, 2022 and 2024, Jilin 2020 and 2022-2024, "
            "Heilongjiang 2024, China 2020 (the 2020 communiqué waited for the census), Inner "
            "Mongolia 2020. Heilongjiang (2023, "
            "2024) and Jilin (2024) stopped publishing birth and death rates; Heilongjiang 2023 "
            "rates come from the China Statistical Yearbook 2024 as quoted by the press. "
            "Heilongjiang 2022's natural growth rate has two values (-5.75 ‰ in the communiqué, "
            "-5.11 ‰ as quoted by the press, probably the 2021 figure)."
        ),
    ),
    Dataset(
        name="economy_census_age",
        title=N_("Census age structure"),
        description="Shares of the resident population aged 0-14, 15-59, 60 and over and 65 "
        "and over at the 7th census (1 November 2020), with the change against the 6th census "
        "(2010) in percentage points where the communiqué prints it, and the 2010 shares where "
        "a 6th-census communiqué was read (Liaoning, China): the basis of an ageing finding.",
        sources=CENSUS_AGE_SOURCES,
        columns=(
            region_column(),
            year_column("Census year (the census date is 1 November)"),
            Column(
                "census",
                "str",
                "Census (release)",
                allowed=tuple(dict.fromkeys(SOURCES[s].release for s in CENSUS_AGE_SOURCES)),
            ),
            Column("age_group", "str", "Age group", allowed=tuple(AGE_GROUPS.values())),
            Column(
                "measure",
                "str",
                "Share of the population, or its change against the 2010 census as printed",
                allowed=("share", "change_pp_vs_2010"),
            ),
            Column("value", "float", "Value in the unit given", min=-100, max=100),
            Column("unit", "str", "Unit of the value", allowed=("%", "percentage points")),
            source_column(CENSUS_AGE_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "age_group", "measure", "source_id"),
        processing="A printed change is kept as printed (下降 = negative), never turned into a "
        "2010 level; 2010 levels are only those a 6th-census communiqué prints. "
        + CURRENT_PROCESSING,
        clean=clean_economy_census_age,
        gaps=N_(
            "2010 shares were read for Liaoning and China only (China's 15-59 share not), and the "
            "printed change against 2010 only for Liaoning, Inner Mongolia and China: Jilin's and "
            "Heilongjiang's age sections were not reached. Jilin's 65+ share is from the NBS table "
            "only. No 15-64 shares (the 7th-census documents print 15-59). Every copy read is a "
            "repost or a press summary (secondary)."
        ),
    ),
    Dataset(
        name="economy_census_education",
        title=N_("University-educated persons per 100,000, census"),
        description="Persons with university education (大专及以上) per 100,000 residents at "
        "the 7th census (2020) for the four provinces and China, and the 2010 figure where a "
        "communiqué prints it (Liaoning, Jilin, Inner Mongolia, China).",
        sources=CENSUS_EDUCATION_SOURCES,
        columns=(
            region_column(),
            year_column("Census year"),
            Column("census", "str", "Census (release) of the source"),
            Column(
                "univ_per_100k",
                "float",
                "University-educated persons per 100,000 residents",
                unit="persons per 100,000",
                min=0,
                max=100000,
            ),
            Column("unit", "str", "Unit of the value", allowed=("persons per 100,000",)),
            source_column(CENSUS_EDUCATION_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "source_id"),
        processing="A 2010 figure printed in a 7th-census communiqué keeps that source. "
        + CURRENT_PROCESSING,
        clean=clean_economy_census_education,
        gaps=N_(
            "Heilongjiang's 2010 figure was not found. The counts of university-educated persons "
            "(Liaoning, Inner Mongolia, China) are not catalogued: the figure per 100,000 is the "
            "comparable one."
        ),
    ),
    Dataset(
        name="economy_census_migration",
        title=N_("Migration at the 2020 census"),
        description="Residents living away from their household registration (人户分离), those "
        "within the same city's districts (市辖区内), the floating population (流动人口, the "
        "difference) and its inter- and intra-provincial parts, at the 7th census (1 November "
        "2020): China and Liaoning (with Liaoning's inflow from other provinces and the printed "
        "change against 2010). The national inter-provincial count is people living outside "
        "their registration province (at destination); Liaoning's inflow is people from other "
        "provinces living in Liaoning: two concepts, two indicators.",
        sources=MIGRATION_SOURCES,
        columns=(
            region_column(),
            year_column("Census year"),
            Column("census", "str", "Census (release) of the source"),
            Column("indicator", "str", "Series", allowed=tuple(MIGRATION_UNITS)),
            Column("value", "float", "Value in the unit given"),
            Column("unit", "str", "Unit of the value", allowed=(PERSONS_10K, "%")),
            source_column(MIGRATION_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="Persons converted to 10,000 persons (x 0.0001) here, once; a printed change "
        "kept as printed. " + CURRENT_PROCESSING,
        clean=clean_economy_census_migration,
        gaps=N_(
            "Jilin, Heilongjiang and Inner Mongolia: the migration sections of their census "
            "communiqués were not reached. Liaoning has no inter-provincial outflow (people "
            "registered in Liaoning living elsewhere). No 2010 levels except the change Liaoning "
            "prints."
        ),
    ),
    Dataset(
        name="economy_census_population",
        title=N_("Census resident population of each province, as its bulletin prints it"),
        description="Resident population of each whole province at the 7th census (1 November "
        "2020) and its change against the 6th census (2010), in persons and per cent, as the "
        "province's own 7th-census bulletin prints them (Liaoning and Jilin bulletins No. 1, "
        "the Heilongjiang and Inner Mongolia bulletins), with the 2010 population where the "
        "bulletin prints it: the official census change of each province. Inner Mongolia's "
        "figures cover the whole autonomous region.",
        sources=CENSUS_POPULATION_SOURCES,
        columns=(
            region_column(),
            Column("year", "int", "Census year (reference date 1 November)", min=2010, max=2020),
            Column(
                "census",
                "str",
                "Census (release) of the source",
                allowed=tuple(dict.fromkeys(SOURCES[s].release for s in CENSUS_POPULATION_SOURCES)),
            ),
            Column("indicator", "str", "Series", allowed=tuple(CENSUS_POPULATION_UNITS)),
            Column("value", "float", "Value in the unit given"),
            Column("unit", "str", "Unit of the value", allowed=("persons", "%")),
            source_column(CENSUS_POPULATION_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="Values as printed; a printed decrease (减少, 下降, 降幅) is negative. A 2010 "
        "population is only one the bulletin prints: its change is never turned into a 2010 "
        "level, nor recomputed against another release's 2010 figure. Each row's `note` quotes "
        "the words that print it and names the copy read.",
        clean=clean_economy_census_population,
        gaps=N_(
            "Jilin's bulletin prints no 2010 base (its change implies a revised base, not the "
            "first published 2010 total). Heilongjiang's figures were read only in a paraphrase "
            "citing its bulletin (secondary). No publisher's own copy of any bulletin was found: "
            "each was read in a repost."
        ),
    ),
    Dataset(
        name="economy_grain_output",
        title=N_("Grain output"),
        description="Grain output (粮食总产量) of the four provinces and China: the NBS portal "
        "series of c.2021 (revised after the 3rd agricultural census) for 2003, 2010 and 2015, "
        "and first releases 2010-2024 (NBS announcements, provincial releases). The two are "
        "different releases: China 2015 is 66060.3 in the portal, 62143.5 as first announced.",
        sources=GRAIN_SOURCES,
        columns=_current_columns(
            GRAIN_SOURCES,
            Column(
                "grain_10k_t",
                "float",
                "Grain output",
                unit=TONNES_10K,
                min=0,
            ),
            Column("printed", "str", "The figure as printed, with its unit (万吨 or 亿斤)"),
            Column("unit", "str", "Unit of the value", allowed=(TONNES_10K,)),
            source_column(GRAIN_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "release", "source_id", "printed"),
        processing="亿斤 converted to 10,000 tonnes (x 5: 1 jin = 0.5 kg), here, once, rounded "
        "to 4 decimals; the portal's unrounded values kept as stored. " + CURRENT_PROCESSING,
        clean=clean_economy_grain_output,
        gaps=N_(
            "Provincial first releases for 2020 (Liaoning, Jilin, Inner Mongolia), 2021 (Jilin, "
            "Inner Mongolia) and 2024 (all) were not found; Heilongjiang 2020 (7541) is a "
            "rounded figure. The portal series was read for 2003, 2010 and 2015 only."
        ),
    ),
]


# -- The 31 provinces (scripts/build_provinces.py): comparison and rank among provinces -------
PROVINCE_UNITS = {
    "gdp_nominal": YUAN_100M,
    "gdp_per_capita": YUAN_PER_PERSON,
    "population_year_end": PERSONS_10K,
}
MACRO_REGIONS = ("east", "centre", "west", "northeast")


def clean_economy_provinces(raw: pd.DataFrame) -> pd.DataFrame:
    value = pd.to_numeric(raw["value"], errors="coerce")
    known = raw["unit"] == raw["indicator"].map(PROVINCE_UNITS)
    frame = raw.assign(
        value=value.where(known),
        note=pd.Series("unknown indicator or unit", index=raw.index).where(~known),
        release=release_of(raw["source_id"]),
    )
    # Rank among the provinces that have a value, within one release, series and year
    # (1 = largest): a derived figure of one release, never across releases.
    rank = frame.groupby(["release", "indicator", "year"])["value"].rank(
        ascending=False, method="min"
    )
    count = frame.groupby(["release", "indicator", "year"])["value"].transform("count")
    return frame.assign(rank=rank, provinces_ranked=count)


PROVINCE_SOURCES = ("nbs_portal_2021_provinces", "nbs_portal_2025")
DATASETS += [
    Dataset(
        name="economy_provinces",
        title=N_("GDP, GDP per person and population of the 31 provinces"),
        description="Nominal GDP, GDP per person and year-end population of all 31 provinces, "
        "2000-2019, from one NBS portal release (`nbs-2021`, c.2021; GDP after the 4th economic "
        "census revision, population before the 7th-census revision), and nominal GDP of all "
        "31 provinces 2006-2024 from a second (`nbs-2025`, the 2025/26 export, after the 5th "
        "economic census), with the NBS four-region grouping (east, centre, west, northeast) "
        "and each province's rank among the 31 within its release: the basis for comparing "
        "the Northeast with China's other regions. Never join the two releases in one series.",
        sources=PROVINCE_SOURCES,
        columns=(
            Column("code", "str", "GB/T 2260 province code"),
            Column("name_zh", "str", "Province, as the portal names it"),
            Column("name_en", "str", "Province, English name"),
            Column(
                "macro_region",
                "str",
                "NBS four-region grouping (东西中部和东北地区划分方法, 2011)",
                allowed=MACRO_REGIONS,
            ),
            year_column(),
            release_column(PROVINCE_SOURCES),
            Column("indicator", "str", "Series", allowed=tuple(PROVINCE_UNITS)),
            Column("value", "float", "Value in the unit given", min=0),
            Column("unit", "str", "Unit of the value", allowed=tuple(PROVINCE_UNITS.values())),
            Column(
                "rank",
                "float",
                "Rank among the provinces with a value that year (1 = largest)",
                min=1,
                max=31,
            ),
            Column("provinces_ranked", "int", "Provinces with a value that year", min=1, max=31),
            source_column(PROVINCE_SOURCES),
            NOTE,
        ),
        primary_key=("code", "year", "indicator", "release"),
        processing="Values as the portal stores them; ranks computed here within one release, "
        "series and year (ties share the better rank). Compiled by scripts/build_provinces.py "
        "from the pinned commits of the scrape and of the export, one raw file per release.",
        clean=clean_economy_provinces,
        raw_columns=(
            "code",
            "name_zh",
            "name_en",
            "macro_region",
            "year",
            "indicator",
            "value",
            "unit",
        ),
        gaps=N_(
            "GDP per person and population only 2000-2019 (`nbs-2021`): the 2025/26 export "
            "(`nbs-2025`, 2006-2024) gives GDP only, so no rank by GDP per person after 2019. "
            "The national GDP of the c.2021 release is in economy_value_added (release "
            "nbs-2021); neither release's file has a national row. Population after the "
            "7th-census revision is not in the c.2021 scrape."
        ),
    ),
]
