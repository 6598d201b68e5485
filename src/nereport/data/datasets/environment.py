"""Environment: CO2 emissions, energy use, forest inventories and wetlands, nature reserves,
pollutant emissions, air quality (PM2.5) and surface-water quality."""

from __future__ import annotations

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
from nereport.data.datasets.economy import percent_above_100
from nereport.data.declarations import Column, Dataset
from nereport.i18n import N_

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


# The remarks the forest figures are published with (the published unit's bracket), as a reader
# sees them in the report's tables: declared here, their one home, and translated where shown.
FOREST_NOTES = (
    N_("5th inventory 1994-1998"),
    N_("6th inventory 1999-2003"),
    N_("provincial figure"),
    N_("provincial figure, provincial definition"),
    N_("stated as 1.75亿公顷"),
)


def clean_environment_forest_cover(raw: pd.DataFrame) -> pd.DataFrame:
    forest = to_units(raw, FOREST_UNITS)
    return forest.assign(inventory=release_of(forest["source_id"]))


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
        title=N_("CO2 emissions (CEADs)"),
        description="Total CO2 emissions from fossil fuels and cement by province (1998-2019) "
        "and for China (1997-2019), IPCC sectoral approach, from the CEADs inventories. CEADs "
        "and NBS energy balances differ, so these are not NBS figures.",
        sources=CO2_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column("co2_mt", "float", N_("CO2 emissions"), unit=N_("Mt CO2"), min=0),
            source_column(CO2_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year"),
        processing="Converted from tonnes to million tonnes.",
        clean=clean_environment_co2,
        gaps=N_(
            "No sector or fuel detail (of the CEADs workbooks only the Scope 1 totals of "
            "2010-2019 were re-read, for all five regions: they agree with these rows within 1 t, "
            "so they are the same release and not a second source); nothing after 2019 (no later "
            "CEADs release was found); no Northeast aggregate is published (reports sum the "
            "provinces)."
        ),
    ),
    Dataset(
        name="environment_forest_cover",
        title=N_("Forest resources by national forest inventory"),
        description="Forest area, forest coverage and stock volume from the national forest "
        "inventories (6th 1999-2003 by province; 7th national headline; 9th provincial results "
        "2014/2015) and two provincial figures. `year` is the inventory's end or survey year.",
        sources=FOREST_SOURCES,
        columns=(
            region_column(),
            year_column("Inventory end year or survey year"),
            Column("inventory", "str", "Inventory or release the figure belongs to"),
            *indicator_columns(FOREST_UNITS, FOREST_SOURCES)[:-1],
            Column(
                "note",
                "str",
                "Remark on the row as published (survey period, definition)",
                required=False,
                allowed=FOREST_NOTES,
            ),
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="Values as published; '10,000 cu m' written as 10,000 m³; the inventory is "
        "taken from the source.",
        clean=clean_environment_forest_cover,
        row_checks=(("percentage above 100", percent_above_100),),
        gaps=N_(
            "No 7th or 8th inventory figures by province, and no 9th-inventory figures for "
            "Inner Mongolia or the national total. Provincial-definition figures (Jilin 2019, "
            "Heilongjiang c.2011) are not comparable with inventory figures."
        ),
    ),
    Dataset(
        name="environment_nature_reserves",
        title=N_("Nature reserves"),
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
        gaps=N_(
            "No provincial series after 2008 except Heilongjiang press figures; no figures for "
            "the five eastern Inner Mongolia prefectures."
        ),
    ),
    Dataset(
        name="environment_pollutants",
        title=N_("Pollutant discharges, 2008 and 2010"),
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
        gaps=N_(
            "2008 SO2 by province was not found; the 2008 city rows (Shenyang, Changchun, "
            "Harbin) are left out because their unit is not visible in the copy read; no series "
            "after 2010 here (SO2, NOx and soot and dust 2011-2017: environment_air_pollutants; "
            "PM2.5: environment_pm25)."
        ),
    ),
]


# -- Figures added later (env2_*; notes/env-figures.md) ----------------------------------------
# The reference's `unit` field names the unit first and then, after " (" or ";", the release or
# statistical scope ("10,000 t; environmental statistics 2011-2015 scope"). Values are converted
# by that published unit; the scope, network or survey is read from the rest, through ordered
# tables below that fail (leave the column empty, which validation reports) on an unknown text.

SCE_10K = "10,000 t SCE"
PCT_OF_ENERGY = "% of total energy consumption"
PCT_CHANGE = "% change on previous year"
T_10K = N_("10,000 t")

