"""Grades of a dataset's rows, and which figures only a secondary source gives."""

from __future__ import annotations

import pandas as pd

from nereport.data.grades import row_grades, secondary_only
from nereport.data.loader import unrecorded


def _rows(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region", "year", "value", "source_id", "note"])


def test_a_row_takes_its_sources_grade_unless_its_note_says_secondary() -> None:
    frame = _rows(
        ("liaoning", 2022, 5.0, "liaoning_first_releases", "cited: 辽宁省2022年…公报; repost"),
        ("liaoning", 2024, 5.1, "liaoning_first_releases", "secondary source; cited: blog"),
        ("jilin", 2021, 6.6, "jilin_first_releases", ""),
        ("china", 2005, 1.0, "csy2006_t2_6", None),
    )
    assert list(row_grades(frame)) == ["official-repost", "secondary", "secondary", "official"]


def test_a_secondary_figure_confirmed_by_a_better_copy_is_not_secondary_only() -> None:
    frame = _rows(
        ("inner-mongolia", 2022, 2653.7, "acmr_inner_mongolia_2022", "secondary source"),
        ("inner-mongolia", 2022, 2654.0, "inner_mongolia_first_releases", "cited: 公报"),
        ("inner-mongolia", 2021, 5.1, "acmr_inner_mongolia_2022", "secondary source"),
        ("inner-mongolia", 2021, 5.3, "inner_mongolia_first_releases", "cited: 公报"),
        ("jilin", 2023, 6.3, "jilin_first_releases", ""),
    )
    # 2653.7 agrees with the communiqué's whole 2654; 5.1 does not agree with 5.3; Jilin has
    # no other copy.
    assert list(secondary_only(frame)) == [False, False, True, False, True]


def test_agreement_is_sought_in_the_whole_dataset_when_given() -> None:
    frame = _rows(("inner-mongolia", 2022, 2653.7, "acmr_inner_mongolia_2022", "secondary source"))
    among = _rows(("inner-mongolia", 2022, 2654.0, "inner_mongolia_first_releases", ""))
    assert list(secondary_only(frame)) == [True]
    assert list(secondary_only(frame, among)) == [False]


def test_the_real_data_marks_the_blog_and_news_figures() -> None:
    growth = unrecorded("economy_gdp_index")
    flagged = growth[secondary_only(growth)]
    points = set(zip(flagged["region"], flagged["year"], strict=True))
    assert {("liaoning", 2023), ("jilin", 2021), ("jilin", 2023)} <= points
    # Liaoning 2024 (a blog in econ2) is printed in the province's plan-execution report.
    assert ("liaoning", 2024) not in points
    assert not flagged["source_id"].isin(["nbs_portal_2021", "nbs_first_releases"]).any()
    added = unrecorded("economy_value_added")
    acmr = added[added["source_id"] == "acmr_inner_mongolia_2022"]
    # The ACMR brief's secondary-sector and tertiary figures agree with the communiqué's.
    assert not secondary_only(acmr, added).all()


def test_a_frame_without_sources_has_nothing_secondary() -> None:
    frame = pd.DataFrame({"region": ["jilin"], "year": [2020], "value": [1.0]})
    assert not secondary_only(frame).any()
