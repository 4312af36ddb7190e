"""generator/mkdocs_adapter/: the MkDocs adapter, through real `mkdocs build` runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, TOY_DATA, build_site

from generator.mkdocs_adapter.build import build_site as build_with_mkdocs
from generator.mkdocs_adapter.plugin import _toc_tokens
from generator.outputs import GeneratedPage, TocEntry
from generator.validate import load_and_validate


def test_toc_tokens_nest_h3_under_h2() -> None:
    page = GeneratedPage(
        uri="x/index.md",
        title="X",
        html="",
        toc=(TocEntry(2, "a", "A"), TocEntry(3, "b", "B"), TocEntry(2, "c", "C")),
    )

    tokens = _toc_tokens(page)

    assert [(t["id"], [c["id"] for c in t["children"]]) for t in tokens] == [
        ("a", ["b"]),
        ("c", []),
    ]


def test_plugin_build_with_data_errors_fails_and_names_them(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "papers.yaml").write_text("papers: 5\n", encoding="utf-8")

    result = build_site(tmp_path / "data", tmp_path / "site")

    assert result.returncode == 1
    assert "data/papers.yaml:1: error: 'papers' must be a list of entries" in result.stderr
    assert "1 error(s) in the conference data" in result.stderr


def test_plugin_hand_written_page_colliding_with_a_generated_one_fails(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "site_src", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.is_file():
            shutil.copy(source, project / name)
    (project / "site_src" / "program").mkdir(exist_ok=True)
    (project / "site_src" / "program" / "index.md").write_text("# Mine\n", encoding="utf-8")

    result = build_site(TOY_DATA, tmp_path / "site", project / "mkdocs.yml")

    assert result.returncode == 1
    assert (
        "site_src/program/index.md is hand-written, but the generator makes that page too"
        in result.stderr
    )


def test_plugin_build_site_uses_the_model_its_caller_validated(tmp_path: Path) -> None:
    # `confsite build` validates before building; the plugin renders that model instead of
    # loading the data folder a second time (seconds at thousands of papers).
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    validated = load_and_validate(data)
    papers = data / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    papers.write_text(text.replace("We compile tensor", "We translate tensor"), "utf-8")
    page = tmp_path / "site" / "papers" / "tiny-tensors" / "index.html"

    given = {"data_dir": data.resolve()}
    build_with_mkdocs(ROOT / "mkdocs.yml", tmp_path / "site", True, given, validated)
    served = page.read_text(encoding="utf-8")
    build_with_mkdocs(ROOT / "mkdocs.yml", tmp_path / "site", True, given)
    reloaded = page.read_text(encoding="utf-8")

    assert ("We compile tensor" in served, "We translate tensor" in served) == (True, False)
    assert ("We compile" in reloaded, "We translate tensor" in reloaded) == (False, True)


def test_plugin_setting_out_of_range_is_an_error_naming_it(tmp_path: Path) -> None:
    result = build_site(TOY_DATA, tmp_path / "site", page_budget=0)

    assert result.returncode == 1
    assert (
        "the conference plugin's settings: page_budget is 0; give a positive number of bytes"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
