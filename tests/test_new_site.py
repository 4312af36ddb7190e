"""`confsite new`: a new edition's repository that checks and builds at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, fill_in_new_site, run_confsite

from generator.scaffold import SITE, WORKFLOWS, render_workflow

SCAFFOLD = ROOT / "generator" / "scaffold"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("new") / "edition"
    result = run_confsite("new", str(root), "--name", 'Sys: "ML" #1', "--year", "2028")
    assert result.returncode == 0, result.stderr
    return root


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_new_site_has_every_part(site: Path) -> None:
    assert files(site) == [
        ".github/workflows/check.yml",
        ".github/workflows/deploy.yml",
        ".gitignore",
        "README.md",
        "data/committee.yaml",
        "data/conference.yaml",
        "data/papers.yaml",
        "data/program.yaml",
        "data/speakers.yaml",
        "data/sponsors.yaml",
        "mkdocs.yml",
        *sorted(f"overrides/{p}" for p in files(ROOT / "overrides")),
        "requirements.txt",
        "schemas/committee.schema.json",
        "schemas/conference.schema.json",
        "schemas/papers.schema.json",
        "schemas/people.schema.json",  # for when the site becomes a series
        "schemas/program.schema.json",
        "schemas/series.schema.json",
        "schemas/speakers.schema.json",
        "schemas/sponsors.schema.json",
        "site_src/index.md",
    ]


def test_new_site_name_and_year_are_yaml_safe(site: Path) -> None:
    conference = yaml.safe_load((site / "data" / "conference.yaml").read_text())
    assert (conference["name"], conference["year"]) == ('Sys: "ML" #1', 2028)
    assert conference["title"] == 'Sys: "ML" #1 2028'
    assert conference["url"] == "https://example.org/sys-ml-1/2028/"


def test_new_site_checks_and_strict_lists_each_value_left_to_change(site: Path) -> None:
    check = run_confsite("check", cwd=site)
    assert check.returncode == 0, check.stderr
    strict = run_confsite("check", "--strict", cwd=site)
    assert strict.returncode == 1
    marked = [
        ("7", "title", 'Sys: "ML" #1 2028'),
        ("8", "description", 'Sys: "ML" #1 2028: the conference website.'),
        ("9", "timezone", "UTC"),
        ("10", "start", "2028-06-01"),
        ("11", "end", "2028-06-03"),
        ("13", "name", "To be announced"),
        ("18", "url", "https://example.org/sys-ml-1/2028/"),
    ]
    assert strict.stderr.splitlines() == [
        f"data/conference.yaml:{line}: warning: '{key}' '{value}' is still the new site's "
        "placeholder (marked '# change me'); set it, then delete the mark"
        for line, key, value in marked
    ] + ["0 error(s), 7 warning(s)"]


def test_new_site_checks_strictly_and_builds_once_filled_in(site: Path) -> None:
    fill_in_new_site(site)
    check = run_confsite("check", "--strict", cwd=site)
    assert check.returncode == 0, check.stderr
    build = run_confsite("build", "--strict", cwd=site)
    assert build.returncode == 0, build.stderr
    home = (site / "site" / "index.html").read_text()
    assert "<title>Home - Sys: &#34;ML&#34; #1 2028</title>" in home
    assert (site / "site" / "program" / "index.html").is_file()


def test_new_site_requirement_resolves_with_pip(site: Path, tmp_path: Path) -> None:
    """requirements.txt names this checkout, and pip resolves it (a dry run: nothing installed)."""
    requirement = (site / "requirements.txt").read_text().splitlines()[-1]
    assert requirement == f"confsite @ {ROOT.as_uri()}"
    report = tmp_path / "report.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--no-deps",
            "--quiet",
            "--report",
            str(report),
            "-r",
            str(site / "requirements.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    (install,) = json.loads(report.read_text())["install"]
    assert (install["metadata"]["name"], install["download_info"]["url"]) == (
        "confsite",
        ROOT.as_uri(),
    )


def test_new_site_readme_says_how_to_change_the_requirement(site: Path) -> None:
    readme = (site / "README.md").read_text()
    assert "confsite @ git+https://github.com/ORGANIZATION/confsite@v0.1.0" in readme
    assert "pip install --dry-run -r requirements.txt" in readme


def test_new_site_workflows_are_the_site_variant(site: Path) -> None:
    for name in WORKFLOWS:
        text = (site / ".github" / "workflows" / name).read_text()
        assert text == render_workflow(name, SITE)
        assert "pip install -r requirements.txt" in text


def test_new_site_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = run_confsite("new", str(tmp_path), "--name", "X", "--year", "2028")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{tmp_path}: error: the folder exists and is not empty; choose a new one"
    )
    assert files(tmp_path) == ["keep.txt"]


def test_new_site_scaffold_matches_the_repository_theme_setup() -> None:
    """A new edition gets the same theme, plugins and overrides as this repository's site."""
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    theirs = yaml.safe_load((SCAFFOLD / "mkdocs.yml").read_text())
    for key in ("theme", "nav", "markdown_extensions", "plugins", "extra_css", "extra_javascript"):
        assert theirs.get(key) == ours.get(key), f"generator/scaffold/mkdocs.yml: '{key}' differs"
    for relative in files(ROOT / "overrides"):
        assert (SCAFFOLD / "overrides" / relative).read_bytes() == (
            ROOT / "overrides" / relative
        ).read_bytes(), f"copy overrides/{relative} to generator/scaffold/overrides/"
    assert files(SCAFFOLD / "overrides") == files(ROOT / "overrides")