ENERGY_SOURCES = (
    "nbs_portal_2021",
    "nbs_portal_2019",
    "nbs_communique_2011",
    "nbs_communique_2014",
    "nbs_communique_2019",
    "nbs_first_releases",
)
ENERGY_MIX_SOURCES = (
    "nbs_portal_2021",
    "nbs_energy_2012",
    "nbs_communique_2019",
    "nbs_first_releases",
    "mee_bulletin_2022",
)
COAL_SOURCES = ("nbs_portal_2021",)
AIR_SOURCES = (
    "nbs_portal_2021",
    "mep_envstats_2010",
    "mep_bulletin_2012",
    "mep_envstats_2012",
    "mep_reduction_2014",
    "inner_mongolia_envstats_2014",
    "census2_bulletin",
    "mee_envstats_2020",
)
PM25_SOURCES = (
    "mep_bulletin_2013",
    "mep_air_2015",
    "mep_air_2016",
    "mee_bulletin_2017",
    "mee_bulletin_2018",
    "mee_bulletin_2019",
    "mee_air_2020",
    "mee_bulletin_2021",
    "mee_bulletin_2022",
    "mee_bulletin_2023",
    "mee_conference_2025",
    "liaoning_health_white_paper",
    "liaoning_daily_2022",
    "jilin_dee_2022",
    "jilin_bulletin_2022",
    "jilin_dee_2024",
    "heilongjiang_bulletin_2016",
    "harbin_epb_2016",
    "heilongjiang_bulletin_2019",
    "inner_mongolia_dee_2022",
    # env3 (sources.py, the econ3/env3/demo block)
    "mee_env_secondary",
    "jilin_env_secondary",
    "heilongjiang_env_secondary",
    "inner_mongolia_env_secondary",
)
WATER_SOURCES = (
    "mep_bulletin_2013",
    "mep_bulletin_2015",
    "mep_bulletin_2016",
    "mee_bulletin_2017",
    "mee_water_2018",
    "mee_bulletin_2019",
    "mee_water_2020",
    "mee_water_2021",
    "mee_bulletin_2021",
    "mee_water_2022",
    "mee_bulletin_2022",
    "mee_bulletin_2023",
    "mee_conference_2025",
    "liaoning_daily_2022",
    "jilin_bulletin_2014",
    "jilin_bulletin_2022",
    "jilin_dee_2024",
    "heilongjiang_bulletin_2016",
    "heilongjiang_bulletin_2019",
    "heilongjiang_bulletin_2022",
    "heilongjiang_bulletin_2024",
)
FOREST_WETLAND_SOURCES = (
    "sfa_inventory7_portal",
    "sfa_inventory8_portal",
    "sfa_inventory9_portal",
    "sfa_inventory8",
    "inner_mongolia_forest_2014",
    "nfga_monitoring_2021",
    "greening_bulletin_2022",
    "heilongjiang_bulletin_2019",
    "jilin_dee_2024",
    "csy2005_t12_19",
    "sfa_wetland_survey2",
    "land_survey3_bulletin",
    "heilongjiang_land_survey3",
)


def split_published_unit(unit: str) -> tuple[str, str]:
    """'10,000 ha (9th NFI (2014-2018)); year = inventory end year' ->
    ('10,000 ha', '9th NFI (2014-2018); year = inventory end year'): the unit, then the remark."""
    cuts = [i for i in (unit.find(" ("), unit.find(";")) if i >= 0]
    if not cuts:
        return unit.strip(), ""
    base, rest = unit[: min(cuts)].strip(), unit[min(cuts) :].strip().lstrip(";").strip()
    if rest.startswith("("):
        depth = 0
        for i, char in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                inner, after = rest[1:i], rest[i + 1 :].strip().lstrip(";").strip()
                return base, "; ".join(part for part in (inner, after) if part)
        rest = rest[1:]
    return base, rest


def published_units(raw: pd.DataFrame) -> pd.DataFrame:
    """The unit as published in `unit`, its remark (release, scope) moved to `note`."""
    base, remark = (
        zip(*raw["unit"].map(split_published_unit), strict=True) if len(raw) else ((), ())
    )
    return raw.assign(
        unit=pd.Series(base, index=raw.index, dtype=object),
        note=join_notes(raw["note"], pd.Series(remark, index=raw.index, dtype=object)),
    )


def label_by_text(text: pd.Series, table: tuple[tuple[str, str], ...]) -> pd.Series:
    """The label of the first (substring, label) of ``table`` found in each text; else None."""

    def first(value: str) -> str | None:
        return next((label for needle, label in table if needle in value), None)

    return text.fillna("").map(first)


ENERGY_UNITS = {
    "total_energy_consumption": (SCE_10K, {SCE_10K: 1.0, "100 million t SCE": 1e4}),
    "coal_consumption_sce": (SCE_10K, {SCE_10K: 1.0}),
}


def clean_environment_energy(raw: pd.DataFrame) -> pd.DataFrame:
    # First releases print 100 million t (亿吨), the portal exports 10,000 t: one unit here.
    energy = to_units(published_units(raw), ENERGY_UNITS)
    return energy.assign(release=release_of(energy["source_id"]), energy_10k_tce=energy["value"])


