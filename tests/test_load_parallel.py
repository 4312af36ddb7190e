"""proceedings.bib parsed in a child process beside the YAML loading: the same model and the
same diagnostics, in the same order, as parsing it in this process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_DATA, TOY_DATA

from generator import load as load_module
from generator import parallel
from generator.diagnostics import Diagnostics
from generator.load import load_sources
from generator.validate import load_and_validate
from generator.validate.proceedings import read_bibtex


def validated(monkeypatch: pytest.MonkeyPatch, folder: Path, jobs: str) -> tuple[Any, list[str]]:
    monkeypatch.setattr(parallel, "cpus", lambda: int(jobs))  # the loader forks per CPU
    data, diagnostics = load_and_validate(folder)
    return data, [str(d) for d in diagnostics.items]


def assert_same_beside_and_here(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    beside = validated(monkeypatch, folder, "2")
    here = validated(monkeypatch, folder, "1")
    assert beside == here
    return here[1]


def test_load_sources_parses_bibtex_in_a_child_where_forking_is_safe() -> None:
    forked = parallel.forks(None)  # not with one CPU, nor with threads of earlier tests alive
    sources = load_sources(TOY_DATA, Diagnostics(), lambda text, path: (path, text, os.getpid()))

    path, text, pid = sources.bibtex_parsed.join()

    assert (Path(path).name, text) == ("proceedings.bib", sources.bibtex)
    assert (pid != os.getpid()) == forked


@pytest.mark.parametrize("folder", [EXAMPLE_DATA, TOY_DATA], ids=["example", "toy"])
def test_load_beside_valid_data_same_model(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    data, _ = validated(monkeypatch, folder, "2")

    assert data is not None
    assert data.bib_entries
    assert_same_beside_and_here(monkeypatch, folder)


def test_load_beside_bad_bibtex_same_diagnostics_in_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(TOY_DATA, folder)
    bib = (folder / "proceedings.bib").read_text(encoding="utf-8")
    bib = bib.replace("{log-attention,", "{log-attention-x,")  # matches no paper: a warning
    bib = bib.replace("Tiny Tensors", "Tiny Tensor")  # a title that disagrees
    (folder / "proceedings.bib").write_text(bib + "\n@article{broken, title={x}\n", "utf-8")

    found = assert_same_beside_and_here(monkeypatch, folder)

    assert [line.split(": ", 2)[1] for line in found] == ["error", "error", "warning"]
    assert "cannot be parsed" in found[0]
    assert "title disagrees" in found[1]


def test_load_beside_unreadable_bibtex_reported_after_the_yaml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(TOY_DATA, folder)
    (folder / "proceedings.bib").write_bytes(b"@misc{x, title={caf\xe9}}\n")
    (folder / "sponsors.yaml").write_text("sponsors: [\n", encoding="utf-8")

    found = assert_same_beside_and_here(monkeypatch, folder)

    assert [Path(line.split(":")[0]).name for line in found] == ["sponsors.yaml", "proceedings.bib"]


def test_read_bibtex_prepares_the_compared_forms_of_paper_entries() -> None:
    text = (TOY_DATA / "proceedings.bib").read_text(encoding="utf-8")

    parsed = read_bibtex(text, "b.bib")

    assert [e.key for e in parsed.entries] == ["toyconf2030", "tiny-tensors", "log-attention"]
    assert parsed.compared[0] is None  # the volume is not compared with a paper
    assert parsed.compared[1][1] == ["José Álvarez", "Mia Wong"]
    assert parsed.problems == []


def test_load_beside_failing_fork_parses_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(work: Any) -> None:
        raise OSError("Cannot allocate memory")

    expected = validated(monkeypatch, TOY_DATA, "1")
    monkeypatch.setattr(load_module, "Beside", no_fork)

    assert load_sources(TOY_DATA, Diagnostics(), read_bibtex).bibtex_parsed is None
    assert validated(monkeypatch, TOY_DATA, "2") == expected
