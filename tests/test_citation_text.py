"""The citation texts (the ACL Anthology's style and APA) and the facts they are made from."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from generator.exporters.citation import CitationRecord, record_of, split_pages
from generator.exporters.citation_text import plain_citation
from generator.model import Author
from generator.names import Name
from generator.text import Text
from generator.validate import load_and_validate

TOY = Path(__file__).resolve().parent / "data" / "toy"


def record(**changes: object) -> CitationRecord:
    base = CitationRecord(
        key="p1",
        title=Text("Sub-$O(n^2)$ Attention"),
        authors=(Author(Name.parse("Ana Álvarez")),),
        abstract=Text(""),
        entry_type="inproceedings",
        container="Proceedings of ToyConf 2030",
        conference="ToyConf 2030",
        year=2030,
        month=6,
        day=3,
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


def test_record_takes_doi_and_published_date_from_the_bib(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TOY, data)
    bib = data / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace(
        "  address   = {Kleinstadt, Germany}\n",
        "  address   = {Kleinstadt, Germany},\n  published = {2030-05-20}\n",
    )
    text = text.replace(
        "  pages     = {1--10}\n",
        "  pages     = {1--10},\n  doi       = {https://doi.org/10.5555/toy\\_1}\n",
    )
    bib.write_text(text, encoding="utf-8")
    model, diagnostics = load_and_validate(data)
    assert model is not None, [str(d) for d in diagnostics.sorted()]
    paper = next(p for p in model.papers if p.id == "tiny-tensors")
    tiny = record_of(model, paper)
    assert (tiny.doi, tiny.date_parts) == ("10.5555/toy_1", (2030, 5, 20))
    assert plain_citation(tiny).endswith(" https://doi.org/10.5555/toy_1")
