"""JSON Schemas of the data files: committed copies up to date, example data valid against
them, and they catch the mistakes editors should flag."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLE_DATA, ROOT, run_confsite

from generator.diagnostics import Diagnostics
from generator.importers.yaml_file import plain
from generator.load.yaml_source import load_yaml_file, parse_yaml
from generator.schema import render, schemas

FILES = ("conference", "papers", "program", "committee", "speakers", "sponsors")


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def loaded(text: str) -> object:
    return plain(parse_yaml(text, "x.yaml", Diagnostics()))


def test_schema_committed_files_are_up_to_date() -> None:
    committed = sorted(p.name for p in (ROOT / "schemas").glob("*.json"))
    assert committed == sorted(schemas())
    for name, schema in schemas().items():
        assert (ROOT / "schemas" / name).read_text() == render(schema), (
            f"schemas/{name} is stale: run `confsite schema`"
        )


def test_schema_command_writes_the_same_files(tmp_path: Path) -> None:
    result = run_confsite("schema", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in schemas():
        assert (tmp_path / name).read_bytes() == (ROOT / "schemas" / name).read_bytes()


@pytest.mark.parametrize("name", FILES)
def test_schema_example_data_is_valid(name: str) -> None:
    data = plain(load_yaml_file(EXAMPLE_DATA / f"{name}.yaml", name, Diagnostics()))
    errors = [e.message for e in validator(name).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("name", FILES)
def test_schema_line_at_the_top_of_each_example_file(name: str) -> None:
    first = (EXAMPLE_DATA / f"{name}.yaml").read_text().splitlines()[0]
    # The example's files are an edition's of a series: data/2027/, two levels under schemas/.
    assert first == f"# yaml-language-server: $schema=../../schemas/{name}.schema.json"


def test_schema_flags_an_unquoted_time_and_an_unknown_key() -> None:
    program = loaded(
        "days:\n  - date: 2027-04-12\n    sessions:\n      - id: s1\n        title: T\n"
        '        kind: papers\n        start: 0930\n        end: "10:30"\n        rom: A\n'
    )
    messages = sorted(e.message for e in validator("program").iter_errors(program))
    assert messages == [
        "'0930' does not match '^([01]?[0-9]|2[0-3]):[0-5][0-9]$'",
        "Additional properties are not allowed ('rom' was unexpected)",
    ]


def test_schema_flags_a_bad_paper_id_and_missing_authors() -> None:
    papers = loaded("papers:\n  - id: My Paper\n    title: T\n")
    messages = sorted(e.message for e in validator("papers").iter_errors(papers))
    assert messages == [
        "'My Paper' does not match '^[a-z0-9][a-z0-9_-]*$'",
        "'authors' is a required property",
    ]
