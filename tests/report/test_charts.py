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


@pytest.mark.parametrize("topic", ["economy", "environment"])
@pytest.mark.parametrize("region", ["heilongjiang", "jilin", "northeast", "inner-mongolia"])
def test_no_chart_line_bridges_a_gap_or_joins_two_values_of_a_year(topic: str, region: str) -> None:
    # Heilongjiang's first-published population joined 2012 to 2014 across the excluded 2013
    # value; Jilin's first-release growth joined 2021 to 2023 across its missing 2022.
    import importlib
    import inspect

    from nereport import report
    from pages import line_faults

    module = importlib.import_module(f"nereport.report.{topic}")
    ctx = report.start(topic, region=region)
    faults = []
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ == module.__name__ and name.endswith("_chart"):
            figure = function(ctx)
            if figure.chart is not None:
                faults += line_faults(figure.chart.to_dict())
    assert not faults


def test_census_map_legend_covers_the_data_and_the_map_names_its_extremes() -> None:
    from nereport import report
    from nereport.report import economy

    spec = economy.census_map(report.start("economy", region="northeast")).chart.to_dict()
    areas = spec["layer"][0]["encoding"]["color"]
    low, high = areas["scale"]["domain"]
    values = pd.DataFrame([r for rows in spec["datasets"].values() for r in rows])
    changes = [p["value"] for p in values["properties"].dropna()]
    assert low <= min(changes) and max(changes) <= high  # −35.2 % is inside the legend
    assert areas["legend"]["values"][0] == low and areas["legend"]["values"][-1] == high
    labels = set(values["label"].dropna())
    assert any(label.startswith("Da Hinggan Ling −35.2") for label in labels)
    assert any(label.startswith("Shenyang +11.9") for label in labels)
