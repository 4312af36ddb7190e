"""generator/load/__init__.py: reading the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TOY_DATA

from generator.diagnostics import Diagnostics
from generator.load import load_sources


def test_load_sources_toy_reads_every_file(tmp_path: Path) -> None:
    diagnostics = Diagnostics()

    sources = load_sources(TOY_DATA, diagnostics)

    assert sources.present == {
        "conference.yaml",
        "papers.yaml",
        "program.yaml",
        "committee.yaml",
        "speakers.yaml",
        "proceedings.bib",
    }
    assert sources.broken == set()
    assert sources.bibtex is not None and sources.bibtex.count("@inproceedings") == 2
    assert diagnostics.items == []


def test_load_sources_missing_required_file_is_an_error_at_line_1(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "papers.yaml").unlink()
    diagnostics = Diagnostics()

    sources = load_sources(tmp_path / "data", diagnostics)

    assert "papers.yaml" not in sources.present
    assert [(d.location.line, d.message) for d in diagnostics.items] == [
        (1, "the required file papers.yaml is missing; create it (see the organizer guide)")
    ]


def test_load_sources_missing_optional_file_is_fine(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "speakers.yaml").unlink()
    (tmp_path / "data" / "proceedings.bib").unlink()
    diagnostics = Diagnostics()

    sources = load_sources(tmp_path / "data", diagnostics)

    assert (sources.usable("speakers.yaml"), sources.bibtex) == (False, None)
    assert diagnostics.items == []


def test_load_sources_syntax_error_marks_the_file_broken(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "program.yaml").write_text("days: [\n", encoding="utf-8")
    diagnostics = Diagnostics()

    sources = load_sources(tmp_path / "data", diagnostics)

    assert sources.broken == {"program.yaml"}
    assert sources.usable("program.yaml") is False
    assert len(diagnostics.errors) == 1


def test_load_sources_missing_folder_is_one_error(tmp_path: Path) -> None:
    diagnostics = Diagnostics()

    sources = load_sources(tmp_path / "nope", diagnostics)

    assert sources.present == set()
    assert [d.message for d in diagnostics.items] == [
        "the data folder does not exist; pass --data DIR or create it (see the organizer guide)"
    ]
