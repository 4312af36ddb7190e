"""What a page contributes to the search: records made by the core, entries with their URL.

A generated page carries a ``SearchRecord`` (``GeneratedPage.search_record``): its kind, the
title, the people and affiliations it names, the real text a result shows (an abstract, not
keywords) and the edition it belongs to. A page without one (a hand-written page, the call for
papers, the committee) is cut into sections at its headings, as the theme's own search does,
so a result leads to the right part of the page. The site builder adds the URL: an ``Entry``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from generator.search.text import html_sections


class Kind(enum.Enum):
    """What a result is; decides how it ranks (``KIND_BOOST`` in generator/search/index.py)."""

    PAPER = "paper"
    AUTHOR = "author"
    SESSION = "session"
    PAGE = "page"
    """A hand-written page or a section of one; the call for papers, committee, speakers."""
    LIST = "list"
    """A page that lists what other entries hold (program, proceedings, A-Z authors, their
    split pages): found by its title and description only, and ranked after everything else,
    so that a word in every paper title does not bring up the program first."""


@dataclass(frozen=True)
class SearchRecord:
    """What one page says, for the search: plain text (never HTML), as the core has it."""

    kind: Kind
    title: str
    text: str = ""
    """Real text shown in results, around the words found (an abstract, a session's time and
    papers, an author's affiliations and papers)."""
    people: tuple[str, ...] = ()
    """Names on the page (a paper's authors; the author of an author page), shown above the
    text and weighted like the title."""
    affiliations: tuple[str, ...] = ()
    edition: str = ""
    """The edition the page belongs to, shown beside the result ('SysML 2027'); empty for
    pages of the whole site."""


@dataclass(frozen=True)
class Entry:
    """A record at its place in the site: ``url`` relative to the site root ('papers/p1/')."""

    url: str
    record: SearchRecord


def page_entries(url: str, title: str, html: str, edition: str = "") -> list[Entry]:
    """A page without a record, as entries: the text before its first heading under the
    page's title, then one entry per h2/h3 section at ``url#anchor``."""
    entries: list[Entry] = []
    for anchor, heading, text in html_sections(html):
        if not anchor:
            if text or not entries:
                entries.append(Entry(url, SearchRecord(Kind.PAGE, title, text, edition=edition)))
            continue
        record = SearchRecord(Kind.PAGE, heading or title, text, edition=edition)
        entries.append(Entry(f"{url}#{anchor}", record))
    return entries


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` without blanks and repeats, in order."""
    return tuple(dict.fromkeys(value for value in values if value))


def entries_of(url: str, title: str, html: str, record: SearchRecord | None) -> list[Entry]:
    """A page's entries: its record at ``url``, or (without one) its sections."""
    if record is not None:
        return [Entry(url, record)]
    return page_entries(url, title, html)
