"""The shipped example as a series: `data/` (SysDL 2025, renamed SysML in 2026, and SysML 2027)
built with the repository's mkdocs.yml, as the README's build command builds it: every edition
at /<year>/, the series home and volumes, and each person's work joined across the editions."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from conftest import EXAMPLE_SERIES, build_site
from test_links import broken_links

from generator.series.load import load_series


@pytest.fixture(scope="module")
def example_series_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("example-series") / "site"
    result = build_site(EXAMPLE_SERIES, site)
    assert result.returncode == 0, result.stderr
    return site


def text_of(site: Path, path: str) -> str:
    document = lxml.html.parse(str(site / path / "index.html")).getroot()
    article = document.find_class("md-content")[0]
    return re.sub(r"\s+", " ", article.text_content()).replace("¶", "").strip()


def test_example_series_is_three_editions_renamed_once_without_warnings() -> None:
    series, diagnostics = load_series(EXAMPLE_SERIES)
    assert [str(d) for d in diagnostics.sorted()] == []
    assert series is not None
    assert [e.year for e in series.editions] == [2027, 2026, 2025]
    assert series.current == 2027
    assert [(n.name, n.since, n.until) for n in series.names] == [
        ("SysDL", 2025, 2025),
        ("SysML", 2026, 0),
    ]


def test_example_series_home_lists_every_edition_current_first(
    example_series_site: Path,
) -> None:
    home = text_of(example_series_site, "")
    assert "SysDL (2025), SysML (since 2026)" in home
    editions = [home.index(name) for name in ("SysML 2027", "SysML 2026", "SysDL 2025")]
    assert editions == sorted(editions)
    assert "48 papers" in home and "4 papers" in home and "3 papers" in home
    for year in (2025, 2026, 2027):
        assert (example_series_site / str(year) / "proceedings" / "index.html").is_file()
    assert (example_series_site / "2027" / "program" / "index.html").is_file()
    volumes = text_of(example_series_site, "volumes/")
    assert "SysDL 2025" in volumes and "SysML 2026" in volumes and "SysML 2027" in volumes


def test_example_series_person_pages_join_work_across_editions(
    example_series_site: Path,
) -> None:
    maya = text_of(example_series_site, "people/maya-chen/")
    for work in (
        "Searching Loop Nests with a Learned Cost Model",  # SysDL 2025
        "Saturating Schedules: Equality Graphs for Tensor Layouts",  # SysML 2026
        "Program committee",  # SysML 2026
        "Tessera: Auto-Scheduling Tensor Programs",  # SysML 2027
    ):
        assert work in maya
    assert maya.index("SysML 2027") < maya.index("SysML 2026") < maya.index("SysDL 2025")
    # The same ORCID iD is the same person, shown as most recently written.
    jonas = text_of(example_series_site, "people/jonas-muller/")
    assert jonas.startswith("Jonas Müller Also written Jonas Muller")
    assert "Where the Bandwidth Goes" in jonas and "Saturating Schedules" in jonas
    # people.yaml: a variant with a middle initial is the same person ...
    kai = text_of(example_series_site, "people/kai-tanaka/")
    assert "Also written Kai J. Tanaka" in kai and "Searching Loop Nests" in kai
    # ... and two people who share a name stay two.
    chen = text_of(example_series_site, "people/chen-wei/")
    compilers = text_of(example_series_site, "people/chen-wei-compilers/")
    assert "KVSwap" in chen and "Graph Rewrites" not in chen
    assert "Graph Rewrites for Fused Attention Kernels" in compilers and "KVSwap" not in compilers


def test_example_series_links_all_resolve(example_series_site: Path) -> None:
    assert broken_links(example_series_site) == []


def test_example_series_says_not_scheduled_only_where_there_is_a_program(
    example_series_site: Path,
) -> None:
    unscheduled = "Not scheduled in the program."
    assert unscheduled in text_of(example_series_site, "2027/papers/foresight-sim")
    assert unscheduled not in text_of(example_series_site, "2025/papers/loop-nest-search")
    assert "Presented in" not in text_of(example_series_site, "2025/papers/loop-nest-search")
