"""Integration: a real `mkdocs build --strict` of the test series (tests/data/series/) with the
repository's mkdocs.yml: the series home, every edition's pages under /<year>/, the volumes and
the series' BibTeX, one page per person across editions, and links that all resolve."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import lxml.html
import pytest
from conftest import build_site
from series_data import SERIES_DATA
from test_html_valid import our_errors
from test_links import broken_links

from generator import frame
from generator.outputs import GeneratedPage

EDITION_PAGES = (
    "",
    "call-for-papers/",
    "program/",
    "speakers/",
    "proceedings/",
    "papers/",
    "committee/",
    "authors/",
)


ARCHIVED_EDITION = (
    ["authors", "call-for-papers", "committee", "index.html", "papers", "proceedings"],
    ["proceedings/"],
)
"""What an edition without a program has at /<year>/, and what its home's facts link to."""


def archived_edition(folder: Path) -> tuple[list[str], list[str]]:
    home = lxml.html.fromstring((folder / "index.html").read_bytes())
    return (
        sorted(p.name for p in folder.iterdir()),
        home.xpath('//div[@class="cs-facts"]//a/@href'),
    )


@pytest.fixture(scope="module")
def series_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("series") / "site"
    result = build_site(SERIES_DATA, site)
    assert result.returncode == 0, result.stderr
    return site


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path / "index.html").read_bytes())


def texts(document: lxml.html.HtmlElement, xpath: str) -> list[str]:
    """Each node's text, a line break counted as a space."""
    return [" ".join(" ".join(node.itertext()).split()) for node in document.xpath(xpath)]


def test_series_site_links_all_resolve(series_site: Path) -> None:
    assert broken_links(series_site) == []


def test_series_site_home_lists_current_edition_first(series_site: Path) -> None:
    home = page(series_site, "")
    assert texts(home, '//ul[@class="cs-editions"]/li') == [
        "ToyConf 2030 Current edition 3–4 June 2030, Lindenhall, Kleinstadt, Germany; 3 papers",
        "ToySys 2029 20–21 September 2029, Casa do Exemplo, Vila Nova, Portugal; 2 papers",
        "ToySys 2028 Wednesday 10 May 2028, Alte Mühle, Kleinstadt, Germany; 2 papers",
    ]
    assert home.xpath('//ul[@class="cs-editions"]/li//a/@href') == [
        "2030/",
        "2030/proceedings/",
        "2029/",
        "2029/proceedings/",
        "2028/",
        "2028/proceedings/",
    ]
    assert texts(home, '//div[contains(@class, "cs-series")]/p[1]') == [
        "ToySys (2028–2029), ToyConf (since 2030)"
    ]


def test_series_site_nav_leads_to_the_current_edition(series_site: Path) -> None:
    tabs = page(series_site, "").xpath('//nav[contains(@class, "md-tabs")]//a')
    assert [(" ".join(a.text_content().split()), a.get("href")) for a in tabs] == [
        ("Home", "."),
        ("Call for papers", "2030/call-for-papers/"),
        ("Program", "2030/program/"),
        ("Speakers", "2030/speakers/"),
        ("Proceedings", "2030/proceedings/"),
        ("Authors", "2030/authors/"),
        ("Committee", "2030/committee/"),
    ]


def test_series_site_every_edition_has_its_pages(series_site: Path) -> None:
    # 2028 and 2029 have no program: their program, changes and speakers pages are left out.
    built = {
        year: [
            path
            for path in (*EDITION_PAGES, "changes/")
            if (series_site / f"{year}" / path / "index.html").is_file()
        ]
        for year in (2028, 2029, 2030)
    }
    archived = ["", "call-for-papers/", "proceedings/", "committee/", "authors/"]
    assert built == {
        2028: archived,
        2029: archived,
        2030: [p for p in (*EDITION_PAGES, "changes/") if p != "papers/"],
    }
    assert archived_edition(series_site / "2029") == ARCHIVED_EDITION
    papers = sorted(p.parent.name for p in series_site.glob("*/papers/*/index.html"))
    assert papers == sorted(
        [
            *("sparse-kernels", "cache-models"),
            *("learned-schedulers", "quantised-serving"),
            *("tiny-tensors", "log-attention", "green-serving"),
        ]
    )
    title = page(series_site, "2029/proceedings").xpath("//title/text()")
    assert title == ["Proceedings · ToySys 2029 - ToyConf"]


def test_series_site_edition_pages_link_within_their_edition(series_site: Path) -> None:
    paper = page(series_site, "2029/papers/learned-schedulers")
    links = paper.xpath('//article//a[contains(@href, "authors/")]/@href')
    assert links == ["../../authors/chen-li/", "../../authors/ada-quill/"]
    canonical = paper.xpath('//link[@rel="canonical"]/@href')
    assert canonical == ["https://toy.example.org/2029/papers/learned-schedulers/"]


