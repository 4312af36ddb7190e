"""generator/validate/fields.py: one YAML mapping read field by field."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.validate.fields import (
    Record,
    _parses_as_url,
    is_safe_url,
    top_level_list,
    type_name,
)


def record(text: str, allowed: tuple[str, ...] = ("a", "b"), required=()) -> Record:
    return Record(
        parse_yaml(text, "f.yaml", Diagnostics()),
        "f.yaml",
        1,
        Diagnostics(),
        "thing",
        allowed,
        required,
    )


def messages(rec: Record) -> list[str]:
    return [str(d) for d in rec.diagnostics.sorted()]


def test_record_unknown_key_with_did_you_mean() -> None:
    rec = record("a: 1\nbb: 2\n", allowed=("a", "b", "bc"))

    assert messages(rec) == [
        "f.yaml:2: error: thing: unknown key 'bb' (did you mean 'b'?); allowed keys: a, b, bc"
    ]


def test_record_missing_and_empty_required_keys() -> None:
    rec = record('a: ""\n', required=("a", "b"))

    assert messages(rec) == [
        "f.yaml:1: error: thing: 'a' is empty; it is required",
        "f.yaml:1: error: thing: missing required key 'b'",
    ]


def test_record_not_a_mapping() -> None:
    rec = Record(["x"], "f.yaml", 7, Diagnostics(), "thing", ("a",))

    assert (rec.ok, messages(rec)) == (
        False,
        ["f.yaml:7: error: thing must be a mapping of 'key: value' lines, but this is a list"],
    )


def test_record_str_takes_numbers_as_text_and_rejects_lists() -> None:
    rec = record("a: 12\nb: [1]\n")

    assert (rec.str("a"), rec.str("b")) == ("12", "")
    assert messages(rec) == ["f.yaml:2: error: thing: 'b' must be text, but is a list"]


def test_record_int_rejects_text_and_booleans() -> None:
    rec = record("a: x\nb: true\n")

    assert (rec.int("a"), rec.int("b")) == (0, 0)
    assert messages(rec) == [
        "f.yaml:1: error: thing: 'a' must be a whole number, not 'x'",
        "f.yaml:2: error: thing: 'b' must be a whole number, not the boolean true",
    ]


def test_record_slug_suggests_a_valid_id() -> None:
    rec = record("a: My Paper!\n")

    assert rec.slug("a") == "My Paper!"
    assert messages(rec) == [
        "f.yaml:1: error: thing: 'a' 'My Paper!' is not a valid id; use lowercase letters, "
        "digits, '-' and '_', starting with a letter or digit (for example 'my-paper')"
    ]


def test_record_url_rejects_javascript() -> None:
    rec = record("a: javascript:alert(1)\nb: https://x.example/\n")

    assert (rec.url("a"), rec.url("b")) == ("", "https://x.example/")
    assert len(rec.diagnostics.errors) == 1


def test_record_date_valid_and_invalid() -> None:
    rec = record("a: 2030-06-03\nb: 3 June\n")

    assert (rec.date("a"), rec.date("b")) == (date(2030, 6, 3), None)
    assert messages(rec) == ["f.yaml:2: error: thing: 'b' '3 June' is not a date; write YYYY-MM-DD"]


def test_record_time_valid_and_invalid() -> None:
    rec = record('a: "09:05"\nb: "25:00"\n')

    assert (rec.time("a"), rec.time("b")) == (time(9, 5), None)
    assert messages(rec) == [
        "f.yaml:2: error: thing: 'b' '25:00' is not a time; write \"HH:MM\" (24-hour)"
    ]


def test_record_time_unquoted_number_asks_for_quotes() -> None:
    rec = record("a: 900\n")

    assert rec.time("a") is None
    assert messages(rec) == [
        "f.yaml:1: error: thing: 'a' '900' is not a time; write \"HH:MM\" (24-hour) "
        '(quote it: "HH:MM")'
    ]


def test_record_datetime_date_alone_means_end_of_day() -> None:
    rec = record('a: "2030-01-15"\nb: "2030-01-15 12:30"\n')

    assert (rec.datetime("a"), rec.datetime("b")) == (
        datetime(2030, 1, 15, 23, 59),
        datetime(2030, 1, 15, 12, 30),
    )


def test_record_datetime_with_offset_is_an_error() -> None:
    rec = record('a: "2030-01-15 12:30+02:00"\n')

    assert rec.datetime("a") is None
    assert len(rec.diagnostics.errors) == 1


def test_record_list_yields_item_lines() -> None:
    rec = record("a:\n  - x\n  - y\n")

    assert list(rec.list("a")) == [("x", 2), ("y", 3)]


def test_record_list_single_value_is_an_error() -> None:
    rec = record("a: x\n")

    assert list(rec.list("a")) == []
    assert messages(rec) == ["f.yaml:1: error: thing: 'a' must be a list, but is 'x'"]


def test_top_level_list_missing_key() -> None:
    diagnostics = Diagnostics()
    root: Any = parse_yaml("other: 1\n", "f.yaml", diagnostics)

    items = top_level_list(root, "papers", "f.yaml", diagnostics, "- id: x")

    assert items == []
    assert [str(d) for d in diagnostics.sorted()] == [
        "f.yaml:1: error: missing the top-level key 'papers:'; start the file with 'papers:' "
        "and list the entries under it (for example '- id: x')",
        "f.yaml:1: error: the top level of f.yaml: unknown key 'other'; allowed keys: papers",
    ]


def test_type_name_and_is_safe_url() -> None:
    assert [type_name(v) for v in ({}, [], True, None, 3, "x")] == [
        "a mapping",
        "a list",
        "the boolean true",
        "nothing",
        "the number 3",
        "'x'",
    ]
    assert [is_safe_url(u) for u in ("https://a", "mailto:a@b", "x/y.pdf", "data:x")] == [
        True,
        True,
        True,
        False,
    ]


def test_parses_as_url_refuses_what_urlsplit_refuses() -> None:
    assert [_parses_as_url(u) for u in ("https://a.org/x", "http://[x/", "http://[::1]/")] == [
        True,
        False,
        True,
    ]
