"""Pages and downloads written with their folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.writing import FileWriter


def test_writing_writes_every_file_with_its_folders(tmp_path: Path) -> None:
    files = FileWriter()
    for number in range(50):
        files.write(tmp_path / f"papers/p{number}/index.html", f"page {number}".encode())
        files.write(tmp_path / f"papers/p{number}.bib", b"@inproceedings{}")
    assert len(list(tmp_path.rglob("index.html"))) == 50
    assert (tmp_path / "papers/p49/index.html").read_bytes() == b"page 49"
    assert len(list((tmp_path / "papers").glob("*.bib"))) == 50


def test_writing_error_is_raised(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be")
    with pytest.raises(OSError):
        FileWriter().write(tmp_path / "blocker" / "page" / "index.html", b"cannot be written")
