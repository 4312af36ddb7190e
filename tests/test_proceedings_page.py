"""Built paper, author and home pages: every scholarly meta tag, the JSON-LD, author pages,
the copy button on the BibTeX block and math (MathML), from a real `mkdocs build --strict`.

The site is the toy conference with one paper changed to carry what the toy lacks: a DOI, a
PDF, a second author with an ORCID iD, math, and a title that tries to close the script element.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import TOY_DATA, build_site, serve
from lxml import html as lxml_html

from generator.exporters.citation import record_of
from generator.metadata import highwire_tags
from generator.validate import load_and_validate

HOSTILE_TITLE = 'Green </script><script>alert("x")</script> & Serving with $\\alpha$-Caching'
HOSTILE_TEXT = 'Green </script><script>alert("x")</script> & Serving with α-Caching'
GREEN = f"""  - id: green-serving
    title: '{HOSTILE_TITLE}'
    authors:
      - name: Zoë Park
        affiliation: Example Labs
      - name: "{{\\\\'A}}lvarez, Jos{{\\\\'e}}"
        affiliation: Universidad de Ejemplo
        orcid: 0000-0002-1825-0097
    abstract: "Serving models on solar power in $O(n \\\\log n)$ time, for \\\\$5 a day."
    topics: [metrics]
    session: posters
    pages: "11--20"
    doi: 10.5555/toy.2030.11
    links:
      pdf: green-serving.pdf
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("proceedings") / "data"
    shutil.copytree(TOY_DATA, data)
    papers = data / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    start = text.index("  - id: green-serving\n")
    papers.write_text(text[:start] + GREEN, encoding="utf-8")
    out = data.parent / "site"
    result = build_site(data, out)
    assert result.returncode == 0, result.stderr
    return out


def parse(site: Path, path: str) -> Any:
    return lxml_html.fromstring((site / path).read_bytes())


def metas(tree: Any, attribute: str, name: str) -> list[str]:
    return [m.get("content") for m in tree.xpath(f"//head/meta[@{attribute}='{name}']")]


def json_ld(site: Path, path: str) -> list[dict[str, Any]]:
    tree = parse(site, path)
    scripts = tree.xpath("//script[@type='application/ld+json']")
    return [json.loads(s.text) for s in scripts]


def test_paper_page_highwire_tags(site: Path) -> None:
    tree = parse(site, "papers/green-serving/index.html")
    expected = {
        "citation_title": [HOSTILE_TEXT],
        "citation_author": ["Park, Zoë", "Álvarez, José"],
        "citation_author_institution": ["Example Labs", "Universidad de Ejemplo"],
        "citation_publication_date": ["2030/06/03"],
        "citation_conference_title": ["ToyConf 2030: A Tiny Conference on Systems and ML"],
        "citation_inbook_title": ["Proceedings of ToyConf 2030"],
        "citation_firstpage": ["11"],
        "citation_lastpage": ["20"],
        "citation_publisher": ["ToyConf"],
        # the PDF is in the abstract page's own folder, as Google Scholar requires
        "citation_pdf_url": ["https://toy.example.org/2030/papers/green-serving/green-serving.pdf"],
        "citation_doi": ["10.5555/toy.2030.11"],
        "citation_abstract_html_url": ["https://toy.example.org/2030/papers/green-serving/"],
    }
    found = {name: metas(tree, "name", name) for name in expected}
    assert found == expected
    # Authors and their institutions interleave, in order, as Scholar reads them.
    names = [
        m.get("name") for m in tree.xpath("//head/meta[starts-with(@name, 'citation_author')]")
    ]
    assert names == [
        "citation_author",
        "citation_author_institution",
        "citation_author",
        "citation_author_institution",
        "citation_author_orcid",
    ]


def test_pdf_outside_the_page_folder_is_no_citation_pdf_url_unless_asked_for(site: Path) -> None:
    tree = parse(site, "papers/tiny-tensors/index.html")
    assert metas(tree, "name", "citation_pdf_url") == []
    pdf = "https://toy.example.org/2030/papers/tiny-tensors.pdf"
    assert f"L1  - {pdf}\r\n" in (site / "papers" / "tiny-tensors.ris").read_bytes().decode()
    data, _ = load_and_validate(TOY_DATA)
    assert data is not None
    elsewhere = dataclasses.replace(
        data, conference=dataclasses.replace(data.conference, citation_pdf_elsewhere=True)
    )
    tags = highwire_tags(record_of(elsewhere, data.papers[0]))
    assert f'<meta name="citation_pdf_url" content="{pdf}">' in tags


def test_paper_without_pages_pdf_or_doi_has_no_such_tags(site: Path) -> None:
    tree = parse(site, "papers/log-attention/index.html")
    for name in ("citation_firstpage", "citation_lastpage", "citation_pdf_url", "citation_doi"):
        assert metas(tree, "name", name) == []
    assert metas(tree, "name", "citation_title") == ["Attention in O(n log n) Time"]
    assert metas(tree, "name", "citation_author") == ["Wong, Mia", "van der Berg, Ludwig"]


