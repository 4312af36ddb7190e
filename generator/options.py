"""How one build runs: the options a site builder hands down to the core.

``confsite build`` and ``confsite serve`` make them from their flags, ``mkdocs build`` from the
``conference`` plugin's settings in mkdocs.yml; the core reads them from this one object, never
from environment variables, so two builds in one process (a long ``confsite serve``, a test
run) cannot leak settings into each other. No MkDocs here: every site builder uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.paging import DEFAULT_BUDGET


@dataclass(frozen=True)
class BuildOptions:
    data_dir: Path = Path("data")
    """The data folder (resolved by whoever makes the options: the command line against the
    current folder, the plugin against mkdocs.yml's folder)."""
    jobs: int | None = None
    """How many processes may render at once: 1 renders in this process; None: two when the
    process has more than one CPU. A second process is only ever forked where that is safe
    (generator/parallel.py), whatever this says; the output is the same bytes either way."""
    frames: bool = True
    """False renders every page through the site builder's theme one by one instead of
    filling a frame (generator/frame.py): slow, and what the frame tests compare against."""
    page_budget: int = DEFAULT_BUDGET
    """Bytes of content per page; longer lists are split (generator/paging/)."""
    build_date: int | None = None
    """The build date (Unix seconds) the site is stamped with; None: the data's own date
    (generator/reproducible.py). Set from ``SOURCE_DATE_EPOCH`` when the user gives it."""
    language: str = "en"
    """The language the pages are written in (mkdocs.yml ``theme.language``); one confsite
    has no catalogue for is written in English, with a warning (generator/i18n.py)."""
    cache_dir: Path | None = None
    """Where editions rendered before are kept, to be replayed while their inputs stay the
    same (generator/build_cache.py); None: every edition is rendered anew."""

    def __post_init__(self) -> None:
        if self.jobs is not None and self.jobs < 1:
            raise ValueError(f"jobs is {self.jobs}; give 1 or more processes")
        if self.page_budget < 1:
            raise ValueError(f"page_budget is {self.page_budget}; give a positive number of bytes")
        if self.build_date is not None and self.build_date < 0:
            raise ValueError(f"build_date is {self.build_date}; give seconds since 1970")


DEFAULTS = BuildOptions()
"""The options of a build nobody configured (the data in ./data, every default)."""
