"""Integration: a real `mkdocs build --strict` of the example conference into a temp dir.

Every page of the site pipeline must exist (home with its generated facts, call for papers,
program, committee, proceedings, a page and a .bib per paper, authors, speakers), paper pages
stay out of the navigation, and every generated .bib parses back with bibtexparser.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import lxml.html
import pytest
from conftest import EXAMPLE_DATA

from generator.validate import load_and_validate

TOP_LEVEL = ["call-for-papers", "program", "speakers", "proceedings", "authors", "committee"]


@pytest.fixture(scope="module")
def example_ids() -> list[str]:
    data, _ = load_and_validate(EXAMPLE_DATA)
    assert data is not None
    return [paper.id for paper in data.papers]


def html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def text_of(document: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in document.xpath(xpath)]


def class_xpath(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def test_site_top_level_pages_exist(example_site: Path) -> None:
    missing = [p for p in ["", *TOP_LEVEL] if not (example_site / p / "index.html").is_file()]

    assert missing == []


def test_site_home_has_generated_facts(example_site: Path) -> None:
    home = html(example_site / "index.html")

    facts = text_of(home, f"//dl[{class_xpath('cs-facts__list')}]/dd")

    assert facts[:2] == [
        "12–14 April 2027 (times in America/Los_Angeles)",
        "Bayshore Convention Center, 1200 Harbor View Drive, Port Alder, United States",
    ]
    assert text_of(home, f"//*[{class_xpath('admonition-title')}]")[0] == "A fictional edition"


def test_site_nav_lists_top_level_pages_and_no_paper_pages(example_site: Path) -> None:
    home = html(example_site / "index.html")

    primary = home.xpath(f"//nav[{class_xpath('md-nav--primary')}]")[0]
    hrefs = [a.get("href") for a in primary.xpath(f".//a[{class_xpath('md-nav__link')}]")]

    assert hrefs == [".", *(f"{p}/" for p in TOP_LEVEL)]
    paper_links = [h for h in home.xpath("//nav//a/@href") if re.search(r"(^|/)papers/", h)]
    assert paper_links == []


def test_site_every_paper_has_a_page_and_a_bib(example_site: Path, example_ids: list[str]) -> None:
    missing_pages = [
        i for i in example_ids if not (example_site / "papers" / i / "index.html").is_file()
    ]
    missing_bibs = [i for i in example_ids if not (example_site / "papers" / f"{i}.bib").is_file()]

    assert (len(example_ids) >= 40, missing_pages, missing_bibs) == (True, [], [])


def test_site_paper_bibs_reparse_to_their_key(example_site: Path, example_ids: list[str]) -> None:
    for paper_id in example_ids:
        library = bibtexparser.parse_file(str(example_site / "papers" / f"{paper_id}.bib"))

        assert ([e.key for e in library.entries], library.failed_blocks) == ([paper_id], [])


def test_site_proceedings_bib_reparses_to_volume_and_all_papers(
    example_site: Path, example_ids: list[str]
) -> None:
    library = bibtexparser.parse_file(str(example_site / "proceedings" / "proceedings.bib"))

    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == ["sysml2027", *example_ids]
    assert library.entries[0].entry_type.lower() == "proceedings"


def test_site_proceedings_page_links_every_paper(
    example_site: Path, example_ids: list[str]
) -> None:
    page = html(example_site / "proceedings" / "index.html")

    linked = page.xpath(f"//a[{class_xpath('cs-paper__title')}]/@href")

    assert sorted(linked) == sorted(f"../papers/{i}/" for i in example_ids)


def test_site_committee_shows_area_counts(example_site: Path) -> None:
    page = html(example_site / "committee" / "index.html")

    assert text_of(page, "//article//h3") == ["Systems (24)", "Machine learning (24)"]


def test_site_program_has_three_days_and_keynotes_link_speakers(example_site: Path) -> None:
    page = html(example_site / "program" / "index.html")

    days = text_of(page, "//article//h2[starts-with(@id, 'day-')]")
    speakers = page.xpath(f"//*[{class_xpath('cs-speaker')}]/a/@href")

    assert days == ["Monday 12 April 2027", "Tuesday 13 April 2027", "Wednesday 14 April 2027"]
    assert speakers == ["../speakers/miriam-okafor/", "../speakers/leonor-batista/"]


def test_site_paper_page_shows_title_authors_and_bibtex(example_site: Path) -> None:
    page = html(example_site / "papers" / "tessera" / "index.html")

    assert text_of(page, "//article//h1")[0].startswith("Tessera: Auto-Scheduling Tensor")
    assert text_of(page, f"//ul[{class_xpath('cs-authors')}]/li/a[1]")[:2] == [
        "Maya Chen",
        "Kai Tanaka",
    ]
    assert text_of(page, f"//pre[{class_xpath('cs-bibtex')}]")[0].startswith(
        "@inproceedings{tessera,"
    )


def test_site_authors_and_speakers_pages_decode_latex(example_site: Path) -> None:
    authors = (example_site / "authors" / "index.html").read_text(encoding="utf-8")
    speakers = html(example_site / "speakers" / "index.html")

    assert "Müller, Jonas" in authors
    assert "{\\" not in authors
    assert text_of(speakers, "//article//h2") == ["Miriam Okafor", "Leonor Batista"]
