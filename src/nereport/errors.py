"""One error tree. Every message says what was wrong, where, and what to do next."""

from __future__ import annotations

from dataclasses import dataclass


class NereportError(Exception):
    """Base class of every error nereport raises on purpose."""


class UnknownDatasetError(NereportError, KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class ParameterError(NereportError, ValueError):
    """A report parameter is unknown or has a value outside its schema."""


class InputError(NereportError, ValueError):
    """Something the user gave (a file, a folder, an option) cannot be used: the command exits
    with status 2, as for a bad parameter, and the message names it and what is allowed."""


class BuildError(NereportError):
    """One or more reports failed to build."""


class DataError(NereportError):
    """A raw data file cannot be turned into its dataset."""


class RawFileMissingError(DataError):
    pass


class ChecksumMismatchError(DataError):
    pass


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # line number in the file (the header is line 1)
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", line {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class InvalidDataError(DataError):
    """Every problem found in a dataset's raw files, reported at once."""

    hint = (
        "Raw files are read-only inputs compiled by scripts/compile_raw.py from the reference "
        "files: restore a file edited by mistake with `git checkout data/raw`; correct an error "
        "in the source in the cleaning code (src/nereport/data/datasets/), with a comment "
        "saying why (`make raw` recompiles data/raw from the reference and would undo a hand "
        "edit)."
    )

    def __init__(self, dataset: str, problems: list[Problem]):
        self.dataset = dataset
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"dataset '{dataset}': {len(problems)} problem(s) in its raw data:\n{lines}\n{self.hint}"
        )


class UnknownRegionError(InvalidDataError):
    hint = (
        "Every region name must map through the regions table (data/raw/gbt2260/regions.csv, "
        "column 'aliases'): add the alias there, or correct the name."
    )


class FilterError(NereportError, ValueError):
    """A ``load`` or ``series`` filter names a column, region, release or year the dataset does
    not have; the message lists the allowed values."""
