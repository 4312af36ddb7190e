"""Mini-Conf papers.csv (CHIL 2021): 'A, B, and C (Affiliation) | ...' authors, pipes in
affiliations, imported into a fresh site that checks and builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REFERENCE, new_site_with_import, read_papers, run_confsite

SOURCE = REFERENCE / "miniconf" / "chil2021-proceedings.csv"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("miniconf") / "site"
    report = new_site_with_import(root, "miniconf", SOURCE, "CHIL", "2021")
    root.joinpath("import.log").write_text(report)
    return root


def papers(site: Path) -> dict[str, dict]:
    return read_papers(site / "data")


def authors(paper: dict) -> list[tuple[str, str]]:
    return [(a["name"], a.get("affiliation", "")) for a in paper["authors"]]


def test_import_miniconf_every_row(site: Path) -> None:
    imported = papers(site)
    assert sorted(imported) == [f"p{n:02d}" for n in range(1, 28)]
    log = site.joinpath("import.log").read_text().splitlines()
    assert log[0] == (
        f"{SOURCE}:2: note: id 'P01' is written as 'p01' (ids are lowercase letters, digits, "
        "'-' and '_', starting with a letter or digit)"
    )
    assert log[-1].startswith("imported 27, updated 0, unchanged 0; skipped 0 not accepted")


def test_import_miniconf_shared_affiliation_groups(site: Path) -> None:
    paper = papers(site)["p02"]
    assert paper["title"].startswith("Affinitention Nets: Kernel Perspective on Attention")
    assert authors(paper)[:5] == [
        ("David Dov", "Duke University"),
        ("Serge Assaad", "Duke University"),
        ("Shijing Si", "Duke University"),
        ("Rui Wang", "Duke University"),
        ("Hongteng Xu", "Renmin University of China"),
    ]
    assert paper["doi"] == "10.1145/3450439.3451856"


def test_import_miniconf_pipe_inside_an_affiliation(site: Path) -> None:
    by_name = {name: affiliation for p in papers(site).values() for name, affiliation in authors(p)}
    assert by_name["Haoran Zhang"] == "University of Toronto | Vector Institute"
    assert by_name["Thomas Zueger"] == (
        "1) Inselspital, Bern, University Hospital, University of Bern 2) ETH Zurich"
    )
    assert by_name["Gergely Ács"] == "Crysys Lab, BME-HIT"


def test_import_miniconf_result_checks_and_builds(site: Path) -> None:
    check = run_confsite("check", "--strict", cwd=site)
    assert check.returncode == 0, check.stderr
    build = run_confsite("build", "--strict", "--site-dir", "public", cwd=site)
    assert build.returncode == 0, build.stderr
    page = (site / "public" / "papers" / "p02" / "index.html").read_text()
    assert "Renmin University of China" in page
