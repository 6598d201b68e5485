"""Bad raw input: each case names file, row and column, says what to do, loses nothing."""

from __future__ import annotations

import pandas as pd
import pytest

import nereport
from nereport.data import loader

POP = "nbs_population_census7/economy_population.csv"
EMP = "csy2006_t5_28/economy_employment.csv"


def replace_line(text: str, start: str, new: str) -> str:
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    lines[index] = new + "\n"
    return "".join(lines)


def line_no(path, start: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(start)
    )


def test_changed_bytes_fail_the_checksum(raw_copy) -> None:
    raw_copy.edit(POP, lambda t: t.replace("3666", "3667"), rechecksum=False)
    with pytest.raises(nereport.ChecksumMismatchError) as err:
        nereport.load("economy_population")
    assert POP in str(err.value) and "git checkout data/raw" in str(err.value)


def test_changed_bytes_are_caught_even_with_a_warm_cache(raw_copy) -> None:
    nereport.load("economy_population")  # warm the cache
    raw_copy.edit(POP, lambda t: t.replace("3666", "3667"), rechecksum=False)
    with pytest.raises(nereport.ChecksumMismatchError):
        nereport.load("economy_population")


def test_missing_file(raw_copy) -> None:
    raw_copy.path(POP).unlink()
    with pytest.raises(nereport.RawFileMissingError, match="nbs_population_census7"):
        nereport.load("economy_population")


def test_missing_column(raw_copy) -> None:
    raw_copy.edit(
        POP,
        lambda t: t.replace(
            "region,year,indicator,value,unit,note", "region,year,indicator,amount,unit,note", 1
        ),
    )
    with pytest.raises(nereport.InvalidDataError) as err:
        nereport.load("economy_population")
    assert f"{POP}, line 1, column 'value': required column missing" in str(err.value)


def test_non_numeric_value_names_file_row_column(raw_copy) -> None:
    path = raw_copy.edit(
        POP,
        lambda t: replace_line(
            t, "Heilongjiang,2013", "Heilongjiang,2013,population_year_end,3,666,10000 persons,"
        ),
    )
    # 7 fields where the header has 6: a shape problem on that line
    with pytest.raises(
        nereport.InvalidDataError,
        match=f"{POP}, line {line_no(path, 'Heilongjiang,2013')}: 7 fields",
    ):
        nereport.load("economy_population")


def test_text_in_a_number_column(raw_copy) -> None:
    path = raw_copy.edit(
        POP,
        lambda t: replace_line(
            t, "Jilin,2015", 'Jilin,2015,population_year_end,n/a,"10,000 persons",'
        ),
    )
    with pytest.raises(nereport.InvalidDataError) as err:
        nereport.load("economy_population")
    row = line_no(path, "Jilin,2015")
    assert f"{POP}, line {row}, column 'population_10k': not a number: 'n/a'" in str(err.value)


def test_duplicate_key(raw_copy) -> None:
    raw_copy.edit(POP, lambda t: t + 'Jilin,2015,population_year_end,2700,"10,000 persons",\n')
    with pytest.raises(nereport.InvalidDataError, match="duplicate key \\(region=jilin, year=2015"):
        nereport.load("economy_population")


def test_negative_population(raw_copy) -> None:
    raw_copy.edit(
        POP,
        lambda t: t.replace(
            "Jilin,2015,population_year_end,", "Jilin,2015,population_year_end,-", 1
        ),
    )
    with pytest.raises(
        nereport.InvalidDataError, match="column 'population_10k': below the minimum 0"
    ):
        nereport.load("economy_population")


def test_share_above_100_percent(raw_copy) -> None:
    raw_copy.edit(
        EMP,
        lambda t: replace_line(
            t,
            "Liaoning,2005,registered_unemployment_rate_urban",
            "Liaoning,2005,registered_unemployment_rate_urban,156,%,",
        ),
    )
    with pytest.raises(nereport.InvalidDataError, match="column 'value': percentage above 100"):
        nereport.load("economy_employment")


