"""An edit of one paper applied alone must give the model a full reload gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from generator.live import PapersFile
from generator.model import ConferenceData
from generator.validate import load_and_validate


def _load(data_dir: Path) -> ConferenceData:
    data, diagnostics = load_and_validate(data_dir)
    assert data is not None, diagnostics.sorted()
    return data


@pytest.fixture
def papers(tmp_path: Path) -> tuple[Path, PapersFile]:
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "2027", data_dir)
    text = PapersFile.snapshot(data_dir)
    assert text is not None
    return data_dir / "papers.yaml", PapersFile(data_dir, text, _load(data_dir))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_live_abstract_edit_gives_the_model_of_a_full_reload(
    papers: tuple[Path, PapersFile],
) -> None:
    path, live = papers
    _edit(path, "present **Tessera**, an auto-scheduler", "present **Tessera 2**, a scheduler")

    edit = live.apply()

    assert edit is not None
    assert edit.paper.id == "tessera"
    assert "<strong>Tessera 2</strong>, a scheduler" in edit.paper.abstract.as_html
    assert edit.data == _load(path.parent)
    assert edit.session_ids == {"s-compilers"}  # the session page shows abstracts
    assert edit.author_slugs == set()  # author pages do not


def test_live_longer_abstract_shifts_the_items_after_it(papers: tuple[Path, PapersFile]) -> None:
    path, live = papers
    _edit(
        path,
        "      e-graphs with $10^{6}$ e-nodes.\n",
        "      e-graphs with $10^{6}$\n      e-nodes.\n\n      A second paragraph.\n",
    )

    edit = live.apply()

    assert edit is not None
    full = _load(path.parent)
    assert edit.paper == full.papers[0]
    assert "A second paragraph." in edit.paper.abstract.as_html
    assert live.starts == [paper.location.line for paper in full.papers]
    # A second edit, further down, is found at its shifted lines.
    last = full.papers[-1]
    _edit(path, f"  - id: {last.id}\n    title: ", f"  - id: {last.id}\n    title: Renamed ")
    second = live.apply()
    assert second is not None and second.paper.id == last.id
    assert {a.name.slug for a in last.authors} == second.author_slugs  # they list its title
    assert second.paper == _load(path.parent).papers[-1]


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("  - id: tessera\n", "  - id: tessera-2\n", "a new id names new pages"),
        ("Tessera: Auto-Scheduling", "Tessera 2: Auto-Scheduling", "the .bib has the old title"),
        (
            "    award: Best paper\n    pages",
            "    award: Best paper\n    session: s-nowhere\n    pages",
            "a second session key",
        ),
        ("    award: Best paper\n", "    award: Best paper\n    colour: red\n", "an unknown key"),
        ('    pages: "1--14"\n', '    pages: &p "1--14"\n', "an anchor others may use"),
        (
            "papers:\n",
            "papers:\n  - id: new-one\n    title: New\n    authors: [{name: A B}]\n",
            "a new paper",
        ),
    ],
)
def test_live_declines_what_a_full_build_must_do(
    papers: tuple[Path, PapersFile], old: str, new: str, why: str
) -> None:
    path, live = papers
    _edit(path, old, new)
    assert live.apply() is None, why


def test_live_declines_edits_across_two_papers(papers: tuple[Path, PapersFile]) -> None:
    path, live = papers
    text = path.read_text(encoding="utf-8")
    first, last = live.data.papers[0], live.data.papers[-1]
    text = text.replace(f"id: {first.id}\n", f"id: {first.id}\n    award: X\n", 1)
    text = text.replace(f"id: {last.id}\n", f"id: {last.id}\n    award: Y\n", 1)
    path.write_text(text, encoding="utf-8")
    assert live.apply() is None
