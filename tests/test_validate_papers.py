"""generator/validate/papers.py: papers.yaml into Papers, references checked."""

from __future__ import annotations

import pytest
from conftest import TOY_DATA

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.names import Name
from generator.validate import load_and_validate
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


def orcid_error(orcid: str) -> str:
    return (
        f"p.yaml:6: error: paper 'p1': author 'Ana': '{orcid}' is not a valid ORCID iD "
        "(0000-0000-0000-000X, check digit)"
    )


VALID_ORCID = "0000-0002-1825-0097"
AUTHOR_CASES = [
    ("{name: Ana Gómez}", [("Ana Gómez", "", "")], []),
    ("Ana Gómez", [("Ana Gómez", "", "")], []),
    ("{name: '  Ana Gómez  ', affiliation: '  Uni  '}", [("Ana Gómez", "Uni", "")], []),
    ("{name: Ana, affiliation: ''}", [("Ana", "", "")], []),
    ("{name: Ana, affiliation: ~}", [("Ana", "", "")], []),
    ("{name: Ana, affiliation: 7}", [("Ana", "7", "")], []),
    ("{name: 5}", [("5", "", "")], []),
    (f"{{name: Ana, orcid: {VALID_ORCID}}}", [("Ana", "", VALID_ORCID)], []),
    (f"{{name: Ana, orcid: ' https://orcid.org/{VALID_ORCID} '}}", [("Ana", "", VALID_ORCID)], []),
    ("{name: Ana, orcid: ''}", [("Ana", "", "")], []),
    (
        "{name: Ana, orcid: 0000-0002-1825-0098}",
        [("Ana", "", "")],
        [orcid_error("0000-0002-1825-0098")],
    ),
    ("{name: Ana, orcid: 12}", [("Ana", "", "")], [orcid_error("12")]),
    (
        "{name: Ana, affiliation: [a]}",
        [("Ana", "", "")],
        ["p.yaml:6: error: paper 'p1': author 'Ana': 'affiliation' must be text, but is a list"],
    ),
    (
        "{name: Ana, email: a@b.c}",
        [("Ana", "", "")],
        [
            "p.yaml:6: error: paper 'p1': author 'Ana': unknown key 'email'; allowed keys: "
            "name, affiliation, orcid"
        ],
    ),
    (
        "{name: Ana, name: Bo}",
        [("Bo", "", "")],
        [
            "p.yaml:6: error: paper 'p1': author 'Bo': key 'name' appears twice; keep one "
            "(the last one would win silently)"
        ],
    ),
    ("{name: '   '}", [], []),
    ("{name: ''}", [], ["p.yaml:6: error: paper 'p1': author: 'name' is empty; it is required"]),
    (
        "{affiliation: Uni}",
        [],
        ["p.yaml:6: error: paper 'p1': author: missing required key 'name'"],
    ),
    ("{}", [], ["p.yaml:6: error: paper 'p1': author: missing required key 'name'"]),
    (
        "[Ana]",
        [],
        [
            "p.yaml:6: error: paper 'p1': author must be a mapping of 'key: value' lines, but "
            "this is a list"
        ],
    ),
    (
        "~",
        [],
        [
            "p.yaml:6: error: paper 'p1': author must be a mapping of 'key: value' lines, but "
            "this is nothing"
        ],
    ),
]


@pytest.mark.parametrize(("author", "expected", "problems"), AUTHOR_CASES)
def test_read_papers_author_read_and_reported(
    author: str, expected: list[tuple[str, str, str]], problems: list[str]
) -> None:
    text = f"papers:\n  - id: p1\n    title: T\n    abstract: A\n    authors:\n      - {author}\n"

    papers, found = read(text)

    authors = [(a.name.full, a.affiliation, a.orcid) for p in papers for a in p.authors]
    assert (authors, found) == (expected, problems)
