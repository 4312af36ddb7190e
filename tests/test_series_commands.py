"""Commands that write one edition's files, given a series: `confsite import` and `confsite
release` work in the current edition's folder and say so, and `confsite check` warns about an
edition's file left at the series' top, where nothing reads it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_confsite
from series_data import SERIES_DATA

IMPORTED = Path(__file__).parent / "data" / "series" / "2029" / "proceedings.bib"


def test_series_import_writes_into_the_current_edition(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SERIES_DATA, data)
    before = (data / "2030" / "papers.yaml").read_text(encoding="utf-8")

    done = run_confsite("import", "bibtex", str(IMPORTED), "--data", "data", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        "confsite import: data is a series: working in data/2030, the current edition "
        "(give --data data/YEAR for another edition)"
    )
    assert not (data / "papers.yaml").exists()
    after = (data / "2030" / "papers.yaml").read_text(encoding="utf-8")
    assert after != before and "id: learned-schedulers" in after
    checked = run_confsite("check", "--data", "data", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_series_release_records_the_current_editions_program(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SERIES_DATA, data)

    done = run_confsite("release", "--data", "data", "--date", "2030-05-01 12:00", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert (data / "2030" / "releases.yaml").is_file()
    assert not (data / "releases.yaml").exists()


def test_series_check_warns_about_edition_files_at_the_top(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SERIES_DATA, data)
    shutil.copy(data / "2030" / "papers.yaml", data / "papers.yaml")
    shutil.copy(data / "2029" / "proceedings.bib", data / "proceedings.bib")

    done = run_confsite("check", "--data", "data", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    moved = (
        "warning: in a series each edition keeps its files in its own folder (data/<year>/); "
        "this file is not read: move it into its edition's folder"
    )
    assert f"data/papers.yaml: {moved}" in done.stderr.splitlines()
    assert f"data/proceedings.bib: {moved}" in done.stderr.splitlines()
