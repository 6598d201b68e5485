"""Load a dataset: verify raw checksums, read, harmonise regions, clean, validate, cache.

The cleaned frame is cached as a pickle keyed by the raw checksums (the dataset's and the region
table's), the nereport version, the pandas version and a hash of the cleaning code, so a warm
``load`` only hashes the raw files and unpickles (a pickle reads in about a millisecond, and
needs no pyarrow import).
"""

from __future__ import annotations

import csv
import hashlib
import io
import pickle
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from nereport._version import __version__
from nereport.cache import cached
from nereport.data import provenance
from nereport.data.declarations import Dataset
from nereport.data.raw import file_hashes, verify_raw
from nereport.data.regions import REGIONS_FILE
from nereport.errors import FilterError, InvalidDataError, Problem, UnknownRegionError
from nereport.paths import raw_dir

_DATA_PART = Path(__file__).resolve().parent


@cache
def _code_hash() -> str:
    """Hash of the code that turns raw files into datasets (cache invalidation)."""
    digest = hashlib.sha256()
    for path in sorted(
        [
            _DATA_PART / "declarations.py",
            _DATA_PART / "loader.py",
            _DATA_PART / "sources.py",
            *(_DATA_PART / "datasets").glob("*.py"),
        ]
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_raw_csv(path: Path, rel: str, columns: tuple[str, ...]) -> tuple[pd.DataFrame, list]:
    """Read one raw CSV as text; report encoding, shape and header problems with line numbers."""
    problems: list[Problem] = []
    data = path.read_bytes()
    try:
        # utf-8-sig: a byte-order mark (what some editors save) is not part of the first name
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(rel, line, None, f"not valid UTF-8 (byte {exc.start}): save the file as UTF-8")
        )
        return pd.DataFrame(), problems
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return pd.DataFrame(), [Problem(rel, None, None, "file is empty (truncated?)")]
    header, body = rows[0], rows[1:]
    for col in columns:
        if col not in header:
            problems.append(
                Problem(rel, 1, col, f"required column missing (header: {', '.join(header)})")
            )
    records = []
    for i, row in enumerate(body, start=2):
        if not row:
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    rel,
                    i,
                    None,
                    f"{len(row)} fields, header has {len(header)} (truncated or mis-quoted line?)",
                )
            )
            continue
        records.append([*row, rel, i])
    frame = pd.DataFrame(records, columns=[*header, "at_file", "at_line"], dtype=object)
    if not text.endswith("\n"):
        problems.append(
            Problem(rel, len(rows), None, "file does not end with a newline (truncated?)")
        )
    return frame, problems


def harmonise_regions(frame: pd.DataFrame, dataset: str) -> pd.DataFrame:
    """Map every region name through the regions table; fail listing every unknown name."""
    aliases = region_aliases()
    mapped = frame["region"].map(aliases)
    unknown = frame[mapped.isna()]
    if len(unknown):
        raise UnknownRegionError(
            dataset,
            [
                Problem(r.at_file, r.at_line, "region", f"unknown region name {r.region!r}")
                for r in unknown.itertuples()
            ],
        )
    return frame.assign(region=mapped)


def region_aliases() -> dict[str, str]:
    """Every name a region goes by (slug, English name, aliases) -> its slug; made once per
    region table (the frame :func:`_cached_frame` keeps while its inputs are unchanged)."""
    regions = _cached_frame(_get("regions"))
    kept = _ALIASES.get("table")
    if kept is None or kept[0] is not regions:
        names: dict[str, str] = {}
        for r in regions.itertuples():
            aliases = r.aliases.split("|") if isinstance(r.aliases, str) else []
            for name in [r.slug, r.name_en, *aliases]:
                names[name] = r.slug
        kept = _ALIASES["table"] = (regions, names)
    return dict(kept[1])