def test_unknown_regions_are_all_listed(raw_copy) -> None:
    raw_copy.edit(
        POP,
        lambda t: t.replace("Jilin,2015", "Jillin,2015").replace("Liaoning,2016", "Manchuria,2016"),
    )
    with pytest.raises(nereport.UnknownRegionError) as err:
        nereport.load("economy_population")
    assert "'Jillin'" in str(err.value) and "'Manchuria'" in str(err.value)
    assert "aliases" in str(err.value)


def test_all_problems_of_a_file_at_once(raw_copy) -> None:
    raw_copy.edit(
        POP,
        lambda t: t.replace(
            "Jilin,2015,population_year_end,", "Jilin,2015,population_year_end,-", 1
        ).replace("Jilin,2016,population_year_end,", "Jilin,2016,population_year_end,x", 1),
    )
    with pytest.raises(nereport.InvalidDataError) as err:
        nereport.load("economy_population")
    assert len(err.value.problems) == 2


def test_wrong_encoding(raw_copy) -> None:
    path = raw_copy.path(POP)
    path.write_bytes(path.read_bytes().replace(b"Jilin", "Jílin".encode("latin-1")))
    raw_copy.rechecksum(POP)
    with pytest.raises(nereport.InvalidDataError, match="not valid UTF-8"):
        nereport.load("economy_population")


def test_truncated_file(raw_copy) -> None:
    path = raw_copy.path(POP)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    raw_copy.rechecksum(POP)
    with pytest.raises(nereport.InvalidDataError, match="truncated"):
        nereport.load("economy_population")


def test_bad_file_never_poisons_the_cache(raw_copy) -> None:
    good = nereport.load("economy_population")
    original = raw_copy.path(POP).read_text()
    raw_copy.edit(
        POP,
        lambda t: t.replace(
            "Jilin,2015,population_year_end,", "Jilin,2015,population_year_end,-", 1
        ),
    )
    with pytest.raises(nereport.InvalidDataError):
        nereport.load("economy_population")
    raw_copy.edit(POP, lambda t: original)
    assert nereport.load("economy_population").equals(good)


def test_warm_load_reads_the_cache(raw_copy, monkeypatch) -> None:
    nereport.load("environment_co2")
    monkeypatch.setattr(loader, "build", lambda ds: pytest.fail("rebuilt despite a warm cache"))
    assert len(nereport.load("environment_co2")) > 0


def test_the_checksum_manifest_is_read_again_when_it_changes(raw_copy) -> None:
    from nereport.data.raw import recorded_checksums

    path = raw_copy.path("SHA256SUMS")
    first = recorded_checksums()
    name, digest = next(iter(first.items()))
    other = ("0" if digest[0] != "0" else "1") + digest[1:]
    # Same size, rewritten at once: within one tick of the file system's clock.
    path.write_text(path.read_text().replace(digest, other, 1))
    assert recorded_checksums()[name] == other
    assert recorded_checksums() == {**first, name: other}  # and again, the same


def _heilongjiang_2013() -> pd.DataFrame:
    return nereport.load(
        "economy_population", region="heilongjiang", year=2013, release="nbs-census7"
    )


def test_a_loaded_frame_is_the_callers_own() -> None:
    """The same load twice gives equal frames; changing one changes nothing the next gets."""
    first = _heilongjiang_2013()
    first.loc[0, "population_10k"] = -1
    first["added"] = 1
    again = _heilongjiang_2013()
    assert again["population_10k"].tolist() == [3666] and "added" not in again


def test_the_same_load_after_the_data_changed_gives_the_new_rows(raw_copy) -> None:
    assert _heilongjiang_2013()["population_10k"].tolist() == [3666]
    raw_copy.edit(
        POP, lambda t: t.replace("2013,population_year_end,3666", "2013,population_year_end,3667")
    )
    assert _heilongjiang_2013()["population_10k"].tolist() == [3667]
