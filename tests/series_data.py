"""The test series (tests/data/series/): where it is, and a copy of it to mutate."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

SERIES_DATA = ROOT / "tests" / "data" / "series"


def copy_series(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test series at ./data in ``tmp_path`` (made the working folder), so
    messages name data/... ."""
    shutil.copytree(SERIES_DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return Path("data")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a data file (which must hold it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
