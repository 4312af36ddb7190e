"""Search records of the core's pages, made from the model (``generator/pages.py`` attaches
each to its ``GeneratedPage``)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Paper, Session
from generator.search.records import Kind, SearchRecord, unique

AUTHOR_TITLES = 10
"""Paper titles an author's entry shows; their papers have entries of their own (one author
of the synthetic 5,000-paper conference has 2,312 papers)."""


def paper_record(paper: Paper, edition: str) -> SearchRecord:
    """A paper: its title, authors, their affiliations and the abstract as plain text."""
    return SearchRecord(
        kind=Kind.PAPER,
        title=paper.title.as_text,
        text=paper.abstract.as_block_text,
        people=tuple(author.name.full for author in paper.authors),
        affiliations=unique(author.affiliation for author in paper.authors),
        edition=edition,
    )


def author_record(
    name: str, affiliations: Sequence[str], papers: Sequence[Paper], edition: str
) -> SearchRecord:
    """An author's page: found by their name and affiliations; shows their papers' titles."""
    count = len(papers)
    titles = "; ".join(paper.title.as_text for paper in papers[:AUTHOR_TITLES])
    more = f"; and {count - AUTHOR_TITLES} more" if count > AUTHOR_TITLES else ""
    return SearchRecord(
        kind=Kind.AUTHOR,
        title=name,
        text=f"{count} paper{'s' if count != 1 else ''}: {titles}{more}",
        people=(name,),
        affiliations=tuple(affiliations),
        edition=edition,
    )


def session_record(
    session: Session,
    when: str,
    papers: Sequence[Paper],
    edition: str,
    chair: str = "Chair: {name}.",
) -> SearchRecord:
    """A session: when and where (``when``), its chair (in the words of ``chair``), then the
    titles of its papers."""
    parts = [f"{when}, {session.room}." if session.room else f"{when}."]
    if session.chair:
        parts.append(chair.format(name=session.chair))
    if papers:
        parts.append("; ".join(paper.title.as_text for paper in papers))
    return SearchRecord(
        kind=Kind.SESSION,
        title=session.title,
        text=" ".join(parts),
        people=(session.chair,) if session.chair else (),
        edition=edition,
    )


def list_record(title: str, description: str, edition: str = "") -> SearchRecord:
    """A list page (program, proceedings, A-Z): found by its title and description only."""
    return SearchRecord(kind=Kind.LIST, title=title, text=description, edition=edition)
