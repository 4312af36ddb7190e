"""OpenReview notes: the API v1 export of a workshop (real), and the v2 shape ({value: ...})."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REFERENCE, new_site_with_import, read_papers, run_confsite

SOURCE = REFERENCE / "openreview" / "notes-v1-example.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("openreview") / "site"
    report = new_site_with_import(root, "openreview", SOURCE, "Pruning", "2018")
    root.joinpath("import.log").write_text(report)
    return root


def test_import_openreview_v1_accepted_papers(site: Path) -> None:
    imported = read_papers(site / "data")
    assert sorted(imported) == ["hkghwscuoq", "r1elk2mkix"]
    paper = imported["hkghwscuoq"]
    assert paper["title"] == "Targeted Dropout"
    assert [a["name"] for a in paper["authors"]] == [
        "Aidan N. Gomez",
        "Ivan Zhang",
        "Kevin Swersky",
        "Yarin Gal",
        "Geoffrey E. Hinton",
    ]
    assert paper["abstract"].startswith("Neural networks are extremely flexible models")
    assert dict(paper["links"]) == {
        "pdf": "https://openreview.net/pdf/1e9b22c08d7651c60362b60af660c1f92d304b7c.pdf"
    }
    assert imported["r1elk2mkix"]["title"] == "Rethinking the Value of Network Pruning"


def test_import_openreview_notes_each_id_it_lowercased(site: Path) -> None:
    log = site.joinpath("import.log").read_text().splitlines()
    assert log == [
        f"{SOURCE}:6: note: id 'HkghWScuoQ' is written as 'hkghwscuoq' (ids are lowercase "
        "letters, digits, '-' and '_', starting with a letter or digit)",
        f"{SOURCE}:607: note: id 'r1eLk2mKiX' is written as 'r1elk2mkix' (ids are lowercase "
        "letters, digits, '-' and '_', starting with a letter or digit)",
        "imported 2, updated 0, unchanged 0; skipped 0 not accepted and 0 unreadable; "
        "read as UTF-8; wrote data/papers.yaml",
    ]


def test_import_openreview_reimport_changes_nothing(site: Path) -> None:
    before = (site / "data" / "papers.yaml").read_bytes()
    result = run_confsite("import", "openreview", str(SOURCE), cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "imported 0, updated 0, unchanged 2; skipped 0 not accepted and 0 unreadable; "
        "read as UTF-8; no file changed"
    )
    assert (site / "data" / "papers.yaml").read_bytes() == before


def test_import_openreview_result_checks_and_builds(site: Path) -> None:
    check = run_confsite("check", "--strict", cwd=site)
    assert check.returncode == 0, check.stderr
    build = run_confsite("build", "--strict", "--site-dir", "public", cwd=site)
    assert build.returncode == 0, build.stderr
    page = (site / "public" / "papers" / "hkghwscuoq" / "index.html").read_text()
    assert "Targeted Dropout" in page and "Geoffrey E. Hinton" in page


def _v2(number: int, title: str, venue: str, venueid: str) -> dict:
    return {
        "id": f"Note{number}",
        "forum": f"Note{number}",
        "number": number,
        "content": {
            "title": {"value": title},
            "authors": {"value": ["Ada Lovelace", "Alan Turing"]},
            "abstract": {"value": "An abstract with $x^2$."},
            "venue": {"value": venue},
            "venueid": {"value": venueid},
            "pdf": {"value": f"/pdf/{number}.pdf"},
        },
    }


def test_import_openreview_v2_takes_accepted_venues_only(tmp_path: Path) -> None:
    export = {
        "notes": [
            _v2(1, "Accepted Poster", "ICLR 2025 Poster", "ICLR.cc/2025/Conference"),
            _v2(
                2,
                "Rejected",
                "Submitted to ICLR 2025",
                "ICLR.cc/2025/Conference/Rejected_Submission",
            ),
            _v2(
                3,
                "Withdrawn",
                "ICLR 2025 Conference Withdrawn Submission",
                "ICLR.cc/2025/Conference/Withdrawn_Submission",
            ),
            _v2(4, "Accepted Oral", "ICLR 2025 Oral", "ICLR.cc/2025/Conference"),
        ]
    }
    source = tmp_path / "v2.json"
    source.write_text(json.dumps(export, indent=2))
    result = run_confsite("import", "openreview", str(source), "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "skipped 2 not accepted and 0 unreadable" in result.stderr.splitlines()[-1]
    imported = read_papers(tmp_path)
    assert {k: v["title"] for k, v in imported.items()} == {
        "note1": "Accepted Poster",
        "note4": "Accepted Oral",
    }
    assert imported["note1"]["abstract"].strip() == "An abstract with $x^2$."
    assert [a["name"] for a in imported["note4"]["authors"]] == ["Ada Lovelace", "Alan Turing"]