def _folded_names() -> dict[str, str]:
    """Every name a region goes by, its Chinese name too, case-folded -> its slug; made once
    per region table, as :func:`region_aliases`."""
    regions = _cached_frame(_get("regions"))
    kept = _ALIASES.get("folded")
    if kept is None or kept[0] is not regions:
        names = {**region_aliases(), **dict(zip(regions["name_zh"], regions["slug"], strict=True))}
        kept = _ALIASES["folded"] = (regions, {str(k).casefold(): v for k, v in names.items()})
    return kept[1]


_ALIASES: dict[str, tuple[pd.DataFrame, dict[str, str]]] = {}


def _cast(ds: Dataset, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Cast declared columns; every value that does not parse is a problem."""
    problems: list[Problem] = []
    out = {}
    for col in ds.columns:
        if col.name not in frame:
            problems.append(
                Problem(
                    f"dataset {ds.name}",
                    None,
                    col.name,
                    "declared column not produced by the cleaning function",
                )
            )
            continue
        series = frame[col.name]
        if col.dtype in ("int", "float"):
            parsed = pd.to_numeric(series, errors="coerce")
            bad = parsed.isna() & series.notna() & (series.astype(str).str.strip() != "")
            for r in frame[bad].itertuples():
                problems.append(
                    Problem(
                        r.at_file, r.at_line, col.name, f"not a number: {getattr(r, col.name)!r}"
                    )
                )
            infinite = parsed.abs() == float("inf")  # 'inf', '-Infinity', '1e999' parse
            for r in frame[infinite].itertuples():
                problems.append(
                    Problem(
                        r.at_file,
                        r.at_line,
                        col.name,
                        f"not a finite number: {getattr(r, col.name)!r}",
                    )
                )
            parsed = parsed.where(~infinite)
            if col.dtype == "int":
                frac = parsed.notna() & (parsed % 1 != 0)
                for r in frame[frac].itertuples():
                    problems.append(
                        Problem(
                            r.at_file,
                            r.at_line,
                            col.name,
                            f"not a whole number: {getattr(r, col.name)!r}",
                        )
                    )
                parsed = parsed.where(~frac).astype("Int64")
            else:
                parsed = parsed.astype("float64")
        elif col.dtype == "bool":
            parsed = series.map({"true": True, "false": False, True: True, False: False})
            parsed = parsed.astype("boolean")
        elif col.dtype == "date":
            parsed = pd.to_datetime(series, errors="coerce")
        else:
            parsed = series.where(series.notna() & (series.astype(str) != ""), None)
            parsed = parsed.astype("str").where(parsed.notna(), None)
        out[col.name] = parsed
    out["at_file"], out["at_line"] = frame["at_file"], frame["at_line"]
    return pd.DataFrame(out, index=frame.index), problems


def validate(ds: Dataset, frame: pd.DataFrame) -> list[Problem]:
    """Required values, allowed values, ranges and primary-key uniqueness, all at once."""
    problems: list[Problem] = []
    for col in ds.columns:
        if col.name not in frame:
            continue
        series = frame[col.name]
        checks = []
        if col.required:
            checks.append((series.isna(), "required value missing"))
        if col.allowed is not None:
            checks.append(
                (series.notna() & ~series.isin(col.allowed), f"not one of {', '.join(col.allowed)}")
            )
        if col.min is not None:
            checks.append((series.notna() & (series < col.min), f"below the minimum {col.min:g}"))
        if col.max is not None:
            checks.append((series.notna() & (series > col.max), f"above the maximum {col.max:g}"))
        for mask, message in checks:
            for r in frame[mask.fillna(False).astype(bool)].itertuples():
                value = getattr(r, col.name)
                problems.append(
                    Problem(r.at_file, r.at_line, col.name, f"{message} (value {value!r})")
                )
    for message, check in ds.row_checks:
        for r in frame[check(frame).fillna(False).astype(bool)].itertuples():
            problems.append(
                Problem(r.at_file, r.at_line, "value", f"{message} (value {r.value!r})")
            )
    dup = frame.duplicated(list(ds.primary_key), keep=False)
    for r in frame[dup].itertuples():
        key = ", ".join(f"{k}={getattr(r, k)}" for k in ds.primary_key)
        problems.append(Problem(r.at_file, r.at_line, None, f"duplicate key ({key})"))
    return problems


def build(ds: Dataset) -> pd.DataFrame:
    """Raw files -> cleaned, validated frame (no cache)."""
    problems: list[Problem] = []
    if ds.raw_format == "csv":
        frames = []
        for source, rel in ds.raw_files().items():
            frame, found = read_raw_csv(raw_dir() / rel, rel, ds.raw_columns)
            problems += found
            frames.append(frame.assign(source_id=source))
        if problems:
            raise InvalidDataError(ds.name, problems)
        raw = pd.concat(frames, ignore_index=True)
        if "region" in raw:
            raw = harmonise_regions(raw, ds.name)
    else:
        raw = {s: raw_dir() / rel for s, rel in ds.raw_files().items()}
    cleaned = ds.clean(raw)
    frame, problems = _cast(ds, cleaned)
    seen = {(p.file, p.row, p.column) for p in problems}  # one problem per cell is enough
    problems += [p for p in validate(ds, frame) if (p.file, p.row, p.column) not in seen]
    if problems:
        raise InvalidDataError(ds.name, problems)
    names = [c.name for c in ds.columns]
    return frame[names].sort_values(list(ds.primary_key)).reset_index(drop=True)


def _get(name: str) -> Dataset:
    from nereport.data.datasets import get

    return get(name)


_FRAMES: dict[tuple[str, ...], pd.DataFrame] = {}


def _cached_frame(ds: Dataset, hashes: dict[str, str] | None = None) -> pd.DataFrame:
    """The cleaned frame of ``ds``: from this process's memory or the disk cache when its
    inputs are unchanged, else built."""
    hashes = verify_raw(ds) if hashes is None else hashes
    # Region names and codes are mapped through the region table: it is an input of every dataset.
    table = file_hashes([REGIONS_FILE])[REGIONS_FILE]
    key = (ds.name, __version__, pd.__version__, _code_hash(), *sorted(hashes.values()), table)
    if key in _FRAMES:  # pandas copies on write, so callers cannot change the kept frame
        return _FRAMES[key]
    data = cached("datasets", key, lambda: pickle.dumps(build(ds), pickle.HIGHEST_PROTOCOL))
    try:
        frame = pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        frame = build(ds)  # a damaged cache file costs time only
    _FRAMES[key] = frame
    _MEMOS[id(frame)] = (frame, {}, {})
    return frame


# Per kept frame, the values found in each of its columns and the rows each set of filters
# selected, with the publications they cite (a report makes 220 loads of 69 kinds, of the
# same datasets by the same columns); keyed by the frame's id, which stays its own while
# _FRAMES keeps it (the frame is held beside them all the same).
_MEMOS: dict[int, tuple[pd.DataFrame, dict[str, frozenset[Any]], dict[tuple, tuple]]] = {}


def _memos(frame: pd.DataFrame) -> tuple[dict[str, frozenset[Any]], dict[tuple, tuple]]:
    kept = _MEMOS.get(id(frame))
    return kept[1:] if kept is not None and kept[0] is frame else ({}, {})


def _values(frame: pd.DataFrame, column: str) -> frozenset[Any]:
    """The values in ``column`` of ``frame``, missing ones left out."""
    memo = _memos(frame)[0]
    if column not in memo:
        memo[column] = frozenset(frame[column].dropna().unique().tolist())
    return memo[column]


def load(name: str, **filters: Any) -> pd.DataFrame:
    """The cleaned, validated dataset ``name``; keyword filters select rows by column value.

    ``load("economy_gdp", region="liaoning", release="nbs-2025")``; a list selects several
    values: ``load("economy_gdp", region=["liaoning", "china"])``. The dataset and its raw
    files are recorded for the report's sources section (:mod:`nereport.data.provenance`).
    """
    ds = _get(name)
    hashes = verify_raw(ds)
    frame = _cached_frame(ds, hashes)
    provenance.record(ds, hashes)
    memo = _memos(frame)[1]
    try:
        key = tuple((k, tuple(_wanted_values(k, v))) for k, v in filters.items())
        found = memo.get(key)
    except TypeError:  # an unhashable filter value: not remembered
        key = found = None
    if found is None:
        rows = filter_rows(frame, name, filters)
        cited = rows["source_id"].dropna().unique() if "source_id" in rows else None
        found = (rows, cited)
        if key is not None:
            memo[key] = found
    rows, cited = found
    if cited is not None:  # the publications cited are those whose rows were read
        provenance.read(name, cited)
    return rows.copy(deep=False)  # the caller's own frame (its data copied on write)


def unrecorded(name: str) -> pd.DataFrame:
    """The whole dataset ``name``, not recorded as used (for the catalog and for checks)."""
    return _cached_frame(_get(name))


def check(name: str) -> None:
    """Raise the error ``load(name)`` would raise, without recording the dataset as used."""
    unrecorded(name)


#: Columns renamed since an earlier version: a filter by the old name says the new one.
RENAMED = {"vintage": "release"}


def filter_rows(frame: pd.DataFrame, name: str, filters: dict[str, Any]) -> pd.DataFrame:
    """Select rows by column value. Every filter is checked against the whole dataset: an
    unknown column, region, value or year raises :class:`FilterError` naming the allowed values
    (never a silently empty table); values that each exist but never together give no rows."""
    ds = _get(name)
    keep = None  # one mask for all filters: a value is checked against the whole dataset
    for column, wanted in filters.items():
        new = RENAMED.get(column)
        if column not in frame and new in frame:
            raise FilterError(
                f"load('{name}'): the column '{column}' is now called '{new}'; filter with "
                f"{new}=... (allowed: {_allowed(frame[new])})"
            )
        if column not in frame:
            raise FilterError(
                f"load('{name}'): no column '{column}' to filter on (allowed: "
                f"{', '.join(frame.columns)})"
            )
        values = _wanted_values(column, wanted)
        if column == "region":
            values = [region_slug(f"load('{name}')", v) for v in values]
        present = _values(frame, column)
        declared = next((c.allowed for c in ds.columns if c.name == column), None)
        known = present | set(declared or ())
        if column == "region":
            known |= set(region_aliases().values())
        unknown = [v for v in values if v not in known]
        scalar = not isinstance(wanted, list | tuple | set | frozenset | range)
        if unknown or not present & set(values) or (scalar and values[0] not in present):
            shown = ", ".join(map(repr, unknown or values))
            raise FilterError(
                f"load('{name}'): {column}={shown} has no rows (allowed: {_allowed(frame[column])})"
            )
        rows = frame[column].isin(values).to_numpy()
        keep = rows if keep is None else keep & rows
    return (frame if keep is None else frame[keep]).reset_index(drop=True)


def _wanted_values(column: str, wanted: Any) -> list[Any]:
    if isinstance(wanted, list | tuple | set | frozenset | range):
        return list(wanted)
    return [wanted]


def region_slug(where: str, value: Any) -> Any:
    """A region's slug from its slug, English or Chinese name or a declared alias, in any case."""
    folded = _folded_names()
    if isinstance(value, str) and value.casefold() in folded:
        return folded[value.casefold()]
    slugs = sorted(set(region_aliases().values()))
    raise FilterError(f"{where}: unknown region {value!r} (allowed: {', '.join(slugs)})")


def _allowed(column: pd.Series) -> str:
    """The values of ``column``, years as spans (``1978-2009, 2011-2024``)."""
    values = sorted(column.dropna().unique().tolist())
    if values and pd.api.types.is_integer_dtype(column):
        spans: list[list[int]] = []
        for v in map(int, values):
            if spans and v == spans[-1][1] + 1:
                spans[-1][1] = v
            else:
                spans.append([v, v])
        return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
    return ", ".join(map(str, values))
