"""Each dataset citable twice: its original publications (from the source records) and as
processed by nereport (dataset, version, data snapshot); `nereport cite` and the data
dictionary show both."""

from __future__ import annotations

from dataclasses import replace

import pytest

import nereport
from nereport import cli
from nereport.data import provenance, registry
from nereport.data.citation import dataset_citation, original
from nereport.data.sources import SOURCES
from nereport.errors import UnknownDatasetError


@pytest.mark.parametrize("name", sorted(registry()))
def test_every_dataset_has_both_citations(name: str) -> None:
    cite = dataset_citation(name)
    ds = registry()[name]
    assert list(cite.originals) == list(ds.sources)  # keyed by source id, in declared order
    for sid, text in cite.originals.items():
        s = SOURCES[sid]
        assert text.startswith(s.publisher) and s.title in text and s.release_label in text
        assert ("Read via" in text) == bool(s.via)  # a repost is said to be one
        assert f"Terms: {s.licence or 'not stated'}." in text
    processed = cite.processed()
    assert f"[dataset {name}]" in processed and f"nereport {nereport.__version__}" in processed
    assert cite.snapshot[:16] in processed


def test_the_snapshot_is_the_provenance_record_of_the_raw_files(raw_copy) -> None:
    before = dataset_citation("economy_gdp")
    files = registry()["economy_gdp"].raw_files()
    from nereport.data.raw import file_hashes

    hashes = file_hashes(list(files.values()))
    record = {"economy_gdp": {s: {"file": f, "sha256": hashes[f]} for s, f in files.items()}}
    assert before.snapshot == provenance.snapshot(record)
    raw_copy.edit(files["csy2000_t3_8"], lambda text: text + "\n")
    assert dataset_citation("economy_gdp").snapshot != before.snapshot


def test_chinese_titles_are_given_beside_the_english() -> None:
    s = replace(SOURCES["csy2000_t3_8"], title_zh="中国统计年鉴2000", publisher_zh="国家统计局")
    text = original(s)
    assert "(《中国统计年鉴2000》)" in text and "(国家统计局)" in text
    assert "《" not in original(replace(s, title_zh=""))


def test_cli_cite_prints_both_citations(capsys) -> None:
    assert cli.main(["cite", "environment_co2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Original publications:\n")
    assert "[ceads_provinces]" in out and "Processed by nereport:" in out
    assert dataset_citation("environment_co2").processed() in out


def test_cli_cite_refuses_an_unknown_dataset(capsys) -> None:
    assert cli.main(["cite", "no_such_dataset"]) == 1
    assert "unknown dataset 'no_such_dataset'" in capsys.readouterr().err
    with pytest.raises(UnknownDatasetError):
        dataset_citation("no_such_dataset")


def test_the_data_dictionary_shows_both_citations() -> None:
    text = nereport.describe("environment_co2")
    assert "## How to cite" in text
    assert dataset_citation("environment_co2").processed() in text
    assert "`ceads_national`:" in text