def test_series_site_volumes_and_series_bibtex(series_site: Path) -> None:
    volumes = page(series_site, "volumes")
    assert texts(volumes, '//ul[@class="cs-volumes"]/li') == [
        "Proceedings of ToyConf 2030 (2030) 3 papers; BibTeX of this volume",
        "Proceedings of ToySys 2029 (2029) 2 papers; BibTeX of this volume",
        "Proceedings of ToySys 2028: The First Tiny Workshop on Systems and ML (2028) 2 papers; "
        "BibTeX of this volume",
    ]
    whole = (series_site / "volumes" / "series.bib").read_text(encoding="utf-8")
    volume_files = [
        series_site / f"{y}" / "proceedings" / "proceedings.bib" for y in (2028, 2029, 2030)
    ]
    assert whole == "\n".join(f.read_text(encoding="utf-8") for f in volume_files)
    library = bibtexparser.parse_string(whole)
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [
        "sparse-kernels",
        "cache-models",
        "toysys2029",
        "learned-schedulers",
        "quantised-serving",
        "toyconf2030",
        "tiny-tensors",
        "log-attention",
        "green-serving",
    ]


def test_series_site_person_page_joins_every_edition(series_site: Path) -> None:
    mia = page(series_site, "people/mia-wong")
    assert texts(mia, "//article/h2") == ["ToyConf 2030", "ToySys 2029", "ToySys 2028"]
    assert mia.xpath('//article//a[@class="cs-paper__title"]/@href') == [
        "../../2030/papers/tiny-tensors/",
        "../../2030/papers/log-attention/",
        "../../2029/papers/quantised-serving/",
        "../../2028/papers/sparse-kernels/",
    ]
    assert texts(mia, '//ul[@class="cs-roles"]/li') == ["Program committee"]
    tom = page(series_site, "people/tom-berg")
    assert texts(tom, '//ul[@class="cs-roles"]/li') == [
        "Program chair",
        "Chair: Compilers",
        "General chair",
        "General chair",
    ]
    assert tom.xpath('//ul[@class="cs-roles"]/li/a/@href')[1] == "../../2030/program/#s-compilers"
    ada = page(series_site, "people/ada-quill")
    assert texts(ada, '//ul[@class="cs-talks"]/li') == ["Keynote: Small Is Beautiful"]
    jose = page(series_site, "people/jose-alvarez")
    assert texts(jose, "//article/h2") == ["ToyConf 2030", "ToySys 2028"]
    assert texts(jose, '//p[@class="cs-muted"]') == ["Also written Jose Alvarez"]


def test_series_site_people_sharing_a_name_stay_apart(series_site: Path) -> None:
    people = page(series_site, "people")
    assert texts(people, '//ul[@class="cs-people"]/li') == [
        "Álvarez, José 2030, 2028",
        "van der Berg, Ludwig 2030",
        "Berg, Tom 2030, 2029, 2028",
        "Costa, Ana 2030",
        "Ek, Björn 2030",
        "Li, Chen 2030, 2028",
        "Li, Chen 2029",
        "Lind, Rosa 2030, 2028",
        "Park, Zoë 2030",
        "Quill, Ada 2030, 2029",
        "Wong, Mia 2030, 2029, 2028",
    ]
    systems = page(series_site, "people/chen-li-systems")
    assert texts(systems, "//article/h2") == ["ToySys 2029"]
    assert systems.xpath('//a[@class="cs-orcid"]/@href') == [
        "https://orcid.org/0000-0001-5109-3700"
    ]


def test_series_site_old_addresses_redirect(series_site: Path) -> None:
    moved = page(series_site, "papers/tiny-tensors")
    assert moved.xpath('//meta[@http-equiv="refresh"]/@content') == [
        "0; url=../../2030/papers/tiny-tensors/"
    ]
    assert moved.xpath('//link[@rel="canonical"]/@href') == [
        "https://toy.example.org/2030/papers/tiny-tensors/"
    ]
    assert moved.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert moved.xpath("//a/@href") == ["../../2030/papers/tiny-tensors/"]
    sitemap = (series_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://toy.example.org/papers/" not in sitemap
    assert "https://toy.example.org/2030/papers/tiny-tensors/" in sitemap


def test_series_site_framed_pages_equal_pages_built_one_by_one(
    series_site: Path, tmp_path: Path
) -> None:
    # Edition pages are framed at /<year>/papers/<id>/ as at /papers/<id>/ (generator/frame.py).
    assert frame.framed_path(GeneratedPage("2030/papers/p1/index.md", "t", "")) == (
        "2030/papers",
        "p1",
    )
    unframed = tmp_path / "site"
    result = build_site(SERIES_DATA, unframed, frames=False)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(unframed).as_posix() for p in unframed.rglob("*.html"))
    assert pages == sorted(
        p.relative_to(series_site).as_posix() for p in series_site.rglob("*.html")
    )
    assert [p for p in pages if (unframed / p).read_bytes() != (series_site / p).read_bytes()] == []


def test_series_site_pages_are_valid_html(series_site: Path) -> None:
    pages = [
        series_site / path / "index.html"
        for path in ("", "volumes", "people", "people/mia-wong", "2029", "papers/tiny-tensors")
    ]
    assert our_errors(pages, series_site) == []
