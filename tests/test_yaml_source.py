"""generator/load/yaml_source.py: YAML with line numbers, and none of YAML 1.1's surprises."""

from __future__ import annotations

from generator.diagnostics import Diagnostics, Location, Severity
from generator.load.yaml_source import LineDict, LineList, decode_utf8, parse_yaml


def test_parse_yaml_times_and_dates_stay_text() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml('start: 10:30\nday: 2027-04-12\nquoted: "09:00"\n', "f.yaml", diagnostics)

    assert root == {"start": "10:30", "day": "2027-04-12", "quoted": "09:00"}
    assert diagnostics.items == []


def test_parse_yaml_yes_no_stay_text_and_numbers_are_numbers() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml("a: yes\nb: true\nc: 2027\nd: 1.5\ne: ~\nf: 0900\n", "f.yaml", diagnostics)

    assert root == {"a": "yes", "b": True, "c": 2027, "d": 1.5, "e": None, "f": "0900"}


def test_parse_yaml_mapping_records_its_line_and_key_lines() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml("# comment\nname: x\nitems:\n  - one\n  - two\n", "f.yaml", diagnostics)

    assert isinstance(root, LineDict)
    assert (root.line, root.line_of("name"), root.line_of("items")) == (2, 2, 3)
    assert isinstance(root["items"], LineList)
    assert root["items"].item_lines == [4, 5]


def test_parse_yaml_nested_mapping_lines() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml("papers:\n  - id: a\n    title: T\n  - id: b\n", "f.yaml", diagnostics)

    first, second = root["papers"]
    assert (first.line, first.line_of("title"), second.line) == (2, 3, 4)


def test_parse_yaml_unknown_key_line_falls_back_to_mapping_line() -> None:
    root = parse_yaml("\n\na: 1\n", "f.yaml", Diagnostics())

    assert root.line_of("missing") == 3


def test_parse_yaml_duplicate_key_is_recorded_with_its_line() -> None:
    root = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml", Diagnostics())

    assert root.duplicate_keys == [("a", 3)]
    assert root["a"] == 3


def test_parse_yaml_syntax_error_is_one_diagnostic_at_its_line() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml", diagnostics)

    assert root is None
    assert [(d.location, d.severity) for d in diagnostics.items] == [
        (Location("f.yaml", 3), Severity.ERROR)
    ]
    assert diagnostics.items[0].message.startswith("YAML syntax: ")


def test_parse_yaml_empty_text_is_none_without_diagnostics() -> None:
    diagnostics = Diagnostics()

    root = parse_yaml("# only a comment\n", "f.yaml", diagnostics)

    assert root is None
    assert diagnostics.items == []


def test_decode_utf8_strips_bom_and_normalises_newlines() -> None:
    diagnostics = Diagnostics()

    text = decode_utf8("\ufeffa: é\r\nb: 2\r".encode(), "f.yaml", diagnostics)

    assert text == "a: é\nb: 2\n"
    assert diagnostics.items == []


def test_decode_utf8_latin1_byte_reports_its_line() -> None:
    diagnostics = Diagnostics()

    text = decode_utf8(b"a: 1\nb: caf\xe9\n", "f.yaml", diagnostics)

    assert text is None
    assert [str(d) for d in diagnostics.items] == [
        "f.yaml:2: error: byte 0xe9 is not valid UTF-8; save the file as UTF-8 (in most "
        "editors: 'Save with encoding' -> UTF-8)"
    ]