COAL_UNITS = {"coal_consumption_physical": (T_10K, {"10,000 t of coal": 1.0})}


def clean_environment_coal_use(raw: pd.DataFrame) -> pd.DataFrame:
    coal = to_units(published_units(raw), COAL_UNITS)
    return coal.assign(coal_10k_t=coal["value"])


ENERGY_MIX_UNITS = {
    "coal_share_of_energy_consumption": (PCT_OF_ENERGY, {PCT_OF_ENERGY: 1.0}),
    "clean_energy_share_of_energy_consumption": (PCT_OF_ENERGY, {"%": 1.0}),
    "energy_per_gdp_change": (
        PCT_CHANGE,
        {"% change of energy consumption per 10,000 yuan GDP": 1.0},
    ),
    "co2_per_gdp_change": (
        PCT_CHANGE,
        {
            "% change of CO2 per 10,000 yuan GDP": 1.0,
            "% change of CO2 per 10,000 yuan GDP vs previous year": 1.0,
        },
    ),
}


def clean_environment_energy_mix(raw: pd.DataFrame) -> pd.DataFrame:
    mix = to_units(published_units(raw), ENERGY_MIX_UNITS)
    return mix.assign(release=release_of(mix["source_id"]))


def share_outside_0_100(frame: pd.DataFrame) -> pd.Series:
    return (frame["unit"] == PCT_OF_ENERGY) & ~frame["value"].between(0, 100)


AIR_POLLUTANTS = {  # raw indicator -> pollutant
    "so2_emission_total": "so2",
    "nox_emission_total": "nox",
    "soot_dust_emission_total": "soot_dust",
    "soot_dust_emission_industrial": "soot_dust_industrial",
    "soot_emission_urban_living": "soot_urban_living",
    "particulate_emission_total": "particulate",
    "soot_emission_total": "soot",
    "industrial_dust_emission": "industrial_dust",
    "vocs_emission_total": "vocs",
}
AIR_UNITS = {ind: (T_10K, {T_10K: 1.0, "million t": 100.0}) for ind in AIR_POLLUTANTS}
# Statistical scope, read from the published unit text (first match wins). A line joins the
# years of one region, pollutant and scope only.
AIR_SCOPES = (
    ("pre-2011", "env-stats-2010"),
    ("total-emission-control", "total-control-2014"),
    ("2nd national pollution-source census", "census-2017"),
    ("post-2nd-census system", "emission-source-2020"),
    # The VOCs row of the same 2020 report names no scope: its unit says only this.
    ("first year reported in the statistical yearbook", "emission-source-2020"),
    ("2016 environmental-statistics value", "env-stats-2016"),
    ("2017 烟(粉)尘 value as in the portal", "portal-2017-soot-dust"),
    ("coverage adjusted nationally from 2014", "env-stats-2014"),
    ("statistical coverage enlarged in 2014", "env-stats-2014"),
    ("2011-2015 scope", "env-stats-2011"),
)
SCOPE_MEANING = {
    "env-stats-2010": "environmental statistics before 2011 (industry and urban living; soot and "
    "industrial dust apart)",
    "env-stats-2011": "environmental statistics 2011-2015 (adds motor vehicles and centralised "
    "treatment; soot and dust merged as 烟(粉)尘); for soot and dust 2011-2013 only",
    "env-stats-2014": "soot and dust (烟(粉)尘) from 2014, when their coverage was enlarged",
    "total-control-2014": "total-emission-control accounting (减排核算) for 2014",
    "env-stats-2016": "first-published 2016 environmental statistics (scope change undocumented "
    "in the sources read, so not joined to 2015)",
    "census-2017": "2nd national pollution-source census basis (reference year 2017)",
    "portal-2017-soot-dust": "the portal's 2017 烟(粉)尘, not the census particulate figure "
    "(basis undocumented)",
    "emission-source-2020": "emission-source statistics from 2020 (颗粒物 replaces 烟(粉)尘)",
}


AIR_KEY = ("region", "year", "pollutant", "scope")


def primary_rows(frame: pd.DataFrame, key: tuple[str, ...], sources: tuple[str, ...]) -> pd.Series:
    """True on one row per ``key``: the one whose source comes first in ``sources`` (the order
    of preference). Two sources of one year and scope are two copies of one figure, never two
    parts of it: a sum or a line takes the primary row only."""
    rank = frame["source_id"].map({s: i for i, s in enumerate(sources)})
    first = rank.groupby([frame[k] for k in key], dropna=False).transform("min")
    return (rank == first).astype(bool)


def clean_environment_air_pollutants(raw: pd.DataFrame) -> pd.DataFrame:
    scope = label_by_text(raw["unit"], AIR_SCOPES)
    air = to_units(published_units(raw), AIR_UNITS)
    air = air.assign(
        pollutant=air["indicator"].map(AIR_POLLUTANTS), scope=scope, emission_10k_t=air["value"]
    )
    # The portal's series comes first: its years run in one release; a second copy of the same
    # year and scope (a bulletin, a press report) is kept beside it, not primary.
    return air.assign(primary=primary_rows(air, AIR_KEY, AIR_SOURCES))


