"""generator/validate/bibtex_reader.py: a .bib read as BibTeX reads it (real bibtexparser)."""

from __future__ import annotations

import re

import bibtexparser
import pytest
from conftest import REFERENCE, TOY_DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.validate.bibtex_reader import read_entries

ACM = REFERENCE / "bibtex" / "acmart-sample-base.bib"


def read(text: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    diagnostics = Diagnostics()
    entries = read_entries(text, "b.bib", diagnostics)
    return {e.key: dict(e.fields) for e in entries}, [str(d) for d in diagnostics.sorted()]


def test_string_redefinition_applies_from_there_on_and_is_no_duplicate() -> None:
    text = (
        '@string{cacm = "Communications of the {ACM}"}\n'
        "@article{a, journal = cacm}\n"
        '@String{CACM = "Commun. {ACM}"}\n'
        "@article{b, journal = CACM}\n"
    )
    fields, problems = read(text)
    assert (fields["a"]["journal"], fields["b"]["journal"]) == (
        "Communications of the {ACM}",
        "Commun. {ACM}",
    )
    assert problems == []


def test_concatenation_months_and_macros_in_any_field() -> None:
    text = (
        '@string{acm = "{ACM}"}\n'
        '@string{press = acm # " Press"}\n'
        '@book{k, publisher = press, month = "10~" # jan, note = {a} # "b" # 7, year = 1981,'
        " address = acm # {, New York}}\n"
    )
    fields, problems = read(text)
    assert fields["k"] == {
        "publisher": "{ACM} Press",
        "month": "10~January",
        "note": "ab7",
        "year": "1981",
        "address": "{ACM}, New York",
    }
    assert problems == []


def test_entry_records_the_definitions_it_needs_with_what_they_were_built_from() -> None:
    text = (
        '@string{acm = "ACM"}\n@string{unused = "x"}\n@string{press = acm # " Press"}\n'
        "@book{k, publisher = press}\n"
    )
    diagnostics = Diagnostics()
    (entry,) = read_entries(text, "b.bib", diagnostics)
    assert [(d.name, d.line, d.value) for d in entry.strings] == [
        ("acm", 1, "ACM"),
        ("press", 3, "ACM Press"),
    ]


def test_undefined_macro_is_a_warning_at_its_field_and_expands_to_nothing() -> None:
    fields, problems = read("@article{a,\n  title = {T},\n  journal = JACM\n}\n")
    assert fields["a"]["journal"] == ""
    assert problems == [
        "b.bib:3: warning: entry 'a': field 'journal' uses the macro 'JACM', which no @string "
        'before it defines, so BibTeX leaves it empty: add @string{JACM = "..."} above it, or '
        "write the value in braces"
    ]


def test_value_that_is_no_expression_is_an_error_at_its_line() -> None:
    _fields, problems = read("@article{a,\n  title = {T},\n  pages = 1-2\n}\n")
    assert problems == [
        "b.bib:3: error: entry 'a': field 'pages' cannot be read as BibTeX: '-2' follows a "
        "value: write the whole value in braces ({...}), or join its parts with '#'"
    ]


def test_crossref_inherits_missing_fields_and_maps_title_to_booktitle() -> None:
    text = (
        "@inproceedings{child, title = {Paper}, crossref = {Vol}, pages = {1--2}}\n"
        "@proceedings{vol, title = {The Volume}, editor = {Lee, Ann}, year = 2030,"
        " pages = {ignored}}\n"
    )
    diagnostics = Diagnostics()
    child, parent = read_entries(text, "b.bib", diagnostics)
    assert dict(child.fields) == {
        "title": "Paper",
        "crossref": "Vol",
        "pages": "1--2",
        "booktitle": "The Volume",
        "editor": "Lee, Ann",
        "year": "2030",
    }
    assert child.parent is parent
    assert diagnostics.items == []


def test_crossref_to_a_missing_entry_is_a_warning_at_the_field() -> None:
    _fields, problems = read("@inproceedings{a,\n  title = {T},\n  crossref = {nope}\n}\n")
    assert problems == [
        "b.bib:3: warning: entry 'a': crossref 'nope' is not an entry of this file; nothing is "
        "inherited"
    ]


def test_unclosed_brace_is_reported_at_the_field_that_opens_it() -> None:
    text = (
        "@inproceedings{good, title = {G}}\n\n"
        "@inproceedings{bad,\n  author = {Roe, Rick},\n  title = {Unclosed,\n  year = 2020\n\n"
        "@inproceedings{next, title = {N}}\n"
    )
    fields, problems = read(text)
    assert sorted(fields) == ["good", "next"]
    assert len(problems) == 1
    assert problems[0].startswith("b.bib:5: error: this BibTeX block cannot be parsed: ")


def test_missing_comma_between_fields_is_an_error_at_the_field_before_it() -> None:
    _fields, problems = read("@article{a,\n  title = {T}\n  year = 2020\n}\n")
    assert problems == [
        "b.bib:2: error: entry 'a': field 'title' cannot be read as BibTeX: 'year =' follows "
        "its value: add the comma before 'year'"
    ]


def test_repeated_field_is_an_error_at_the_second() -> None:
    fields, problems = read("@article{a,\n  title = {One},\n  Title = {Two}\n}\n")
    assert fields["a"]["title"] == "One"
    assert problems == [
        "b.bib:3: error: entry 'a': field 'title' is given twice (first at line 2); delete one"
    ]


def test_acm_sample_reads_without_a_problem_with_its_redefined_strings() -> None:
    text = ACM.read_text(encoding="utf-8")
    fields, problems = read(text)
    assert problems == []
    assert len(fields) == len(bibtexparser.parse_string(text).entries) == 100
    names = [name.lower() for name in re.findall(r"@String\{(\w+)", text)]
    assert len(names) - len(set(names)) == 61  # redefinitions, none of them a problem
    assert fields["Cohen07"]["journal"] == "J. ACM"
    assert fields["JCohen96"]["journal"] == "Commun. {ACM}"  # the second definition wins
    assert fields["Cohen07"]["month"] == "April"
    assert fields["test"]["month"] == "10~January"


@pytest.mark.parametrize(
    "path",
    [*sorted((REFERENCE / "bibtex").glob("*.bib")), TOY_DATA / "proceedings.bib"],
    ids=lambda p: p.name,
)
def test_values_without_macros_are_what_bibtexparser_reads(path) -> None:
    """Where bibtexparser's defaults are right (no #, no month or redefined macro), the
    values are the same."""
    text = path.read_text(encoding="utf-8")
    ours, _ = read(text)
    theirs = {
        e.key: {f.key.lower(): str(f.value) for f in e.fields}
        for e in bibtexparser.parse_string(text).entries
    }
    compared = 0
    for key, fields in theirs.items():
        for name, value in fields.items():
            raw = next(f.value for f in _raw_fields(text, key) if f.key.lower() == name)
            if "#" not in raw and (raw.startswith(("{", '"')) or raw.isdigit()):
                assert ours[key][name] == value, (key, name)
                compared += 1
    assert compared >= 15


def _raw_fields(text: str, key: str):
    library = bibtexparser.parse_string(text, parse_stack=[])
    return library.entries_dict[key].fields


_PART = st.sampled_from(["{a}", '"b c"', "7", "jan", "mac", "{x {y} z}", '"{q}"'])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PART, min_size=1, max_size=5), st.sampled_from([" # ", "#", "  #\n "]))
def test_concatenation_is_the_parts_joined(parts: list[str], joiner: str) -> None:
    expected = {
        "{a}": "a",
        '"b c"': "b c",
        "7": "7",
        "jan": "January",
        "mac": "M",
        "{x {y} z}": "x {y} z",
        '"{q}"': "{q}",
    }
    text = f'@string{{mac = "M"}}\n@misc{{k, note = {joiner.join(parts)}}}\n'
    fields, problems = read(text)
    assert fields["k"]["note"] == "".join(expected[p] for p in parts)
    assert problems == []


def test_value_brace_that_swallows_the_entry_brace_is_reported_at_its_field() -> None:
    text = (
        "@inproceedings{a,\n  title = {T},\n  year = {2030,\n  pages = {1--10}\n}\n\n"
        "@inproceedings{b, title = {U}}\n"
    )
    fields, problems = read(text)
    assert list(fields) == ["b"]
    assert problems[0].startswith("b.bib:3: error: this BibTeX block cannot be parsed: ")
