"""`confsite import-edition FILE.bib`: a past edition from its proceedings .bib alone, here
PMLR's CPAL 2026 volume (tests/data/reference/bibtex/cpal2026.bib, a real file), imported into
the test series and built: its volume, paper pages and people, and no program pages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE, run_confsite, site_config
from series_data import SERIES_DATA, copy_series
from test_links import broken_links
from test_series_site import ARCHIVED_EDITION, archived_edition, page, texts

from generator.series.import_edition import import_edition
from generator.series.load import load_series

CPAL = REFERENCE / "bibtex" / "cpal2026.bib"
SMALL = """% A fictional two-paper volume.
@proceedings{tiny{year},
  title = {{Proceedings of TinyML {year}}},
  booktitle = {Proceedings of TinyML {year}},
  editor = {Berg, Tom},
  year = {{year}},
  publisher = {TinyML},
  address = {Vila Nova, Portugal}
}

@inproceedings{small-models,
  title = {Small Models},
  author = {Wong, Mia},
  booktitle = {Proceedings of TinyML {year}},
  year = {{year}}
}
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("imported")
    shutil.copytree(SERIES_DATA, root / "data")
    made = run_confsite("import-edition", str(CPAL), "--data", "data", cwd=root)
    checked = run_confsite("check", "--data", "data", cwd=root)
    # Not --strict: the volume holds an author's own command (\Algn), and the test series'
    # address is on example.org; check warns of both, as it should.
    config = site_config(root / "config", root / "data")
    built = run_confsite(
        "build", "--data", "data", "--site-dir", "site", "--config-file", str(config), cwd=root
    )
    return {"root": root, "made": made, "checked": checked, "built": built}


def test_import_edition_writes_an_archived_edition(imported: dict[str, Any]) -> None:
    made, root = imported["made"], imported["root"]
    assert made.returncode == 0, made.stderr
    lines = made.stderr.splitlines()
    assert lines[-1] == (
        "2026 is an archived edition (the current one stays 2030); next: confsite check"
    )
    assert (
        "imported 54, updated 0, unchanged 0; skipped 0 not accepted and 0 unreadable; read as "
        "UTF-8; wrote data/2026/papers.yaml, data/2026/proceedings.bib"
    ) in lines
    assert sorted(p.name for p in (root / "data" / "2026").iterdir()) == [
        "conference.yaml",
        "papers.yaml",
        "proceedings.bib",
    ]
    series_file = (root / "data" / "series.yaml").read_bytes()
    assert series_file == (SERIES_DATA / "series.yaml").read_bytes()
    conference = (root / "data" / "2026" / "conference.yaml").read_text(encoding="utf-8")
    assert conference.splitlines()[3:] == [
        'name: "CPAL"',
        "year: 2026",
        'title: "Third Conference on Parsimony and Learning"',
        "timezone: UTC  # not in the .bib; only a program's times need it",
        "start: 2026-03-23",
        "end: 2026-03-24",
        "venue:",
        '  name: "Tübingen"',
        '  country: "Germany"',
        'url: "https://toy.example.org/2026/"  # the series serves each edition at its url + year',
    ]


def test_import_edition_passes_check(imported: dict[str, Any]) -> None:
    checked = imported["checked"]
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.splitlines() == [
        "data/2026/conference.yaml:13: warning: 'url' 'https://toy.example.org/2026/' is an "
        "example address (toy.example.org is reserved for examples and is nobody's site); use "
        "the real one",
        "data/2026/papers.yaml:567: warning: paper 'tupitsa26': abstract: unknown command "
        "'\\Algn': it is left out of the page; write it as text or with a standard command",
        "0 error(s), 2 warning(s)",
        "data: ok",
    ]


def test_import_edition_site_has_volume_papers_and_people(imported: dict[str, Any]) -> None:
    assert imported["built"].returncode == 0, imported["built"].stderr
    site = imported["root"] / "site"
    paper = page(site, "2026/papers/chen26a")
    assert texts(paper, "//h1") == [
        "Semantic Homogeneity As Demonstration: Batch-Structured Semi-Supervised In-Context "
        "Learning for Natural Language Understanding"
    ]
    assert texts(paper, '//ul[@class="cs-authors"]/li/a[1]') == [
        "Cheng Chen",
        "Yuangang Pan",
        "Ivor Tsang",
    ]
    proceedings = page(site, "2026/proceedings")
    assert len(proceedings.xpath('//article//a[contains(@href, "../papers/")]')) == 54
    volume = (site / "2026" / "proceedings" / "proceedings.bib").read_text(encoding="utf-8")
    assert volume.startswith("@Proceedings{CPAL2026,")
    volumes = page(site, "volumes")
    assert texts(volumes, '//ul[@class="cs-volumes"]/li')[-1] == (
        "Conference on Parsimony and Learning (2026) 54 papers; BibTeX of this volume"
    )
    home = page(site, "")
    assert texts(home, '//ul[@class="cs-editions"]/li')[-1] == (
        "CPAL 2026 23–24 March 2026, Tübingen, Germany; 54 papers"
    )
    chen = page(site, "people/cheng-chen")
    assert texts(chen, "//article/h2") == ["CPAL 2026"]
    assert chen.xpath('//article//a[@class="cs-paper__title"]/@href') == [
        "../../2026/papers/chen26a/"
    ]


