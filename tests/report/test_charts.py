"""Chart helpers: a line joins consecutive years of one series only."""

from __future__ import annotations

import pandas as pd
import pytest

from nereport.report import charts


def _lines(chart) -> dict[str, list[int]]:
    """The years each drawn line joins (one line per value of its detail field)."""
    spec = chart.to_dict()
    line = next(
        layer
        for layer in [spec, *spec.get("layer", [])]
        if isinstance(layer.get("mark"), dict) and layer["mark"].get("type") == "line"
    )
    rows = pd.DataFrame([r for rows in spec["datasets"].values() for r in rows])
    rows = rows.dropna(subset=[line["encoding"]["y"]["field"]])
    detail = line["encoding"]["detail"]["field"]
    return {k: sorted(g["year"]) for k, g in rows.groupby(detail)}


def test_a_line_breaks_where_a_year_is_missing() -> None:
    frame = pd.DataFrame(
        {"year": [2011, 2012, 2014, 2015], "v": [1.0, 2.0, 3.0, 4.0], "region_name": "Jilin"}
    )
    assert sorted(_lines(charts.line(frame, "v", "V", "T")).values()) == [
        [2011, 2012],
        [2014, 2015],
    ]


def test_a_line_breaks_at_an_empty_value_instead_of_joining_over_it() -> None:
    frame = pd.DataFrame(
        {"year": [2011, 2012, 2013], "v": [1.0, None, 3.0], "region_name": "Jilin"}
    )
    assert sorted(_lines(charts.line(frame, "v", "V", "T")).values()) == [[2011], [2013]]


def test_segments_and_series_break_separately() -> None:
    frame = pd.DataFrame(
        {
            "year": [2019, 2020, 2021, 2023, 2019, 2020],
            "v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "region_name": ["Jilin"] * 4 + ["China"] * 2,
            "segment": ["a", "a", "b", "b", "a", "a"],
        }
    )
    lines = _lines(charts.line(frame, "v", "V", "T", segment="segment", start=2000, end=2024))
    assert sorted(lines.values()) == [[2019, 2020], [2019, 2020], [2021], [2023]]


def test_two_values_of_one_year_in_one_line_are_refused() -> None:
    frame = pd.DataFrame(
        {"year": [2014, 2014, 2015], "v": [131.24, 131.24, 120.0], "region_name": "IM"}
    )
    with pytest.raises(charts.JoinedSourcesError, match="two values for one year"):
        charts.line(frame, "v", "V", "T")


def test_policy_year_labels_stand_above_the_plot() -> None:
    frame = pd.DataFrame({"year": range(2000, 2020), "v": range(20), "region_name": "Jilin"})
    spec = charts.line(frame, "v", "V", "T", start=2000, end=2024, marks=charts.MARKED_YEARS)
    texts = [
        layer
        for layer in spec.to_dict()["layer"][1]["layer"]
        if isinstance(layer["mark"], dict) and layer["mark"]["type"] == "text"
    ]
    assert len(texts) == 2
    for text in texts:  # drawn from the plot's top edge upwards: no data point is there
        assert text["encoding"]["y"] == {"value": 0}
        assert text["mark"]["baseline"] == "bottom" and text["mark"]["dy"] < 0
    # the 2016 label would run past the right edge: it ends at its rule instead
    aligns = {t["mark"]["align"] for t in texts}
    assert aligns == {"left", "right"}
