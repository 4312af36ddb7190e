"""The contexts of the main page families, as types: which keys a template may use.

Nested lists that other families extend (a day of the program, a group of the proceedings)
stay plain dicts; the keys a page template reads at its top level are spelled out here.
"""

from __future__ import annotations

from typing import Any, TypedDict

from generator.model import Venue


class AuthorLink(TypedDict):
    """An author as a paper lists them, linked to their page."""

    name: str
    href: str
    affiliation: str
    orcid: str


class PaperSummary(TypedDict):
    """A paper as a list shows it: linked title, authors, award, topics."""

    id: str
    title: str
    href: str
    authors: str
    award: str
    topics: list[str]


class SessionView(TypedDict):
    """A session as the program lists it (and the top of its own page)."""

    id: str
    title: str
    kind: str
    kind_label: str
    time: str
    start_utc: str
    end_utc: str
    zone: str
    zone_abbr: str
    room: str
    chair: str
    organizers: list[str]
    description: str
    speaker: dict[str, str] | None
    papers: list[dict[str, Any]]
    href: str
    ics_href: str
    star: str
    grid: str


class SessionPageView(SessionView):
    """A session's own page, /program/<id>/: its papers with authors and abstracts."""

    day: str
    program_href: str
    agenda_href: str


class ProgramView(TypedDict):
    """The program page: days of sessions, papers not scheduled, the exports."""

    timezone: str
    days: list[dict[str, Any]]
    unscheduled: list[PaperSummary]
    exports: list[dict[str, str]]
    agenda_href: str


class PaperView(TypedDict):
    """A paper's page."""

    id: str
    title: str
    title_text: str
    star: str
    authors: list[AuthorLink]
    abstract: str
    topics: list[str]
    award: str
    session: dict[str, str] | None
    unscheduled: bool
    """Not in the program of an edition that has one (an edition without: nothing said)."""
    links: list[dict[str, str]]
    bibtex: str
    downloads: list[dict[str, str]]
    citation: str
    apa: str
    pages: str
    doi: str
    proceedings_href: str


class ProceedingsView(TypedDict):
    """The proceedings page: papers grouped by their first topic."""

    title: str
    count: int
    groups: list[dict[str, Any]]
    bib_href: str


class AuthorView(TypedDict):
    """An author's page (or one part of it, with a pager, when it is long)."""

    slug: str
    name: str
    affiliations: list[str]
    orcid: str
    papers: list[PaperSummary]
    paper_count: int
    coauthors: list[dict[str, str]]
    authors_href: str
    pager: list[dict[str, Any]]


class HomeView(TypedDict):
    """The facts of the home page: dates, venue, counts, links, sponsors."""

    title: str
    fictional: bool
    dates: str
    venue: Venue
    timezone: str
    important_dates: list[dict[str, str]]
    uses_aoe: bool
    paper_count: int
    session_count: int
    links: dict[str, str]
    schedule_span: dict[str, str] | None
    sponsors: list[dict[str, str]]
