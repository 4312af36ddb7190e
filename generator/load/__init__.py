"""Reading the data folder: each file into raw values that remember their lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import load_yaml_file, read_data_file
from generator.parallel import Beside

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
    bibtex_parsed: Beside[Any] | None = None
    """The BibTeX text parsed beside the YAML loading, when load_sources was asked to."""

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


def load_sources(
    data_dir: Path, diagnostics: Diagnostics, parse_bibtex: Callable[[str, str], Any] | None = None
) -> Sources:
    """Read every data file; missing required files and unreadable bytes are diagnostics.

    With ``parse_bibtex`` (text, display path -> anything), proceedings.bib is read first and
    parsed by it in a child process while this one loads the YAML files (the second core):
    ``sources.bibtex_parsed.join()`` returns its result.
    """
    sources = Sources(data_dir, {}, set(), None)
    if not data_dir.is_dir():
        diagnostics.error_at(
            display_path(data_dir),
            0,
            "the data folder does not exist; pass --data DIR or create it "
            "(see the organizer guide)",
        )
        return sources
    bib_path = data_dir / BIBTEX_FILE
    bib_problems = Diagnostics()  # reported after the YAML files', as they always were
    if bib_path.exists():
        sources.present.add(BIBTEX_FILE)
        sources.bibtex = read_data_file(bib_path, sources.path(BIBTEX_FILE), bib_problems)
        if sources.bibtex is None:
            sources.broken.add(BIBTEX_FILE)
        elif parse_bibtex is not None:
            text, shown = sources.bibtex, sources.path(BIBTEX_FILE)
            try:
                sources.bibtex_parsed = Beside(lambda: parse_bibtex(text, shown))
            except (OSError, AssertionError):  # no fork (memory), or inside a daemon process
                sources.bibtex_parsed = None  # the validator parses it in this process
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
    diagnostics.extend(bib_problems.items)
    return sources
