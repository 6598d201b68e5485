"""The statistical releases of the datasets, named in words: the one table of what a
reader sees for a release id, translated where it is shown (``name``). Report modules, charts
and tables take release names from here, never print an id.
"""

from __future__ import annotations

from nereport.i18n import N_, _

#: The release that has every province and China over 2000-2019 (the NBS portal as scraped in
#: c.2020-21, after the 4th economic census): levels, shares and ratios are computed within it.
MAIN = "nbs-2021"

NAMES = {
    MAIN: N_("NBS release of c.2021"),
    "first-release": N_("First release"),
    "cnki-to-2009": N_("CNKI extraction, to 2009"),
    "cnki-2010-2018": N_("CNKI extraction, 2010-2018"),
    "cnki-2019": N_("CNKI extraction, 2019"),
    "csy-2000": N_("Yearbook 2000, as first published"),
    "csy-2006": N_("Yearbook 2006, as first published"),
    "csy-2007": N_("Yearbook 2007, as first published"),
    "csy-annual": N_("Yearbooks, each year as first published"),
    "compendium-2008": N_("60-year compendium (2008)"),
    "nbs-2018": N_("NBS portal c.2018, before the 4th-census revision"),
    "nbs-2025": N_("NBS portal 2025/26, after the 5th economic census"),
    "nbs-pre2021": N_("NBS, before the 7th-census revision"),
    "nbs-census7": N_("NBS, revised after the 7th census"),
    "final-verification": N_("rate revised after final verification"),
    "cnki-mixed": N_("CNKI extraction (three releases stitched)"),
    "nbs-2025-03": N_("NBS national portal, early 2025, after the 5th economic census"),
    "nbs-2026": N_("NBS portal, 2026 export"),
    "first-release-acmr": N_("ACMR data brief's copy of the first release, one decimal"),
    "hl-2020-table": N_("Heilongjiang 2020 summary table (release not stated)"),
    "nbs-2012-reported": N_("2012, as reported in the trade press"),
    "mee-2023": N_("preliminary, MEE bulletin 2022"),
}


#: A release's name where it is not a legend entry of its own: in running text and after a
#: series in a compound label ('Coal, first release'), where the name alone is capitalised.
IN_TEXT = {
    "first-release": N_("first release"),
}


def in_text(release: str) -> str:
    """A release as running text and compound labels name it, in the report's language."""
    return _(IN_TEXT[release]) if release in IN_TEXT else name(release)


def name(release: str) -> str:
    """A release as a reader sees it, in the report's language (an unknown id as it is)."""
    return _(NAMES[release]) if release in NAMES else release
