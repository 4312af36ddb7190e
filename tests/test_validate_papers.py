"""generator/validate/papers.py: papers.yaml into Papers, references checked."""

from __future__ import annotations

import pytest
from conftest import TOY_DATA

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.names import Name
from generator.validate import load_and_validate
from generator.validate import papers as papers_module
from generator.validate.papers import orcid_checksum_ok, read_papers


def read(text: str, topics: set[str] | None = None, session_ids: set[str] | None = None):
    diagnostics = Diagnostics()
    papers = read_papers(
        parse_yaml(text, "p.yaml", diagnostics),
        "p.yaml",
        diagnostics,
        {"hw", "sw"} if topics is None else topics,
        {},
        set() if session_ids is None else session_ids,
    )
    return papers, [str(d) for d in diagnostics.sorted()]


def test_read_papers_toy_model() -> None:
    data, _ = load_and_validate(TOY_DATA)

    first = data.papers[0]

    assert [p.id for p in data.papers] == ["tiny-tensors", "log-attention", "green-serving"]
    assert first.authors[0].name == Name(first="José", last="Álvarez")
    assert (first.authors[0].orcid, first.authors[1].affiliation) == (
        "0000-0002-1825-0097",
        "Example Labs",
    )
    assert (first.topics, first.session_id, first.award, first.pages) == (
        ("software", "hardware"),
        "s-compilers",
        "Best paper",
        "1--10",
    )
    assert first.links == (
        ("pdf", "https://toy.example.org/2030/papers/tiny-tensors.pdf"),
        ("code", "https://code.example.org/tiny-tensors"),
    )
    assert first.location.line == 3


def test_read_papers_author_as_plain_string() -> None:
    papers, problems = read("papers:\n  - {id: a, title: T, abstract: x, authors: [Ann Lee]}\n")

    assert problems == []
    assert papers[0].authors[0].name.full == "Ann Lee"


def test_read_papers_missing_abstract_is_a_warning() -> None:
    papers, problems = read("papers:\n  - {id: a, title: T, authors: [Ann Lee]}\n")

    assert [p.id for p in papers] == ["a"]
    assert problems == ["p.yaml:2: warning: paper 'a': no abstract"]


def test_read_papers_no_abstract_on_purpose_is_not_reported() -> None:
    papers, problems = read(
        "papers:\n  - {id: a, title: T, authors: [Ann Lee], no_abstract: true}\n"
    )

    assert [(p.id, p.abstract.source) for p in papers] == [("a", "")]
    assert problems == []


def test_read_papers_no_abstract_beside_an_abstract_is_an_error() -> None:
    _papers, problems = read(
        "papers:\n  - {id: a, title: T, abstract: x, authors: [Ann Lee], no_abstract: true}\n"
    )

    assert problems == [
        "p.yaml:2: error: paper 'a': 'no_abstract: true' but the paper has an abstract; remove "
        "one of the two"
    ]


def test_read_papers_missing_required_fields() -> None:
    papers, problems = read("papers:\n  - {id: a, abstract: x}\n")

    assert papers == ()
    assert problems == [
        "p.yaml:2: error: paper 'a': missing required key 'authors'",
        "p.yaml:2: error: paper 'a': missing required key 'title'",
    ]


def test_read_papers_bad_orcid_checksum() -> None:
    papers, problems = read(
        "papers:\n  - id: a\n    title: T\n    abstract: x\n    authors:\n"
        "      - {name: Ann Lee, orcid: 0000-0002-1825-0098}\n"
    )

    assert papers[0].authors[0].orcid == ""
    assert problems == [
        "p.yaml:6: error: paper 'a': author 'Ann Lee': '0000-0002-1825-0098' is not a valid "
        "ORCID iD (0000-0000-0000-000X, check digit)"
    ]


def test_read_papers_orcid_url_is_reduced_to_the_id() -> None:
    papers, problems = read(
        "papers:\n  - id: a\n    title: T\n    abstract: x\n    authors:\n"
        "      - {name: Ann Lee, orcid: 'https://orcid.org/0000-0002-1825-0097'}\n"
    )

    assert (papers[0].authors[0].orcid, problems) == ("0000-0002-1825-0097", [])


def test_read_papers_unknown_link_kind_and_unsafe_link() -> None:
    papers, problems = read(
        "papers:\n  - id: a\n    title: T\n    abstract: x\n    authors: [Ann]\n"
        "    links:\n      pdf: javascript:alert(1)\n      slide: https://x.example/s.pdf\n"
    )

    assert papers[0].links == ()
    assert problems == [
        "p.yaml:7: error: paper 'a': links: 'pdf' 'javascript:alert(1)' is not an allowed "
        "link; use an http(s):// or mailto: address, or a path relative to the site",
        "p.yaml:8: error: paper 'a': links: unknown key 'slide' (did you mean 'slides'?); "
        "allowed keys: pdf, code, slides, video, poster",
    ]


def test_read_papers_doi_url_is_reduced_and_bad_doi_reported() -> None:
    papers, problems = read(
        "papers:\n"
        "  - {id: a, title: T, abstract: x, authors: [Ann], doi: 'https://doi.org/10.1234/ab.c'}\n"
        "  - {id: b, title: T, abstract: x, authors: [Ann], doi: '12.34/x'}\n"
    )

    assert [p.doi for p in papers] == ["10.1234/ab.c", ""]
    assert problems == ["p.yaml:3: error: paper 'b': doi '12.34/x' is not a DOI (10.NNNN/suffix)"]


def test_read_papers_session_of_an_invalid_session_is_not_reported_again() -> None:
    papers, problems = read(
        "papers:\n  - {id: a, title: T, abstract: x, authors: [Ann], session: s1}\n",
        session_ids={"s1"},
    )

    assert (papers[0].session_id, problems) == (None, [])


