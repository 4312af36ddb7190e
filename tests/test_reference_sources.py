"""tests/data/reference/SOURCES.md names the source of every real file the tests read."""

from __future__ import annotations

import re

from conftest import REFERENCE


def test_every_reference_file_has_its_source_and_terms_in_sources_md() -> None:
    table = (REFERENCE / "SOURCES.md").read_text()
    listed = set()
    for row in re.findall(r"(?m)^\| (`[^|]+`) \|", table):
        listed.update(re.findall(r"`([^`]+)`", row))
    files = {
        str(path.relative_to(REFERENCE))
        for path in REFERENCE.rglob("*")
        if path.is_file() and path.name != "SOURCES.md"
    }
    assert sorted(files - listed) == []
    assert sorted(listed - files) == []