def not_one_primary(frame: pd.DataFrame) -> pd.Series:
    """Rows of an air-pollutant key (region, year, pollutant, scope) without exactly one
    primary row."""
    count = frame.groupby(list(AIR_KEY), dropna=False)["primary"].transform(
        lambda p: int(p.fillna(False).astype(bool).sum())
    )
    return count != 1


# Station network (city set) of a PM2.5 mean, read from the published unit (first match wins).
PM25_NETWORKS = (
    ("74 first-phase", N_("74 cities (first phase)")),
    ("mean of 338", N_("338 cities")),
    ("mean of 337", N_("337 cities")),
    ("mean of 339", N_("339 cities")),
    ("city count not printed", N_("cities (count not printed)")),
    # env3 (2020-2025 bulletins and releases): the national mean whose city count is not
    # printed comes before the provincial "prefecture-level-and-above cities".
    ("national mean of prefecture-level-and-above", N_("cities (count not printed)")),
    ("9 prefecture-level city seats", N_("provincial mean (9 prefecture-level city seats)")),
    ("PM2.5 (province)", N_("provincial mean")),
    ("PM2.5 (region)", N_("regional mean")),  # an autonomous region: 全区, not 全省
    ("13 cities/prefectures", N_("provincial mean (13 cities and prefectures)")),
    ("12 leagues/cities", N_("regional mean (12 leagues and cities)")),
    ("provincial annual mean", N_("provincial mean")),
    ("prefecture-level-and-above cities", N_("prefecture-level cities of the province")),
    ("city annual mean", N_("city mean")),
)


def clean_environment_pm25(raw: pd.DataFrame) -> pd.DataFrame:
    network = label_by_text(raw["unit"], PM25_NETWORKS)
    # env3 rows write the unit with its words: 'ug/m3 annual mean PM2.5 (<cities>)'.
    printed = {"ug/m3": 1.0, "ug/m3 annual mean PM2.5": 1.0}
    pm = to_units(published_units(raw), {"pm25_annual_mean": ("µg/m³", printed)})
    return pm.assign(network=network, pm25_ugm3=pm["value"])


# The section networks a water share refers to and the basin grades, as published and as a
# reader sees them in the report's captions: declared here, their one home, and translated where
# shown (a new one fails validation until it is declared, and so translated).
WATER_NETWORKS = (
    N_("111 national assessment sections in Jilin"),
    N_("150 national assessment sections in Liaoning (good = grade I-III)"),
    N_("1940 national surface-water assessment sections"),
    N_("3641 national surface-water assessment sections"),
    N_("62 national assessment sections in Heilongjiang"),
    N_("74 assessed national+provincial river sections in Jilin (20 rivers)"),
    N_("967 national-control surface-water sections (rivers and lakes)"),
    N_("national assessment sections"),
    N_("national surface-water assessment sections"),
    N_("national-control sections in the 10 basins (7 major basins + Zhe-Min, NW and SW rivers)"),
    N_("national-control sections, after deducting natural-background influence (as stated)"),
    N_("provincial river monitoring sections (provincial network)"),
    N_("sections in the 10 basins (2018 MEE monthly/annual assessment network)"),
    N_("sections in the 7 major basins + NW, SW and Zhe-Min rivers"),
)
WATER_GRADES = (
    N_("good (良好)"),
    N_("good (良好) (improved from lightly polluted)"),
    N_("lightly polluted (轻度污染)"),
)


def clean_environment_water(raw: pd.DataFrame) -> pd.DataFrame:
    # Three kinds of published unit: '% of <sections>' (a share; the sections are the network),
    # 'number of sections (...)' (a count) and 'category (...)' (a basin grade, as text).
    unit = raw["unit"].fillna("")
    share = unit.str.startswith("% of ")
    count = unit.str.startswith("number of sections")
    grade = unit.str.startswith("category")
    kind = pd.Series(None, index=raw.index, dtype=object)
    kind[share], kind[count], kind[grade] = "%", "sections", "category"
    remark = unit.map(lambda u: split_published_unit(u)[1]).where(~share, "")
    unknown = ("unknown published unit " + unit).where(kind.isna(), "")
    value = pd.to_numeric(raw["value"], errors="coerce")
    return raw.assign(
        unit=kind,
        network=unit.str.removeprefix("% of ").where(share),
        share_pct=value.where(share),
        sections=value.where(count),
        status=raw["value"].where(grade),
        note=join_notes(raw["note"], remark, unknown),
    )


def not_one_kind_of_value(frame: pd.DataFrame) -> pd.Series:
    """A water row holds exactly one of a share, a count or a grade."""
    present = frame[["share_pct", "sections", "status"]].notna().sum(axis=1)
    return present != 1