def test_import_edition_has_no_program_pages_and_no_broken_links(
    imported: dict[str, Any],
) -> None:
    site = imported["root"] / "site"
    assert archived_edition(site / "2026") == ARCHIVED_EDITION
    assert broken_links(site) == []


def test_import_edition_newest_becomes_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy_series(tmp_path, monkeypatch)
    source = tmp_path / "tiny2031.bib"
    source.write_text(SMALL.replace("{year}", "2031"), encoding="utf-8")
    outcome = import_edition(source, data)
    # What the volume does not say is left to fill in, and `check --strict` lists it.
    assert [str(d) for d in outcome.diagnostics.sorted()] == [
        "data/2031/conference.yaml:8: warning: 'start' '2031-01-01' is still the new site's "
        "placeholder (marked '# change me'); set it, then delete the mark",
        "data/2031/conference.yaml:9: warning: 'end' '2031-01-01' is still the new site's "
        "placeholder (marked '# change me'); set it, then delete the mark",
        "data/2031/conference.yaml:13: warning: 'url' 'https://toy.example.org/2031/' is an "
        "example address (toy.example.org is reserved for examples and is nobody's site); use "
        "the real one",
        "data/2031/papers.yaml:3: warning: paper 'small-models': no abstract",
    ]
    assert (outcome.year, outcome.current) == (2031, 2031)
    assert outcome.wrote == [
        "data/2031/conference.yaml",
        "data/2031/papers.yaml",
        "data/2031/proceedings.bib",
        "data/series.yaml",
    ]
    series, diagnostics = load_series(data)
    assert series is not None, [str(d) for d in diagnostics.sorted()]
    assert series.current == 2031
    edition = series.current_edition.data
    assert (edition.conference.name, edition.conference.title) == (
        "ToyConf",
        "Proceedings of TinyML 2031",
    )
    assert edition.conference.venue.name == "Vila Nova"
    assert "start: 2031-01-01  # change me: not in the .bib" in (
        data / "2031" / "conference.yaml"
    ).read_text(encoding="utf-8")


def _errors(source: Path, data: Path, year: int | None = None) -> list[str]:
    outcome = import_edition(source, data, year)
    assert not outcome.ok and outcome.wrote == []
    return [str(d) for d in outcome.diagnostics.sorted() if d.severity.value == "error"]


def test_import_edition_errors_name_the_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy_series(tmp_path, monkeypatch)
    before = sorted(p.name for p in data.iterdir())
    empty = Path("empty.bib")
    empty.write_text("% nothing but a comment\n", encoding="utf-8")
    volume_only = Path("volume.bib")
    volume_only.write_text(SMALL.replace("{year}", "2019").split("@inproceedings")[0])
    taken = Path("tiny2029.bib")
    taken.write_text(SMALL.replace("{year}", "2029"), encoding="utf-8")
    no_paper = (
        "error: no paper entries: a proceedings .bib holds one @proceedings entry for the "
        "volume and an @inproceedings entry for each paper"
    )
    assert _errors(empty, data) == [f"empty.bib:1: {no_paper}"]
    assert _errors(volume_only, data) == [f"volume.bib:1: {no_paper}"]
    assert _errors(Path("missing.bib"), data) == [
        "missing.bib: error: cannot read the file: No such file or directory"
    ]
    assert _errors(taken, data) == [
        "data/2029/conference.yaml:1: error: edition 2029 already has its data in data/2029; "
        "to merge these papers into it, run `confsite import bibtex FILE --data data/2029`"
    ]
    assert _errors(taken, data, 2019) == [
        "tiny2029.bib:6: error: entry 'tiny2029': 'year' 2029 differs from --year 2019; an "
        "edition's folder is named by its year"
    ]
    assert _errors(taken, Path("data/2029")) == [
        "data/2029: error: not a series (no series.yaml); a past edition goes into a series' "
        "folder: see the organizer guide, 'Series', to make one"
    ]
    assert sorted(p.name for p in data.iterdir()) == before


def test_import_edition_command_reports_without_a_traceback(tmp_path: Path) -> None:
    shutil.copytree(SERIES_DATA, tmp_path / "data")
    (tmp_path / "broken.bib").write_text("@inproceedings{x, title = {Open\n", encoding="utf-8")
    result = run_confsite("import-edition", "broken.bib", "--year", "2019", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-2:] == [
        "broken.bib:1: error: no paper entries: a proceedings .bib holds one @proceedings entry "
        "for the volume and an @inproceedings entry for each paper",
        "1 error(s), 0 warning(s)",
    ]
    assert not (tmp_path / "data" / "2019").exists()
