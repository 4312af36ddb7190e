"""generator/pages.py and generator/build.py: the rendered site as a BuildResult."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TOY_DATA

from generator.build import build_outputs
from generator.outputs import BuildResult, TocEntry
from generator.pages import toc_of

TOP_LEVEL = [
    "call-for-papers/index.md",
    "program/index.md",
    "proceedings/index.md",
    "authors/index.md",
    "committee/index.md",
    "speakers/index.md",
]


@pytest.fixture(scope="module")
def result() -> BuildResult:
    result = build_outputs(TOY_DATA)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    return result


def test_build_outputs_top_level_pages_are_in_the_nav(result: BuildResult) -> None:
    in_nav = [page.uri for page in result.pages if page.in_nav]

    assert in_nav == TOP_LEVEL


def test_build_outputs_every_paper_has_a_page_out_of_the_nav_and_a_bib(
    result: BuildResult,
) -> None:
    pages = {page.uri: page for page in result.pages}
    files = {file.uri for file in result.files}

    for paper_id in ("tiny-tensors", "log-attention", "green-serving"):
        assert pages[f"papers/{paper_id}/index.md"].in_nav is False
        assert f"papers/{paper_id}.bib" in files
    assert "proceedings/proceedings.bib" in files


def test_build_outputs_paper_page_title_is_plain_text(result: BuildResult) -> None:
    page = next(p for p in result.pages if p.uri == "papers/log-attention/index.md")

    assert page.title == "Attention in O(n log n) Time"
    assert page.description.startswith(
        "Attention in O(n log n) Time, by Mia Wong, Ludwig van der Berg."
    )


def test_build_outputs_uris_are_unique(result: BuildResult) -> None:
    uris = [p.uri for p in result.pages] + [f.uri for f in result.files]

    assert len(uris) == len(set(uris))


def test_build_outputs_home_fragment_has_the_facts(result: BuildResult) -> None:
    fragment = result.fragments["index.md"]

    assert "3–4 June 2030" in fragment
    assert "Lindenhall" in fragment


def test_build_outputs_site_facts(result: BuildResult) -> None:
    assert (result.site.name, result.site.url) == ("ToyConf 2030", "https://toy.example.org/2030/")


def test_build_outputs_escapes_data_in_pages(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    program = tmp_path / "data" / "program.yaml"
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("room: Hall B", 'room: "<script>x</script>"'), "utf-8")

    result = build_outputs(tmp_path / "data")

    body = next(p.html for p in result.pages if p.uri == "program/index.md")
    assert "<script>x</script>" not in body
    assert "&lt;script&gt;x&lt;/script&gt;" in body


def test_build_outputs_with_errors_has_diagnostics_only(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "papers.yaml").write_text("papers: 5\n", encoding="utf-8")

    result = build_outputs(tmp_path / "data")

    assert (result.ok, result.pages, result.files) == (False, [], [])
    assert len(result.diagnostics.errors) == 1


def test_toc_of_reads_h2_and_h3() -> None:
    body = '<h1 id="t">T</h1><h2 id="a">A &amp; <em>B</em></h2><h3 id="c">C</h3><h4 id="d">D</h4>'

    assert toc_of(body) == (TocEntry(2, "a", "A & B"), TocEntry(3, "c", "C"))