FOREST_WETLAND_UNITS = {
    # 1 亿公顷 (100 million ha) = 10,000 x 10,000 ha; 15 mu = 1 ha, so 1 亿亩 = 10,000/15 x
    # 10,000 ha and 1 万亩 = 1/15 x 10,000 ha; 1,000 ha = 0.1 x 10,000 ha.
    "forest_area": (HA_10K, {HA_10K: 1.0, "100 million ha": 1e4, "100 million mu": 1e4 / 15}),
    "forestry_land_area": (HA_10K, {HA_10K: 1.0}),
    "plantation_forest_area": (HA_10K, {HA_10K: 1.0, "100 million ha": 1e4}),
    "forest_coverage": ("%", {"%": 1.0}),
    "forest_stock_volume": (M3_10K, {"100 million m3": 1e4}),
    "total_standing_stock_volume": (M3_10K, {"100 million m3": 1e4}),
    "wetland_area": (HA_10K, {HA_10K: 1.0, "1,000 ha": 0.1, "10,000 mu": 1 / 15}),
    "wetland_share_of_land_area": ("%", {"%": 1.0}),
}
# Inventory or survey, read from the published unit (first match wins; the Inner Mongolia
# regional inventory of 2013 also names the 8th national cycle, so it comes first).
FOREST_SURVEYS = (
    ("regional inventory 2008", "inner-mongolia-2008"),
    ("regional inventory 2013", "inner-mongolia-2013"),
    ("provincial definition", "provincial-definition"),
    ("7th national forest inventory", "inventory-7"),
    ("8th NFI", "inventory-8"),
    ("8th national inventory", "inventory-8"),
    ("8th inventory", "inventory-8"),
    ("9th NFI", "inventory-9"),
    ("2021 monitoring", "monitoring-2021"),
    ("forest-grassland-wetland monitoring", "monitoring-2021"),
    ("greening bulletin", "greening-2022"),
    ("1st national wetland survey", "wetland-survey-1"),
    ("2nd national wetland", "wetland-survey-2"),
    ("3rd national land survey", "land-survey-3"),
    ("3rd land survey", "land-survey-3"),
)


def clean_environment_forest_wetland(raw: pd.DataFrame) -> pd.DataFrame:
    survey = label_by_text(raw["unit"], FOREST_SURVEYS)
    forest = to_units(published_units(raw), FOREST_WETLAND_UNITS)
    return forest.assign(survey=survey)


