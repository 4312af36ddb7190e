"""Framed pages: the theme rendered once and filled per page must equal MkDocs' own pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT

from generator import frame, synth
from generator.reproducible import data_epoch


def _build(data: Path, site: Path, frames: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CONFSITE_DATA_DIR": str(data)}
    env.pop("CONFSITE_NO_FRAMES", None)
    if not frames:
        env["CONFSITE_NO_FRAMES"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site),
         "--config-file", str(ROOT / "mkdocs.yml")],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same synthetic conference built with frames and with MkDocs rendering every page."""
    root = tmp_path_factory.mktemp("frames")
    synth.write(root / "data", 30, seed=5)
    _build(root / "data", root / "framed", frames=True)
    _build(root / "data", root / "mkdocs", frames=False)
    return root / "framed", root / "mkdocs"


def _pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_frame_framed_pages_equal_mkdocs_pages_byte_for_byte(two_sites: tuple[Path, Path]) -> None:
    framed, mkdocs = two_sites
    framed_pages, mkdocs_pages = _pages(framed), _pages(mkdocs)
    assert framed_pages.keys() == mkdocs_pages.keys()
    assert "papers/p00001/index.html" in framed_pages
    different = [name for name in framed_pages if framed_pages[name] != mkdocs_pages[name]]
    assert different == []


def test_streamed_downloads_equal_the_files_mkdocs_copies(two_sites: tuple[Path, Path]) -> None:
    """Paper, author and session downloads are written as they are rendered, not by MkDocs:
    every file, the search index's too, must be the same bytes."""
    framed, mkdocs = two_sites

    def files(site: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(site)): p.read_bytes()
            for p in sorted(site.rglob("*"))
            if p.is_file() and p.suffix != ".html"
        }

    framed_files, mkdocs_files = files(framed), files(mkdocs)
    assert framed_files.keys() == mkdocs_files.keys()
    assert {"papers/p00001.bib", "papers/p00001.ris", "program/program.ics"} <= set(framed_files)
    assert [name for name in framed_files if framed_files[name] != mkdocs_files[name]] == []


def test_frame_sitemap_lists_framed_pages_like_mkdocs(two_sites: tuple[Path, Path]) -> None:
    framed, mkdocs = two_sites
    assert (framed / "sitemap.xml").read_bytes() == (mkdocs / "sitemap.xml").read_bytes()
    assert (framed / "sitemap.xml.gz").read_bytes() == (mkdocs / "sitemap.xml.gz").read_bytes()
    assert "/papers/p00030/</loc>" in (framed / "sitemap.xml").read_text(encoding="utf-8")


def test_search_index_paper_entry_holds_title_authors_abstract(
    two_sites: tuple[Path, Path],
) -> None:
    framed, _mkdocs = two_sites
    docs = [
        doc
        for chunk in sorted((framed / "search" / "docs").iterdir())
        for doc in json.loads(chunk.read_text(encoding="utf-8"))
    ]
    entries = {doc[0]: doc for doc in docs if doc[0].startswith("papers/")}
    _url, title, _kind, _edition, people, _affiliations, text = entries["papers/p00001/"]
    paper = (framed.parent / "data" / "papers.yaml").read_text(encoding="utf-8")
    block = paper.split("  - id: p00001\n", 1)[1].split("  - id: p00002\n", 1)[0]
    assert title == json.loads(block.split("title: ", 1)[1].split("\n", 1)[0])
    assert people[0] == json.loads(block.split("- name: ", 1)[1].split("\n", 1)[0])
    abstract = block.split("abstract: |\n", 1)[1].split("\n    topics:", 1)[0]
    assert text.split()[:8] == abstract.split()[:8]  # real text, stop words and all
    # One entry per paper, not one per section of its page.
    assert sorted(entries) == [f"papers/p{n:05d}/" for n in range(1, 31)]


def test_frame_fill_applies_what_the_theme_did_to_the_probe() -> None:
    page = (
        f"<title>{frame.Markup(frame.probe_value('title')).striptags()} - Site</title>"
        f'<link href="https://x.org/papers/{frame.SLUG}/">'
        f"<main>{frame.probe_value('content')}</main>"
    )
    cut = frame.Frame.cut(page)
    assert cut is not None
    filled = cut.fill({"title": "A &amp; B", "content": "<p>Hi</p>", "framedpage": "p7"})
    assert (
        filled
        == '<title>A & B - Site</title><link href="https://x.org/papers/p7/"><main><p>Hi</p></main>'
    )


def test_frame_refuses_a_field_printed_in_an_unknown_way() -> None:
    page = f"<a href='share?t={quote(frame.probe_value('title'))}'>{frame.probe_value('content')}"
    assert frame.Frame.cut(page) is None


def test_frame_refused_family_is_built_page_by_page_the_same(
    two_sites: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When no frame can be cut (a theme prints a field in a new way), every page of the
    family goes through the theme one by one, and the site is still the same."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    framed, mkdocs = two_sites
    monkeypatch.setattr(frame.Frame, "cut", classmethod(lambda cls, rendered: None))
    monkeypatch.setenv("CONFSITE_DATA_DIR", str(framed.parent / "data"))
    # What the plugin would pin; set here so the process gets its environment back afterwards.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(data_epoch(framed.parent / "data")))
    monkeypatch.delenv("CONFSITE_NO_FRAMES", raising=False)
    monkeypatch.chdir(ROOT)
    site = tmp_path / "page-by-page"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True))
    assert _pages(site) == _pages(mkdocs)
    assert (site / "sitemap.xml").read_bytes() == (framed / "sitemap.xml").read_bytes()
