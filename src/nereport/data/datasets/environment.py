"""Environment: CO2 emissions, forest inventories, nature reserves, pollutant discharges."""

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
from nereport.data.datasets.economy import percent_above_100
from nereport.data.declarations import Column, Dataset

CO2_SOURCES = ("ceads_provinces", "ceads_national")
FOREST_SOURCES = (
    "csy2009_t11_35",
    "sfa_inventory6_press_inv5",
    "sfa_inventory6_press",
    "sfa_inventory7",
    "sfa_inventory9_2014",
    "sfa_inventory9_2015",
    "jilin_gov_forest",
    "heilongjiang_forestry_journal",
)
RESERVE_SOURCES = (
    "csy2002_t22_49",
    "csy2009_t11_40",
    "mee_bulletin_2018",
    "heilongjiang_epd_2010",
    "xinhua_2009_heilongjiang",
    "xinhua_2011_heilongjiang",
)
POLLUTANT_SOURCES = ("csy2009_t11_19", "csy2011_t12_19", "csy2011_t12_24")

HA_10K = "10,000 ha"
M3_10K = "10,000 m³"


def clean_environment_co2(raw: pd.DataFrame) -> pd.DataFrame:
    co2 = to_units(raw, {"co2_emissions_ipcc_sectoral": ("Mt CO2", {"t CO2": 1e-6})})
    return co2.assign(co2_mt=co2["value"])


FOREST_UNITS = {
    "forest_area": (HA_10K, {HA_10K: 1.0}),
    "forest_coverage": ("%", {"%": 1.0}),
    "forest_stock_volume": (M3_10K, {"10,000 cu m": 1.0}),
    "total_standing_stock_volume": (M3_10K, {"10,000 cu m": 1.0}),
    "forestry_land_area": (HA_10K, {HA_10K: 1.0}),
    "natural_forest_area": (HA_10K, {HA_10K: 1.0}),
    "plantation_forest_area": (HA_10K, {HA_10K: 1.0}),
}


def clean_environment_forest_cover(raw: pd.DataFrame) -> pd.DataFrame:
    forest = to_units(raw, FOREST_UNITS)
    return forest.assign(inventory=vintage_of(forest["source_id"]))


RESERVE_UNITS = {
    "nature_reserves_number": ("count", {"count": 1.0}),
    "nature_reserves_national_level_number": ("count", {"count": 1.0}),
    # 1 ha = 1e-4 x 10,000 ha; 10,000 sq km = 1e6 ha = 100 x 10,000 ha
    "nature_reserves_area": (HA_10K, {HA_10K: 1.0, "ha": 1e-4, "10,000 sq km": 100.0}),
    "nature_reserves_national_level_area": (HA_10K, {HA_10K: 1.0, "10,000 sq km": 100.0}),
    "nature_reserves_share_of_area": ("%", {"%": 1.0}),
    "nature_reserves_share_of_land_area": ("%", {"%": 1.0}),
}


def clean_environment_nature_reserves(raw: pd.DataFrame) -> pd.DataFrame:
    return to_units(raw, RESERVE_UNITS)


POLLUTANT_UNITS = {
    ind: ("10,000 t", {"10,000 t": 1.0})
    for ind in (
        "ammonia_n_discharge_industry",
        "ammonia_n_discharge_residential",
        "cod_discharge_industry",
        "cod_discharge_residential",
        "dust_emission_industry",
        "so2_emission_industry",
        "so2_emission_residential",
        "soot_emission_industry",
        "soot_emission_residential",
        "industrial_waste_water_discharge",
        "residential_waste_water_discharge",
    )
}
POLLUTANT_UNITS["industrial_waste_gas_emission"] = ("100 million m³", {"100 million cu m": 1.0})


def clean_environment_pollutants(raw: pd.DataFrame) -> pd.DataFrame:
    return to_units(raw, POLLUTANT_UNITS)


DATASETS = [
    Dataset(
        name="environment_co2",
        title="CO2 emissions (CEADs)",
        description="Total CO2 emissions from fossil fuels and cement by province (1998-2019) "
        "and for China (1997-2019), IPCC sectoral approach, from the CEADs inventories. CEADs "
        "and NBS energy balances differ, so these are not NBS figures.",
        sources=CO2_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column("co2_mt", "float", "CO2 emissions", unit="Mt CO2", min=0),
            source_column(CO2_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year"),
        processing="Converted from tonnes to million tonnes.",
        clean=clean_environment_co2,
        gaps="No sector or fuel detail (the CEADs workbooks were not parsed); nothing after "
        "2019; no Northeast aggregate is published (reports sum the provinces).",
    ),
    Dataset(
        name="environment_forest_cover",
        title="Forest resources by national forest inventory",
        description="Forest area, forest coverage and stock volume from the national forest "
        "inventories (6th 1999-2003 by province; 7th national headline; 9th provincial results "
        "2014/2015) and two provincial figures. `year` is the inventory's end or survey year.",
        sources=FOREST_SOURCES,
        columns=(
            region_column(),
            year_column("Inventory end year or survey year"),
            Column("inventory", "str", "Inventory or release the figure belongs to"),
            *indicator_columns(FOREST_UNITS, FOREST_SOURCES),
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="Values as published; '10,000 cu m' written as 10,000 m³; the inventory is "
        "taken from the source.",
        clean=clean_environment_forest_cover,
        row_checks=(("percentage above 100", percent_above_100),),
        gaps="No 7th or 8th inventory figures by province, and no 9th-inventory figures for "
        "Inner Mongolia or the national total. Provincial-definition figures (Jilin 2019, "
        "Heilongjiang c.2011) are not comparable with inventory figures.",
    ),
    Dataset(
        name="environment_nature_reserves",
        title="Nature reserves",
        description="Number, area and share of territory of nature reserves by province in 2001 "
        "and 2008 (NBS yearbooks), national totals for 2018 (MEE) and Heilongjiang press figures "
        "for 2009-2011.",
        sources=RESERVE_SOURCES,
        columns=(
            region_column(),
            year_column(),
            *indicator_columns(RESERVE_UNITS, RESERVE_SOURCES),
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="Areas converted to 10,000 ha (from ha, and from 10,000 km² x 100).",
        clean=clean_environment_nature_reserves,
        row_checks=(("percentage above 100", percent_above_100),),
        gaps="No provincial series after 2008 except Heilongjiang press figures; no figures for "
        "the five eastern Inner Mongolia prefectures.",
    ),
    Dataset(
        name="environment_pollutants",
        title="Industrial and residential pollutant discharges",
        description="Waste water, COD and ammonia-nitrogen discharges (2008, 2010) and SO2, soot "
        "and dust emissions and industrial waste gas (2010) by province, NBS yearbooks.",
        sources=POLLUTANT_SOURCES,
        columns=(
            region_column(),
            year_column(),
            *indicator_columns(POLLUTANT_UNITS, POLLUTANT_SOURCES),
        ),
        primary_key=("region", "year", "indicator"),
        processing="Values as published; '100 million cu m' written as 100 million m³.",
        clean=clean_environment_pollutants,
        gaps="2008 SO2 by province was not found; the 2008 city rows (Shenyang, Changchun, "
        "Harbin) are left out because their unit is not visible in the copy read; no PM2.5 for "
        "Northeast cities; no series after 2010.",
    ),
]
