"""The notebook kit: what report notebooks import. The report context and its parameter
schema, prose helpers, tables, charts, the Altair theme and renderer, and the topic sections
(``economy``, ``environment``, ``policy``).

It uses the data part through its face and never imports ``nereport.build``. A notebook
needs only ``from nereport import report`` and ``from nereport.report import <topic>``;
importing this package is light (IPython and altair load with the first of these names).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Context",
    "Figure",
    "citation",
    "esc",
    "label",
    "md",
    "missing",
    "number",
    "secondary_note",
    "sources",
    "start",
    "table",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("nereport.report.context"), name)
    raise AttributeError(f"module 'nereport.report' has no attribute {name!r}")
