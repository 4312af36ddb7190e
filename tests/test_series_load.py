"""A series' data folder: series.yaml, people.yaml and one folder per edition, each edition
through the single-edition loader, every problem of every file reported with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TOY_DATA, run_confsite
from series_data import SERIES_DATA, copy_series, edit

from generator.model import ConferenceData
from generator.series.load import load_series, load_site
from generator.series.model import Series


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_series(tmp_path, monkeypatch)


def messages(data: Path) -> list[str]:
    return [str(d) for d in load_series(data)[1].sorted()]


def test_series_load_reads_every_edition_newest_first(data: Path) -> None:
    series, diagnostics = load_series(data)
    assert diagnostics.sorted() == []
    assert isinstance(series, Series)
    assert [e.year for e in series.editions] == [2030, 2029, 2028]
    assert [e.data.conference.short_title for e in series.editions] == [
        "ToyConf 2030",
        "ToySys 2029",
        "ToySys 2028",
    ]
    assert series.current_edition.year == 2030
    assert [(n.name, n.since, n.until) for n in series.names] == [
        ("ToySys", 2028, 2029),
        ("ToyConf", 2030, 0),
    ]
    assert [series.name_in(y) for y in (2028, 2029, 2030, 2031)] == [
        "ToySys",
        "ToySys",
        "ToyConf",
        "ToyConf",
    ]
    # Each edition is served at the series' address plus its year.
    assert [e.data.conference.url for e in series.editions] == [
        "https://toy.example.org/2030/",
        "https://toy.example.org/2029/",
        "https://toy.example.org/2028/",
    ]
    assert [rule.id for rule in series.people] == ["jose-alvarez", "chen-li-systems", "chen-li"]


def test_series_load_without_series_file_is_one_edition() -> None:
    data, diagnostics = load_site(TOY_DATA)
    assert isinstance(data, ConferenceData)
    assert diagnostics.sorted() == []


def test_series_load_reports_every_file_with_lines(data: Path) -> None:
    edit(data / "series.yaml", "current: 2030", "current: 2031")
    edit(data / "series.yaml", "url: https://toy.example.org/", "url: toy.example.org")
    edit(data / "series.yaml", "since: 2030", "since: 2029")
    edit(data / "series.yaml", "moved_from_root: 2030", "moved_from_root: 2030\ncolour: blue")
    edit(data / "2029" / "conference.yaml", "year: 2029", "year: 2027")
    edit(data / "2028" / "papers.yaml", "topics: [systems]", "topics: [system]")
    (data / "conference.yaml").write_text("name: Stray\n", encoding="utf-8")
    edit(data / "people.yaml", "  - id: chen-li\n", "  - id: Chen\n    orcid: 1234\n")
    assert messages(data) == [
        "data/2028/papers.yaml:11: error: paper 'sparse-kernels': topic 'system' is not defined "
        "in conference.yaml (did you mean 'systems'?) (known: systems)",
        "data/2029/conference.yaml:3: error: conference: 'year' 2027 differs from its folder's "
        "name '2029'; an edition's folder is named by its year",
        "data/2029/conference.yaml:3: warning: conference: 'year' 2027 differs from the year of "
        "'start'",
        "data/conference.yaml: warning: in a series each edition keeps its files in its own "
        "folder (data/<year>/); this file is not read: move it into its edition's folder",
        "data/people.yaml:13: error: person 'Chen': 'id' is not a valid id; use lowercase "
        "letters, digits, '-' and '_', starting with a letter or digit (for example 'chen')",
        "data/people.yaml:14: error: person 'Chen': 'orcid' '1234' is not an ORCID iD (16 digits "
        "in groups of four: 0000-0002-1825-0097)",
        "data/series.yaml:5: error: series: 'url' must be the full address of the site "
        "(https://...)",
        "data/series.yaml:6: error: series: 'current' 2031 is not an edition (folders: 2028, "
        "2029, 2030)",
        "data/series.yaml:10: error: series: unknown key 'colour'; allowed keys: name, url, "
        "description, current, names, moved_from_root",
        "data/series.yaml:16: error: series name 'ToyConf': 'since' 2029 overlaps the name "
        "before it; list the names oldest first, each 'since' after the previous 'until'",
    ]


def test_series_load_people_file_names_papers_of_editions(data: Path) -> None:
    edit(
        data / "people.yaml", "    name: Chen Li\n", "    name: Chen Li\n    papers: [2029/nope]\n"
    )
    assert messages(data) == [
        "data/people.yaml:10: error: person 'chen-li-systems': paper '2029/nope' is not a paper "
        "of any edition",
    ]


def test_series_load_without_editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copy(SERIES_DATA / "series.yaml", tmp_path / "data")
    assert messages(Path("data")) == [
        "data/series.yaml:3: error: series: no edition folders; put each edition's files in a "
        "folder named by its year (data/2026/conference.yaml, ...)",
    ]


def test_series_check_command_lists_problems_of_all_editions(data: Path) -> None:
    edit(data / "2028" / "papers.yaml", "topics: [systems]", "topics: [system]")
    edit(data / "series.yaml", "current: 2030", "current: 2031")
    result = run_confsite("check", "--data", "data", cwd=Path.cwd())
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/2028/papers.yaml:11: error: paper 'sparse-kernels': topic 'system' is not defined "
        "in conference.yaml (did you mean 'systems'?) (known: systems)",
        "data/series.yaml:6: error: series: 'current' 2031 is not an edition (folders: 2028, "
        "2029, 2030)",
        "2 error(s), 0 warning(s)",
    ]


def test_series_check_command_passes_the_test_series() -> None:
    result = run_confsite("check", "--strict", "--data", str(SERIES_DATA))
    assert result.returncode == 0, result.stderr


def test_series_load_warns_of_a_bibtex_key_in_two_editions(data: Path) -> None:
    edit(data / "2029" / "papers.yaml", "id: quantised-serving", "id: cache-models")
    assert messages(data) == [
        "data/2029/papers.yaml:14: warning: BibTeX key 'cache-models' is also used in 2028; the "
        "series' BibTeX holds every edition's entries, so give this one a key of its own",
    ]
