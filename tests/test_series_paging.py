"""A series' people under the page budget (generator/paging/series_people.py).

A synthetic series of 3 editions is built with lowered budgets: /people/ becomes an index of
letters, letters go into parts, and the people with the most work get their pages in parts.
The example series stays under the default budget and keeps its one-page list."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from posixpath import normpath

import pytest
from conftest import EXAMPLE_SERIES, build_site
from test_links import broken_links

from generator import paging, synth, templating
from generator.build import build_outputs
from generator.options import BuildOptions
from generator.outputs import GeneratedPage
from generator.series import views
from generator.series.load import load_series
from generator.series.people import SeriesPerson, resolve

SMALL = 2_000
"""Small enough for letters in parts; too small for the busiest person's page, whose pager
of 57 parts then outgrows it (as an edition's busiest author's does)."""
PARTS = 3_000
"""Small enough for the pages of 13 people in parts, each part within it."""
LETTERS = 20_000
"""Too small for the 168 people on one page, large enough for each letter on one."""
_HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')
_LETTER_PAGE = re.compile(r"people/letters/[a-z0-9]+/(\d+/)?index\.md")
_PERSON_PART = re.compile(r"people/([a-z0-9-]+)/(\d+)/index\.md")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("series-paging") / "data"
    synth.write(data, 40, seed=0, editions=3)
    return data


@pytest.fixture(scope="module")
def everyone(data_dir: Path) -> list[SeriesPerson]:
    series, _diagnostics = load_series(data_dir)
    assert series is not None
    return resolve(series)[0]


def _pages(data: Path, budget: int = paging.DEFAULT_BUDGET) -> dict[str, GeneratedPage]:
    result = build_outputs(BuildOptions(data_dir=data, page_budget=budget))
    assert result.ok
    return {page.uri: page for page in result.pages}


@pytest.fixture(scope="module")
def small(data_dir: Path) -> dict[str, GeneratedPage]:
    return _pages(data_dir, SMALL)


@pytest.fixture(scope="module")
def parts(data_dir: Path) -> dict[str, GeneratedPage]:
    return _pages(data_dir, PARTS)


@pytest.fixture(scope="module")
def whole(data_dir: Path) -> dict[str, GeneratedPage]:
    return _pages(data_dir)


def _links(page: GeneratedPage) -> list[str]:
    """The site pages ('people/x/index.md') a page links to."""
    here = page.uri.removesuffix("index.md")
    return [
        normpath(here + href) + "/index.md"
        for href in _HREF.findall(page.html)
        if href.endswith("/") and not href.startswith(("http:", "https:"))
    ]


def _letter_pages(pages: dict[str, GeneratedPage]) -> list[GeneratedPage]:
    return [page for uri, page in pages.items() if _LETTER_PAGE.fullmatch(uri)]


def _people_pages(pages: dict[str, GeneratedPage]) -> dict[str, GeneratedPage]:
    return {uri: page for uri, page in pages.items() if uri.startswith("people/")}


def test_series_paging_small_budget_splits_letters_and_person_pages(
    small: dict[str, GeneratedPage],
) -> None:
    uris = set(small)
    assert "people/letters/b/2/index.md" in uris
    assert small["people/letters/b/2/index.md"].title.startswith("People: B (2 of ")
    assert "people/arjun-a-hoffmann/2/index.md" in uris
    assert small["people/index.md"].html.startswith('<h1 id="people">People</h1>')
    assert small["people/index.md"].in_nav


@pytest.mark.parametrize("budget", [PARTS, LETTERS])
def test_series_paging_every_people_page_within_the_budget(data_dir: Path, budget: int) -> None:
    people = _people_pages(_pages(data_dir, budget))
    sizes = {uri: paging.html_bytes(page.html) for uri, page in people.items()}

    assert {uri: size for uri, size in sizes.items() if size > budget} == {}
    assert len(_letter_pages(people)) >= 20  # split, not one page that happens to fit


def test_series_paging_letter_pages_in_parts_within_the_budget(
    small: dict[str, GeneratedPage],
) -> None:
    # (The index of 23 letters, 2.5 KB, is bounded by the letters, not by the people.)
    sizes = {page.uri: paging.html_bytes(page.html) for page in _letter_pages(small)}

    assert {uri: size for uri, size in sizes.items() if size > SMALL} == {}
    assert [uri for uri in sizes if uri.endswith("/2/index.md")] == [
        "people/letters/b/2/index.md",
        "people/letters/l/2/index.md",
        "people/letters/s/2/index.md",
    ]


@pytest.mark.parametrize("budget", [SMALL, PARTS, LETTERS])
def test_series_paging_every_person_once_across_the_letter_pages(
    data_dir: Path, everyone: list[SeriesPerson], budget: int
) -> None:
    pages = _pages(data_dir, budget)
    linked = [
        uri
        for page in _letter_pages(pages)
        for uri in _links(page)
        if not uri.startswith("people/letters/") and uri != "people/index.md"
    ]
    assert Counter(linked) == Counter(f"people/{p.slug}/index.md" for p in everyone)
    # In A-Z order from the first letter page to the last.
    assert linked == [f"people/{p.slug}/index.md" for p in everyone]


def test_series_paging_index_links_every_letter_page_and_counts_everyone(
    small: dict[str, GeneratedPage], everyone: list[SeriesPerson]
) -> None:
    index = small["people/index.md"]
    firsts = {uri for uri in small if re.fullmatch(r"people/letters/[a-z0-9]+/index\.md", uri)}

    assert set(_links(index)) == firsts
    counts = re.findall(r'<span class="cs-count">(\d+) (?:person|people)</span>', index.html)
    assert sum(int(c) for c in counts) == len(everyone)
    assert f"{len(everyone)} people of every edition" in index.html


def test_series_paging_links_on_people_pages_resolve(small: dict[str, GeneratedPage]) -> None:
    uris = set(small)
    people = _people_pages(small)
    broken = {
        uri: [link for link in _links(page) if link not in uris]
        for uri, page in people.items()
        if _LETTER_PAGE.fullmatch(uri) or _PERSON_PART.fullmatch(uri) or uri == "people/index.md"
    }
    assert {uri: links for uri, links in broken.items() if links} == {}
    assert sum(len(_links(page)) for page in _letter_pages(small)) > len(people) // 2


def test_series_paging_person_parts_hold_every_work_once(
    parts: dict[str, GeneratedPage], whole: dict[str, GeneratedPage]
) -> None:
    slugs = {m[1] for uri in parts if (m := _PERSON_PART.fullmatch(uri))}
    assert len(slugs) == 13
    for slug in sorted(slugs):
        one = whole[f"people/{slug}/index.md"]
        shown = [parts[f"people/{slug}/index.md"]]
        while (f"people/{slug}/{len(shown) + 1}/index.md") in parts:
            shown.append(parts[f"people/{slug}/{len(shown) + 1}/index.md"])
        # Links read as site paths: the same whatever folder each part is in.
        works = [link for part in shown for link in _links(part) if "/papers/" in link]
        assert Counter(works) == Counter(link for link in _links(one) if "/papers/" in link)
        total = len(shown)
        assert [p.title for p in shown] == [
            f"{one.title} ({n} of {total})" for n in range(1, total + 1)
        ]
        assert [p.search for p in shown] == [True] * total


def test_series_paging_default_budget_keeps_one_people_page(
    whole: dict[str, GeneratedPage], everyone: list[SeriesPerson]
) -> None:
    expected = templating.render("series_people.html", views.people_view(everyone))

    assert whole["people/index.md"].html == expected
    assert [uri for uri in whole if "/letters/" in uri and uri.startswith("people/")] == []
    assert [uri for uri in whole if _PERSON_PART.fullmatch(uri)] == []


def test_series_paging_example_series_unchanged() -> None:
    pages = _pages(EXAMPLE_SERIES)
    series, _diagnostics = load_series(EXAMPLE_SERIES)
    assert series is not None
    people = resolve(series)[0]
    body = pages["people/index.md"].html

    assert body == templating.render("series_people.html", views.people_view(people))
    assert body.startswith('<ul class="cs-people">\n<li><a class="cs-person" href="../people/')
    assert body.count("<li>") == len(people)
    maya = pages["people/maya-chen/index.md"]
    assert maya.title == "Maya Chen"
    assert "cs-pager" not in maya.html
    assert [
        uri for uri in pages if _LETTER_PAGE.fullmatch(uri) or _PERSON_PART.fullmatch(uri)
    ] == []


# ---- the built site --------------------------------------------------------------------


@pytest.fixture(scope="module")
def split_site(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("series-paging-site") / "site"
    result = build_site(data_dir, site, page_budget=SMALL)
    assert result.returncode == 0, result.stderr
    return site


def _searched(site: Path) -> set[str]:
    """The addresses of every entry of the site's search index."""
    return {
        doc[0]
        for chunk in sorted((site / "search" / "docs").iterdir())
        for doc in json.loads(chunk.read_text(encoding="utf-8"))
    }


def test_series_paging_built_site_links_resolve(split_site: Path) -> None:
    assert (split_site / "people/letters/b/2/index.html").is_file()
    assert (split_site / "people/arjun-a-hoffmann/2/index.html").is_file()
    assert broken_links(split_site) == []


def test_series_paging_built_site_lists_new_pages_in_sitemap_and_search(split_site: Path) -> None:
    sitemap = (split_site / "sitemap.xml").read_text(encoding="utf-8")
    searched = _searched(split_site)

    for path in ("people/letters/b/", "people/letters/b/2/", "people/arjun-a-hoffmann/2/"):
        assert f"/{path}</loc>" in sitemap
        assert path in searched
