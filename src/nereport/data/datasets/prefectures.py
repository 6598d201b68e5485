"""Prefectures: census resident population of the 41 prefecture-level units of the policy area."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pandas as pd

from nereport.data.datasets._common import NOTE, join_notes, region_column, source_column
from nereport.data.declarations import Column, Dataset
from nereport.i18n import N_

CENSUS_SOURCES = (
    "census7_prefecture_bulletins",
    "census6_prefectures_rebased",
    "census6_citypopulation",
    "paulnoll_changchun",
    "census7_jilin_bulletin",
)
# The one figure per unit and census to use: the census panel, whose 2010 and 2020 figures
# share the 2020 boundaries and so compare; the other sources are second copies.
PRIMARY_SOURCES = ("census7_prefecture_bulletins", "census6_prefectures_rebased")
WHOLE_UNIT = "census_resident_population"
INDICATORS = (
    WHOLE_UNIT,
    "census_resident_population_2010_boundaries",
    "census_resident_population_excl_meihekou",
)
CENSUS = {2010: "6th", 2020: "7th"}
# Published unit -> persons. Decimal keeps 130.2778 (10,000 persons) exactly 1,302,778.
PERSONS = {"persons": Decimal(1), "10,000 persons": Decimal(10_000)}


def _persons(value: str, unit: str) -> tuple[object, str]:
    """(whole persons, remark): a figure that is not a number stays as text, so validation
    names it; an unknown unit or a fraction of a person leaves it missing, with the reason."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value, ""
    if unit not in PERSONS:
        return None, f"unknown published unit {unit}"
    persons = number * PERSONS[unit]
    if persons != persons.to_integral_value():
        return None, f"{value} {unit} is not a whole number of persons"
    remark = "" if unit == "persons" else f"published as {value} ({unit})"
    return int(persons), remark


def clean_economy_population_census_prefectures(raw: pd.DataFrame) -> pd.DataFrame:
    converted = [_persons(v, u) for v, u in zip(raw["value"], raw["unit"], strict=True)]
    persons = pd.Series([c[0] for c in converted], index=raw.index, dtype=object)
    remark = pd.Series([c[1] for c in converted], index=raw.index)
    year = pd.to_numeric(raw["year"], errors="coerce")
    return raw.assign(
        population_persons=persons,
        census=year.map(CENSUS),
        primary=(raw["indicator"] == WHOLE_UNIT) & raw["source_id"].isin(PRIMARY_SOURCES),
        note=join_notes(raw["note"], remark),
    )


DATASETS = [
    Dataset(
        name="economy_population_census_prefectures",
        title=N_("Census resident population of the 41 prefecture-level units, 2010 and 2020"),
        description="Resident population at the 6th (2010) and 7th (2020) censuses of the 41 "
        "prefecture-level units of the policy area: 14 in Liaoning, 9 in Jilin (Yanbian "
        "included), 13 in Heilongjiang (Da Hinggan Ling included) and Hulunbuir, Hinggan, "
        "Tongliao, Chifeng and Xilin Gol. The `primary` rows, one per unit and census, come from "
        "one compilation of the census bulletins and the 2010 census tabulation (Dong, Du & Liu "
        "2022) with both years on 2020 boundaries, so 2010 and 2020 compare: Changchun includes "
        "Gongzhuling in both years, Tonghua includes Meihekou. Second copies are kept beside "
        "them, not primary: Hinggan 2010 from citypopulation.de (4 persons fewer), Changchun "
        "2010 on 2010 boundaries (two copies, 2,650 apart) and Tonghua 2020 without Meihekou "
        "(Jilin bulletin). Select `primary=True` for one figure per unit and census.",
        sources=CENSUS_SOURCES,
        columns=(
            region_column(),
            Column("year", "int", "Census year (reference date 1 November)", min=2010, max=2020),
            Column("census", "str", "National population census", allowed=tuple(CENSUS.values())),
            Column(
                "indicator",
                "str",
                "What the figure covers: the whole unit (2010 on 2020 boundaries in the primary "
                "rows), Changchun on 2010 boundaries, or Tonghua without Meihekou",
                allowed=INDICATORS,
            ),
            Column(
                "population_persons", "int", "Census resident population", unit="persons", min=0
            ),
            Column(
                "primary",
                "bool",
                "The figure to use for the unit and census (census panel, whole unit, 2020 "
                "boundaries)",
            ),
            source_column(CENSUS_SOURCES),
            NOTE,
        ),
        primary_key=("region", "year", "indicator", "source_id"),
        processing="Values as published, in persons; the Jilin bulletin's Tonghua figure "
        "(10,000 persons, four decimals) is converted exactly to persons and the published "
        "figure kept in `note`. `census` follows from the year; `primary` marks the census "
        "panel's whole-unit rows.",
        clean=clean_economy_population_census_prefectures,
        gaps=N_(
            "The 2020 units sum exactly to the census totals of Liaoning (42,591,407) and "
            "Heilongjiang (31,850,088); Jilin's nine sum to its total (24,073,453) less the 61,146 "
            "persons of the Changbaishan administrative committee, which the Jilin bulletin lists "
            "apart and which is no GB/T 2260 unit. Jilin's 2010 units (2020 boundaries) sum 47,553 "
            "short of the province's 2010 total, unexplained: they are not a split of the province. "
            "No figure for Siping on 2010 boundaries was found. The bulletins' own tables were not "
            "read: the figures come through a compilation, checked against second copies. No other "
            "year and no prefecture GDP: the reference's 26 prefecture GDP values mix releases and "
            "are not catalogued."
        ),
    ),
]
