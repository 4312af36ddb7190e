"""Merging into an existing papers.yaml: organizers' fields kept, idempotent, readable output."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import EXAMPLE_DATA, run_confsite

from generator.diagnostics import Diagnostics
from generator.importers import run_import
from generator.importers.papers_file import PapersFile, render, round_trips
from generator.load.yaml_source import load_yaml_file, parse_yaml

SHEET = (
    "id,title,authors,abstract\n"
    '"tessera","Tessera: Auto-Scheduling Tensor Programs (camera-ready)",'
    '"Maya Chen (Lakeside Institute of Technology) | Jonas Müller | Nadia Petrova (Eastmoor)",'
    '"A new abstract."\n'
    '"new-one","A New Paper","Sam Poe (Somewhere)",""\n'
)


def _papers(data: Path) -> dict[str, dict]:
    root = load_yaml_file(data / "papers.yaml", "papers.yaml", Diagnostics())
    return {paper["id"]: paper for paper in root["papers"]}


def _example(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE_DATA, data)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET)
    return data, sheet


def test_import_merge_keeps_what_organizers_added(tmp_path: Path) -> None:
    data, sheet = _example(tmp_path)
    before = _papers(data)["tessera"]
    outcome = run_import("csv", sheet, data)
    assert (outcome.report.updated, outcome.report.imported) == (["tessera"], ["new-one"])
    paper = _papers(data)["tessera"]
    assert paper["title"] == "Tessera: Auto-Scheduling Tensor Programs (camera-ready)"
    assert paper["abstract"] == "A new abstract.\n"
    for kept in ("session", "award", "links", "topics", "pages"):
        assert paper[kept] == before[kept], kept
    assert [dict(a) for a in paper["authors"]] == [
        {"name": "Maya Chen", "affiliation": "Lakeside Institute of Technology"},
        # not in the sheet's group: the affiliation and ORCID already there are kept
        {
            "name": "Jonas Müller",
            "affiliation": "Technische Universität Falkenau",
            "orcid": "0000-0001-5109-3700",
        },
        {"name": "Nadia Petrova", "affiliation": "Eastmoor"},
    ]
    assert len(_papers(data)) == 49


def test_import_merge_is_idempotent_and_keeps_the_header(tmp_path: Path) -> None:
    data, sheet = _example(tmp_path)
    header = (data / "papers.yaml").read_text().splitlines()[:2]
    run_import("csv", sheet, data)
    first = (data / "papers.yaml").read_text()
    second = run_import("csv", sheet, data)
    assert (data / "papers.yaml").read_text() == first
    assert second.wrote == []
    assert sorted(second.report.unchanged) == ["new-one", "tessera"]
    assert first.splitlines()[:2] == header
    assert header[0] == "# yaml-language-server: $schema=../../schemas/papers.schema.json"
    check = run_confsite("check", "--strict", "--data", str(data))
    assert check.returncode == 1  # only because 'new-one' has no abstract (a warning)
    assert check.stderr.splitlines()[0].endswith("warning: paper 'new-one': no abstract")


def test_import_merge_output_is_block_style_with_literal_abstracts(tmp_path: Path) -> None:
    data, sheet = _example(tmp_path)
    run_import("csv", sheet, data)
    text = (data / "papers.yaml").read_text()
    assert "  - id: tessera\n    title: 'Tessera: Auto-Scheduling" in text
    assert "    abstract: |\n      A new abstract.\n" in text
    assert "{" not in text.split("papers:")[1].split("abstract")[0]  # no flow mappings


def test_import_merge_tricky_scalars_round_trip_as_strings() -> None:
    tricky = [
        "10:30",
        "2027-04-12",
        "1e5",
        "1.5",
        "yes",
        "null",
        "~",
        "@home",
        "#1",
        "a: b",
        "- dash",
        "'quoted'",
        '"dq"',
        "tab\there",
        "trailing ",
        "ünïcödé",
        "0123",
        "",
    ]
    papers = [
        {
            "id": f"p{i}",
            "title": value,
            "authors": [{"name": value or "x"}],
            "abstract": value + "\nsecond line",
        }
        for i, value in enumerate(tricky)
    ]
    papers_file = PapersFile(["# a comment"], papers)
    text = render(papers_file)
    assert round_trips(text, papers_file)
    root = parse_yaml(text, "papers.yaml", Diagnostics())
    assert [p["title"] for p in root["papers"][:-1]] == tricky[:-1]
    assert all(isinstance(p["title"], str) for p in root["papers"][:-1])


def test_import_progress_only_on_a_terminal(tmp_path: Path) -> None:
    rows = "".join(f'p{n},"Paper {n}","Author {n} (Uni)","x"\n' for n in range(60))
    sheet = tmp_path / "many.csv"
    sheet.write_text("id,title,authors,abstract\n" + rows)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, terminal = io.StringIO(), Terminal()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    run_import("csv", sheet, tmp_path / "a", progress_stream=pipe)
    run_import("csv", sheet, tmp_path / "b", progress_stream=terminal)
    assert pipe.getvalue() == ""
    assert "\rmerging papers 60/60" in terminal.getvalue()


def test_import_into_broken_papers_yaml_writes_nothing(tmp_path: Path) -> None:
    data, sheet = _example(tmp_path)
    (data / "papers.yaml").write_text("papers:\n  - id: x\n   title: bad indent\n")
    result = run_confsite("import", "csv", str(sheet), "--data", str(data))
    assert result.returncode == 1
    assert f"{data / 'papers.yaml'}:3: error: YAML syntax" in result.stderr
    assert (data / "papers.yaml").read_text() == "papers:\n  - id: x\n   title: bad indent\n"


def test_import_into_papers_yaml_with_other_top_level_keys_writes_nothing(tmp_path: Path) -> None:
    data, sheet = _example(tmp_path)
    text = "papers: []\nsessions: [a]\n"
    (data / "papers.yaml").write_text(text)
    result = run_confsite("import", "csv", str(sheet), "--data", str(data))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{data / 'papers.yaml'}:1: error: papers.yaml must be a mapping with the single key "
        "'papers:' holding a list; fix it (confsite check explains) before importing into it"
    )
    assert (data / "papers.yaml").read_text() == text


def test_import_into_a_missing_data_folder_is_an_error(tmp_path: Path) -> None:
    _data, sheet = _example(tmp_path)
    result = run_confsite("import", "csv", str(sheet), "--data", str(tmp_path / "dta"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'dta'}: error: the data folder does not exist; create the site with "
        "`confsite new DIR --name NAME --year YEAR`, or pass --data DIR",
        "imported 0, updated 0, unchanged 0; skipped 0 not accepted and 0 unreadable; "
        "no file changed",
    ]
    assert not (tmp_path / "dta").exists()


def test_import_warns_when_an_id_now_names_another_paper(tmp_path: Path) -> None:
    data, _sheet = _example(tmp_path)
    sheet = tmp_path / "other.csv"
    sheet.write_text('id,title,authors\ntessera,"Something Else","Rick Roe (Nowhere)"\n')
    outcome = run_import("csv", sheet, data)
    assert [str(d) for d in outcome.diagnostics.items] == [
        f"{sheet}:2: warning: paper 'tessera' replaces the paper with that id in "
        f"{data / 'papers.yaml'} ('Tessera: Auto-Scheduling Tensor Programs with Learned Cost "
        "Models and Equality Saturation'), which has another title and no author in common; if "
        "they are different papers, give one of them another id"
    ]
