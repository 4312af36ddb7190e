"""Machine-readable page metadata: Highwire tags for Google Scholar, schema.org JSON-LD, and
OpenGraph/Twitter cards, rendered as HTML for the page's <head>.

Everything here returns finished, escaped HTML: attribute values through ``markupsafe.escape``,
JSON-LD with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes so no value can close
the script element. Titles and abstracts appear as plain text (math spelled out).
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import escape

from generator.exporters.citation import CitationRecord
from generator.model import Conference, ConferenceData, Session

DESCRIPTION_LIMIT = 300
"""OpenGraph and Twitter cards show about this many characters of the description."""


def json_ld(document: dict[str, Any]) -> str:
    """A JSON-LD script element whose content no data can break out of."""
    text = json.dumps(document, ensure_ascii=False, indent=None, separators=(",", ":"))
    # str.replace, not str.translate: translate looks up every character in Python (~0.1 ms
    # for a paper's document), replace scans in C.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _meta(attribute: str, name: str, value: str) -> str:
    return f'<meta {attribute}="{escape(name)}" content="{escape(value)}">'


def _shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def highwire_tags(record: CitationRecord) -> list[str]:
    """Google Scholar's citation_* tags: authors one per tag, in order, and the container
    under the tag Scholar reads for that kind of work (conference, journal, book, thesis,
    report)."""
    tags = [("citation_title", record.title.as_text)]
    for author in record.authors:
        tags.append(("citation_author", author.name.last_first))
        if author.affiliation:
            tags.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            tags.append(("citation_author_orcid", f"https://orcid.org/{author.orcid}"))
    tags.append(("citation_publication_date", record.slashed_date))
    container = record.kind.highwire
    if container == "conference":
        tags.append(("citation_conference_title", record.conference or record.container))
        tags.append(("citation_inbook_title", record.container))
    elif container == "journal":
        tags.append(("citation_journal_title", record.container))
        tags.append(("citation_issue", record.number))
    elif container == "book":
        tags.append(("citation_inbook_title", record.container))
    elif container == "thesis":
        tags.append(("citation_dissertation_institution", record.institution))
    elif container == "report":
        tags.append(("citation_technical_report_institution", record.institution))
        tags.append(("citation_technical_report_number", record.number))
    tags.append(("citation_volume", record.volume))
    tags.append(("citation_firstpage", record.first_page))
    tags.append(("citation_lastpage", record.last_page))
    tags.append(("citation_publisher", record.publisher))
    tags.append(("citation_isbn", record.isbn))
    tags.append(("citation_issn", record.issn))
    tags.append(("citation_pdf_url", record.scholar_pdf_url))
    tags.append(("citation_doi", record.doi))
    tags.append(("citation_abstract_html_url", record.url))
    return [_meta("name", name, value) for name, value in tags if value]


def card_tags(title: str, description: str, url: str, site_name: str, kind: str) -> list[str]:
    """OpenGraph and Twitter card tags (a text card: the site has no preview images)."""
    description = _shorten(description)
    tags = [
        _meta("property", "og:type", kind),
        _meta("property", "og:title", title),
        _meta("property", "og:url", url),
        _meta("property", "og:site_name", site_name),
    ]
    if description:
        tags.append(_meta("property", "og:description", description))
    tags += [_meta("name", "twitter:card", "summary"), _meta("name", "twitter:title", title)]
    if description:
        tags.append(_meta("name", "twitter:description", description))
    return tags


def scholarly_article(record: CitationRecord) -> dict[str, Any]:
    """schema.org ScholarlyArticle: authors (with affiliations and ORCID) in order."""
    authors = []
    for author in record.authors:
        person: dict[str, Any] = {"@type": "Person", "name": author.name.full}
        if author.name.first:
            person["givenName"] = author.name.first
        family = " ".join(p for p in (author.name.von, author.name.last) if p)
        if family:
            person["familyName"] = family
        if author.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        if author.orcid:
            person["sameAs"] = f"https://orcid.org/{author.orcid}"
        authors.append(person)
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": record.url,
        "url": record.url,
        "headline": record.title.as_text,
        "name": record.title.as_text,
        "author": authors,
    }
    if record.date_parts:
        article["datePublished"] = "-".join(
            f"{part:02d}" if i else f"{part:04d}" for i, part in enumerate(record.date_parts)
        )
    if record.container:
        container = "Periodical" if record.kind.highwire == "journal" else "Book"
        article["isPartOf"] = {"@type": container, "name": record.container}
    if record.editors and "isPartOf" in article:
        article["isPartOf"]["editor"] = [
            {"@type": "Person", "name": editor.full} for editor in record.editors
        ]
    if record.publisher:
        article["publisher"] = {"@type": "Organization", "name": record.publisher}
    if record.abstract:
        article["abstract"] = record.abstract.as_block_text
    if record.first_page:
        article["pageStart"] = record.first_page
    if record.last_page:
        article["pageEnd"] = record.last_page
    if record.doi:
        article["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": record.doi}
        article["sameAs"] = f"https://doi.org/{record.doi}"
    if record.pdf_url:
        article["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": record.pdf_url,
            "encodingFormat": "application/pdf",
        }
    return article


def paper_head(record: CitationRecord, site_name: str) -> str:
    """All head metadata of a paper page, as one escaped HTML string."""
    description = record.abstract.as_block_text if record.abstract else record.title.as_text
    tags = highwire_tags(record)
    tags += card_tags(record.title.as_text, description, record.url, site_name, "article")
    tags.append(json_ld(scholarly_article(record)))
    return "\n".join(tags)


def _place(conference: Conference) -> dict[str, Any]:
    venue = conference.venue
    place: dict[str, Any] = {"@type": "Place", "name": venue.name}
    address = {
        key: value
        for key, value in (
            ("streetAddress", venue.address),
            ("addressLocality", venue.city),
            ("addressCountry", venue.country),
        )
        if value
    }
    if address:
        place["address"] = {"@type": "PostalAddress", **address}
    if venue.url:
        place["url"] = venue.url
    return place


def conference_span(data: ConferenceData) -> tuple[datetime, datetime]:
    """First session start to last session end; without a program, the days in the zone."""
    sessions = data.sessions
    if sessions:
        return min(s.start for s in sessions), max(s.end for s in sessions)
    zone = ZoneInfo(data.conference.timezone)
    start = datetime.combine(data.conference.start, time(0, 0), zone)
    end = datetime.combine(data.conference.end + timedelta(days=1), time(0, 0), zone)
    return start, end


def conference_event(data: ConferenceData) -> dict[str, Any]:
    """schema.org Event of the whole conference, with its place and zone-aware times."""
    conference = data.conference
    start, end = conference_span(data)
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": conference.url + "#event",
        "name": conference.title,
        "url": conference.url,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(conference),
    }
    if conference.description:
        event["description"] = conference.description
    return event


def session_event(data: ConferenceData, session: Session, url: str) -> dict[str, Any]:
    """schema.org Event of one session, part of the conference's Event; ``url`` is absolute."""
    conference = data.conference
    place = _place(conference)
    if session.room:
        place = {"@type": "Place", "name": session.room, "containedInPlace": place}
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "url": url,
        "startDate": session.start.isoformat(),
        "endDate": session.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "superEvent": {
            "@type": "Event",
            "@id": conference.url + "#event",
            "name": conference.title,
            "url": conference.url,
        },
    }
    if session.description:
        event["description"] = session.description.as_block_text
    return event


def home_head(data: ConferenceData) -> str:
    """Head metadata of the home page: the conference Event and its card."""
    conference = data.conference
    tags = card_tags(
        conference.title,
        conference.description,
        conference.url,
        conference.short_title,
        "website",
    )
    tags.append(json_ld(conference_event(data)))
    return "\n".join(tags)


def feed_link(href: str, title: str) -> str:
    """The changes feed announced to browsers and feed readers (``href`` from the page).

    Only the Changes page announces it (the home page links it in its facts): Material takes
    every ``<link rel="alternate">`` for a translation of the site and downloads the whole
    sitemap.xml for it on each page view, 1.36 MB at 5,000 papers (bench/page_weight.py).
    """
    return (
        f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
        f'href="{escape(href)}">'
    )


def session_head(data: ConferenceData, session: Session) -> str:
    """Head metadata of a session page (/program/<id>/): its Event JSON-LD."""
    url = f"{data.conference.url}program/{session.id}/"
    return json_ld(session_event(data, session, url))
