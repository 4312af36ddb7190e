"""What every importer produces: accepted papers as the source describes them, and its notes."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    bibtex_definitions: list[str] = field(default_factory=list)
    """The @string blocks the imported BibTeX entries need, verbatim, in file order."""
    bibtex_parents: list[tuple[str, str]] = field(default_factory=list)
    """(key, raw) of the entries the imported ones cross-reference (other than the volume)."""

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
