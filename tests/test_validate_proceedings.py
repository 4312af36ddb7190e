"""generator/validate/proceedings.py: proceedings.bib parsed and checked against papers.yaml."""

from __future__ import annotations

from conftest import TOY_DATA

from generator.diagnostics import Diagnostics, Location
from generator.model import Author, Paper
from generator.names import Name
from generator.text import Text
from generator.validate import load_and_validate
from generator.validate.proceedings import comparable, match_entries, parse_bibtex


def paper(paper_id: str, title: str, *authors: str) -> Paper:
    return Paper(
        id=paper_id,
        title=Text(title),
        authors=tuple(Author(Name.parse(a)) for a in authors),
        abstract=Text(""),
        topics=(),
        session_id=None,
        location=Location("p.yaml", 7),
    )


def check(bib: str, papers: tuple[Paper, ...], paper_ids: set[str] | None = None):
    diagnostics = Diagnostics()
    entries = parse_bibtex(bib, "b.bib", diagnostics)
    ids = {p.id for p in papers} if paper_ids is None else paper_ids
    volume, by_paper = match_entries(entries, papers, ids, "p.yaml", diagnostics)
    return volume, by_paper, [str(d) for d in diagnostics.sorted()]


def test_parse_bibtex_toy_entries_with_lines_and_raw_text() -> None:
    diagnostics = Diagnostics()
    text = (TOY_DATA / "proceedings.bib").read_text(encoding="utf-8")

    entries = parse_bibtex(text, "b.bib", diagnostics)

    assert [(e.key, e.entry_type, e.location.line) for e in entries] == [
        ("toyconf2030", "proceedings", 3),
        ("tiny-tensors", "inproceedings", 12),
        ("log-attention", "inproceedings", 20),
    ]
    assert entries[1].get("author") == r"{\'A}lvarez, Jos{\'e} and Wong, Mia"
    assert entries[1].raw.startswith("@inproceedings{tiny-tensors,")
    assert diagnostics.items == []


def test_load_and_validate_toy_volume_and_entries() -> None:
    data, diagnostics = load_and_validate(TOY_DATA)

    assert data.volume.key == "toyconf2030"
    assert sorted(data.bib_entries) == ["log-attention", "tiny-tensors"]
    assert diagnostics.items == []


def test_match_entries_latex_and_braces_agree_with_unicode() -> None:
    bib = r"@inproceedings{a, title={{FuseBox}: Fast}, author={{\'A}lvarez, Jos{\'e}}}"

    volume, by_paper, problems = check(bib, (paper("a", "FuseBox: Fast", "José Álvarez"),))

    assert (volume, sorted(by_paper), problems) == (None, ["a"], [])


def test_match_entries_author_order_matters() -> None:
    bib = "@inproceedings{a, title={T}, author={Lee, Ann and Ek, Bo}}"

    _, _, problems = check(bib, (paper("a", "T", "Bo Ek", "Ann Lee"),))

    assert problems == [
        "b.bib:1: error: entry 'a': authors disagree with p.yaml:7: the .bib has 'Ann Lee; Bo Ek', "
        "papers.yaml has 'Bo Ek; Ann Lee'; make them the same (same people, same order)"
    ]


def test_match_entries_unknown_key_is_a_warning() -> None:
    bib = "@inproceedings{zz, title={T}, author={Lee, Ann}}"

    _, by_paper, problems = check(bib, (paper("a", "T", "Ann Lee"),))

    assert by_paper == {}
    assert problems == [
        "b.bib:1: warning: entry 'zz' matches no paper id in p.yaml; it is left out of the "
        "proceedings"
    ]


def test_match_entries_key_of_an_invalid_paper_is_not_reported_again() -> None:
    bib = "@inproceedings{a, title={T}, author={Lee, Ann}}"

    _, by_paper, problems = check(bib, (), paper_ids={"a"})

    assert (by_paper, problems) == ({}, [])


def test_match_entries_second_proceedings_entry() -> None:
    bib = "@proceedings{v1, title={V}}\n\n@proceedings{v2, title={W}}\n"

    volume, _, problems = check(bib, ())

    assert volume.key == "v1"
    assert problems == [
        "b.bib:3: error: a second @proceedings entry 'v2'; the volume is described once "
        "(first: 'v1' at line 1)"
    ]


def test_parse_bibtex_duplicate_key() -> None:
    bib = "@inproceedings{a, title={T}}\n\n@inproceedings{a, title={U}}\n"

    _, _, problems = check(bib, (paper("a", "T"),))

    assert (
        problems[0]
        == "b.bib:3: error: entry key 'a' is used twice (first at line 1); keys must be unique"
    )


def test_comparable_decodes_and_drops_braces() -> None:
    assert comparable(r"{GPU}s  in Z{\"u}rich") == "GPUs in Zürich"


def test_match_entries_crossref_parent_is_no_unknown_paper() -> None:
    bib = (
        "@incollection{a, title={T}, author={Lee, Ann}, crossref={book1}}\n"
        "@book{book1, title={The Book}, editor={Ek, Bo}, year=2030}\n"
    )

    _, by_paper, problems = check(bib, (paper("a", "T", "Ann Lee"),))

    assert (sorted(by_paper), problems) == (["a"], [])
    assert by_paper["a"].get("booktitle") == "The Book"
