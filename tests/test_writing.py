"""Files written on threads: all of them, with their folders, and errors not lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.writing import FileWriter


def test_writing_writes_every_file_with_its_folders(tmp_path: Path) -> None:
    with FileWriter(threads=3, pending=4) as files:
        for number in range(300):
            files.write(tmp_path / f"papers/p{number}/index.html", f"page {number}".encode())
            files.write(tmp_path / f"papers/p{number}.bib", b"@inproceedings{}")
    written = sorted(tmp_path.rglob("index.html"))
    assert len(written) == 300
    assert (tmp_path / "papers/p299/index.html").read_bytes() == b"page 299"
    assert len(list((tmp_path / "papers").glob("*.bib"))) == 300


def test_writing_error_is_raised_at_close(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be")
    files = FileWriter()
    files.write(tmp_path / "ok.txt", b"fine")
    files.write(tmp_path / "blocker" / "page" / "index.html", b"cannot be written")
    with pytest.raises(OSError):
        files.close()
    assert (tmp_path / "ok.txt").read_bytes() == b"fine"
