"""Incremental builds (generator/build_cache.py): editions whose inputs did not change are
replayed from the build cache instead of rendered, and the site is the same bytes as a clean
build's. Real `mkdocs build --strict` runs of the shipped example series, and the core's own
build for what decides a replay."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_DATA, EXAMPLE_SERIES, build_site
from series_data import edit

from generator import build_cache
from generator.build import build_outputs
from generator.load.digest import folder_digest, read_with_digest
from generator.options import BuildOptions
from generator.outputs import BuildResult
from generator.validate import load_and_validate

REPLAYED = "Replayed from the build cache: "
EDITED_ABSTRACT = "Edited for the cache test."


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def replayed(stderr: str) -> list[str]:
    """The editions a build's log says it replayed ([] when it names none)."""
    lines = [line for line in stderr.splitlines() if REPLAYED in line]
    assert len(lines) <= 1, lines
    return lines[0].split(REPLAYED, 1)[1].strip().split(", ") if lines else []


def edit_first_abstract(papers: Path) -> None:
    """The first abstract's first line replaced (its indentation kept)."""
    text = papers.read_text(encoding="utf-8")
    start = text.index("abstract: |\n") + len("abstract: |\n")
    line = text[start : text.index("\n", start)]
    edit(papers, line, line[: len(line) - len(line.lstrip())] + EDITED_ABSTRACT)


