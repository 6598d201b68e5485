"""How to cite a dataset, twice (as Our World in Data cites a chart): its original publications,
from the source records, and the dataset as processed by nereport (its name, the nereport
version and its data snapshot: the sha256 of its raw files' record, as a report's is)."""

from __future__ import annotations

from dataclasses import dataclass

from nereport._version import __version__
from nereport.data.datasets import get
from nereport.data.provenance import snapshot
from nereport.data.raw import file_hashes
from nereport.data.sources import Source

__all__ = ["DatasetCitation", "dataset_citation", "original"]

#: Characters of a snapshot shown to readers.
SHOWN = 16


def original(s: Source) -> str:
    """A source's own publication: publisher, title (with the Chinese original where recorded),
    release, address, where the copy read was found when it was not the publisher's, when it
    was read and its terms ("not stated" when none are recorded)."""
    publisher = s.publisher + (f" ({s.publisher_zh})" if s.publisher_zh else "")
    title = s.title + (f" (《{s.title_zh}》)" if s.title_zh else "")
    parts = [f"{publisher}. {title}. Release: {s.release_label}."]
    if s.url:
        parts.append(f"{s.url}.")
    if s.via:
        parts.append(f"Read via {s.via} (a copy, not the publisher's own).")
    if s.accessed:
        parts.append(f"Accessed {s.accessed}.")
    parts.append(f"Terms: {s.licence or 'not stated'}.")
    return " ".join(parts)


@dataclass(frozen=True)
class DatasetCitation:
    """The two citations of a dataset."""

    dataset: str
    title: str
    originals: dict[str, str]  # source id -> its publication
    version: str
    snapshot: str  # sha256 hex
    year: int | None  # the year its newest figures were read

    def processed(self) -> str:
        year = f" ({self.year})" if self.year else ""
        return (
            f"The nereport authors{year}. {self.title} [dataset {self.dataset}], processed by "
            f"nereport {self.version} from the publications cited; data snapshot "
            f"{self.snapshot[:SHOWN]} (sha256 of its raw files' record)."
        )

    def markdown(self) -> str:
        """The 'How to cite' section of the dataset's data dictionary page."""
        lines = [
            "## How to cite",
            "",
            "**The original publications** (cite these for the figures):",
            "",
        ]
        lines += [f"- `{sid}`: {text}" for sid, text in self.originals.items()]
        lines += ["", "**The processed dataset:**", "", f"- {self.processed()}"]
        return "\n".join(lines) + "\n"

    def text(self) -> str:
        """What ``nereport cite`` prints."""
        lines = ["Original publications:"]
        lines += [f"  [{sid}] {text}" for sid, text in self.originals.items()]
        lines += ["", "Processed by nereport:", f"  {self.processed()}"]
        return "\n".join(lines) + "\n"


def dataset_citation(name: str) -> DatasetCitation:
    """The citations of dataset ``name``; its snapshot from its raw files as they are now."""
    ds = get(name)
    files = ds.raw_files()
    hashes = file_hashes(list(files.values()))
    record = {name: {s: {"file": f, "sha256": hashes[f]} for s, f in files.items()}}
    sources = ds.source_objects()
    accessed = [s.accessed for s in sources if s.accessed]
    return DatasetCitation(
        dataset=name,
        title=ds.title,
        originals={s.id: original(s) for s in sources},
        version=__version__,
        snapshot=snapshot(record),
        year=int(max(accessed)[:4]) if accessed else None,
    )
