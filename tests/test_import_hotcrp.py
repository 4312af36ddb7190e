"""HotCRP's paper JSON (its own test database) imported into a fresh site, checked and built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REFERENCE, new_site_with_import, read_papers, run_confsite

SOURCE = REFERENCE / "hotcrp" / "db.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hotcrp") / "site"
    report = new_site_with_import(root, "hotcrp", SOURCE, "HotConf", "2028")
    root.joinpath("import.log").write_text(report)
    return root


def papers(site: Path) -> dict[str, dict]:
    return read_papers(site / "data")


def test_import_hotcrp_takes_every_paper_and_says_there_were_no_decisions(site: Path) -> None:
    log = site.joinpath("import.log").read_text().splitlines()
    assert log[-1] == (
        "imported 30, updated 0, unchanged 0; skipped 0 not accepted and 0 unreadable; "
        "read as UTF-8; wrote data/papers.yaml"
    )
    assert any(
        line.endswith(
            "db.json:1: warning: this export carries no decisions; every submitted "
            "paper in it is imported as accepted (export only accepted papers: search "
            "'dec:yes' in HotCRP)"
        )
        for line in log
    )


def test_import_hotcrp_paper_fields(site: Path) -> None:
    paper = papers(site)["p1"]
    assert paper["title"] == "Scalable Timers for Soft State Protocols"
    assert [dict(a) for a in paper["authors"]] == [
        {
            "name": "Puneet Sharma",
            "affiliation": "Information Sciences Institute, University of Southern California",
        },
        {
            "name": "Deborah Estrin",
            "affiliation": "Information Sciences Institute, University of Southern California",
        },
        {"name": "Sally Floyd", "affiliation": "Lawrence Berkeley National Laboratory"},
        {"name": "Van Jacobson", "affiliation": "Lawrence Berkeley National Laboratory"},
    ]
    assert paper["abstract"].startswith("Soft state protocols use periodic refresh messages")
    assert "\n\nWe propose and evaluate a new approach" in paper["abstract"]


def test_import_hotcrp_ids_follow_the_paper_numbers(site: Path) -> None:
    source = json.loads(SOURCE.read_text())["papers"]
    assert sorted(papers(site)) == sorted(f"p{p['_id_']}" for p in source)


def test_import_hotcrp_skips_rejected_when_decisions_are_present(tmp_path: Path) -> None:
    source = tmp_path / "export.json"
    source.write_text(
        "[\n"
        '{"pid": 7, "title": "Kept", "status": "accepted", "authors": [{"name": "A B"}]},\n'
        '{"pid": 8, "title": "Gone", "decision": "Reject", "authors": [{"name": "C D"}]},\n'
        '{"pid": 9, "title": "No authors", "decision": "Accept (poster)", "authors": []}\n'
        "]\n"
    )
    result = run_confsite("import", "hotcrp", str(source), "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{source}:4: warning: paper 9: no authors; skipped",
        "imported 1, updated 0, unchanged 0; skipped 1 not accepted and 1 unreadable; "
        f"read as UTF-8; wrote {tmp_path / 'papers.yaml'}",
    ]


def test_import_hotcrp_result_checks_and_builds(site: Path) -> None:
    check = run_confsite("check", "--strict", cwd=site)
    assert check.returncode == 0, check.stderr
    build = run_confsite("build", "--strict", "--site-dir", "public", cwd=site)
    assert build.returncode == 0, build.stderr
    page = (site / "public" / "papers" / "p1" / "index.html").read_text()
    assert "Scalable Timers for Soft State Protocols" in page
    assert "Lawrence Berkeley National Laboratory" in page
