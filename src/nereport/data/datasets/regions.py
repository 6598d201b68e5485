"""The one region table every other dataset maps its region names through."""

from __future__ import annotations

import pandas as pd

from nereport.data.declarations import Column, Dataset
from nereport.i18n import N_


def clean_regions(raw: pd.DataFrame) -> pd.DataFrame:
    # GB/T 2260 codes stay strings ("210000"): they are identifiers, not numbers.
    empty_is_none = {c: raw[c].replace("", None) for c in ("code", "parent", "members")}
    return raw.assign(**empty_is_none)


DATASETS = [
    Dataset(
        name="regions",
        title=N_("Regions of the revitalization area"),
        description="Liaoning, Jilin, Heilongjiang and their 36 prefecture-level units, Inner "
        "Mongolia and its five eastern prefectures (the policy area since the 2007 Northeast "
        "Revitalization Plan: 41 prefecture-level units), the Northeast aggregate, China and the "
        "Songhua and Liao river basins (for water-quality grades). Every region name in other "
        "datasets maps through the `aliases` column.",
        sources=("gbt2260",),
        as_of="2019-04",  # the MCA code list revision 201904 the codes and names come from
        raw_columns=(
            "slug",
            "name_en",
            "name_zh",
            "code",
            "level",
            "parent",
            "in_policy_area",
            "report",
            "members",
            "aliases",
        ),
        columns=(
            Column("slug", "str", "Identifier used by every dataset"),
            Column("name_en", "str", "English name"),
            Column("name_zh", "str", "Chinese name"),
            Column(
                "code",
                "str",
                "GB/T 2260 code (string); empty for aggregates and China",
                required=False,
            ),
            Column(
                "level",
                "str",
                "Administrative level; 'basin' for a river basin (graded by MEE, no code)",
                allowed=("country", "aggregate", "province", "prefecture", "basin"),
            ),
            Column("parent", "str", "Slug of the province a prefecture belongs to", required=False),
            Column(
                "in_policy_area",
                "str",
                "Whether the region is in the policy area",
                allowed=("yes", "partly", "no"),
            ),
            Column(
                "report",
                "str",
                "Whether a report can be about the region",
                allowed=("yes", "no"),
            ),
            Column(
                "members",
                "str",
                "Slugs of the regions an aggregate sums, separated by |",
                required=False,
            ),
            Column("aliases", "str", "Other names used by sources, separated by |", required=False),
        ),
        primary_key=("slug",),
        processing="Compiled by scripts/compile_raw.py: provinces, aggregates and the Inner "
        "Mongolia prefectures typed there, the prefectures of the three provinces generated from "
        "the MCA code list (slug = English name in lower case with hyphens); codes kept as "
        "strings.",
        clean=clean_regions,
    ),
]
