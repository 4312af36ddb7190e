"""`confsite new-edition YEAR`: the next edition from the current one's facts becomes current;
every page of the series before it keeps its address."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
from conftest import build_site, run_confsite
from series_data import SERIES_DATA
from test_series_redirects import arrive, sitemap_paths

SITE_URL = "https://toy.example.org/"


def test_series_new_edition_becomes_current_and_old_urls_stay(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SERIES_DATA, data)
    before = tmp_path / "before"
    assert build_site(data, before).returncode == 0

    made = run_confsite("new-edition", "2031", "--data", "data", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stderr.splitlines() == [
        "wrote data/2031/conference.yaml",
        "wrote data/2031/papers.yaml",
        "wrote data/series.yaml",
        "2031 is the current edition; next: confsite check --strict",
    ]
    conference = (data / "2031" / "conference.yaml").read_text(encoding="utf-8")
    assert "year: 2031\n" in conference
    assert "start: 2031-06-03  # change me: moved on from 2030\n" in conference
    assert 'date: "2031-01-15 23:59"  # change me: moved on from 2030\n' in conference
    assert "current: 2031\n" in (data / "series.yaml").read_text(encoding="utf-8")
    checked = run_confsite("check", "--strict", "--data", "data", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr

    after = tmp_path / "after"
    built = build_site(data, after)
    assert built.returncode == 0, built.stderr
    paths = sitemap_paths(before, SITE_URL)
    assert {path: arrive(after, path)[0] for path in paths} == {path: path for path in paths}
    assert set(paths) < set(sitemap_paths(after, SITE_URL))
    home = lxml.html.fromstring((after / "index.html").read_bytes())
    assert home.xpath(
        '//nav[contains(@class, "md-tabs")]//a[normalize-space()="Program"]/@href'
    ) == ["2031/program/"]
    assert home.xpath('//ul[@class="cs-editions"]/li/@id') == [
        "edition-2031",
        "edition-2030",
        "edition-2029",
        "edition-2028",
    ]


def test_series_new_edition_refuses_a_past_year_and_a_single_edition(tmp_path: Path) -> None:
    shutil.copytree(SERIES_DATA, tmp_path / "data")
    past = run_confsite("new-edition", "2030", "--data", "data", cwd=tmp_path)
    assert (past.returncode, past.stderr) == (
        1,
        "data: error: the new edition's year must come after the newest one, 2030\n",
    )
    (tmp_path / "data" / "series.yaml").unlink()
    single = run_confsite("new-edition", "2031", "--data", "data", cwd=tmp_path)
    assert (single.returncode, single.stderr) == (
        1,
        "data: error: not a series (no series.yaml); see the organizer guide, 'Series', to "
        "make one\n",
    )