DATASETS += [
    Dataset(
        name="environment_energy",
        title=N_("Energy consumption of China, every release"),
        description="Total energy consumption and coal consumption of China in standard coal "
        "equivalent: the NBS portal release of c.2021 (2000-2019), the c.2019 export "
        "(2014-2018) and first releases (2011, 2014, 2019-2021). NBS revises energy totals "
        "after each economic census (China 2014: 42.6亿t first released, 425806 in the c.2019 "
        "export, 428334 in the c.2021 release), so each row names its release and a line uses "
        "one. Default release: `nbs-2021`. National only: no provincial total energy "
        "consumption was found.",
        sources=ENERGY_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column(
                "indicator",
                "str",
                "Total energy consumption, or coal consumption in standard coal equivalent",
                allowed=tuple(ENERGY_UNITS),
            ),
            release_column(ENERGY_SOURCES),
            Column("energy_10k_tce", "float", "Energy consumption", unit=SCE_10K, min=0),
            source_column(ENERGY_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "release"),
        processing="First releases printed in 100 million t SCE (亿吨标准煤) converted to "
        "10,000 t SCE (x 10,000); the release taken from the source; the published "
        "unit's remark kept in `note`.",
        clean=clean_environment_energy,
        default_release=releases.MAIN,
        gaps=N_(
            "No provincial total energy consumption was found in any source (provincial coal "
            "in physical tonnes is in environment_coal_use); no national total for 2022-2023 (the "
            "communiqué figures were not found in a readable copy). The first releases are single "
            "preliminary figures, each its own release, so they are not joined to the portal series."
        ),
    ),
    Dataset(
        name="environment_coal_use",
        title=N_("Coal consumption in physical tonnes"),
        description="Coal consumption (煤炭消费量) in physical tonnes, not standard coal "
        "equivalent: the four provinces 2000-2017 and China 2000-2018, NBS portal release of "
        "c.2021. Not comparable with the standard-coal figures of environment_energy.",
        sources=COAL_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column(
                "coal_10k_t",
                "float",
                "Coal consumption in physical tonnes",
                unit=T_10K,
                min=0,
            ),
            source_column(COAL_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year"),
        processing="Values as published (unrounded where the portal stores them so), in "
        "10,000 t; the national export prints no unit (the provincial table's 万吨 applies).",
        clean=clean_environment_coal_use,
        gaps=N_(
            "Provinces end in 2017 and China in 2018; no provincial coal in standard coal "
            "equivalent or coal shares; provincial electricity consumption is not included."
        ),
    ),
    Dataset(
        name="environment_energy_mix",
        title=N_("Energy mix and intensity changes of China"),
        description="Share of coal and of clean energy in total energy consumption, and the "
        "change of energy and CO2 per 10,000 yuan of GDP on the previous year, for China: the "
        "NBS portal c.2021 (coal share 2014-2019), first releases (2019-2021), a report of "
        "2012 and the MEE bulletin for 2022. Rows of different releases stay apart (`release`).",
        sources=ENERGY_MIX_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column("indicator", "str", "Series", allowed=tuple(ENERGY_MIX_UNITS)),
            release_column(ENERGY_MIX_SOURCES),
            Column("value", "float", "Value in the unit given"),
            Column(
                "unit",
                "str",
                "Unit of the value",
                allowed=(PCT_OF_ENERGY, PCT_CHANGE),
            ),
            source_column(ENERGY_MIX_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "release"),
        processing="Values as published; a decrease ('下降') is a negative change; the "
        "published unit's remark kept in `note`.",
        clean=clean_environment_energy_mix,
        row_checks=(("share outside 0-100", share_outside_0_100),),
        gaps=N_(
            "National only; coal share only for 2012 and 2014-2020, clean-energy share 2020-2021, "
            "intensity changes 2020-2022; the 2012 figure comes from a trade-press report that does "
            "not name the NBS release."
        ),
    ),
    Dataset(
        name="environment_air_pollutants",
        title=N_("SO2, NOx and particulate emissions, by statistical scope"),
        description="Emissions of SO2, NOx and soot and dust (烟(粉)尘) by province and for "
        "China, 2011-2017 (NBS portal c.2021), with national figures from MEP/MEE reports for "
        "2010, 2012, 2014, the 2017 pollution-source census and 2020. The statistical scope "
        "changed in 2011, 2014 (soot and dust), 2016, 2017 and 2020, so every row names its "
        "`scope` and a line joins only the years of one scope: "
        + "; ".join(f"`{k}`: {v}" for k, v in SCOPE_MEANING.items())
        + ".",
        sources=AIR_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column(
                "pollutant",
                "str",
                "Pollutant",
                allowed=tuple(dict.fromkeys(AIR_POLLUTANTS.values())),
            ),
            Column(
                "scope",
                "str",
                "Statistical scope (see the description)",
                allowed=tuple(SCOPE_MEANING),
            ),
            Column("emission_10k_t", "float", N_("Emissions"), unit=T_10K, min=0),
            Column(
                "primary",
                "bool",
                "The figure to use for the region, year, pollutant and scope (one row per key; "
                "a second source's copy is not primary)",
            ),
            source_column(AIR_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "pollutant", "scope", "source_id"),
        processing="China Daily's million tonnes (2012 SO2, NOx) converted to 10,000 t (x 100); "
        "the scope read from the published unit text; the unit's remark kept in `note`; "
        "several sources for one key are all kept (`source_id` is in the key) and one of them, "
        "the first in the order of the sources (the NBS portal first), is `primary`: select "
        "`primary=True` for one figure per region, year, pollutant and scope (summing both copies "
        "doubled Inner Mongolia's 2014 figures).",
        clean=clean_environment_air_pollutants,
        row_checks=(
            (
                "not exactly one primary row for its region, year, pollutant and scope",
                not_one_primary,
            ),
        ),
        gaps=N_(
            "No provincial values after 2017 (the yearbook tables from 2013 on are images and "
            "no provincial 生态环境统计公报 was found); national figures for 2018-2019 and 2021-2023 "
            "were found only without a named source, so they are left out; the portal's 2017 "
            "provincial SO2 and NOx were not checked against the census's provincial tables; 2010 "
            "and earlier by province: see environment_pollutants."
        ),
    ),
    Dataset(
        name="environment_pm25",
        title=N_("PM2.5 annual mean concentration"),
        description="Annual mean PM2.5 concentration: China 2013 and 2015 (74 first-phase "
        "cities) and 2016-2024 (338, 337 and 339 cities), and scattered provincial and city "
        "figures from provincial bulletins and news. The city set (`network`) changed, so a "
        "line joins only the years of one network.",
        sources=PM25_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column(
                "network",
                "str",
                "Cities or stations the mean covers, as published",
                allowed=tuple(dict.fromkeys(label for _, label in PM25_NETWORKS)),
            ),
            Column("pm25_ugm3", "float", N_("PM2.5 annual mean"), unit=N_("µg/m³"), min=0),
            source_column(PM25_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "network"),
        processing="Values as published (ug/m3 written µg/m³); the network read from the "
        "published unit; Harbin 2016 is preliminary (it includes forecasts for 30-31 December, "
        "said in `note`).",
        clean=clean_environment_pm25,
        gaps=N_(
            "No national mean for 2014 and no 338-city mean for 2015; the 2024 and 2025 city "
            "counts are not printed; provinces and cities are scattered years only (Liaoning 2016, "
            "2021; Jilin 2020-2024; Heilongjiang 2016, 2019, 2025; Inner Mongolia 2021-2022; "
            "Shenyang 2014, 2016; Harbin 2016); nothing for Changchun or Hohhot. Most figures were "
            "read in reprints."
        ),
    ),
    Dataset(
        name="environment_water",
        title=N_("Surface-water quality: shares of sections by grade, basin grades"),
        description="Shares of monitored surface-water sections by quality grade (I-III good, "
        "worse than V) for China 2013 and 2015-2024 and for scattered provincial years, and the "
        "MEE grade (text) of the Songhua and Liao river basins 2020-2022. The section network "
        "changed (10 basins in 2013; 967 sections in 2015; 1940 in 2016-2020; 3641 from 2021; "
        "basin subsets apart), so `network` names the sections as published and a line joins "
        "one network only.",
        sources=WATER_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column("indicator", "str", "Series (grade or grades of the sections)"),
            Column(
                "network",
                "str",
                "Sections a share refers to, as published (empty for counts and basin grades)",
                required=False,
                allowed=WATER_NETWORKS,
            ),
            Column(
                "share_pct",
                "float",
                "Share of the sections",
                unit="%",
                required=False,
                min=0,
                max=100,
            ),
            Column("sections", "int", "Number of sections", unit="sections", required=False, min=0),
            Column(
                "status",
                "str",
                "Basin grade as published (MEE grading)",
                required=False,
                allowed=WATER_GRADES,
            ),
            Column("unit", "str", "Kind of value", allowed=("%", "sections", "category")),
            source_column(WATER_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "network"),
        processing="Split by the published unit: '% of <sections>' gives `share_pct` and "
        "`network`, 'number of sections' gives `sections`, 'category' gives `status` (text, "
        "as published); remarks kept in `note`.",
        clean=clean_environment_water,
        row_checks=(("not exactly one of share, count, grade", not_one_kind_of_value),),
        gaps=N_(
            "No percentage shares for the Songhua or Liao basin (only grades for 2020-2022); "
            "the national section count is not printed for 2019, 2023 and 2024; provincial shares "
            "only for Liaoning 2021, Jilin 2014/2022/2023 and Heilongjiang 2016/2019/2022/2024, on "
            "different networks (Heilongjiang 2022 after deducting natural background). Most "
            "figures were read in reprints. Provincial shares of 2021-2025 read only in news "
            "copies are not catalogued yet, as each counts sections on its own basis and needs "
            "its own network: among them Jilin 2024 (a share of 89 %; 109 national assessment "
            "sections), from a secondary copy of the report on the 2024 provincial bulletin's press "
            "conference, so the latest Jilin figure shown is that of 2023."
        ),
    ),
    Dataset(
        name="environment_forest_wetland",
        title=N_("Forest inventories 7-9 and wetland surveys"),
        description="Forest coverage, area, forestry land, plantations and stock from the 7th, "
        "8th and 9th National Forest Inventories for the four provinces and China, the Inner "
        "Mongolia regional inventories, the 2021 national monitoring and the 2022 greening "
        "bulletin, provincial-definition coverage (Heilongjiang 2019, Jilin 2023), and wetland "
        "area from the 1st and 2nd wetland surveys and the 3rd land survey. `year` is always "
        "the END year of the inventory or survey period (inventory 7: 2008, 8: 2013, 9: 2018; "
        "wetland survey 1: 2003, 2: 2013; land survey 3: 2019; a one-year figure: its year); "
        "environment_forest_cover labels 9th-inventory provincial figures with their survey "
        "years (2014, 2015) instead, so do not join the two datasets. The surveys are not "
        "comparable with each other (`survey`).",
        sources=FOREST_WETLAND_SOURCES,
        columns=(
            region_column(),
            year_column("End year of the inventory or survey period"),
            Column(
                "survey",
                "str",
                "Inventory or survey the figure belongs to",
                allowed=tuple(dict.fromkeys(label for _, label in FOREST_SURVEYS)),
            ),
            *indicator_columns(FOREST_WETLAND_UNITS, FOREST_WETLAND_SOURCES),
        ),
        primary_key=("region", "year", "indicator", "survey", "source_id"),
        processing="Areas converted to 10,000 ha (from 亿公顷 x 10,000, 亿亩 x 10,000/15, 万亩 / 15 "
        "and 1,000 ha x 0.1) and volumes to 10,000 m³ (from 亿立方米 x 10,000); the survey read "
        "from the published unit; one row per inventory round, at its end year.",
        clean=clean_environment_forest_wetland,
        row_checks=(("percentage above 100", percent_above_100),),
        gaps=N_(
            "No provincial figures from the 2021 monitoring; the 9th-inventory stock of Jilin "
            "and Inner Mongolia has no second source; no 3rd-land-survey wetland area for Liaoning, "
            "Jilin or Inner Mongolia and no provincial 2nd-wetland-survey figures; the Jilin 1st "
            "wetland survey row was identified by row order only."
        ),
    ),
]


# -- Figures added for 2020-2025 (env3_*; reference notes/communique-figures.md) ---------------
GOOD_AIR_SOURCES = (
    "mee_env_repost",
    "mee_env_secondary",
    "liaoning_env_secondary",
    "jilin_env_repost",
    "jilin_env_secondary",
    "heilongjiang_env_repost",
    "heilongjiang_env_secondary",
    "inner_mongolia_env_repost",
    "inner_mongolia_env_secondary",
)
GOOD_AIR_MEASURES = {
    "share_good_air_quality_days": "all days",
    "share_good_air_quality_days_excl_dust": "excluding sand-dust days",
}
# The cities a share of good-air days covers, as published (read from the unit): declared here,
# their one home, and translated where shown (a new one fails validation until declared).
GOOD_AIR_NETWORKS = (
    N_("9 prefecture-level city seats"),
    N_(
        "12 league/city seats, excluding sand-dust above the 3-year average (剔除超出近3年平均沙尘天气影响后)"
    ),
    N_("339 cities, excluding abnormal sand-dust exceedance days (扣除沙尘异常超标天)"),
    N_("339 prefecture-level-and-above cities"),
    N_("mean of 12 league/city seats"),
    N_("mean of 337 prefecture-level-and-above cities"),
    N_("mean of 339 prefecture-level-and-above cities"),
    N_("national mean"),
    N_("prefecture-level-and-above cities"),
    N_("province"),
    N_("province (14 cities)"),
    N_("province, excluding sand-dust and El Nino effects (扣除沙尘、厄尔尼诺等因素影响)"),
    N_("region"),
)


def clean_environment_good_air_days(raw: pd.DataFrame) -> pd.DataFrame:
    # '% of days with good or excellent air quality (优良天数比例), <cities>, <scope>; release: …'
    # -> the cities the share covers, then the release (to `note`).
    before, _, release = raw["unit"].fillna("").str.partition("; release: ").T.to_numpy()
    parts = pd.Series(before, index=raw.index).str.split(r"\), ", n=1, regex=True)
    network = parts.map(lambda p: p[1] if len(p) == 2 else None)
    known = raw["unit"].fillna("").str.startswith("% of days with good or excellent air quality")
    release = pd.Series(release, index=raw.index).map(lambda r: f"release: {r}" if r else "")
    unknown = pd.Series("unknown published unit", index=raw.index).where(~known, "")
    return raw.assign(
        measure=raw["indicator"].map(GOOD_AIR_MEASURES),
        network=network,
        share_pct=pd.to_numeric(raw["value"], errors="coerce").where(known),
        unit="%",
        note=join_notes(raw["note"], release, unknown),
    )


DATASETS += [
    Dataset(
        name="environment_good_air_days",
        title=N_("Share of days with good air quality"),
        description="Share of days with good or excellent air quality (优良天数比例) 2020-2025 "
        "in the provinces and China, as the ecological-environment bulletins and annual "
        "monitoring releases print it, with the share after removing sand-dust days where "
        "printed. The cities covered (`network`) differ by province and release.",
        sources=GOOD_AIR_SOURCES,
        columns=(
            region_column(),
            year_column(),
            Column(
                "measure",
                "str",
                "All days, or excluding sand-dust days as the release defines them",
                allowed=tuple(GOOD_AIR_MEASURES.values()),
            ),
            Column(
                "network", "str", "Cities the share covers, as published", allowed=GOOD_AIR_NETWORKS
            ),
            Column(
                "share_pct",
                "float",
                "Share of days with good air quality",
                unit="%",
                min=0,
                max=100,
            ),
            Column("unit", "str", "Unit of the value", allowed=("%",)),
            source_column(GOOD_AIR_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "measure", "network", "source_id"),
        processing="Values as printed; the cities covered read from the published unit, the "
        "release moved to `note`; of two copies of one figure with the same value only the "
        "best-graded is kept; each row's `note` names the document and the copy.",
        clean=clean_environment_good_air_days,
        gaps=N_(
            "Liaoning has 2021 only; Inner Mongolia 2021-2022; Heilongjiang 2021, 2022 and 2024 "
            "(a 2023 figure of 94.2 %, the same as 2024's, was found only in a Korean-language "
            "newspaper's translated report, with no Chinese copy to confirm it: left out as "
            "possibly a mislabelled year); China 2020, 2022, 2023 and 2025 (no 2021 or 2024 "
            "figure in the copies read). Jilin 2023 has two values: 90.7 % (province, early report) and 92.4 % "
            "(prefecture-level cities, bulletin)."
        ),
    ),
]
