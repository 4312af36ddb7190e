"""Real .bib files of tests/data/reference/bibtex imported into a fresh data folder, in-process
(`confsite import bibtex` as a function), for tests that need their model."""

from __future__ import annotations

import io
import re
from pathlib import Path

from conftest import REFERENCE

from generator.importers import run_import
from generator.model import ConferenceData
from generator.validate import load_and_validate

BIBTEX = REFERENCE / "bibtex"
CONFERENCE = """name: {name}
year: {year}
title: "{name} {year}"
timezone: UTC
start: {year}-12-01
end: {year}-12-03
venue: Reference Hall
url: https://reference-proceedings.test/{year}/
"""


def conference_yaml(stem: str) -> str:
    """A conference.yaml for the file: its name, and the year in it (2008 for the ACM sample,
    whose volume is CHI '08)."""
    found = re.search(r"\d{4}", stem)
    name = re.sub(r"[^A-Za-z]", "", stem.split("-")[0].rstrip("0123456789")).upper()
    return CONFERENCE.format(name=name, year=found.group(0) if found else "2008")


def imported_model(source: Path, root: Path) -> ConferenceData:
    data = root / "data"
    data.mkdir(parents=True)
    (data / "conference.yaml").write_text(conference_yaml(source.stem), encoding="utf-8")
    outcome = run_import("bibtex", source, data, progress_stream=io.StringIO())
    assert outcome.ok, outcome.lines()
    model, diagnostics = load_and_validate(data)
    assert model is not None, [str(d) for d in diagnostics.sorted()]
    return model
