"""The example built by both engines: the same pages, page by page.

Both builds run from the README's commands (`confsite build`, `confsite build --engine
zensical`). For every page MkDocs builds, Zensical must build the same article body, head
tags, title and contents list, and the same downloads and search index. The only differences
allowed are the ones listed here, each with its reason:

- ``THEME_HEAD``: the head tags the theme writes itself: the generator tag (engine name and
  version) and the theme's stylesheet and script bundles (Zensical's own builds of Material's
  classic look, under other hashed names). Everything the site puts in the head (description,
  canonical, manifest, theme colour, scholarly metadata, JSON-LD, the site's own CSS) is equal.
- ``THEME_ARTICLE``: the skip link's target Zensical's theme puts at the top of the article,
  and the ``data-search-exclude`` attributes Zensical takes out of the HTML after its own
  search has read them (they only ever told Material's search what to leave out; no script of
  the site reads them, and the site's search index is built from the core, not the HTML).
- ``RELATIVE``: Zensical writes the head's relative addresses from the home page and the
  ``<link rel="prev">`` to a parent folder with a leading ``./`` (``./assets/...``, ``./..``)
  where MkDocs writes none: the same addresses.
- ``ENGINE_FILES``: files one engine writes and the other does not: MkDocs' sitemap.xml.gz,
  the service worker sw.js (written by the MkDocs builder only: Zensical's asset names would
  need their own list; the Zensical site registers no worker), Zensical's search.json (the
  index its own search dialog reads: Zensical's dialog takes no other worker, so the
  generated pages' entries are added to it, and the site's sharded index, search/, is
  written too, equal, but read only by the MkDocs site's dialog) and each engine's theme
  bundles. The search test below searches the Zensical site in Chromium.
- The offline registration script (assets/confsite/offline.js): it removes a worker instead
  of registering one, for the reason above.
- Zensical's sitemap.xml lists the same pages (compared as a set of addresses).

Without Zensical installed the test skips, saying how to install it; under CI (``CI`` set) a
missing Zensical is a failure, so CI can never pass by skipping it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from tests.conftest import run_confsite, serve

THEME_HEAD = re.compile(
    r'<meta name="generator"[^>]*>'
    r'|<link rel="stylesheet" href="[./]*assets/stylesheets/[^"]*">'
    r'|<script src="[./]*assets/javascripts/[^"]*"></script>'
)
THEME_ARTICLE = re.compile(r'^<a id="__skip" tabindex="-1"></a>\s*| data-search-exclude(?=[ >])')
RELATIVE = re.compile(r'(?<= href=")\./|(?<= src=")\./')
ENGINE_FILES = re.compile(
    r"^(sitemap\.xml\.gz|sw\.js|search\.json|assets/(javascripts|stylesheets)/.*"
    r"|assets/confsite/offline\.js|assets/images/favicon\.png)$"
)
"""Files not compared byte for byte (see the module's docstring); favicon: each theme's own."""


def _require_zensical() -> None:
    try:
        import zensical  # noqa: F401
    except ImportError:
        message = "Zensical is not installed: pip install -e '.[zensical]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    _require_zensical()
    folder = tmp_path_factory.mktemp("engines")
    built = []
    for engine in ("mkdocs", "zensical"):
        site = folder / engine
        done = run_confsite("build", "--strict", "--engine", engine, "--site-dir", str(site))
        assert done.returncode == 0, done.stderr
        built.append(site)
    return built[0], built[1]


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def _pages(site: Path) -> list[str]:
    return sorted(uri for uri in _files(site) if uri.endswith(".html"))


def _head(text: str) -> list[str]:
    """The head's tags, one each, theme-written ones left out, blank lines away."""
    head = text[text.index("<head>") + len("<head>") : text.index("</head>")]
    head = RELATIVE.sub("", THEME_HEAD.sub("", head))
    tags = re.findall(r"<(?:meta|link|script|title)\b.*?(?:</script>|</title>|>)", head, re.S)
    return [tag.strip() for tag in tags]


def _article(text: str) -> str:
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', text, re.S)
    assert match, "no article"
    return THEME_ARTICLE.sub("", match.group(1).strip())


def _contents(text: str) -> list[tuple[str, str]]:
    """The contents list (Material's secondary nav): each entry's link and text."""
    tree = lxml_html.fromstring(text)
    links = tree.xpath('//nav[contains(@class, "md-nav--secondary")]//a[@href]')
    return [(a.get("href"), " ".join(a.text_content().split())) for a in links]


def _title(text: str) -> str:
    match = re.search(r"<title>(.*?)</title>", text, re.S)
    assert match
    return match.group(1)


def test_zensical_parity_same_pages(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    assert _pages(zensical_site) == _pages(mkdocs_site)
    assert len(_pages(mkdocs_site)) > 100


def test_zensical_parity_each_page(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    differing: list[str] = []
    compared = 0
    for uri in _pages(mkdocs_site):
        ours = (mkdocs_site / uri).read_text(encoding="utf-8")
        theirs = (zensical_site / uri).read_text(encoding="utf-8")
        if uri == "404.html":
            continue  # the theme's own page, no article of ours
        for part, read in (
            ("title", _title),
            ("head", _head),
            ("article", _article),
            ("contents", _contents),
        ):
            if read(ours) != read(theirs):
                differing.append(f"{uri}: {part}")
        compared += 1
    assert differing == []
    assert compared == len(_pages(mkdocs_site)) - 1


def test_zensical_parity_files(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    ours, theirs = _files(mkdocs_site), _files(zensical_site)

    def compared(files: dict[str, Path]) -> set[str]:
        return {
            uri
            for uri in files
            if not uri.endswith(".html") and uri != "sitemap.xml" and not ENGINE_FILES.match(uri)
        }

    assert compared(theirs) == compared(ours)
    differing = [
        u for u in sorted(compared(ours)) if ours[u].read_bytes() != theirs[u].read_bytes()
    ]
    assert differing == []  # downloads, the site's assets, the manifest, the search index


def test_zensical_parity_sitemap(sites: tuple[Path, Path]) -> None:
    def addresses(site: Path) -> set[str]:
        return set(re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8")))

    mkdocs_site, zensical_site = sites
    assert addresses(zensical_site) == addresses(mkdocs_site)


@pytest.mark.browser
def test_zensical_parity_search_finds_generated_pages(
    sites: tuple[Path, Path], browser: Any
) -> None:
    """Zensical's search dialog (its own, which takes no other worker) finds a paper by a
    word of its title: the generated pages' entries reach its index (search.json)."""
    _mkdocs_site, zensical_site = sites
    server, url = serve(zensical_site)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.click(".md-search__button")
        page.locator("input[role=combobox]").press_sequentially("Tessera", delay=20)
        results = page.locator("[role=listbox] a")
        results.first.wait_for()
        found = [results.nth(i).get_attribute("href") for i in range(results.count())]
    finally:
        context.close()
        server.shutdown()
    assert any(href and "papers/" in href for href in found), found
