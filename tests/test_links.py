"""Every internal link and asset of the built site resolves, down to the #anchor.

The crawler reads the output folder, not a server: it follows each ``href`` and ``src`` (and
``url()`` in the site's stylesheets) to a file, and each ``#fragment`` to an element id in the
target page. External links are not fetched; they are outside what a build can promise.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from lxml import html as lxml_html

LINK_ATTRIBUTES = ("href", "src", "srcset", "poster", "data")
"""Attributes whose value is a link to follow (``srcset`` holds a list of them)."""
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
"""http:, https:, mailto:, tel:, data:, javascript:, protocol-relative: not ours to check."""
ORIGIN = "http://site.invalid"
"""Stands in for the server, so that links resolve as a browser resolves them."""
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@cache
def _ids(page: Path) -> frozenset[str]:
    tree = lxml_html.parse(str(page))
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def _links_in_html(page: Path) -> list[str]:
    tree = lxml_html.parse(str(page))
    links: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for attribute in LINK_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                links += [part.strip().split()[0] for part in value.split(",") if part.strip()]
            elif attribute != "data" or element.tag == "object":
                links.append(value.strip())
    return links


def _base_path(site: Path) -> str:
    """The site's path on its server (from the home page's canonical link), e.g. '/2027/'."""
    canonical = lxml_html.parse(str(site / "index.html")).xpath('//link[@rel="canonical"]/@href')
    return urlsplit(canonical[0]).path if canonical else "/"


def _resolve(site: Path, base_path: str, source: Path, link: str) -> tuple[Path | None, str]:
    """The file a link points to (None when it leaves the site's path) and its fragment."""
    page_url = f"{ORIGIN}{base_path}{source.relative_to(site).as_posix()}"
    parts = urlsplit(urljoin(page_url, link))
    if not parts.path.startswith(base_path):
        return None, ""
    relative = unquote(parts.path[len(base_path) :])
    target = site / relative
    if not relative or relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def internal_links(site: Path) -> Iterator[tuple[str, str, Path | None, str]]:
    """(page, link, target file or None when outside the site, fragment) for each own link."""
    site = site.resolve()
    base_path = _base_path(site)
    for source in sorted(site.rglob("*.html")) + sorted(site.rglob("*.css")):
        if source.suffix == ".html":
            links = _links_in_html(source)
        else:
            links = [match.group(2) for match in CSS_URL.finditer(source.read_text())]
        name = source.relative_to(site).as_posix()
        for link in links:
            if link and link != "#" and not EXTERNAL.match(link):
                yield (name, link, *_resolve(site, base_path, source, link))


def broken_links(site: Path) -> list[str]:
    """'page: link (reason)' for every internal link or asset in ``site`` that does not resolve."""
    site = site.resolve()
    problems: list[str] = []
    for name, link, target, fragment in internal_links(site):
        if target is None:
            problems.append(f"{name}: {link} (outside the site's path {_base_path(site)})")
        elif not target.is_file():
            problems.append(f"{name}: {link} (no file {target.relative_to(site)})")
        elif fragment and target.suffix == ".html" and fragment not in _ids(target):
            problems.append(f"{name}: {link} (no id '{fragment}' in the target page)")
    return problems


def test_links_example_site_all_resolve(example_site: Path) -> None:
    assert broken_links(example_site) == []


def test_links_example_site_crawl_covers_pages_assets_and_anchors(example_site: Path) -> None:
    # A crawler that followed nothing would pass the test above: check what it looked at.
    followed = list(internal_links(example_site))
    suffixes = {target.suffix for _, _, target, _ in followed if target is not None}
    anchors = [link for _, link, _, fragment in followed if fragment]

    assert {".html", ".css", ".js", ".bib"} <= suffixes
    assert any(link.startswith("../../program/#") for link in anchors)
    assert len(followed) > 1000


@pytest.fixture
def site_copy(example_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(example_site, copy)
    _ids.cache_clear()
    return copy


def _inject(page: Path, markup: str) -> None:
    text = page.read_text()
    page.write_text(text.replace("</article>", markup + "</article>", 1))


def test_links_broken_page_link_reported(site_copy: Path) -> None:
    paper = sorted((site_copy / "papers").glob("*/index.html"))[0]
    _inject(paper, '<p><a href="../../no-such-page/">gone</a></p>')

    name = paper.relative_to(site_copy).as_posix()
    assert broken_links(site_copy) == [
        f"{name}: ../../no-such-page/ (no file no-such-page/index.html)"
    ]


def test_links_missing_asset_reported(site_copy: Path) -> None:
    paper = sorted((site_copy / "papers").glob("*/index.html"))[0]
    _inject(paper, '<img src="../../assets/missing.png" alt="A figure">')

    name = paper.relative_to(site_copy).as_posix()
    assert broken_links(site_copy) == [
        f"{name}: ../../assets/missing.png (no file assets/missing.png)"
    ]


def test_links_missing_anchor_reported(site_copy: Path) -> None:
    paper = sorted((site_copy / "papers").glob("*/index.html"))[0]
    _inject(paper, '<p><a href="../../program/#no-such-session">session</a></p>')

    name = paper.relative_to(site_copy).as_posix()
    assert broken_links(site_copy) == [
        f"{name}: ../../program/#no-such-session (no id 'no-such-session' in the target page)"
    ]


def test_links_missing_stylesheet_font_reported(site_copy: Path) -> None:
    css = site_copy / "assets" / "confsite" / "confsite.css"
    css.write_text(css.read_text() + '\n@font-face { src: url("fonts/gone.woff2"); }\n')

    assert broken_links(site_copy) == [
        "assets/confsite/confsite.css: fonts/gone.woff2 (no file assets/confsite/fonts/gone.woff2)"
    ]


def test_links_external_links_not_followed(site_copy: Path) -> None:
    paper = sorted((site_copy / "papers").glob("*/index.html"))[0]
    _inject(paper, '<a href="https://example.invalid/x">x</a><a href="mailto:a@b.example">m</a>')

    assert broken_links(site_copy) == []
