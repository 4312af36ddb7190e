"""An edit of one paper applied alone must give the model a full reload gives."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLE_SERIES, ROOT

from generator import live as live_edits
from generator.build import render_outputs
from generator.diagnostics import Diagnostics
from generator.live import PapersFile
from generator.model import ConferenceData
from generator.outputs import CollectingSink
from generator.series.load import load_series
from generator.series.model import Series
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


def _series(data_dir: Path, moved_from_root: int) -> Series:
    series, diagnostics = load_series(data_dir)
    assert series is not None, diagnostics.sorted()
    return replace(series, moved_from_root=moved_from_root)


@pytest.mark.parametrize(
    ("year", "moved_from_root"),
    [(2026, 0), (2026, 2026), (2027, 0), (2027, 2027)],
    ids=["past", "past-moved-from-root", "current", "current-moved-from-root"],
)
def test_live_series_edit_writes_what_the_series_build_writes(
    tmp_path: Path, year: int, moved_from_root: int
) -> None:
    """An edit of one paper of an edition (2026 has no program) renders its pages and files
    as a full build of the series does, at the same addresses (redirects and copies too)."""
    data_dir = tmp_path / "data"
    shutil.copytree(EXAMPLE_SERIES, data_dir)
    series = _series(data_dir, moved_from_root)
    files = live_edits.papers_files(data_dir, series, live_edits.snapshots(data_dir))
    path = data_dir / str(year) / "papers.yaml"
    paper = next(e for e in series.editions if e.year == year).data.papers[1]
    # An award: the authors' pages list it (a title would disagree with the .bib entry).
    _edit(path, f"  - id: {paper.id}\n", f"  - id: {paper.id}\n    award: Wombat prize\n")

    edit = files[path].apply()
    assert edit is not None
    sink = CollectingSink()
    edited = live_edits.render_edit(series, edit, sink, 200_000, "en")

    reloaded = _series(data_dir, moved_from_root)
    (mine,) = (e.data for e in edited.editions if e.year == year)
    assert mine.papers[1] == next(e for e in reloaded.editions if e.year == year).data.papers[1]
    assert [e for e in edited.editions if e.year != year] == [
        e for e in series.editions if e.year != year
    ]
    full = render_outputs(reloaded, Diagnostics())
    built = {made.uri: made for made in (*full.pages, *full.files)}
    written = {made.uri: made for made in (*sink.pages, *sink.files)}
    assert f"{year}/papers/{paper.id}/index.md" in written
    assert len(edit.author_slugs) >= 1
    authors = {f"{year}/authors/{slug}/index.md" for slug in edit.author_slugs}
    assert authors <= written.keys()
    left = {f"papers/{paper.id}/index.html", f"papers/{paper.id}.bib"}
    assert (left <= written.keys()) == (year == moved_from_root)
    assert {uri: built.get(uri) for uri in written} == written
    assert "Wombat prize" in written[f"{year}/papers/{paper.id}/index.md"].html
