"""The typed conference model: frozen objects built only from data that validated cleanly."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from generator.diagnostics import Location
from generator.history import NO_HISTORY, History
from generator.i18n import N_
from generator.names import Name
from generator.text import Text


class SessionKind(enum.Enum):
    """What happens in a program slot; paper, poster, workshop and tutorial sessions hold
    papers, and each of those has its own page."""

    PAPERS = "papers"
    KEYNOTE = "keynote"
    BREAK = "break"
    POSTER = "poster"
    SOCIAL = "social"
    TUTORIAL = "tutorial"
    WORKSHOP = "workshop"
    PLENARY = "plenary"

    @property
    def holds_papers(self) -> bool:
        return self in PAPER_KINDS

    @property
    def label(self) -> str:
        """The kind in English; pages show ``Language.gettext(label)`` (generator/i18n.py)."""
        return _KIND_LABELS[self][0]

    @property
    def in_sentence(self) -> str:
        """The kind as it reads inside an English sentence ('paper session')."""
        return _KIND_LABELS[self][1]


PAPER_KINDS = frozenset(
    (SessionKind.PAPERS, SessionKind.POSTER, SessionKind.WORKSHOP, SessionKind.TUTORIAL)
)
"""The kinds of session that hold papers and have a page of their own."""


class Area(enum.Enum):
    """The two halves of the program committee."""

    SYSTEMS = "systems"
    ML = "ml"

    @property
    def label(self) -> str:
        """The area in English; pages show ``Language.gettext(label)``."""
        return N_("Systems") if self is Area.SYSTEMS else N_("Machine learning")


_KIND_LABELS = {
    SessionKind.PAPERS: (N_("Paper session"), N_("paper session")),
    SessionKind.KEYNOTE: (N_("Keynote"), N_("keynote")),
    SessionKind.BREAK: (N_("Break"), N_("break")),
    SessionKind.POSTER: (N_("Poster session"), N_("poster session")),
    SessionKind.SOCIAL: (N_("Social"), N_("social")),
    SessionKind.TUTORIAL: (N_("Tutorial"), N_("tutorial")),
    SessionKind.WORKSHOP: (N_("Workshop"), N_("workshop")),
    SessionKind.PLENARY: (N_("Plenary"), N_("plenary")),
}
"""Each kind's label and how it reads inside a sentence, in English (the catalogue has both)."""


LINK_KINDS = ("pdf", "code", "slides", "video", "poster")
"""Link fields a paper may carry, in the order pages show them."""


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: Text


@dataclass(frozen=True)
class ImportantDate:
    """A deadline or milestone; ``at`` is an aware datetime in the zone it was given in."""

    name: str
    at: datetime
    zone: str
    """'AoE' (anywhere on earth, UTC-12) or an IANA zone name."""


@dataclass(frozen=True)
class Venue:
    name: str
    address: str = ""
    city: str = ""
    country: str = ""
    url: str = ""

    @property
    def place(self) -> str:
        """'City, Country' (or whichever of the two is known)."""
        return ", ".join(p for p in (self.city, self.country) if p)


@dataclass(frozen=True)
class Conference:
    """The facts of one edition, from conference.yaml."""

    name: str
    year: int
    title: str
    description: str
    timezone: str
    start: date
    end: date
    venue: Venue
    url: str
    topics: tuple[Topic, ...]
    important_dates: tuple[ImportantDate, ...]
    contact: str = ""
    fictional: bool = False
    citation_pdf_elsewhere: bool = False
    """Name a PDF hosted outside the paper's own folder in citation_pdf_url too."""

    @property
    def short_title(self) -> str:
        return f"{self.name} {self.year}"


@dataclass(frozen=True)
class Author:
    name: Name
    affiliation: str = ""
    orcid: str = ""


@dataclass(frozen=True)
class MacroDefinition:
    """One ``@string`` block of a .bib, as BibTeX read it at its place in the file."""

    name: str
    """Lowercase: BibTeX's macro names ignore case."""
    raw: str
    """The block verbatim, for downloads that need it."""
    line: int
    value: str
    """The expansion, fixed when the block was read (a later redefinition does not change it)."""
    uses: tuple[MacroDefinition, ...] = ()
    """The definitions its value was built from."""


@dataclass(frozen=True)
class BibEntry:
    """A BibTeX entry as the organizers wrote it (kept verbatim for downloads), with its values
    as BibTeX reads them."""

    key: str
    entry_type: str
    """Lowercase: 'inproceedings', 'article', ..."""
    fields: tuple[tuple[str, str], ...]
    """Field names (lowercase) and LaTeX values in source order, as BibTeX reads them: macros
    expanded, ``#`` parts joined, then the fields inherited through ``crossref``."""
    raw: str
    location: Location
    strings: tuple[MacroDefinition, ...] = ()
    """The @string definitions the entry's own values use (with those they were built from),
    in file order, so that it stands on its own."""
    field_lines: tuple[tuple[str, int], ...] = ()
    """The line of each of the entry's own fields."""
    parent: BibEntry | None = None
    """The entry its ``crossref`` names, resolved (it follows the entry in downloads)."""

    def get(self, name: str, default: str = "") -> str:
        for key, value in self.fields:
            if key == name:
                return value
        return default

    def field_location(self, name: str) -> Location:
        """Where field ``name`` is written (the entry's first line for an inherited one)."""
        for key, line in self.field_lines:
            if key == name:
                return Location(self.location.path, line)
        return self.location


