"""Real proceedings files (tests/data/reference/bibtex/) through `confsite import bibtex`,
`confsite check` and `mkdocs build`: every entry gets a page, names and titles show no LaTeX,
PMLR's escaped dollars are math, formulas are MathML that reads without JavaScript, and the
served .bib is the organizers' entry field for field.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from conftest import REFERENCE, run_confsite, serve
from lxml import html as lxml_html

from generator.names import slugify

BIBTEX = REFERENCE / "bibtex"
CONFERENCE = """name: {name}
year: {year}
title: "{name} {year}"
timezone: UTC
start: {year}-12-01
end: {year}-12-03
venue: Reference Hall
url: https://reference-proceedings.test/{year}/
"""
# A LaTeX command or group left in visible text: '\\'e', '{\\"u}', '\\v{c}', '{Braces}'.
RAW_LATEX = re.compile(r"[\\{}]")
# Titles whose math must be typeset: PMLR escapes the author's '$' as '\$' (chuang25 is
# 'D\$^3\$epth', D³epth).
MATH_TITLES = {"acml2025": "chuang25", "cpal2026": None}


def source_entries(path: Path) -> dict[str, tuple[str, dict[str, str]]]:
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    return {
        slugify(e.key) if e.entry_type.lower() != "proceedings" else e.key: (
            e.entry_type.lower(),
            {f.key.lower(): str(f.value) for f in e.fields},
        )
        for e in library.entries
    }


@pytest.fixture(scope="module", params=sorted(p.stem for p in BIBTEX.glob("*.bib")))
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    name = request.param
    root = tmp_path_factory.mktemp(name)
    data = root / "data"
    data.mkdir()
    year = re.search(r"\d{4}", name).group(0)
    (data / "conference.yaml").write_text(
        CONFERENCE.format(name=name.rstrip("0123456789").upper(), year=year), encoding="utf-8"
    )
    source = BIBTEX / f"{name}.bib"
    result = run_confsite("import", "bibtex", str(source), "--data", str(data))
    assert result.returncode == 0, result.stdout + result.stderr
    check = run_confsite("check", "--data", str(data))
    assert check.returncode == 0, check.stdout + check.stderr
    site = root / "site"
    # Not --strict: each file holds an author's own command, which check warns about.
    build = run_confsite("build", "--data", str(data), "--site-dir", str(site))
    assert build.returncode == 0, build.stderr
    return name, source, site


def page(site: Path, path: str) -> Any:
    return lxml_html.fromstring((site / path).read_bytes())


def visible_text(element: Any) -> str:
    """Text as shown, formulas left out."""
    element = copy.deepcopy(element)
    for math in element.xpath(".//math"):
        math.drop_tree()
    return element.text_content()


def test_every_entry_has_a_paper_page(imported: Any) -> None:
    _name, source, site = imported
    papers = [key for key, (kind, _) in source_entries(source).items() if kind != "proceedings"]
    assert len(papers) > 50
    pages = sorted(p.parent.name for p in (site / "papers").glob("*/index.html"))
    assert pages == sorted(papers)


def test_served_bibtex_is_the_source_entry_field_for_field(imported: Any) -> None:
    _name, source, site = imported
    expected = source_entries(source)
    served = source_entries(site / "proceedings" / "proceedings.bib")
    assert served == expected
    for key, entry in expected.items():
        if entry[0] != "proceedings":
            assert source_entries(site / "papers" / f"{key}.bib") == {key: entry}


def test_names_and_titles_show_no_raw_latex(imported: Any) -> None:
    _name, _source, site = imported
    for paper in (site / "papers").glob("*/index.html"):
        tree = page(site, str(paper.relative_to(site)))
        title = visible_text(tree.xpath("//article//h1")[0])
        authors = [a.text_content() for a in tree.xpath("//ul[@class='cs-authors']/li/a[1]")]
        assert authors
        for text in [title, *authors]:
            assert not RAW_LATEX.search(text.replace("\\(", "").replace("\\)", "")), (
                paper,
                text,
            )
        citation_author = tree.xpath("//meta[@name='citation_author']/@content")
        assert len(citation_author) == len(authors)
        assert not any(RAW_LATEX.search(a) for a in citation_author)
    index = page(site, "authors/index.html")
    names = [a.text_content() for a in index.xpath("//a[@class='cs-person']")]
    assert names
    assert [n for n in names if RAW_LATEX.search(n)] == []


def math_paper(name: str, site: Path) -> str:
    """The paper whose title holds math: named, or the first found."""
    if MATH_TITLES[name]:
        return MATH_TITLES[name]
    for paper in sorted((site / "papers").glob("*/index.html")):
        if page(site, str(paper.relative_to(site))).xpath("//article//h1//math"):
            return paper.parent.name
    raise AssertionError("no paper title with math")


def test_math_in_titles_is_mathml_and_spelled_out_in_meta(imported: Any) -> None:
    name, _source, site = imported
    paper_id = math_paper(name, site)
    tree = page(site, f"papers/{paper_id}/index.html")
    (h1,) = tree.xpath("//article//h1")
    assert h1.xpath(".//math")
    assert "$" not in h1.text_content() and "\\" not in h1.text_content()
    (meta_title,) = tree.xpath("//meta[@name='citation_title']/@content")
    assert "$" not in meta_title and "\\" not in meta_title
    if paper_id == "chuang25":
        assert visible_text(h1).startswith("Depth: Distilling Diffusion Models")
        assert meta_title.startswith("D^3epth: Distilling Diffusion Models")


@pytest.mark.browser
def test_math_renders_in_chromium_without_javascript(imported: Any, browser: Any) -> None:
    name, _source, site = imported
    paper_id = math_paper(name, site)
    server, url = serve(site)
    try:
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        tab.goto(f"{url}papers/{paper_id}/")
        formula = tab.locator("article h1 math").first
        box = formula.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        shown = tab.locator("article h1").inner_text() + tab.locator(".cs-abstract").inner_text()
        assert "\\(" not in shown and "$" not in shown
        context.close()
    finally:
        server.shutdown()
