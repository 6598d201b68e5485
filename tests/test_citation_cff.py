"""CITATION.cff: valid Citation File Format 1.2.0, and the package's version."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import nereport

ROOT = Path(__file__).resolve().parents[1]
# The CFF 1.2.0 schema, as published in citation-file-format/citation-file-format (schema.json).
SCHEMA = Path(__file__).parent / "schemas" / "cff-1.2.0.schema.json"


def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_validates_against_the_cff_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(_cff())]
    assert errors == []


def test_the_schema_check_finds_a_broken_citation() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = {k: v for k, v in _cff().items() if k != "authors"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_citation_cff_version_is_the_package_version() -> None:
    assert str(_cff()["version"]) == nereport.__version__
    assert _cff()["cff-version"] == "1.2.0"
