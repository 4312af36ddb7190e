"""The second core: rendering beside the main process gives the same result, errors included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import parallel
from generator.outputs import BuildResult, GeneratedFile
from generator.pages import render_site
from generator.validate import load_and_validate

EXAMPLE = Path(__file__).resolve().parent.parent / "data"


def _render(monkeypatch: pytest.MonkeyPatch, jobs: str) -> BuildResult:
    monkeypatch.setenv(parallel.JOBS_ENV, jobs)
    data, _diagnostics = load_and_validate(EXAMPLE)
    assert data is not None
    result = BuildResult()
    render_site(data, result)
    return result


def test_parallel_render_equals_sequential_render(monkeypatch: pytest.MonkeyPatch) -> None:
    sequential = _render(monkeypatch, "1")
    beside = _render(monkeypatch, "2")
    assert [p.uri for p in beside.pages] == [p.uri for p in sequential.pages]
    assert beside.pages == sequential.pages
    assert beside.files == sequential.files


def test_parallel_child_results_follow_the_parent_s(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.JOBS_ENV, "2")
    results = parallel.run_streams(["a", "b"], lambda name: (name, os.getpid()))
    assert [name for name, _pid in results] == ["a", "b"]
    assert results[1][1] != results[0][1]  # run in another process


def test_parallel_stream_pages_and_files_keep_site_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.JOBS_ENV, "2")
    result = BuildResult()
    result.files.append(GeneratedFile("eager.txt", ""))
    result.streams += [
        lambda sink: sink.file(GeneratedFile("first.txt", str(os.getpid()))),
        lambda sink: sink.file(GeneratedFile("second.txt", str(os.getpid()))),
    ]
    parallel.collect(result)
    assert [f.uri for f in result.files] == ["eager.txt", "first.txt", "second.txt"]
    assert result.files[1].content != result.files[2].content
    assert result.streams == []


def test_parallel_error_in_the_child_is_raised_by_the_parent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(parallel.JOBS_ENV, "2")

    def broken() -> None:
        raise ValueError("bad session")

    beside = parallel.Beside(broken)
    with pytest.raises(ValueError, match="bad session"):
        beside.join()
