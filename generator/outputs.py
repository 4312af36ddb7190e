"""What the core hands to a site builder: pages (HTML bodies) and files, plus diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from generator.diagnostics import Diagnostics
from generator.search.records import SearchRecord
from generator.search.sources import list_record


@dataclass(frozen=True)
class TocEntry:
    """A heading of a generated page, for the theme's table of contents."""

    level: int
    anchor: str
    title: str


@dataclass(frozen=True)
class GeneratedPage:
    """A page whose body the core rendered: the site builder wraps it in the theme."""

    uri: str
    """Source path as MkDocs knows it, e.g. 'papers/p1/index.md' (served at /papers/p1/)."""
    title: str
    html: str
    description: str = ""
    in_nav: bool = False
    toc: tuple[TocEntry, ...] = ()
    search: bool = True
    """False keeps the page out of the search index (it is still built and linked)."""
    head: str = ""
    """Finished, escaped HTML for the page's <head> (scholarly metadata, JSON-LD)."""
    search_record: SearchRecord | None = None
    """What the page says, for the site search (generator/search/). None: the page's visible
    text, cut into sections at its headings."""

    def listing(self) -> GeneratedPage:
        """This page as a list of what other pages hold (program, proceedings, A-Z): searched
        by its title and description only, ranked after every other kind of result."""
        return replace(self, search_record=list_record(self.title, self.description))


@dataclass(frozen=True)
class GeneratedFile:
    """A download (.bib, .ics, .xml, .json, an icon) copied to the site as it is."""

    uri: str
    content: str | bytes
    """Text (written as UTF-8) or bytes."""


@dataclass(frozen=True)
class SiteFacts:
    """What the site builder needs to know about the site itself."""

    name: str
    url: str
    description: str


@dataclass(frozen=True)
class OfflinePlan:
    """What the worker keeps as soon as it is installed; paths from the site's root."""

    program: str
    """The program page (the app starts there)."""
    agenda: str
    """The personal agenda page."""
    pages: tuple[str, ...]
    """Every page and file to keep: the home page, the program and its parts, the agenda and
    its data."""
    words: tuple[tuple[str, str], ...] = ()
    """The page the worker shows for a page it did not keep, in the site's language: (key,
    text) of ``lang``, ``title``, ``heading`` and ``text`` (HTML with ``{program}`` and
    ``{agenda}`` for their addresses); none: the worker's own English."""


class Sink(Protocol):
    """Where a stream puts each page and file as soon as it is rendered."""

    def page(self, page: GeneratedPage) -> None: ...

    def file(self, file: GeneratedFile) -> None: ...


Stream = Callable[[Sink], None]
"""Rendering left to the site builder: renders pages and files one at a time into a sink,
which may write each to disk at once. At 10,000 papers the pages and downloads are ~200 MB of
text; streamed, they never sit in memory together."""


@dataclass
class CollectingSink:
    """A sink that keeps everything, in order (tests, and builders that want it all)."""

    pages: list[GeneratedPage] = field(default_factory=list)
    files: list[GeneratedFile] = field(default_factory=list)

    def page(self, page: GeneratedPage) -> None:
        self.pages.append(page)

    def file(self, file: GeneratedFile) -> None:
        self.files.append(file)


@dataclass
class BuildResult:
    site: SiteFacts | None = None
    pages: list[GeneratedPage] = field(default_factory=list)
    files: list[GeneratedFile] = field(default_factory=list)
    fragments: dict[str, str] = field(default_factory=dict)
    """HTML to insert into hand-written pages, by source path ('index.md')."""
    heads: dict[str, str] = field(default_factory=dict)
    """Finished <head> HTML for hand-written pages, by source path ('index.md')."""
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    offline: OfflinePlan | None = None
    """What the site keeps for use offline (generator/offline.py)."""
    streams: list[Stream] = field(default_factory=list)
    """Pages and files still to render, in site order after ``pages`` and ``files``; each
    stream is independent of the others, so they can run side by side."""
    nav_moves: dict[str, str] = field(default_factory=dict)
    """Pages the navigation names that moved (old source uri -> new): in a series, the
    current edition's pages under /<year>/ (generator/series/)."""
    from_cache: list[str] = field(default_factory=list)
    """The editions ('2026'; 'site' for a single edition) replayed from the build cache
    rather than rendered (generator/build_cache.py)."""

    def take(self, other: BuildResult) -> None:
        """Add what ``other`` (one edition's result) holds to this result."""
        self.site = other.site or self.site
        self.pages += other.pages
        self.files += other.files
        self.fragments.update(other.fragments)
        self.heads.update(other.heads)
        self.offline = other.offline or self.offline
        self.streams += other.streams
        self.nav_moves.update(other.nav_moves)
        self.from_cache += other.from_cache

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors()
