"""generator/exporters/bibtex.py: per-paper and whole-volume BibTeX for the toy conference.

(Golden files and round-trip properties of the BibTeX output live in
test_proceedings_bibtex.py; these pin the rules issue by issue.)
"""

from __future__ import annotations

import bibtexparser
import pytest
from conftest import TOY_DATA

from generator.exporters.bibtex import paper_bibtex, proceedings_bibtex
from generator.model import ConferenceData
from generator.validate import load_and_validate


@pytest.fixture(scope="module")
def data() -> ConferenceData:
    data, _ = load_and_validate(TOY_DATA)
    assert data is not None
    return data


def fields_of(text: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return {e.key: {f.key: str(f.value) for f in e.fields} for e in library.entries}


def test_paper_bibtex_is_the_entry_with_the_volume_fields_it_lacks(data: ConferenceData) -> None:
    text = paper_bibtex(data, data.papers[0])

    raw = data.bib_entries["tiny-tensors"].raw
    assert text == raw[:-2] + (
        ",\n"
        "  editor    = {Lind, Rosa and Berg, Tom},\n"
        "  publisher = {ToyConf},\n"
        "  address   = {Kleinstadt, Germany},\n"
        "  url       = {https://toy.example.org/2030/papers/tiny-tensors/},\n"
        "  pdf       = {https://toy.example.org/2030/papers/tiny-tensors.pdf}\n"
        "}\n"
    )


def test_paper_bibtex_without_an_entry_is_generated_from_the_yaml(data: ConferenceData) -> None:
    fields = fields_of(paper_bibtex(data, data.papers[2]))

    entry = fields["green-serving"]
    assert (entry["author"], entry["booktitle"], entry["year"], entry["pages"]) == (
        r"Park, Zo{\"e}",
        "Proceedings of ToyConf 2030",
        "2030",
        "11--20",
    )
    assert entry["url"] == "https://toy.example.org/2030/papers/green-serving/"


def test_proceedings_bibtex_volume_then_papers_in_yaml_order(data: ConferenceData) -> None:
    keys = list(fields_of(proceedings_bibtex(data)))

    assert keys == ["toyconf2030", "tiny-tensors", "log-attention", "green-serving"]
