"""How good the copy behind each figure is: the grade of a source, and of a dataset's rows.

A source's grade (``Source.grade``, one of ``GRADES``) says what its figures were read from. A
row can be worse than its source: a first-release record collects several years, each read in
its own repost, and a row whose ``note`` begins "secondary source" was seen only in a news
report, a blog or an encyclopaedia. A secondary row is not *only* secondary when a better-graded
row of the same dataset gives the same figure (same key, the same value to the precision of the
coarser one): where two copies agree, the better grade counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nereport.data.sources import GRADES, SOURCES

if TYPE_CHECKING:
    import pandas as pd

SECONDARY = "secondary"
#: How a raw row's note marks a figure read only in a secondary copy.
SECONDARY_NOTE = "secondary source"
# Columns that name where a row came from rather than what it measures. ``printed`` is how a
# copy printed its figure (2538.7 万吨, 507.74 亿斤): two copies that give the same figure in
# different units are one figure, compared by value (``_agree``), not by their text.
_PROVENANCE = {"source_id", "published_as", "release", "note", "printed"}


def grade(source_id: str) -> str:
    """The grade of a source (``GRADES``)."""
    return SOURCES[source_id].grade


def row_grades(frame: pd.DataFrame) -> pd.Series:
    """The grade of each row of a dataset frame: its source's, or "secondary" where the row's
    note says so. A frame without ``source_id`` gives an empty-string grade."""
    import pandas as pd

    if "source_id" not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    grades = frame["source_id"].map(grade)
    if "note" in frame:
        marked = frame["note"].fillna("").astype(str).str.strip().str.startswith(SECONDARY_NOTE)
        grades = grades.mask(marked, SECONDARY)
    return grades


def secondary_only(frame: pd.DataFrame, among: pd.DataFrame | None = None) -> pd.Series:
    """For each row of ``frame``: True where its figure was read only in a secondary copy (its
    grade is secondary and no better-graded row of ``among`` (default: ``frame`` itself, or
    pass the whole dataset) gives the same figure for the same key)."""
    grades = row_grades(frame)
    flagged = grades == SECONDARY
    if not flagged.any():
        return flagged
    among = frame if among is None else among
    others = among[row_grades(among).isin([g for g in GRADES if g != SECONDARY])]
    if others.empty:
        return flagged
    key = [c for c in frame.columns if c in others.columns and not _is_value(frame, c)]
    values = [c for c in frame.columns if c in others.columns and _is_value(frame, c)]
    if not values:
        return flagged
    confirmed = [
        any(_agree(row, other, values) for other in _same_key(others, row, key))
        for row in frame[flagged].to_dict("records")
    ]
    out = flagged.copy()
    out[flagged] = [not c for c in confirmed]
    return out


def _is_value(frame: pd.DataFrame, column: str) -> bool:
    import pandas as pd

    return column not in _PROVENANCE and pd.api.types.is_float_dtype(frame[column])


def _same_key(others: pd.DataFrame, row: dict, key: list[str]) -> list[dict]:
    match = others
    for column in key:
        if column in _PROVENANCE or column.startswith("at_"):
            continue
        match = match[match[column] == row[column]]
    return match.to_dict("records")


def _agree(a: dict, b: dict, values: list[str]) -> bool:
    """The two rows give the same figures: every value both give is equal to the precision of
    the less precise of the two (a figure computed in cleaning, with more than 3 decimals, to
    0.5 %), and they give at least one."""
    compared = 0
    for column in values:
        x, y = a[column], b[column]
        if x != x or y != y:  # NaN: not given by one of them
            continue
        digits = min(_decimals(x), _decimals(y))
        if digits > 3:
            same = abs(x - y) <= 0.005 * max(abs(x), abs(y))
        else:
            same = abs(x - y) <= 0.5 * 10**-digits + 1e-9
        if not same:
            return False
        compared += 1
    return compared > 0


def _decimals(x: float) -> int:
    """Decimals a published figure was printed with (at most 6)."""
    for digits in range(7):
        if abs(round(x, digits) - x) < 1e-9:
            return digits
    return 6


__all__ = ["SECONDARY", "grade", "row_grades", "secondary_only"]
