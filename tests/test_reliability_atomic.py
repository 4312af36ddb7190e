"""A failed `confsite build` leaves the previous site byte for byte; nothing is left behind.

Each test builds the toy conference into a project folder of its own (a copy of mkdocs.yml,
site_src/ and overrides/), breaks something, builds again with the real command line, and
compares every file of the site before and after.
"""

from __future__ import annotations

import shutil
import stat
import time
from pathlib import Path

import pytest
from conftest import ROOT, TOY_DATA, run_confsite


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A site project of its own: configuration, hand-written pages and the toy data."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("site_src", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copytree(TOY_DATA, tmp_path / "data")
    return tmp_path


def build(project: Path, *extra: str) -> tuple[int, str]:
    done = run_confsite("build", *extra, cwd=project)
    return done.returncode, done.stderr


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def leftovers(project: Path) -> list[str]:
    """Staging or retired folders beside the site (.site.new-*, .site.old-*)."""
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".site."))


def built_site(project: Path) -> dict[str, bytes]:
    code, stderr = build(project)
    assert code == 0, stderr
    before = snapshot(project / "site")
    assert "index.html" in before and "papers/tiny-tensors/index.html" in before
    return before


def test_atomic_bad_data_keeps_previous_site(project: Path) -> None:
    before = built_site(project)
    papers = project / "data" / "papers.yaml"
    papers.write_text(papers.read_text(encoding="utf-8") + "  - id: [broken\n", encoding="utf-8")

    code, stderr = build(project)

    assert code == 1
    assert "data/papers.yaml:" in stderr
    assert "the previous site is unchanged" in stderr
    assert "Traceback" not in stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_atomic_page_collision_inside_mkdocs_keeps_previous_site(project: Path) -> None:
    """The data is fine; MkDocs fails in the plugin's on_files (a hand-written page collides)."""
    before = built_site(project)
    collision = project / "site_src" / "program" / "index.md"
    collision.parent.mkdir()
    collision.write_text("# My own program page\n", encoding="utf-8")

    code, stderr = build(project)

    assert code == 1
    assert "site_src/program/index.md is hand-written" in stderr
    assert "the previous site is unchanged" in stderr
    assert "Traceback" not in stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_atomic_strict_failure_after_writing_pages_keeps_previous_site(project: Path) -> None:
    """Under --strict MkDocs aborts only at the end, after every page went to the staging folder."""
    before = built_site(project)
    (project / "site_src" / "broken.md").write_text(
        "# Broken\n\n[a link to nowhere](missing.md)\n", encoding="utf-8"
    )

    code, stderr = build(project, "--strict")

    assert code == 1
    assert "missing.md" in stderr
    assert "the previous site is unchanged" in stderr
    assert "Traceback" not in stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_atomic_success_replaces_the_whole_site(project: Path) -> None:
    built_site(project)
    (project / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    abstract = "Serving models on solar power."
    papers = project / "data" / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    assert text.count(abstract) == 1
    papers.write_text(text.replace(abstract, "Serving models on wind power."), encoding="utf-8")

    after = built_site(project)

    assert "stale.html" not in after
    # The retired site is deleted by a detached process, so the build need not wait for it.
    deadline = time.monotonic() + 30
    while leftovers(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(project) == []
    assert b"wind power" in after["papers/green-serving/index.html"]
    mode = stat.S_IMODE((project / "site").stat().st_mode)
    assert mode == 0o755  # readable by a web server, not mkdtemp's 0700


def test_atomic_missing_config_touches_nothing(project: Path) -> None:
    before = built_site(project)
    (project / "mkdocs.yml").unlink()

    code, stderr = build(project)

    assert code == 2
    assert "mkdocs.yml: error:" in stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_atomic_unwritable_site_folder_is_an_error_not_a_traceback(project: Path) -> None:
    (project / "blocker").write_text("a file where the site's parent folder should be")

    code, stderr = build(project, "--site-dir", "blocker/site")

    assert code == 1
    assert stderr.splitlines()[-1].startswith("blocker/site: error: build failed: ")
    assert "Traceback" not in stderr
    assert (project / "blocker").read_text() == "a file where the site's parent folder should be"


def test_atomic_retired_site_left_by_an_interrupted_run_is_removed(project: Path) -> None:
    built_site(project)
    interrupted = project / ".site.old-interrupted"  # as a run stopped mid-removal leaves it
    (interrupted / "papers").mkdir(parents=True)
    (interrupted / "papers" / "index.html").write_text("old", encoding="utf-8")

    built_site(project)

    deadline = time.monotonic() + 30
    while leftovers(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(project) == []