def test_read_papers_topics_unchecked_when_conference_unreadable() -> None:
    diagnostics = Diagnostics()
    root = parse_yaml(
        "papers:\n  - {id: a, title: T, abstract: x, authors: [Ann], topics: [zz]}\n",
        "p.yaml",
        diagnostics,
    )

    papers = read_papers(root, "p.yaml", diagnostics, None, {}, set())

    assert (papers[0].topics, diagnostics.items) == ((), [])


def test_orcid_checksum() -> None:
    assert [orcid_checksum_ok(o) for o in ("0000-0002-1825-0097", "0000-0001-5109-3700")] == [
        True,
        True,
    ]
    assert orcid_checksum_ok("0000-0002-1825-0096") is False


AUTHOR_CASES = [
    "{name: Ana Gómez}",
    "{name: '  Ana Gómez  ', affiliation: '  Uni  '}",
    "{name: Ana, affiliation: ''}",
    "{name: Ana, affiliation: ~}",
    "{name: Ana, orcid: 0000-0002-1825-0097}",
    "{name: Ana, orcid: ' https://orcid.org/0000-0002-1825-0097 '}",
    "{name: Ana, orcid: 0000-0002-1825-0098}",  # a wrong check digit
    "{name: Ana, orcid: ''}",
    "{name: Ana, orcid: 12}",
    "{name: Ana, affiliation: 7}",
    "{name: Ana, affiliation: [a]}",
    "{name: Ana, email: a@b.c}",
    "{name: Ana, name: Bo}",
    "{name: '   '}",
    "{name: ''}",
    "{name: 5}",
    "{affiliation: Uni}",
    "{}",
    "[Ana]",
    "Ana Gómez",
    "~",
]


@pytest.mark.parametrize("author", AUTHOR_CASES)
def test_read_papers_author_shortcut_equals_record(
    author: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"papers:\n  - id: p1\n    title: T\n    abstract: A\n    authors:\n      - {author}\n"
    fast = read(text)
    monkeypatch.setattr(papers_module, "_plain_author", lambda value: None)

    assert fast == read(text)


PAPER_BASE = {
    "id": "p1",
    "title": "T",
    "abstract": "A",
    "authors": "[Ana Gómez, {name: Bo, affiliation: Uni}]",
}
PAPER_CHANGES = [
    {},
    {"id": "'  p1  '"},
    {"id": "P1"},
    {"id": "12"},
    {"id": "''"},
    {"title": "'   '"},
    {"title": "7"},
    {"title": None},
    {"abstract": None},
    {"abstract": "'  '"},
    {"abstract": "''"},
    {"title": "''"},
    {"abstract": "[a]"},
    {"authors": "[]"},
    {"authors": "['  ']"},
    {"authors": "[Ana, '']"},
    {"authors": "[{name: Ana, orcid: 0000-0002-1825-0098}]"},
    {"authors": "Ana"},
    {"topics": "[software]"},
    {"topics": "[software, hardware]"},
    {"topics": "[nope]"},
    {"topics": "software"},
    {"topics": "[]"},
    {"session": "s-compilers"},
    {"session": "keynote"},
    {"session": "posters"},
    {"session": "nowhere"},
    {"session": "declared-only"},
    {"session": "''"},
    {"session": "5"},
    {"award": "' Best paper '"},
    {"award": "[x]"},
    {"pages": "'1--8'"},
    {"pages": "8"},
    {"doi": "10.1234/abc"},
    {"doi": "https://doi.org/10.1234/abc"},
    {"doi": "nope"},
    {"links": "{pdf: https://a.org/p.pdf, code: ' https://a.org/c '}"},
    {"links": "{pdf: ''}"},
    {"links": "{pdf: 'javascript:x'}"},
    {"links": "{pdf: 'http://[x/'}"},
    {"links": "{pdf: 5}"},
    {"links": "{zip: https://a.org}"},
    {"links": "{pdf: a, pdf: b}"},
    {"links": "[https://a.org]"},
    {"extra": "x"},
    {"title": "T\n    title: U"},  # a duplicate key
]


@pytest.mark.parametrize("change", PAPER_CHANGES, ids=range(len(PAPER_CHANGES)))
@pytest.mark.parametrize("references", ["known", "unknown"])
def test_read_papers_paper_shortcut_equals_record(
    change: dict, references: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _ = load_and_validate(TOY_DATA)
    sessions = {s.id: s for s in data.sessions}
    fields = {**PAPER_BASE, **change}
    entry = "\n".join(f"    {key}: {value}" for key, value in fields.items() if value is not None)
    text = f"papers:\n  - {entry.strip()}\n  - id: p1\n    title: T\n"
    root = parse_yaml(text, "p.yaml", Diagnostics())
    known = references == "known"
    arguments = (
        {"software", "hardware"} if known else None,
        sessions,
        {*sessions, "declared-only"} if known else None,
    )

    def run() -> tuple:
        diagnostics = Diagnostics()
        papers = read_papers(root, "p.yaml", diagnostics, *arguments)
        return papers, [str(d) for d in diagnostics.items]

    fast = run()
    monkeypatch.setattr(papers_module, "_plain_paper", lambda *args: None)

    assert fast == run()


def test_read_papers_plain_entry_takes_the_shortcut() -> None:
    root = parse_yaml(
        "papers:\n  - id: p1\n    title: T\n    abstract: A\n    authors: [Ana]\n",
        "p",
        Diagnostics(),
    )

    paper = papers_module._plain_paper(root["papers"][0], "p.yaml", {}, None, {}, None)

    assert (paper.id, paper.location.line, [a.name.full for a in paper.authors]) == (
        "p1",
        2,
        ["Ana"],
    )
