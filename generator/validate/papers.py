"""papers.yaml: the accepted papers, their authors and where they are presented."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics, Location, did_you_mean, known
from generator.load.yaml_source import LineDict, LineList
from generator.model import LINK_KINDS, Author, Paper, Session
from generator.names import Name
from generator.text import Text
from generator.validate.fields import SLUG, Record, _parses_as_url, is_safe_url, top_level_list
from generator.validate.latex import warn_fields

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
    items = top_level_list(root, "papers", path, diagnostics, "- id: my-paper")
    for item, line in items:
        paper = _plain_paper(item, path, seen, topic_ids, sessions, session_ids)
        if paper is not None:
            papers.append(paper)
            seen[paper.id] = Location(path, item.line_of("id"))
            warn_fields(
                diagnostics,
                path,
                item,
                f"paper '{paper.id}'",
                title=paper.title,
                abstract=paper.abstract,
            )
            continue
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
        paper = _read_paper(record, paper_id, diagnostics, topic_ids, sessions, session_ids)
        if paper:
            papers.append(paper)
    return tuple(papers)


def _read_paper(
    record: Record,
    paper_id: str,
    diagnostics: Diagnostics,
    topic_ids: set[str] | None,
    sessions: dict[str, Session],
    session_ids: set[str] | None,
) -> Paper | None:
    what = record.what
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
                "sessions of kind 'papers' or 'poster'",
            )
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
    )


def _read_author(
    value: Any, path: str, line: int, diagnostics: Diagnostics, paper: str
) -> Author | None:
    if isinstance(value, str):
        value_record = None
        name, affiliation, orcid = value, "", ""
    elif (author := _plain_author(value)) is not None:
        # The usual author, checked without a Record (tens of thousands at a large conference).
        return author
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


def _plain_author(value: Any) -> Author | None:
    """The author of a mapping with a name, maybe an affiliation and a valid ORCID iD:
    nothing a Record would report. None for anything else, which goes through a Record."""
    if value.__class__ is not LineDict or value.duplicate_keys:
        return None
    name, affiliation, orcid = value.get("name"), value.get("affiliation"), value.get("orcid")
    if not (
        name.__class__ is str
        and name.strip()
        and (affiliation is None or affiliation.__class__ is str)
        and all(key in AUTHOR_KEYS for key in value)
    ):
        return None
    orcid_id = ""
    if orcid is not None:
        match = _ORCID.match(orcid.strip()) if orcid.__class__ is str else None
        if not (match and orcid_checksum_ok(match.group(1))):
            return None
        orcid_id = match.group(1)
    return Author(Name.parse(name.strip()), affiliation.strip() if affiliation else "", orcid_id)


def _plain_paper(
    item: Any,
    path: str,
    seen: dict[str, Location],
    topic_ids: set[str] | None,
    sessions: dict[str, Session],
    session_ids: set[str] | None,
) -> Paper | None:
    """The paper of an entry with nothing to report, read without Records (the usual entry,
    thousands of times); None for any other entry, which _read_paper reads and reports on."""
    if item.__class__ is not LineDict or item.duplicate_keys:
        return None
    get = item.get
    paper_id, title, authors, abstract = get("id"), get("title"), get("authors"), get("abstract")
    if not (
        paper_id.__class__ is str
        and title.__class__ is str
        and abstract.__class__ is str
        and title
        and abstract
        and "no_abstract" not in item
        and authors.__class__ is LineList
        and authors
        and all(key in PAPER_KEYS for key in item)
    ):
        return None
    paper_id = paper_id.strip()
    if not SLUG.match(paper_id) or paper_id in seen:
        return None
    read_authors = []
    for author in authors:  # as _read_author reads the ones it has nothing to report on
        if author.__class__ is str:
            if not author.strip():
                return None
            read_authors.append(Author(Name.parse(author)))
            continue
        plain = _plain_author(author)
        if plain is None:
            return None
        read_authors.append(plain)
    topics = get("topics")
    if topics is not None and (
        not isinstance(topics, list)
        or (topic_ids is not None and not all(str(topic) in topic_ids for topic in topics))
    ):
        return None
    texts = [get(key) for key in ("session", "award", "pages", "doi")]
    if not all(text is None or text.__class__ is str for text in texts):
        return None
    session_id, award, pages, doi = (text.strip() if text else "" for text in texts)
    session = sessions.get(session_id) if session_id else None
    if session_id and (
        (session is None and session_ids is not None and session_id not in session_ids)
        or (session is not None and not session.kind.holds_papers)
    ):
        return None
    doi_match = _DOI.match(doi) if doi else None
    links = _plain_links(get("links"))
    if (doi and doi_match is None) or links is None:
        return None
    return Paper(
        id=paper_id,
        title=Text(title.strip()),
        authors=tuple(read_authors),
        abstract=Text(abstract.strip()),
        topics=tuple(str(topic) for topic in topics or ()) if topic_ids is not None else (),
        session_id=session_id if session_id in sessions else None,
        location=Location(path, item.line),
        award=award,
        links=links,
        pages=pages,
        doi=doi_match.group(1) if doi_match else "",
    )


def _plain_links(links: Any) -> tuple[tuple[str, str], ...] | None:
    """What _read_links returns for links it has nothing to report on; None for others."""
    if links is None:
        return ()
    if links.__class__ is not LineDict or links.duplicate_keys:
        return None
    if not all(key in LINK_KINDS for key in links):
        return None
    found = []
    for kind in LINK_KINDS:
        url = links.get(kind)
        if url is None:
            continue
        if url.__class__ is not str:
            return None
        url = url.strip()
        if url and not (is_safe_url(url) and _parses_as_url(url)):
            return None
        if url:
            found.append((kind, url))
    return tuple(found)


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
