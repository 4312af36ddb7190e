"""generator/validate/bibtex_plain.py: plain .bib files read as bibtexparser reads them.

parse_bibtex takes the plain reader when it accepts a file; every case here is also parsed
with bibtexparser alone, and the entries and diagnostics must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_DATA, REFERENCE, TOY_DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import synth
from generator.diagnostics import Diagnostics
from generator.validate import proceedings
from generator.validate.bibtex_plain import plain_entries


def parsed(text: str) -> tuple[list, list[str]]:
    diagnostics = Diagnostics()
    entries = proceedings.parse_bibtex(text, "b.bib", diagnostics)
    return entries, [str(d) for d in diagnostics.items]


def assert_same_as_bibtexparser(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parsed(text)
    with monkeypatch.context() as patch:
        patch.setattr(proceedings, "plain_entries", lambda text: None)
        assert fast == parsed(text)


def bib_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("synth")
    synth.write(folder, 60, seed=4)
    return [
        *sorted((REFERENCE / "bibtex").glob("*.bib")),
        EXAMPLE_DATA / "proceedings.bib",
        TOY_DATA / "proceedings.bib",
        folder / "proceedings.bib",
    ]


def test_plain_entries_real_files_equal_bibtexparser(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = bib_files(tmp_path_factory)
    accepted = [path.name for path in files if plain_entries(path.read_text("utf-8"))]

    for path in files:
        assert_same_as_bibtexparser(path.read_text(encoding="utf-8"), monkeypatch)
    assert accepted == ["cpal2026.bib", "proceedings.bib", "proceedings.bib", "proceedings.bib"]


HEADS = [
    "@inproceedings{k1,",
    "@Article{K2,",
    "@misc{k1,",
    "@string{k3,",
    "@comment{",
    "@stringx{a,",
]
HEADS += ["@article(k4,", "@inproceedings {k5,", "@preamble{", "@misc{k 6,", "@misc{k7}", "@{k8,"]
NAMES = ["title", "Title", "author", "year", "x-y", "a b", "", "title"]
SPACES = ["", " ", "\n  ", "\t", "\xa0"]
VALUES = ["{A}", "{A {B} C}", "{a, b = c}", "{x@y}", "{\n@x{}", '"q"', '"a{b}"', '""', "2031"]
VALUES += ["apr", "apr # may", "{\\}}", "{a\\{b}", "{", "{{}", "{é}", "{\\'e}", '"a\\"b"', "{a}b"]
CLOSERS = ["}", "\n}", ",}", ", }", ")", "", "}}"]
JUNK = ["", "\n", "\n\n", "\n% comment\n", "\n% mail me@x\n", "text {", " "]


@st.composite
def bib_texts(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(JUNK))]
    for _ in range(draw(st.integers(0, 3))):
        fields = [
            draw(st.sampled_from(SPACES))
            + draw(st.sampled_from(NAMES))
            + draw(st.sampled_from(SPACES))
            + "="
            + draw(st.sampled_from(SPACES))
            + draw(st.sampled_from(VALUES))
            for _ in range(draw(st.integers(0, 3)))
        ]
        separator = draw(st.sampled_from([",", ",\n", ", ", " ,"]))
        entry = draw(st.sampled_from(HEADS)) + separator.join(fields)
        parts.append(entry + draw(st.sampled_from(CLOSERS)) + draw(st.sampled_from(JUNK)))
        parts.append(draw(st.sampled_from(["\n", "", "\n\n"])))
    return "".join(parts)


@st.composite
def plain_bib_texts(draw: st.DrawFn) -> str:
    """Mostly plain files, where the plain reader has to get every detail right."""
    parts = [draw(st.sampled_from(JUNK[:4]))]
    for number in range(draw(st.integers(1, 3))):
        names = draw(st.lists(st.sampled_from(NAMES[:5]), unique_by=str.lower, max_size=4))
        fields = [
            draw(st.sampled_from(SPACES[:4]))
            + name
            + draw(st.sampled_from(SPACES[:4]))
            + "="
            + draw(st.sampled_from(SPACES[:4]))
            + draw(st.sampled_from([*VALUES[:3], *VALUES[5:11], *VALUES[15:17]]))
            for name in names
        ]
        head = draw(st.sampled_from(["@inproceedings{k", "@Article{K", "@misc{x"])) + f"{number},"
        closer = draw(st.sampled_from(CLOSERS[:4]))
        parts.append(head + draw(st.sampled_from([",", ",\n", ", "])).join(fields) + closer)
        parts.append(draw(st.sampled_from(["\n", "\n\n", "\n% note\n"])))
    return "".join(parts)


@settings(max_examples=800, deadline=None)
@given(st.one_of(bib_texts(), plain_bib_texts()))
def test_plain_entries_generated_files_equal_bibtexparser(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_as_bibtexparser(text, monkeypatch)


def test_plain_entries_refuses_what_bibtexparser_must_report() -> None:
    good = "@misc{a,\n  title = {T},\n  year = 2030,\n}\n"

    assert [e.key for e in plain_entries(good)] == ["a"]
    for bad in (
        good + good,  # a duplicate key
        good.replace("T}", "T"),  # an unclosed brace
        "@string{x = {y}}\n" + good,
        good.replace("2030", "x # y"),
        good + "% by me@example.org\n",
    ):
        assert plain_entries(bad) is None
