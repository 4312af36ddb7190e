"""Reading the data folder: each file into raw values that remember their lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import load_yaml_file, read_data_file

REQUIRED_FILES = ("conference.yaml", "papers.yaml")
OPTIONAL_FILES = (
    "program.yaml",
    "committee.yaml",
    "speakers.yaml",
    "sponsors.yaml",
    "releases.yaml",
)
BIBTEX_FILE = "proceedings.bib"


@dataclass
class Sources:
    """The data folder as read: YAML roots by file name, the BibTeX text, display paths."""

    data_dir: Path
    yaml: dict[str, Any]
    present: set[str]
    bibtex: str | None
    broken: set[str] = field(default_factory=set)
    """Files present but unreadable (bad bytes, YAML syntax): already reported, so the
    validators skip them instead of adding "the file is empty" or dangling-reference noise."""

    def usable(self, name: str) -> bool:
        """True when ``name`` exists and was read without a load error."""
        return name in self.present and name not in self.broken

    def path(self, name: str) -> str:
        """How messages name a data file: relative to the working folder when possible."""
        return display_path(self.data_dir / name)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_sources(data_dir: Path, diagnostics: Diagnostics) -> Sources:
    """Read every data file; missing required files and unreadable bytes are diagnostics."""
    sources = Sources(data_dir, {}, set(), None)
    if not data_dir.is_dir():
        diagnostics.error_at(
            display_path(data_dir),
            0,
            "the data folder does not exist; pass --data DIR or create it "
            "(see the organizer guide)",
        )
        return sources
    for name in REQUIRED_FILES + OPTIONAL_FILES:
        path = data_dir / name
        if not path.exists():
            if name in REQUIRED_FILES:
                # Line 1, so that editors and CI annotations can jump to (create) the file.
                diagnostics.error_at(
                    sources.path(name),
                    1,
                    f"the required file {name} is missing; create it (see the organizer guide)",
                )
            continue
        sources.present.add(name)
        before = len(diagnostics.errors)
        sources.yaml[name] = load_yaml_file(path, sources.path(name), diagnostics)
        if len(diagnostics.errors) > before:
            sources.broken.add(name)
    bib_path = data_dir / BIBTEX_FILE
    if bib_path.exists():
        sources.present.add(BIBTEX_FILE)
        sources.bibtex = read_data_file(bib_path, sources.path(BIBTEX_FILE), diagnostics)
        if sources.bibtex is None:
            sources.broken.add(BIBTEX_FILE)
    return sources


def schema_comment(data_dir: Path, kind: str) -> str:
    """The first line of a data file a command writes into ``data_dir``: the JSON Schema for
    editors, relative to the file (the repository's schemas/ beside data/, or beside the series'
    data/ for an edition's folder data/<year>/)."""
    up = "../../" if (data_dir.parent / "series.yaml").is_file() else "../"
    return f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
