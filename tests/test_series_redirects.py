"""URLs never break: a single-edition site converted into a series (its data moved to
data/<year>/) still answers at every address its sitemap listed, and its downloads stay."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from conftest import TOY_DATA, build_site

from generator.series.redirects import redirect_page

SITE_URL = "https://toy.example.org/2030/"
"""The toy edition's address: the site keeps it when it becomes a series."""
SERIES_FILE = f"""name: ToyConf
url: {SITE_URL}
current: 2030
moved_from_root: 2030
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The toy conference built as one edition, then again after its data moved into a
    series as data/2030/."""
    root = tmp_path_factory.mktemp("convert")
    single = root / "single"
    shutil.copytree(TOY_DATA, root / "data")
    built = build_site(root / "data", single)
    assert built.returncode == 0, built.stderr
    series = root / "series"
    edition = root / "data" / "2030"
    edition.mkdir()
    for file in sorted((root / "data").iterdir()):
        if file.is_file():
            file.rename(edition / file.name)
    (root / "data" / "series.yaml").write_text(SERIES_FILE, encoding="utf-8")
    built = build_site(root / "data", series)
    assert built.returncode == 0, built.stderr
    return single, series


def sitemap_paths(site: Path, site_url: str = SITE_URL) -> list[str]:
    """The paths, from the site's root, of the pages its sitemap.xml lists."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", text)
    assert all(url.startswith(site_url) for url in urls)
    return [url[len(site_url) :] for url in urls]


def arrive(site: Path, path: str) -> tuple[str, list[str]]:
    """Where a visitor to ``path`` ends up (following meta refreshes) and the hops on the way."""
    hops: list[str] = []
    while True:
        file = site / path / "index.html" if not path or path.endswith("/") else site / path
        if not file.is_file():
            return f"missing: {path}", hops
        document = lxml.html.fromstring(file.read_bytes())
        refresh = document.xpath('//meta[@http-equiv="refresh"]/@content')
        if not refresh:
            return path, hops
        hops.append(path)
        target = refresh[0].split("url=", 1)[1]
        path = urljoin(f"https://x/{path}", target).removeprefix("https://x/")
        assert len(hops) < 3, hops


def test_series_redirects_every_sitemap_url_of_the_single_site_resolves(
    sites: tuple[Path, Path],
) -> None:
    single, series = sites
    paths = sitemap_paths(single)
    assert len(paths) > 10  # pages of every kind: lists, papers, authors, sessions
    arrived = {path: arrive(series, path) for path in paths}
    expected = {
        path: (path if path == "" else f"2030/{path}", [] if path == "" else [path])
        for path in paths
    }
    assert arrived == expected
    new_pages = set(sitemap_paths(series))
    assert {target for target, _hops in arrived.values()} <= new_pages


def test_series_redirects_downloads_stay_at_their_addresses(sites: tuple[Path, Path]) -> None:
    single, series = sites
    downloads = sorted(
        f.relative_to(single).as_posix()
        for folder in ("papers", "program", "proceedings")
        for f in (single / folder).rglob("*")
        if f.is_file() and f.suffix != ".html"
    )
    assert "proceedings/proceedings.bib" in downloads
    assert [d for d in downloads if not (series / d).is_file()] == []
    assert [
        d for d in downloads if (series / d).read_bytes() != (series / "2030" / d).read_bytes()
    ] == []


def test_series_redirects_page_escapes_and_links_relatively() -> None:
    page = redirect_page("papers/a&b/", "2030/papers/a&b/", "https://x.example/")
    assert '<meta http-equiv="refresh" content="0; url=../../2030/papers/a&amp;b/">' in page
    assert '<link rel="canonical" href="https://x.example/2030/papers/a&amp;b/">' in page
    assert '<meta name="robots" content="noindex">' in page