def test_paper_page_cards(site: Path) -> None:
    tree = parse(site, "papers/green-serving/index.html")
    url = "https://toy.example.org/2030/papers/green-serving/"
    abstract = "Serving models on solar power in O(n log n) time, for $5 a day."
    assert {
        key: metas(tree, "property", key)
        for key in ("og:type", "og:title", "og:url", "og:site_name", "og:description")
    } == {
        "og:type": ["article"],
        "og:title": [HOSTILE_TEXT],
        "og:url": [url],
        "og:site_name": ["ToyConf 2030"],
        "og:description": [abstract],
    }
    assert {
        key: metas(tree, "name", key)
        for key in ("twitter:card", "twitter:title", "twitter:description")
    } == {
        "twitter:card": ["summary"],
        "twitter:title": [HOSTILE_TEXT],
        "twitter:description": [abstract],
    }


def test_paper_page_json_ld_is_escaped_and_complete(site: Path) -> None:
    raw = (site / "papers/green-serving/index.html").read_text(encoding="utf-8")
    assert "</script><script>alert" not in raw
    assert "\\u003c/script\\u003e" in raw
    (article,) = json_ld(site, "papers/green-serving/index.html")
    url = "https://toy.example.org/2030/papers/green-serving/"
    assert article == {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": url,
        "url": url,
        "headline": HOSTILE_TEXT,
        "name": HOSTILE_TEXT,
        "author": [
            {
                "@type": "Person",
                "name": "Zoë Park",
                "givenName": "Zoë",
                "familyName": "Park",
                "affiliation": {"@type": "Organization", "name": "Example Labs"},
            },
            {
                "@type": "Person",
                "name": "José Álvarez",
                "givenName": "José",
                "familyName": "Álvarez",
                "affiliation": {"@type": "Organization", "name": "Universidad de Ejemplo"},
                "sameAs": "https://orcid.org/0000-0002-1825-0097",
            },
        ],
        "datePublished": "2030-06-03",
        "isPartOf": {
            "@type": "Book",
            "name": "Proceedings of ToyConf 2030",
            "editor": [
                {"@type": "Person", "name": "Rosa Lind"},
                {"@type": "Person", "name": "Tom Berg"},
            ],
        },
        "publisher": {"@type": "Organization", "name": "ToyConf"},
        "abstract": "Serving models on solar power in O(n log n) time, for $5 a day.",
        "pageStart": "11",
        "pageEnd": "20",
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": "10.5555/toy.2030.11",
        },
        "sameAs": "https://doi.org/10.5555/toy.2030.11",
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": "https://toy.example.org/2030/papers/green-serving/green-serving.pdf",
            "encodingFormat": "application/pdf",
        },
    }


def test_home_page_event_has_place_and_zone_aware_times(site: Path) -> None:
    home = parse(site, "index.html")
    assert metas(home, "property", "og:type") == ["website"]
    assert metas(home, "property", "og:url") == ["https://toy.example.org/2030/"]
    assert metas(home, "name", "twitter:title") == [
        "ToyConf 2030: A Tiny Conference on Systems and ML"
    ]
    events = [d for d in json_ld(site, "index.html") if d.get("@type") == "Event"]
    assert len(events) == 1
    event = events[0]
    assert event["name"] == "ToyConf 2030: A Tiny Conference on Systems and ML"
    assert event["url"] == "https://toy.example.org/2030/"
    # Berlin in June is UTC+2; the times are those of the first and last session.
    assert (event["startDate"], event["endDate"]) == (
        "2030-06-03T09:00:00+02:00",
        "2030-06-04T12:00:00+02:00",
    )
    assert event["location"] == {
        "@type": "Place",
        "name": "Lindenhall",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Kleinstadt",
            "addressCountry": "Germany",
        },
    }


def test_session_page_event_is_part_of_the_conference(site: Path) -> None:
    (event,) = json_ld(site, "program/s-compilers/index.html")
    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Compilers",
        "url": "https://toy.example.org/2030/program/s-compilers/",
        "startDate": "2030-06-03T10:30:00+02:00",
        "endDate": "2030-06-03T12:00:00+02:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Hall A",
            "containedInPlace": {
                "@type": "Place",
                "name": "Lindenhall",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Kleinstadt",
                    "addressCountry": "Germany",
                },
            },
        },
        "superEvent": {
            "@type": "Event",
            "@id": "https://toy.example.org/2030/#event",
            "name": "ToyConf 2030: A Tiny Conference on Systems and ML",
            "url": "https://toy.example.org/2030/",
        },
    }


