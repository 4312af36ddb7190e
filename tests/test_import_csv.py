"""CSV sheets: a CMT-style export with its own column names, mapped with --map."""

from __future__ import annotations

from pathlib import Path

from conftest import REFERENCE, run_confsite

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import load_yaml_file

CMT = (
    "Paper ID,Paper Title,Abstract,Author Names,Status,Track Name\n"
    '12,"Sparse Attention, Revisited","Line one.\n\nLine two with $x$.",'
    '"Jane Doe (MIT)*; John Smith (Stanford University; CS); Ana de la Cruz",Accept,Main\n'
    "13,Rejected Paper,Nope,Rick Roe (Nowhere),Reject,Main\n"
    "14,,No title,Sam Poe (Somewhere),Accept,Main\n"
    '15,Poster Paper,"",Li Wei (Tsinghua University),Accept (poster),Main\n'
)


def papers(data: Path) -> dict[str, dict]:
    root = load_yaml_file(data / "papers.yaml", "papers.yaml", Diagnostics())
    return {paper["id"]: paper for paper in root["papers"]}


def test_import_csv_cmt_with_column_mapping(tmp_path: Path) -> None:
    source = tmp_path / "cmt.csv"
    source.write_text(CMT)
    data = tmp_path / "data"
    data.mkdir()
    result = run_confsite(
        "import",
        "csv",
        str(source),
        "--data",
        str(data),
        "--map",
        "title=Paper Title",
        "--map",
        "authors=Author Names",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{source}:2: note: id '12' is written as 'p12' (a bare number gets the prefix 'p')",
        f"{source}:6: warning: row 3: no title; skipped",
        f"{source}:7: note: id '15' is written as 'p15' (a bare number gets the prefix 'p')",
        "imported 2, updated 0, unchanged 0; skipped 1 not accepted and 1 unreadable; "
        f"read as UTF-8; wrote {data / 'papers.yaml'}",
    ]
    imported = papers(data)
    assert sorted(imported) == ["p12", "p15"]
    paper = imported["p12"]
    assert paper["title"] == "Sparse Attention, Revisited"
    assert [dict(a) for a in paper["authors"]] == [
        {"name": "Jane Doe", "affiliation": "MIT"},
        {"name": "John Smith", "affiliation": "Stanford University; CS"},
        {"name": "Ana de la Cruz"},
    ]
    assert paper["abstract"] == "Line one.\n\nLine two with $x$.\n"
    check = run_confsite("check", "--data", str(data))
    about_papers = [line for line in check.stderr.splitlines() if "papers.yaml" in line]
    assert about_papers == [f"{data / 'papers.yaml'}:15: warning: paper 'p15': no abstract"]


def test_import_csv_unknown_column_names_the_columns(tmp_path: Path) -> None:
    source = tmp_path / "cmt.csv"
    source.write_text(CMT)
    result = run_confsite(
        "import", "csv", str(source), "--data", str(tmp_path), "--map", "title=Titel"
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}:1: error: --map title=Titel: no column 'Titel'; the columns are: Paper ID, "
        "Paper Title, Abstract, Author Names, Status, Track Name"
    )
    assert not (tmp_path / "papers.yaml").exists()


def test_import_csv_unknown_field_is_a_usage_error(tmp_path: Path) -> None:
    result = run_confsite("import", "csv", "x.csv", "--map", "titel=Title")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "confsite import: error: --map 'titel=Title': unknown field 'titel' (did you mean 'title'?)"
    )


def test_import_csv_reads_miniconf_sheet_with_explicit_mapping(tmp_path: Path) -> None:
    source = REFERENCE / "miniconf" / "chil2021-proceedings.csv"
    result = run_confsite(
        "import", "csv", str(source), "--data", str(tmp_path), "--map", "doi=doi_link"
    )
    assert result.returncode == 0, result.stderr
    imported = papers(tmp_path)
    assert len(imported) == 27
    assert imported["p01"]["doi"] == "10.1145/3450439.3451855"
