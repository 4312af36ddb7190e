"""Every served .bib compiled by the real BibTeX (Debian's texlive-binaries, with plain.bst):
no undefined macro, no missing crossref parent, no error, and the paper in the bibliography.

Without `bibtex` the tests skip, saying how to install it; under CI (``CI`` set) a missing
`bibtex` is a failure, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TOY_DATA
from reference_sites import BIBTEX, imported_model

from generator.exporters.bibtex import paper_bibtex, proceedings_bibtex
from generator.model import ConferenceData
from generator.validate import load_and_validate

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "data" / "2027"
)  # the example series' current edition
SOURCES = ["toy", "example", *sorted(p.stem for p in BIBTEX.glob("*.bib"))]
# What BibTeX says of a file that does not compile as written: an undefined @string, a
# crossref to an entry it cannot find, a citation with no entry, or an error of any kind.
FAILURES = re.compile(
    r"Warning--string name .* is undefined|Warning--I didn't find a database entry|"
    r"Warning--I couldn't find|error message|I was expecting|I'm skipping whatever remains",
)


@pytest.fixture(scope="module")
def bibtex() -> str:
    executable = shutil.which("bibtex")
    if executable is None:
        message = "BibTeX is not installed: apt-get install -y texlive-binaries texlive-base"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return executable


def compile_bib(bibtex: str, folder: Path, text: str, keys: list[str]) -> tuple[str, str]:
    """BibTeX's log and the bibliography it makes of ``text``, citing ``keys``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "refs.bib").write_text(text, encoding="utf-8")
    citations = "".join(f"\\citation{{{key}}}\n" for key in keys)
    (folder / "doc.aux").write_text(
        f"{citations}\\bibstyle{{plain}}\n\\bibdata{{refs}}\n", encoding="utf-8"
    )
    run = subprocess.run(
        [bibtex, "-terse", "doc"], cwd=folder, capture_output=True, text=True, timeout=60
    )
    log = (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode in (0, 1), log  # 1: style warnings such as an empty field
    return log, (folder / "doc.bbl").read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module", params=SOURCES)
def model(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> ConferenceData:
    if request.param in ("toy", "example"):
        data, _ = load_and_validate(TOY_DATA if request.param == "toy" else EXAMPLE)
        assert data is not None
        return data
    return imported_model(BIBTEX / f"{request.param}.bib", tmp_path_factory.mktemp(request.param))


def test_every_paper_bib_compiles_on_its_own(
    bibtex: str, model: ConferenceData, tmp_path: Path
) -> None:
    for paper in model.papers:
        log, bbl = compile_bib(bibtex, tmp_path / paper.id, paper_bibtex(model, paper), [paper.id])
        assert FAILURES.findall(log) == [], (paper.id, log)
        assert re.findall(r"\\bibitem\{([^}]*)\}", bbl) == [paper.id]


def test_the_whole_volume_compiles(bibtex: str, model: ConferenceData, tmp_path: Path) -> None:
    log, bbl = compile_bib(bibtex, tmp_path, proceedings_bibtex(model), ["*"])
    assert FAILURES.findall(log) == [], log
    cited = set(re.findall(r"\\bibitem\{([^}]*)\}", bbl))
    assert {paper.id for paper in model.papers} <= cited


def test_macros_and_crossref_compile_to_the_values_they_had(bibtex: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(TOY_DATA, data_dir)
    bib = data_dir / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    text = text.replace(
        "@inproceedings{tiny-tensors,",
        '@string{pub = "First Press"}\n\n@inproceedings{tiny-tensors,\n  note = pub # " note",',
    )
    text = text.replace(
        "@inproceedings{log-attention,",
        '@string{pub = "Second Press"}\n\n@inproceedings{log-attention,\n  note = pub,',
    )
    text = text.replace(
        "  booktitle = {Proceedings of ToyConf 2030},\n"
        "  year      = {2030},\n"
        "  pages     = {1--10}",
        "  crossref  = {toyconf2030},\n  pages     = {1--10}",
    )
    bib.write_text(text, encoding="utf-8")
    data, diagnostics = load_and_validate(data_dir)
    assert data is not None, [str(d) for d in diagnostics.sorted()]
    tiny = next(p for p in data.papers if p.id == "tiny-tensors")
    log, bbl = compile_bib(bibtex, tmp_path / "tiny", paper_bibtex(data, tiny), [tiny.id])
    assert FAILURES.findall(log) == []
    flat = " ".join(bbl.split())
    assert "First Press note" in flat
    assert "Proceedings of ToyConf 2030" in flat and "Rosa Lind and Tom Berg" in flat
    log, bbl = compile_bib(bibtex, tmp_path / "all", proceedings_bibtex(data), ["*"])
    assert FAILURES.findall(log) == []
    flat = " ".join(bbl.split())
    assert "First Press note" in flat and "Second Press" in flat
