"""What a built report carries to be cited (tests/e2e/test_built_reports.py runs it on the whole
matrix; tests/build/test_cite.py tests the parts)."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pikepdf

from nereport.build.cite import snapshot

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def check_built_citation(out_dir: Path, rid: str) -> None:
    """What a built report carries to be cited: the block, the meta tags, BibTeX, CSL-JSON and
    RIS as data: links matching the manifest's data snapshot, GB/T 7714 in Chinese, and the
    PDF's XMP title and date."""
    manifest = json.loads((out_dir / "manifest.json").read_text())
    entry = manifest["reports"][rid]
    page = (out_dir / f"{rid}.html").read_text(encoding="utf-8")
    tags = dict(re.findall(r'<meta name="(citation_\w+)" content="([^"]*)">', page))
    assert {"citation_title", "citation_author", "citation_publication_date"} <= set(tags)
    assert tags["citation_pdf_url"] == Path(rid).name + ".pdf"
    assert (out_dir / rid).parent.joinpath(tags["citation_pdf_url"]).is_file()
    assert page.count('class="nr-cite"') == 1
    short = snapshot(entry["inputs"]["datasets"])[:16]
    assert short in page
    links = dict(
        re.findall(r'download="[^"]+\.(\w+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', page)
    )
    library = bibtexparser.parse_string(base64.b64decode(links["bib"]).decode())
    assert len(library.entries) == 1 and not library.failed_blocks
    schema = json.loads((SCHEMAS / "csl-data.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(base64.b64decode(links["json"])), schema)
    assert base64.b64decode(links["ris"]).decode().startswith("TY  - RPRT\r\n")
    assert ("GB/T 7714-2015" in page) == rid.endswith(".zh")
    twin = re.search(r'<p class="nr-twin"><a href="([^"]+)" hreflang="([^"]+)"', page)
    assert twin and twin[2] == ("en" if rid.endswith(".zh") else "zh-CN")
    assert f'<link rel="alternate" hreflang="{twin[2]}" href="{twin[1]}">' in page
    assert (out_dir / rid).parent.joinpath(twin[1]).is_file()
    with pikepdf.open(out_dir / f"{rid}.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == html.unescape(tags["citation_title"])
        assert meta["xmp:CreateDate"][:10].replace("-", "/") == tags["citation_publication_date"]


def check_chart_files(out_dir: Path, rid: str) -> int:
    """Every chart of a built report offers its CSV, equal to the chart's own data (the rows of
    its spec in the executed notebook), and its SVG; the manifest lists the charts' anchors,
    each an id on the page. Returns the number of charts."""
    import nbformat

    from nereport.build.chartfiles import chart_csv
    from nereport.report.render import VEGALITE_MIMETYPE, chart_id

    page = (out_dir / f"{rid}.html").read_text(encoding="utf-8")
    files = dict(
        re.findall(r'download="(nr-chart-[^"]+)" type="[^"]+" href="data:[^,]+,([^"]+)"', page)
    )
    nb = nbformat.read(out_dir / f"{rid}.ipynb", as_version=4)
    specs = [
        o["data"][VEGALITE_MIMETYPE]
        for c in nb.cells
        for o in c.get("outputs", [])
        if VEGALITE_MIMETYPE in o.get("data", {})
    ]
    from nereport import i18n

    with i18n.using("zh" if rid.endswith(".zh") else "en"):
        for spec in specs:
            name = chart_id(spec)
            expected = chart_csv(spec)
            if expected is not None:
                assert base64.b64decode(files[f"{name}.csv"]).decode() == expected
            assert base64.b64decode(files[f"{name}.svg"]).decode().lstrip().startswith("<svg")
    entry = json.loads((out_dir / "manifest.json").read_text())["reports"][rid]
    assert entry["charts"] and all(f'id="{a}"' in page for a in entry["charts"])
    assert {a.rsplit("-", 1)[0] if a.count("-") > 2 else a for a in entry["charts"]} == {
        chart_id(s) for s in specs
    }
    return len(specs)
