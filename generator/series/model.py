"""The series as the build sees it: frozen, already consistent."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.diagnostics import Location
from generator.model import ConferenceData


@dataclass(frozen=True)
class SeriesName:
    """A name the series had, from one year until another (``until`` 0: still its name)."""

    name: str
    since: int
    until: int = 0

    def covers(self, year: int) -> bool:
        return self.since <= year and (not self.until or year <= self.until)


@dataclass(frozen=True)
class Edition:
    """One year of the series: its folder's data, as the single-edition pipeline built it."""

    year: int
    data: ConferenceData
    """The edition's model; its ``conference.url`` is the series' address plus the year."""
    folder: str
    """The edition's data folder as messages name it ('data/2026')."""

    @property
    def path(self) -> str:
        """Where its pages live, from the site's root ('2026')."""
        return str(self.year)


@dataclass(frozen=True)
class PersonRule:
    """One entry of people.yaml: who a person is, when names alone would say otherwise."""

    id: str
    """The person's stable id: their page is /people/<id>/."""
    name: str
    variants: tuple[str, ...]
    """Other spellings of the name that are this person (with or without accents, initials)."""
    orcid: str
    papers: tuple[str, ...]
    """'<year>/<paper id>' of papers whose author of this name is this person; empty: all."""
    location: Location


@dataclass(frozen=True)
class Series:
    """Every edition of the conference and what the series says about itself."""

    name: str
    names: tuple[SeriesName, ...]
    """Every name it had, oldest first."""
    url: str
    """The site's address, ending in '/'."""
    description: str
    current: int
    """The year of the current edition (listed first, linked from the navigation)."""
    editions: tuple[Edition, ...]
    """Newest first."""
    people: tuple[PersonRule, ...] = ()
    """data/people.yaml: who is who where names alone mislead."""
    moved_from_root: int = 0
    """The edition that was the whole site before it became a series (0: none): its old
    addresses (papers/p1/, program/ ...) lead to /<year>/... ."""
    inputs: str = field(default="", compare=False)
    """A digest of series.yaml and people.yaml as they were read (generator/load/digest.py;
    "": not known): part of the build cache's key of every edition."""

    @property
    def current_edition(self) -> Edition:
        return next(e for e in self.editions if e.year == self.current)

    def name_in(self, year: int) -> str:
        """The series' name in ``year`` (its present name when no range covers it)."""
        return next((n.name for n in self.names if n.covers(year)), self.name)

    def with_edition(self, year: int, data: ConferenceData) -> Series:
        """The series with the edition of ``year`` holding ``data`` (an edit of one of its
        papers, ``confsite serve``)."""
        editions = tuple(replace(e, data=data) if e.year == year else e for e in self.editions)
        return replace(self, editions=editions)
