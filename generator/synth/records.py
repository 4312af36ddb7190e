"""The shape of the synthetic program and the records the generator makes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DAYS = 5
ROOMS = 10
PAPERS_PER_SESSION = 8
START = date(2031, 12, 8)
TIMEZONE = "America/Vancouver"
DAY_START = 10 * 60  # minutes after midnight: paper sessions run 10:00-20:00 after the keynote
DAY_END = 20 * 60
MAX_SESSION = 90


@dataclass(frozen=True)
class EditionFacts:
    """What tells one synthetic edition from another: its name, its year, its paper ids."""

    name: str = "SynthConf"
    year: int = 2031
    id_prefix: str = "p"
    """Paper ids are the prefix and a number: 'p00001' (one edition), 'p2030-00001' (a series,
    whose BibTeX holds every edition's entries and so needs keys of their own)."""

    @property
    def start(self) -> date:
        return START.replace(year=self.year)

    @property
    def short(self) -> str:
        return f"{self.name} {self.year}"


SINGLE = EditionFacts()
"""The one edition ``confsite synth`` writes without ``--editions``."""


@dataclass(frozen=True)
class Person:
    name: str
    first: str
    last: str
    affiliation: str
    orcid: str = ""


@dataclass(frozen=True)
class SynthPaper:
    id: str
    title: str
    authors: tuple[Person, ...]
    abstract: str
    topics: tuple[str, ...]
    session: str
    award: str
    pages: str


@dataclass(frozen=True)
class SynthSession:
    id: str
    title: str
    day: date
    start: int
    end: int
    room: str
