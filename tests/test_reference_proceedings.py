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

import pytest
from conftest import REFERENCE, run_confsite, serve
from lxml import html as lxml_html
from reference_sites import conference_yaml
from served_bibtex import expected, resolved, undefined_macros

from generator.importers.ids import normalise_id
from generator.validate import load_and_validate

BIBTEX = REFERENCE / "bibtex"
# A LaTeX command or group left in visible text: '\\'e', '{\\"u}', '\\v{c}', '{Braces}'.
RAW_LATEX = re.compile(r"[\\{}]")
# Titles whose math must be typeset: PMLR escapes the author's '$' as '\$' (chuang25 is
# 'D\$^3\$epth', D³epth).
MATH_TITLES = {"acml2025": "chuang25", "cpal2026": None, "acmart-sample-base": False}
"""The paper whose title holds math (None: the first found; False: no title has math)."""


def source_entries(path: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """The file's entries as BibTeX reads them, keyed as the import keys them."""
    return {
        normalise_id(key) if kind != "proceedings" else key: (kind, fields)
        for key, (kind, fields) in resolved(path.read_text(encoding="utf-8")).items()
    }


@pytest.fixture(scope="module", params=sorted(p.stem for p in BIBTEX.glob("*.bib")))
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    name = request.param
    root = tmp_path_factory.mktemp(name)
    data = root / "data"
    data.mkdir()
    (data / "conference.yaml").write_text(conference_yaml(name), encoding="utf-8")
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


def test_every_entry_with_a_title_and_authors_has_a_paper_page(imported: Any) -> None:
    _name, source, site = imported
    papers = [
        key
        for key, (kind, fields) in source_entries(source).items()
        if kind != "proceedings" and fields.get("title") and fields.get("author", "").strip()
    ]
    assert len(papers) > 50
    pages = sorted(p.parent.name for p in (site / "papers").glob("*/index.html"))
    assert pages == sorted(papers)


def test_served_bibtex_reads_as_the_source_with_the_added_fields(imported: Any) -> None:
    _name, source, site = imported
    entries = source_entries(source)
    data, _ = load_and_validate(site.parent / "data")
    assert data is not None
    volume_text = (site / "proceedings" / "proceedings.bib").read_text(encoding="utf-8")
    assert undefined_macros(volume_text) == []
    volume = resolved(volume_text)
    for paper in data.papers:
        text = (site / "papers" / f"{paper.id}.bib").read_text(encoding="utf-8")
        assert undefined_macros(text) == [], paper.id
        served = resolved(text)
        assert served[paper.id] == volume[paper.id] == expected(data, paper, entries), paper.id


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


def math_paper(name: str, site: Path) -> str | None:
    """The paper whose title holds math: named, or the first found (None where none has)."""
    if MATH_TITLES[name] is False:
        return None
    if MATH_TITLES[name]:
        return MATH_TITLES[name]
    for paper in sorted((site / "papers").glob("*/index.html")):
        if page(site, str(paper.relative_to(site))).xpath("//article//h1//math"):
            return paper.parent.name
    raise AssertionError("no paper title with math")


def test_math_in_titles_is_mathml_and_spelled_out_in_meta(imported: Any) -> None:
    name, _source, site = imported
    paper_id = math_paper(name, site)
    if paper_id is None:  # no title of the file has math: none may show as math
        for paper in (site / "papers").glob("*/index.html"):
            tree = page(site, str(paper.relative_to(site)))
            assert tree.xpath("//article//h1//math") == []
        return
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
    if paper_id is None:
        return  # no title with math: the static test above checks that none shows as math
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