@dataclass(frozen=True)
class Paper:
    id: str
    title: Text
    authors: tuple[Author, ...]
    abstract: Text
    topics: tuple[str, ...]
    session_id: str | None
    location: Location
    award: str = ""
    links: tuple[tuple[str, str], ...] = ()
    """(kind, url) pairs in LINK_KINDS order."""
    pages: str = ""
    doi: str = ""
    start: datetime | None = None
    end: datetime | None = None
    """The paper's own talk slot inside its session (program.yaml), when it has one."""
    board: str = ""
    """Its poster board number in a poster session."""

    def slot(self, session: Session) -> tuple[datetime, datetime]:
        """When the paper is presented: its own slot, else its whole session."""
        if self.start and self.end:
            return self.start, self.end
        return session.start, session.end


@dataclass(frozen=True)
class Talk:
    """A paper as a session of program.yaml lists it: its slot and board, where it is listed."""

    paper_id: str
    location: Location
    start: datetime | None = None
    end: datetime | None = None
    board: str = ""


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    kind: SessionKind
    day: date
    start: datetime
    end: datetime
    """Aware datetimes in the conference zone."""
    room: str
    location: Location
    chair: str = ""
    speaker_id: str | None = None
    description: Text = field(default_factory=lambda: Text(""))
    organizers: tuple[str, ...] = ()
    """Who runs a workshop or tutorial, as the program names them."""
    talks: tuple[Talk, ...] = ()
    """The papers the session lists itself (program.yaml), in their order there."""


@dataclass(frozen=True)
class Day:
    date: date
    sessions: tuple[Session, ...]
    """In time order, then room."""


@dataclass(frozen=True)
class Speaker:
    id: str
    name: Name
    affiliation: str
    talk_title: Text
    abstract: Text
    bio: Text
    photo: str = ""
    url: str = ""


@dataclass(frozen=True)
class Organizer:
    role: str
    name: Name
    affiliation: str = ""


@dataclass(frozen=True)
class CommitteeMember:
    name: Name
    affiliation: str
    area: Area | None = None
    """The half of the committee; None when the committee (or this member) has no areas."""


@dataclass(frozen=True)
class Sponsor:
    name: str
    tier: str
    url: str = ""
    logo: str = ""


@dataclass(frozen=True)
class ConferenceData:
    """Everything the site is built from; one object, already consistent."""

    conference: Conference
    papers: tuple[Paper, ...]
    days: tuple[Day, ...]
    speakers: tuple[Speaker, ...]
    organizers: tuple[Organizer, ...]
    program_committee: tuple[CommitteeMember, ...]
    sponsors: tuple[Sponsor, ...]
    volume: BibEntry | None
    bib_entries: dict[str, BibEntry]
    """Proceedings entries by paper id; papers without one get a generated entry."""
    history: History = NO_HISTORY
    """releases.yaml: the program as last released, to compare with (generator/changes.py)."""
    rooms: tuple[str, ...] = ()
    """Every room sessions use, in the order of the program grid's columns (program.yaml's
    ``rooms:`` first, then the others in natural order: "Room 2" before "Room 10")."""
    build_date: datetime = datetime(1970, 1, 1, tzinfo=UTC)
    """The build date the data implies (generator/reproducible.py); it dates the changes made
    since the last release. Set only when there is a release to compare with."""
    inputs: str = field(default="", compare=False)
    """A digest of the data folder's files as this model was read from them
    (generator/load/digest.py); "": not known (the files changed while they were read, or
    the model was changed after), so the build cache neither replays nor records it. Where
    the model came from, not what it says: left out of comparisons."""

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for day in self.days for s in day.sessions)

    def papers_by_session(self) -> dict[str, list[Paper]]:
        """Each session's papers in the order they are presented: by talk slot, then as the
        session lists them in program.yaml, then in papers.yaml's order."""
        listed = {t.paper_id: n for s in self.sessions for n, t in enumerate(s.talks)}
        by_session: dict[str, list[Paper]] = {}
        for paper in self.papers:
            if paper.session_id:
                by_session.setdefault(paper.session_id, []).append(paper)
        for papers in by_session.values():
            papers.sort(key=lambda p: (p.start or _NO_SLOT, listed.get(p.id, len(listed))))
        return by_session


_NO_SLOT = datetime.max.replace(tzinfo=UTC)
"""Sorts papers without a slot of their own after those with one."""
