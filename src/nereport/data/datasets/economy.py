"""Economy: GDP with its vintages, population, sector structure, employment."""

from __future__ import annotations

import pandas as pd

from nereport.data.datasets._common import (
    NOTE,
    indicator_columns,
    region_column,
    source_column,
    to_units,
    vintage_of,
    year_column,
)
from nereport.data.declarations import Column, Dataset
from nereport.data.sources import SOURCES

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


def clean_economy_gdp(raw: pd.DataFrame) -> pd.DataFrame:
    gdp = to_units(raw, {"gdp_nominal": (YUAN_100M, {YUAN_100M: 1.0})})
    return gdp.assign(vintage=vintage_of(gdp["source_id"]), gdp_cny_100m=gdp["value"])


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
        title="Gross regional product, every vintage",
        description="Nominal gross regional product (current prices) of the provinces, the "
        "Northeast and China, in every vintage found. NBS revised provincial GDP after the 4th "
        "(2018) and 5th (2023) economic censuses and the vintages differ widely (compare Liaoning "
        "2013 across vintages), so each row names its vintage and a series must use one vintage only. Default "
        "vintage: `nbs-2025` (newest). Only `cnki-mixed` has national GDP: use it for shares of "
        "the national economy (`nereport.series` picks it when China is asked for).",
        sources=GDP_SOURCES,
        columns=(
            region_column(),
            year_column(),
            _vintage_column(GDP_SOURCES),
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
        processing="Values as published, in 100 million yuan; vintage taken from the source.",
        clean=clean_economy_gdp,
        default_vintage="nbs-2025",
        gaps="No national GDP after 2019 and none in the NBS 2018/2025 releases; no prefecture "
        "GDP for the five eastern Inner Mongolia prefectures; no real (constant-price) growth "
        "after 1999; no GDP per capita. The 2022 first-release figures seen only as constants in "
        "an unnamed code file are left out.",
    ),
    Dataset(
        name="economy_population",
        title="Year-end population, every vintage",
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
        gaps="National population after 2019 and provincial population after 2020 were not in "
        "the files read; nothing for the Inner Mongolia prefectures.",
    ),
    Dataset(
        name="economy_gdp_by_sector",
        title="Value added by sector, with shares of GDP",
        description="Value added of the primary, secondary and tertiary sectors (and industry, "
        "construction, real estate and finance) by province, 2002-2011, and for the Northeast in "
        "2005; construction 1995-1999. Shares are computed against the GDP total of the same "
        "source table.",
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
        gaps="No sector data after 2011 (nor shares for 2012 onwards) and none for China as a "
        "whole except the 2005 provincial sum; construction has no share (its table has no GDP).",
    ),
    Dataset(
        name="economy_employment",
        title="Employment and unemployment",
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
        gaps="Urban registered unemployment rate by province for 1991-2002 and 2006 onwards, and "
        "SOE employment as such, were not found.",
    ),
]
