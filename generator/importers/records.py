"""What every importer produces: papers, sessions, committee members or speakers as the source
describes them, and its notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from generator.diagnostics import Diagnostics, Location


@dataclass(frozen=True)
class ImportedAuthor:
    """One author as the source gives it; empty strings where the source has nothing."""

    name: str
    affiliation: str = ""
    orcid: str = ""


@dataclass(frozen=True)
class ImportedPaper:
    """One accepted paper read from an export, before it is merged into papers.yaml."""

    source_id: str
    """The paper's identifier in the source (a key, a number, a note id); the id derives from it."""
    title: str
    authors: tuple[ImportedAuthor, ...]
    location: Location
    """Where the record is in the source file, for every message about it."""
    abstract: str = ""
    pages: str = ""
    doi: str = ""
    links: tuple[tuple[str, str], ...] = ()
    """(kind, url) pairs with kinds from model.LINK_KINDS; organizers' own links win."""
    bibtex: str = ""
    """The raw BibTeX entry, for importers that also fill proceedings.bib."""


@dataclass(frozen=True)
class ImportedSession:
    """One program item read from a schedule (a frab event, a calendar event, a sheet row)."""

    source_id: str
    """The item's identifier in the source (an event id, a UID), or empty; the session id
    derives from it (or from the title when it is empty)."""
    title: str
    start: datetime
    end: datetime
    """Aware when the source gives an offset or a zone, naive for wall-clock times in the
    conference's zone; ``end`` may fall on the next day."""
    location: Location
    kind: str = ""
    """A session kind (model.SessionKind value), inferred from the source's type."""
    room: str = ""
    description: str = ""
    persons: tuple[str, ...] = ()
    """Speakers' names as the source lists them."""
    chair: str = ""


@dataclass(frozen=True)
class ImportedPerson:
    """A committee member or speaker: a name and what else the source knows."""

    name: str
    location: Location
    affiliation: str = ""
    area: str = ""
    """Program committee: 'systems', 'ml' or empty."""
    role: str = ""
    """Organizing committee: the role; empty for a program committee member."""
    talk_title: str = ""
    abstract: str = ""
    bio: str = ""
    url: str = ""
    source_id: str = ""
    """A speaker's id when the list gives one."""


@dataclass(frozen=True)
class Note:
    """Something the organizer should know that is not a problem: an id that was normalised."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: note: {self.message}"


@dataclass
class ImportBatch:
    """Everything one importer read from one file."""

    papers: list[ImportedPaper] = field(default_factory=list)
    sessions: list[ImportedSession] = field(default_factory=list)
    people: list[ImportedPerson] = field(default_factory=list)
    zone: str = ""
    """A schedule's own time zone (frab's time_zone_name, iCalendar's X-WR-TIMEZONE)."""
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    """Records it could not take (warnings) and a file it could not read at all (errors)."""
    notes: list[Note] = field(default_factory=list)
    not_accepted: int = 0
    """Records skipped because their decision is not an acceptance."""
    skipped: int = 0
    """Records that could not be taken (each also a warning at its place)."""
    volume_bibtex: str = ""
    """The raw @proceedings entry of a .bib import, if the file has one."""
    volume_key: str = ""

    def skip(self, location: Location, message: str) -> None:
        """A record that cannot be taken: a warning at its place, counted in the summary."""
        self.skipped += 1
        self.diagnostics.warning(location, message)


def is_acceptance(decision: str) -> bool:
    """'Accept (Oral)', 'accepted', 'Accept as poster' yes; 'Reject', 'Not accepted' no."""
    text = decision.casefold()
    if any(word in text for word in ("reject", "not accept", "withdraw", "desk")):
        return False
    return "accept" in text
