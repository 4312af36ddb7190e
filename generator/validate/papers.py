"""papers.yaml: the accepted papers, their authors and where they are presented."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics, Location, did_you_mean, known
from generator.model import LINK_KINDS, Author, Paper, Session, Talk
from generator.names import Name
from generator.validate.fields import Record, top_level_list
from generator.validate.program import PAPER_KIND_NAMES

PAPER_KEYS = (
    "id",
    "title",
    "authors",
    "abstract",
    "topics",
    "session",
    "award",
    "links",
    "pages",
    "doi",
    "no_abstract",
)
AUTHOR_KEYS = ("name", "affiliation", "orcid")
_ORCID = re.compile(r"(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\Z")
_DOI = re.compile(r"(?:https?://doi\.org/)?(10\.\d{4,9}/\S+)\Z")


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 MOD 11-2, the check digit every ORCID iD ends with."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def read_papers(
    root: Any,
    path: str,
    diagnostics: Diagnostics,
    topic_ids: set[str] | None,
    sessions: dict[str, Session],
    session_ids: set[str] | None,
) -> tuple[Paper, ...]:
    """Every valid paper; references are checked against the ids the other files declare.

    ``topic_ids`` and ``session_ids`` are None when their file could not be read: those
    references are then not checked (the unreadable file is the error to fix first).
    """
    papers: list[Paper] = []
    seen: dict[str, Location] = {}
    talks = talk_index(sessions)
    items = top_level_list(root, "papers", path, diagnostics, "- id: my-paper")
    for item, line in items:
        record = Record(
            item,
            path,
            line,
            diagnostics,
            "paper",
            PAPER_KEYS,
            ("id", "title", "authors"),
            name_key="id",
        )
        if not record.ok:
            continue
        paper_id = record.slug("id")
        record.what = f"paper '{paper_id}'"
        if paper_id in seen:
            record.error("id", f"paper id '{paper_id}' is used twice (first at {seen[paper_id]})")
            continue
        if paper_id:
            seen[paper_id] = record.location("id")
        paper = _read_paper(
            record, paper_id, diagnostics, topic_ids, (sessions, talks), session_ids
        )
        if paper:
            papers.append(paper)
    return tuple(papers)


def _read_paper(
    record: Record,
    paper_id: str,
    diagnostics: Diagnostics,
    topic_ids: set[str] | None,
    program: tuple[dict[str, Session], dict[str, tuple[str, Talk]]],
    session_ids: set[str] | None,
) -> Paper | None:
    what = record.what
    sessions, talks = program
    authors = tuple(
        author
        for value, line in record.list("authors")
        if (author := _read_author(value, record.path, line, diagnostics, what))
    )
    topics: list[str] = []
    for value, _line in record.list("topics"):
        topic = str(value)
        if topic_ids is None:
            continue
        if topic not in topic_ids:
            record.error(
                "topics",
                f"{what}: topic '{topic}' is not defined in conference.yaml"
                f"{did_you_mean(topic, topic_ids)} ({known(topic_ids)})",
            )
        else:
            topics.append(topic)
    session_id = record.str("session") or None
    if session_id is not None:
        session = sessions.get(session_id)
        if session is None and session_ids is not None and session_id not in session_ids:
            record.error(
                "session",
                f"{what}: session '{session_id}' is not defined in program.yaml"
                f"{did_you_mean(session_id, session_ids)} ({known(session_ids)})",
            )
        elif session is not None and not session.kind.holds_papers:
            record.error(
                "session",
                f"{what}: session '{session_id}' is a {session.kind.value} session; papers go in "
                f"sessions of kind {PAPER_KIND_NAMES}",
            )
    listed = talks.get(paper_id)
    if listed is not None:
        listing_session, talk = listed
        if session_id is not None and session_id != listing_session:
            record.error(
                "session",
                f"{what}: session '{session_id}' here, but {talk.location} lists it in session "
                f"'{listing_session}'; a paper is presented in one session: keep one",
            )
        session_id = session_id or listing_session
    # 'no_abstract: true' says a paper has none on purpose (an invited talk, a demo).
    no_abstract = record.bool("no_abstract")
    if no_abstract and record.has("abstract"):
        record.error(
            "no_abstract",
            f"{what}: 'no_abstract: true' but the paper has an abstract; remove one of the two",
        )
    elif not record.has("abstract") and not no_abstract:
        record.warning(None, f"{what}: no abstract")
    links = _read_links(record)
    doi = record.str("doi")
    if doi:
        match = _DOI.match(doi)
        if not match:
            record.error("doi", f"{what}: doi '{doi}' is not a DOI (10.NNNN/suffix)")
        doi = match.group(1) if match else ""
    if not (paper_id and record.has("title") and authors):
        return None
    return Paper(
        id=paper_id,
        title=record.text("title"),
        authors=authors,
        abstract=record.text("abstract"),
        topics=tuple(topics),
        session_id=session_id if session_id in sessions else None,
        location=record.location(),
        award=record.str("award"),
        links=links,
        pages=record.str("pages"),
        doi=doi,
        **_slot_fields(listed, session_id),
    )


def _slot_fields(listed: tuple[str, Talk] | None, session_id: str | None) -> dict[str, Any]:
    """The talk slot and board program.yaml gives the paper, when in the paper's session."""
    if listed is None or listed[0] != session_id:
        return {}
    talk = listed[1]
    return {"start": talk.start, "end": talk.end, "board": talk.board}


def talk_index(sessions: dict[str, Session]) -> dict[str, tuple[str, Talk]]:
    """Each paper a session lists in program.yaml, with that session's id."""
    return {t.paper_id: (s.id, t) for s in sessions.values() for t in s.talks}


def report_unknown_talks(
    sessions: dict[str, Session], paper_ids: set[str], diagnostics: Diagnostics
) -> None:
    """A session of program.yaml that lists a paper papers.yaml does not have."""
    for session in sessions.values():
        for talk in session.talks:
            if talk.paper_id not in paper_ids:
                diagnostics.error(
                    talk.location,
                    f"session '{session.id}': paper '{talk.paper_id}' is not in papers.yaml"
                    f"{did_you_mean(talk.paper_id, paper_ids)}",
                )


def _read_author(
    value: Any, path: str, line: int, diagnostics: Diagnostics, paper: str
) -> Author | None:
    if isinstance(value, str):
        value_record = None
        name, affiliation, orcid = value, "", ""
    else:
        value_record = Record(
            value,
            path,
            line,
            diagnostics,
            f"{paper}: author",
            AUTHOR_KEYS,
            ("name",),
            name_key="name",
        )
        if not value_record.ok:
            return None
        name = value_record.str("name")
        affiliation = value_record.str("affiliation")
        orcid = value_record.str("orcid")
    if not name.strip():
        return None
    if orcid:
        match = _ORCID.match(orcid)
        if not match or not orcid_checksum_ok(match.group(1)):
            message = f"{paper}: author '{name}': '{orcid}' is not a valid ORCID iD"
            if value_record:
                value_record.error("orcid", message + " (0000-0000-0000-000X, check digit)")
            orcid = ""
        else:
            orcid = match.group(1)
    return Author(Name.parse(name), affiliation, orcid)


def _read_links(record: Record) -> tuple[tuple[str, str], ...]:
    mapping = record.mapping("links")
    if mapping is None:
        return ()
    links = Record(
        mapping,
        record.path,
        record.location("links").line,
        record.diagnostics,
        f"{record.what}: links",
        LINK_KINDS,
    )
    return tuple((kind, url) for kind in LINK_KINDS if (url := links.url(kind)))
