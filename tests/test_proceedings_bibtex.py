"""BibTeX out: golden files, and round trips through bibtexparser (real parsing, no mocks).

Golden files live in tests/golden/proceedings/ and are rendered from the toy conference.
After an intended change of the output, refresh them with:

    CONFSITE_UPDATE_GOLDEN=1 pytest tests/test_proceedings_bibtex.py -q

and review the diff like any other change.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import bibtexparser
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from served_bibtex import expected, resolved, undefined_macros

from generator import latex
from generator.build import build_outputs
from generator.exporters.bibtex import generated_entry, paper_bibtex
from generator.exporters.citation import record_of
from generator.exporters.citation_text import plain_citation
from generator.names import Name
from generator.validate import load_and_validate
from generator.validate.bibtex_reader import split_authors

ROOT = Path(__file__).resolve().parent.parent
TOY = ROOT / "tests" / "data" / "toy"
EXAMPLE = ROOT / "data" / "2027"  # the example series' current edition
GOLDEN = ROOT / "tests" / "golden" / "proceedings"
UPDATE = bool(os.environ.get("CONFSITE_UPDATE_GOLDEN"))


def toy_outputs() -> dict[str, str]:
    result = build_outputs(TOY)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    files = {f.uri: f.content for f in result.files if f.uri.endswith((".bib", ".ris"))}
    data, _ = load_and_validate(TOY)
    assert data is not None
    files["citations.txt"] = "".join(
        f"{paper.id}: {plain_citation(record_of(data, paper))}\n" for paper in data.papers
    )
    return files


GOLDEN_NAMES = (
    "proceedings/proceedings.bib",
    "papers/tiny-tensors.bib",
    "papers/log-attention.bib",
    "papers/green-serving.bib",
    "papers/tiny-tensors.ris",
    "papers/log-attention.ris",
    "papers/green-serving.ris",
    "citations.txt",
)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return toy_outputs()


@pytest.mark.parametrize("name", GOLDEN_NAMES)
def test_golden_output_matches(outputs: dict[str, str], name: str) -> None:
    golden = GOLDEN / name.replace("/", "__")
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(outputs[name].encode())
    assert outputs[name] == golden.read_bytes().decode(), f"refresh: see {__name__} docstring"


def entries_of(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return {
        e.key: (e.entry_type.lower(), {f.key.lower(): str(f.value) for f in e.fields})
        for e in library.entries
    }


@pytest.mark.parametrize("data_dir", [TOY, EXAMPLE], ids=["toy", "example"])
def test_served_bib_files_read_as_the_source_says_with_the_added_fields(data_dir: Path) -> None:
    data, _ = load_and_validate(data_dir)
    assert data is not None
    source = resolved((data_dir / "proceedings.bib").read_text(encoding="utf-8"))
    files = {f.uri: f.content for f in build_outputs(data_dir).files}
    volume = resolved(files["proceedings/proceedings.bib"])
    assert list(volume) == [data.volume.key] + [p.id for p in data.papers]
    assert volume[data.volume.key] == source[data.volume.key]
    for paper in data.papers:
        text = files[f"papers/{paper.id}.bib"]
        assert undefined_macros(text) == []
        served = resolved(text)
        assert list(served) == [paper.id]
        if paper.id in source:
            assert served[paper.id] == volume[paper.id] == expected(data, paper, source)


def build_result_file(data_dir: Path, uri: str) -> str:
    result = build_outputs(data_dir)
    return next(f.content for f in result.files if f.uri == uri)


def test_generated_entry_reparses_to_the_paper() -> None:
    data, _ = load_and_validate(TOY)
    assert data is not None
    paper = next(p for p in data.papers if p.id == "green-serving")
    (kind, fields) = entries_of(paper_bibtex(data, paper))["green-serving"]
    assert kind == "inproceedings"
    assert latex.decode(fields["title"]) == paper.title.source
    authors = [Name.parse(n).full for n in split_authors(fields["author"])]
    assert authors == [a.name.full for a in paper.authors]
    assert fields["pages"] == "11--20"
    assert fields["booktitle"] == "Proceedings of ToyConf 2030"
    assert fields["url"] == "https://toy.example.org/2030/papers/green-serving/"


def test_every_paper_file_equals_its_entry_in_the_volume() -> None:
    result = build_outputs(EXAMPLE)
    files = {f.uri: f.content for f in result.files}
    volume = entries_of(files["proceedings/proceedings.bib"])
    for uri, content in files.items():
        if uri.startswith("papers/") and uri.endswith(".bib"):
            (key, entry), *rest = entries_of(content).items()
            assert rest == []
            assert volume[key] == entry


# Text as papers.yaml holds it: Unicode, $math$, \$ for a dollar sign, LaTeX specials.
_WORDS = st.sampled_from(
    [
        "Łukasz",
        "Dvořák",
        "Straße",
        "naïve",
        "Ørsted",
        "GPUs",
        "FuseBox",
        "50%",
        "R&D",
        "#1",
        "a_b",
        "{braces}",
        "x~y",
        "2^10",
        "<tag>",
        "back\\slash",
        "\\$5",
        "$O(n^2)$",
        "$\\alpha_i$",
        "–",
        "“quoted”",
        "plain",
        "and",
    ]
)
_TITLES = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_TITLES)
def test_generated_title_round_trips_through_bibtex(title: str) -> None:
    data, _ = load_and_validate(TOY)
    assert data is not None
    paper = next(p for p in data.papers if p.id == "green-serving")
    paper = dataclasses.replace(paper, title=dataclasses.replace(paper.title, source=title))
    (_kind, fields) = entries_of(generated_entry(data, paper))["green-serving"]
    assert latex.decode(fields["title"]) == title


_LETTERS = st.sampled_from(list("abcdeéèöüłøßçžñ"))
_WORD = st.builds(
    lambda first, rest: first + "".join(rest),
    st.sampled_from(list("ABCDÉÖŁØŽ")),
    st.lists(_LETTERS, min_size=1, max_size=6),
)


@settings(max_examples=60, deadline=None)
@given(
    first=st.lists(_WORD, min_size=0, max_size=2),
    von=st.sampled_from(["", "van", "van der", "de la"]),
    last=st.lists(_WORD, min_size=1, max_size=2),
    jr=st.sampled_from(["", "Jr.", "III"]),
)
@example(first=[], von="van", last=["Xavier"], jr="Jr.")
@example(first=["Ana"], von="", last=["García", "Márquez"], jr="")
def test_generated_names_round_trip_through_bibtex(
    first: list[str], von: str, last: list[str], jr: str
) -> None:
    name = Name(first=" ".join(first), last=" ".join(last), von=von, jr=jr)
    field = f"{name.bibtex} and Other, Ann"
    parsed = [Name.parse(n) for n in split_authors(field)]
    assert [n.full for n in parsed] == [name.full, "Ann Other"]


def test_name_containing_and_stays_one_author() -> None:
    name = Name.parse("Barnes and Noble Team")
    assert [Name.parse(n).full for n in split_authors(name.bibtex)] == ["Barnes and Noble Team"]


def test_generated_entry_keeps_odd_pages_doi_and_links_parseable() -> None:
    data, _ = load_and_validate(TOY)
    assert data is not None
    paper = next(p for p in data.papers if p.id == "green-serving")
    paper = dataclasses.replace(
        paper,
        pages="11 – 20",
        doi="10.5555/a}b{c\\d",
        links=(("pdf", "https://toy.example.org/x}.pdf"),),
    )
    (_kind, fields) = entries_of(generated_entry(data, paper))["green-serving"]
    assert fields["pages"] == "11--20"
    assert fields["doi"] == "10.5555/a%7Db%7Bc%5Cd"
    assert fields["pdf"] == "https://toy.example.org/x%7D.pdf"


def test_string_macros_travel_with_the_entries_that_use_them(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(TOY, data_dir)
    bib = data_dir / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace(
        "@proceedings{", '@string{toy = "Proceedings of ToyConf 2030"}\n\n@proceedings{'
    )
    booktitle = "  booktitle = {Proceedings of ToyConf 2030},\n  year      = {2030},\n  pages"
    assert text.count(booktitle) == 1
    text = text.replace(booktitle, "  booktitle = toy,\n  year      = {2030},\n  pages")
    bib.write_text(text, encoding="utf-8")
    source = resolved(text)
    result = build_outputs(data_dir)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    data, _ = load_and_validate(data_dir)
    assert data is not None
    files = {f.uri: f.content for f in result.files}
    tiny = files["papers/tiny-tensors.bib"]
    assert tiny.startswith('@string{toy = "Proceedings of ToyConf 2030"}\n\n@inproceedings{')
    paper = next(p for p in data.papers if p.id == "tiny-tensors")
    assert resolved(tiny)["tiny-tensors"] == expected(data, paper, source)
    assert not files["papers/log-attention.bib"].startswith("@string")
    volume = files["proceedings/proceedings.bib"]
    assert volume.count("@string{toy") == 1
    assert undefined_macros(volume) == []
    assert resolved(volume)["tiny-tensors"] == expected(data, paper, source)


def test_a_macro_redefined_between_entries_is_defined_again_where_it_changes(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(TOY, data_dir)
    bib = data_dir / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace(
        "@inproceedings{tiny-tensors,",
        '@string{pub = "First"}\n\n@inproceedings{tiny-tensors,\n  publisher = pub,',
    )
    text = text.replace(
        "@inproceedings{log-attention,",
        '@string{pub = "Second"}\n\n@inproceedings{log-attention,\n  publisher = pub,',
    )
    bib.write_text(text, encoding="utf-8")
    result = build_outputs(data_dir)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    files = {f.uri: f.content for f in result.files}
    volume = resolved(files["proceedings/proceedings.bib"])
    assert (volume["tiny-tensors"][1]["publisher"], volume["log-attention"][1]["publisher"]) == (
        "First",
        "Second",
    )
    assert resolved(files["papers/log-attention.bib"])["log-attention"][1]["publisher"] == "Second"


def test_crossref_parent_follows_the_entry_in_its_file_and_at_the_end_of_the_volume(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(TOY, data_dir)
    bib = data_dir / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace(
        "  booktitle = {Proceedings of ToyConf 2030},\n"
        "  year      = {2030},\n"
        "  pages     = {1--10}",
        "  crossref  = {toyconf2030},\n  pages     = {1--10}",
    )
    bib.write_text(text, encoding="utf-8")
    result = build_outputs(data_dir)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    files = {f.uri: f.content for f in result.files}
    tiny = files["papers/tiny-tensors.bib"]
    assert list(resolved(tiny)) == ["tiny-tensors", "toyconf2030"]
    fields = resolved(tiny)["tiny-tensors"][1]
    assert (fields["booktitle"], fields["editor"], fields["year"]) == (
        "Proceedings of ToyConf 2030",
        "Lind, Rosa and Berg, Tom",
        "2030",
    )
    volume = resolved(files["proceedings/proceedings.bib"])
    assert list(volume) == ["tiny-tensors", "log-attention", "green-serving", "toyconf2030"]
