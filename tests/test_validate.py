"""generator/validate/__init__.py and references.py: the whole front half on a data folder."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_DATA, TOY_DATA

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.validate import load_and_validate
from generator.validate.proceedings import read_bibtex
from generator.validate.references import listed_ids, session_ids, topic_ids


def test_load_and_validate_toy_is_clean() -> None:
    data, diagnostics = load_and_validate(TOY_DATA)

    assert diagnostics.items == []
    assert (len(data.papers), len(data.sessions), len(data.speakers)) == (3, 4, 1)
    assert data.conference.timezone == "Europe/Berlin"
    assert [t.id for t in data.conference.topics] == ["hardware", "software", "metrics"]


def test_load_and_validate_example_is_clean_and_large_enough() -> None:
    data, diagnostics = load_and_validate(EXAMPLE_DATA)

    assert [str(d) for d in diagnostics.items] == []
    assert len(data.papers) >= 40
    assert len(data.days) == 3
    assert len(data.program_committee) >= 40


def test_load_and_validate_with_errors_returns_no_model(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "program.yaml").write_text("days: [\n", encoding="utf-8")

    data, diagnostics = load_and_validate(tmp_path / "data")

    assert data is None
    assert len(diagnostics.errors) == 1


def test_load_and_validate_spelling_variant_is_a_warning(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    papers = tmp_path / "data" / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    papers.write_text(text.replace("name: Zoë Park", "name: Mia Wöng"), encoding="utf-8")

    _data, diagnostics = load_and_validate(tmp_path / "data")

    assert [d.message for d in diagnostics.items] == [
        "author 'Mia Wöng' is spelled 'Mia Wong' at line 3; if they are one person, use one "
        "spelling (they share an author page)"
    ]


def copy_of_toy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(TOY_DATA, folder)
    return folder


def test_load_and_validate_bad_bibtex_reported_in_order(tmp_path: Path) -> None:
    folder = copy_of_toy(tmp_path)
    bib = (folder / "proceedings.bib").read_text(encoding="utf-8")
    bib = bib.replace("{log-attention,", "{log-attention-x,")  # matches no paper: a warning
    bib = bib.replace("Tiny Tensors", "Tiny Tensor")  # a title that disagrees
    (folder / "proceedings.bib").write_text(bib + "\n@article{broken, title={x}\n", "utf-8")

    _data, diagnostics = load_and_validate(folder)

    assert [
        (Path(d.location.path).name, d.location.line, d.severity.value) for d in diagnostics.items
    ] == [
        ("proceedings.bib", 27, "error"),
        ("proceedings.bib", 13, "error"),
        ("proceedings.bib", 20, "warning"),
    ]
    assert diagnostics.items[0].message == (
        "this BibTeX block cannot be parsed: Unexpectedly reached end of file.; check its "
        "braces, quotes and the commas between fields"
    )
    assert diagnostics.items[1].message.startswith("entry 'tiny-tensors': title disagrees with ")


def test_load_and_validate_unreadable_bibtex_reported_after_the_yaml(tmp_path: Path) -> None:
    folder = copy_of_toy(tmp_path)
    (folder / "proceedings.bib").write_bytes(b"@misc{x, title={caf\xe9}}\n")
    (folder / "sponsors.yaml").write_text("sponsors: [\n", encoding="utf-8")

    _data, diagnostics = load_and_validate(folder)

    assert [(Path(d.location.path).name, d.location.line) for d in diagnostics.items] == [
        ("sponsors.yaml", 2),
        ("proceedings.bib", 1),
    ]
    assert diagnostics.items[1].message == (
        "byte 0xe9 is not valid UTF-8; save the file as UTF-8 (in most editors: "
        "'Save with encoding' -> UTF-8)"
    )


def test_read_bibtex_prepares_the_compared_forms_of_paper_entries() -> None:
    text = (TOY_DATA / "proceedings.bib").read_text(encoding="utf-8")

    parsed = read_bibtex(text, "b.bib")

    assert [e.key for e in parsed.entries] == ["toyconf2030", "tiny-tensors", "log-attention"]
    assert parsed.compared[0] is None  # the volume is not compared with a paper
    assert parsed.compared[1] is not None and parsed.compared[1][1] == ["José Álvarez", "Mia Wong"]
    assert parsed.problems == []


def test_references_ids_come_from_raw_yaml_even_when_invalid() -> None:
    diagnostics = Diagnostics()
    program = parse_yaml(
        "days:\n  - date: bad\n    sessions:\n      - {id: s1, start: never}\n      - {x: 1}\n",
        "p.yaml",
        diagnostics,
    )

    assert session_ids(program) == {"s1"}
    assert topic_ids({"topics": [{"id": "hw"}, "junk"]}) == {"hw"}
    assert listed_ids({"papers": [{"id": "a"}, {"id": ""}]}, "papers") == {"a"}


def test_references_unreadable_roots_are_unknown() -> None:
    assert (session_ids(None), topic_ids("text"), listed_ids({"papers": "x"}, "papers")) == (
        None,
        None,
        None,
    )


@pytest.mark.parametrize("enabled", [True, False])
def test_load_and_validate_restores_the_cycle_collector(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        data, _ = load_and_validate(TOY_DATA)

        assert data is not None
        assert (gc.isenabled(), gc.get_freeze_count()) == (enabled, 0)
    finally:
        (gc.enable if was else gc.disable)()