def test_incremental_build_equals_a_clean_build(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", str(tmp_path / "cache")
    shutil.copytree(EXAMPLE_SERIES, data)

    def built(name: str, **options: object) -> dict[str, bytes]:
        done = build_site(data, tmp_path / name / "site", **options)
        assert done.returncode == 0, done.stderr
        builds[name] = replayed(done.stderr)
        return tree(tmp_path / name / "site")

    builds: dict[str, list[str]] = {}
    cold = built("cold", cache_dir=cache)
    assert built("warm", cache_dir=cache) == cold
    edit_first_abstract(data / "2026" / "papers.yaml")
    incremental = built("incremental", cache_dir=cache)
    shutil.rmtree(cache)  # the same configuration, nothing to replay: a clean build
    clean = built("clean", cache_dir=cache)
    assert builds == {
        "cold": [],
        "warm": ["2027", "2026", "2025"],
        "incremental": ["2027", "2025"],  # 2026 rendered again
        "clean": [],
    }
    assert incremental.keys() == clean.keys()
    assert [uri for uri in incremental if incremental[uri] != clean[uri]] == []
    changed = [uri for uri in incremental if incremental[uri] != cold.get(uri)]
    assert any(uri.startswith("2026/papers/") for uri in changed), changed
    assert not any(uri.startswith(("2025/", "2027/")) for uri in changed), changed
    assert any(EDITED_ABSTRACT.encode() in incremental[uri] for uri in changed)


def test_a_build_without_the_cache_writes_none(tmp_path: Path) -> None:
    done = build_site(EXAMPLE_SERIES, tmp_path / "site", cache=False)
    assert done.returncode == 0, done.stderr
    assert replayed(done.stderr) == []
    assert not (tmp_path / "site.config" / ".cache").exists()


def core_build(data: Path, cache: Path, **options: Any) -> BuildResult:
    result = build_outputs(BuildOptions(data_dir=data, cache_dir=cache, **options))
    assert result.ok, result.diagnostics.sorted()
    return result


def rendered(result: BuildResult) -> list[tuple[str, str | bytes]]:
    return [(p.uri, p.html) for p in result.pages] + [(f.uri, f.content) for f in result.files]


@pytest.fixture
def series(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE_SERIES, tmp_path / "data")
    return tmp_path / "data"


def test_a_replayed_build_renders_the_same_pages(series: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = core_build(series, cache)
    again = core_build(series, cache)
    assert first.from_cache == []
    assert again.from_cache == ["2027", "2026", "2025"]
    assert rendered(again) == rendered(first)
    assert rendered(again) == rendered(core_build(series, tmp_path / "elsewhere"))


CHANGES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "an edition's paper": (
        lambda data: edit_first_abstract(data / "2025" / "papers.yaml"),
        ["2027", "2026"],
    ),
    "any file of an edition": (
        lambda data: (data / "2026" / "notes.txt").write_text("x", encoding="utf-8"),
        ["2027", "2025"],
    ),
    "series.yaml": (lambda data: edit(data / "series.yaml", "\n", "\n# a comment\n"), []),
    "people.yaml": (lambda data: edit(data / "people.yaml", "\n", "\n# a comment\n"), []),
}


@pytest.mark.parametrize("change", CHANGES)
def test_what_changes_an_editions_key(series: Path, tmp_path: Path, change: str) -> None:
    cache = tmp_path / "cache"
    core_build(series, cache)
    apply, replayed_after = CHANGES[change]
    apply(series)
    assert core_build(series, cache).from_cache == replayed_after


def test_options_that_change_the_output_change_the_key(series: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    core_build(series, cache)
    assert core_build(series, cache, jobs=1, frames=False).from_cache == ["2027", "2026", "2025"]
    assert core_build(series, cache, language="de").from_cache == []
    assert core_build(series, cache, page_budget=5_000).from_cache == []
    assert core_build(series, cache, build_date=86_400).from_cache == []


def test_an_entry_cut_short_is_rendered_again(series: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = core_build(series, cache)
    (stream,) = [p for p in cache.glob("2026-*/stream-1.pickle")]
    stream.write_bytes(stream.read_bytes()[:-1])  # the end marker lost
    (other,) = [p for p in cache.glob("2025-*/stream-0.pickle")]
    other.unlink()
    again = core_build(series, cache)
    assert again.from_cache == ["2027"]
    assert rendered(again) == rendered(first)
    assert core_build(series, cache).from_cache == ["2027", "2026", "2025"]


def test_old_entries_of_an_edition_are_pruned(series: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for number in range(4):
        edit(series / "2026" / "papers.yaml", "\n", f"\n# edit {number}\n")
        core_build(series, cache)
    assert len(list(cache.glob("2026-*"))) == build_cache.KEEP
    assert len(list(cache.glob("2025-*"))) == 1


def test_a_single_edition_is_replayed_too(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_DATA, tmp_path / "data")
    cache = tmp_path / "cache"
    first = core_build(tmp_path / "data", cache)
    again = core_build(tmp_path / "data", cache)
    assert (first.from_cache, again.from_cache) == ([], ["site"])
    assert rendered(again) == rendered(first)


def test_a_cache_that_cannot_be_written_is_no_cache(series: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    first = core_build(series, blocked)
    again = core_build(series, blocked)
    assert again.from_cache == []
    assert rendered(again) == rendered(first)


def test_a_model_read_while_its_files_changed_has_no_digest(tmp_path: Path) -> None:
    (tmp_path / "papers.yaml").write_text("before", encoding="utf-8")

    def read_and_save_meanwhile() -> str:
        (tmp_path / "papers.yaml").write_text("after", encoding="utf-8")
        return "model"

    assert read_with_digest(read_and_save_meanwhile, lambda: folder_digest(tmp_path)) == (
        "model",
        "",
    )
    value, digest = read_with_digest(lambda: "model", lambda: folder_digest(tmp_path))
    assert (value, len(digest)) == ("model", 64)


def test_a_model_without_a_digest_is_neither_replayed_nor_recorded(tmp_path: Path) -> None:
    data, _ = load_and_validate(EXAMPLE_DATA)
    assert data is not None and data.inputs
    cache = tmp_path / "cache"
    options = BuildOptions(data_dir=EXAMPLE_DATA, cache_dir=cache)
    changed = dataclasses.replace(data, inputs="")  # as a live edit leaves it
    result = build_cache.plan_edition(changed, options, "site")
    assert result.from_cache == [] and not cache.exists()
    build_cache.plan_edition(data, options, "site")
    assert cache.exists()
    assert build_cache.plan_edition(changed, options, "site").from_cache == []