def test_paper_page_cites_in_two_styles_and_three_files(site: Path) -> None:
    tree = parse(site, "papers/green-serving/index.html")
    (code,) = tree.xpath("//pre[@class='cs-bibtex']/code")
    assert code.text_content().startswith("@inproceedings{green-serving,\n")
    styles = [dt.text_content() for dt in tree.xpath("//dl[@class='cs-citations']/dt")]
    texts = [dd.text_content() for dd in tree.xpath("//dl[@class='cs-citations']/dd")]
    assert styles == ["APA", "ACL Anthology style"]
    assert texts == [
        f"Park, Z., & Álvarez, J. (2030). {HOSTILE_TEXT}. In R. Lind & T. Berg (Eds.), "
        "Proceedings of ToyConf 2030 (pp. 11–20). ToyConf. https://doi.org/10.5555/toy.2030.11",
        f"Zoë Park and José Álvarez. 2030. {HOSTILE_TEXT}. In Proceedings of ToyConf 2030, "
        "pages 11–20, Kleinstadt, Germany. ToyConf. https://doi.org/10.5555/toy.2030.11",
    ]
    links = tree.xpath("//p[@class='cs-downloads']/a")
    assert [a.text_content() for a in links] == ["BibTeX", "RIS", "CSL-JSON", "All proceedings"]
    hrefs = [a.get("href") for a in links]
    assert hrefs[:3] == [
        "../../papers/green-serving.bib",
        "../../papers/green-serving.ris",
        "../../papers/green-serving.csl.json",
    ]
    for href in hrefs[:3]:
        assert (site / "papers" / "green-serving" / href).resolve().is_file()


def test_author_pages_list_papers_coauthors_and_orcid(site: Path) -> None:
    index = parse(site, "authors/index.html")
    links = index.xpath("//a[@class='cs-person']/@href")
    assert links == [
        "../authors/jose-alvarez/",
        "../authors/ludwig-van-der-berg/",
        "../authors/zoe-park/",
        "../authors/mia-wong/",
    ]
    page = parse(site, "authors/jose-alvarez/index.html")
    assert page.xpath("//h1/text()") == ["José Álvarez"]
    titles = [a.text_content() for a in page.xpath("//a[@class='cs-paper__title']")]
    # The formula is MathML: its text is the letter itself.
    assert titles == ["Tiny Tensors: Compiling for Microcontrollers", HOSTILE_TEXT]
    coauthors = page.xpath("//ul[@class='cs-coauthors']/li/a")
    assert [(a.text, a.get("href")) for a in coauthors] == [
        ("Zoë Park", "../../authors/zoe-park/"),
        ("Mia Wong", "../../authors/mia-wong/"),
    ]
    assert page.xpath("//a[@class='cs-orcid']/@href") == ["https://orcid.org/0000-0002-1825-0097"]
    # Author pages stay out of the nav: a nav of every author would weigh on every page.
    home = parse(site, "index.html")
    assert home.xpath("//nav//a[contains(@href, 'authors/jose-alvarez')]") == []


def test_paper_page_links_authors_to_their_pages(site: Path) -> None:
    tree = parse(site, "papers/green-serving/index.html")
    assert tree.xpath("//ul[@class='cs-authors']/li/a[1]/@href") == [
        "../../authors/zoe-park/",
        "../../authors/jose-alvarez/",
    ]


@pytest.mark.browser
def test_math_renders_and_bibtex_copies_in_chromium(site: Path, browser: Any) -> None:
    server, url = serve(site)
    try:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page = context.new_page()
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(url + "papers/log-attention/")
        assert page.locator("h1 math").count() == 1
        assert page.locator(".cs-abstract math").count() == 1
        # Math is MathML written when the site was built: no script typesets it.
        assert page.evaluate("typeof katex") == "undefined"
        page.goto(url + "papers/green-serving/")
        assert page.locator("h1 math").count() == 1
        assert "for $5 a day" in page.inner_text(".cs-abstract")  # a literal '$' is no math
        assert page.locator(".cs-abstract math").count() == 1
        page.locator("pre.cs-bibtex button[data-md-type='copy']").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("@inproceedings{green-serving,")
        assert copied.strip() == (site / "papers/green-serving.bib").read_text().strip()
        assert failed == []
        context.close()
    finally:
        server.shutdown()


def test_math_is_plain_text_in_calendar_and_json_exports(site: Path) -> None:
    title = "Attention in O(n log n) Time"
    calendar = (site / "papers" / "log-attention.ics").read_bytes().decode()
    assert f"SUMMARY:{title}\r\n" in calendar
    agenda = json.loads((site / "program" / "agenda.json").read_bytes())
    titles = [v["title"] for v in _walk(agenda) if "Attention" in str(v.get("title", ""))]
    assert titles == [title]


def _walk(value: Any) -> list[dict[str, Any]]:
    """Every JSON object inside a JSON value, depth first."""
    if isinstance(value, list):
        return [found for child in value for found in _walk(child)]
    if isinstance(value, dict):
        return [value, *(found for child in value.values() for found in _walk(child))]
    return []
