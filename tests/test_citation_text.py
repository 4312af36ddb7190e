"""The plain-text citation: one style (that of the ACL Anthology) for every paper."""

from __future__ import annotations

import dataclasses
from datetime import date

from generator.exporters.citation import CitationRecord, plain_citation, split_pages
from generator.model import Author
from generator.names import Name
from generator.text import Text


def record(**changes: object) -> CitationRecord:
    base = CitationRecord(
        key="p1",
        title=Text("Sub-$O(n^2)$ Attention"),
        authors=(Author(Name.parse("Ana Álvarez")),),
        abstract=Text(""),
        booktitle="Proceedings of ToyConf 2030",
        conference="ToyConf 2030",
        date=date(2030, 6, 3),
        url="https://toy.example.org/2030/papers/p1/",
    )
    return dataclasses.replace(base, **changes)


def names(*full: str) -> tuple[Author, ...]:
    return tuple(Author(Name.parse(n)) for n in full)


def test_citation_one_author_no_pages() -> None:
    assert plain_citation(record()) == (
        "Ana Álvarez. 2030. Sub-O(n^2) Attention. In Proceedings of ToyConf 2030. "
        "https://toy.example.org/2030/papers/p1/"
    )


def test_citation_two_authors_joined_with_and() -> None:
    text = plain_citation(record(authors=names("Ana Álvarez", "Mia Wong")))
    assert text.startswith("Ana Álvarez and Mia Wong. 2030. ")


def test_citation_three_authors_serial_comma_and_full_venue() -> None:
    text = plain_citation(
        record(
            authors=names("Ana Álvarez", "Mia Wong", "Ludwig van der Berg, Jr."),
            first_page="7",
            last_page="19",
            volume="12",
            address="Kleinstadt, Germany",
            publisher="ToyConf",
            doi="10.1234/toy.7",
        )
    )
    assert text == (
        "Ana Álvarez, Mia Wong, and Ludwig van der Berg, Jr. 2030. Sub-O(n^2) Attention. "
        "In Proceedings of ToyConf 2030, volume 12, pages 7–19, Kleinstadt, Germany. ToyConf. "
        "https://doi.org/10.1234/toy.7"
    )


def test_citation_single_page_and_question_title() -> None:
    text = plain_citation(record(title=Text("Why $P \\neq NP$?"), first_page="5", last_page="5"))
    assert text == (
        "Ana Álvarez. 2030. Why P ≠ NP? In Proceedings of ToyConf 2030, page 5. "
        "https://toy.example.org/2030/papers/p1/"
    )


def test_split_pages_forms() -> None:
    assert split_pages("1--14") == ("1", "14")
    assert split_pages("1-14") == ("1", "14")
    assert split_pages("1 – 14") == ("1", "14")
    assert split_pages("e1003") == ("e1003", "e1003")
    assert split_pages("") == ("", "")
