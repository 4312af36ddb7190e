"""One small, explicit context per page family: plain data ready for a template.

Views decide what a page shows and in which order; templates only lay it out. Every string
that came from data is either a markupsafe ``Markup`` made by the model (already safe) or plain
text that the template's autoescaping escapes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from generator import i18n, latex, program_grid
from generator.changes import ChangeLog
from generator.changes_view import CHANGES_PAGE, FEED_FILE, agenda_version
from generator.exporters import ics
from generator.exporters.bibtex import paper_bibtex
from generator.exporters.citation import CitationRecord, record_of
from generator.exporters.citation_text import apa_citation, plain_citation
from generator.i18n import N_, Language
from generator.model import (
    Area,
    ConferenceData,
    ImportantDate,
    Paper,
    Session,
    SessionKind,
)
from generator.names import Name
from generator.urls import Urls

LINK_LABELS = {
    "pdf": N_("PDF"),
    "code": N_("Code"),
    "slides": N_("Slides"),
    "video": N_("Video"),
    "poster": N_("Poster"),
}
"""A paper's link buttons by kind (English: the catalogue translates them)."""


def day_label(day: date, lang: Language) -> str:
    return lang.day_label(day)


def time_range(session: Session, lang: Language) -> str:
    return f"{lang.clock(session.start)}–{lang.clock(session.end)}"


def utc_iso(moment: datetime) -> str:
    """An absolute instant for the browser: ISO 8601 in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def date_in_zone(item: ImportantDate, lang: Language) -> str:
    """'Friday 25 September 2026, 23:59 AoE' in the zone the date was given in."""
    return f"{lang.day_and_time(item.at)} {item.zone}"


@dataclass(frozen=True)
class Index:
    """Lookups shared by many views, computed once per build."""

    data: ConferenceData
    sessions: dict[str, Session]
    papers_by_session: dict[str, list[Paper]]
    speakers: dict[str, Any]
    topics: dict[str, str]
    lang: Language
    """The language pages are written in: its messages and dates (generator/i18n.py)."""

    @classmethod
    def of(cls, data: ConferenceData, lang: Language | None = None) -> Index:
        by_session: dict[str, list[Paper]] = defaultdict(list)
        for paper in data.papers:
            if paper.session_id:
                by_session[paper.session_id].append(paper)
        return cls(
            data=data,
            sessions={s.id: s for s in data.sessions},
            papers_by_session=by_session,
            speakers={s.id: s for s in data.speakers},
            topics={t.id: t.name for t in data.conference.topics},
            lang=lang or i18n.language(),
        )


def author_list(paper: Paper, urls: Urls) -> list[dict[str, str]]:
    return [
        {
            "name": a.name.full,
            "href": urls.author(a.name.slug),
            "affiliation": a.affiliation,
            "orcid": a.orcid,
        }
        for a in paper.authors
    ]


def paper_summary(paper: Paper, urls: Urls, index: Index) -> dict[str, Any]:
    """What a list of papers shows for each: linked title, authors, award."""
    return {
        "id": paper.id,
        "title": paper.title.as_inline_html,
        "href": urls.paper(paper.id),
        "authors": ", ".join(a.name.full for a in paper.authors),
        "award": paper.award,
        "topics": [index.topics[t] for t in paper.topics],
    }


def session_view(session: Session, urls: Urls, index: Index) -> dict[str, Any]:
    speaker = index.speakers.get(session.speaker_id) if session.speaker_id else None
    return {
        "id": session.id,
        "title": session.title,
        "kind": session.kind.value,
        "kind_label": index.lang.gettext(session.kind.label),
        "time": time_range(session, index.lang),
        "start_utc": utc_iso(session.start),
        "end_utc": utc_iso(session.end),
        "zone": index.data.conference.timezone,
        "zone_abbr": f"{session.start:%Z}",
        "room": session.room,
        "chair": session.chair,
        "description": session.description.as_html if session.description else "",
        "speaker": (
            {
                "name": speaker.name.full,
                "affiliation": speaker.affiliation,
                "talk": speaker.talk_title.as_inline_html,
                "href": urls.speaker(speaker.id),
            }
            if speaker
            else None
        ),
        "papers": [
            {**paper_summary(p, urls, index), "star": f"p:{p.id}", "star_title": p.title.as_text}
            for p in index.papers_by_session[session.id]
        ],
        "href": urls.to(f"program/{session.id}/") if session.kind.holds_papers else "",
        "ics_href": urls.to(ics.session_file(session.id)),
        "star": f"s:{session.id}",
        "grid": "",
    }


def program_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("program")
    conference = index.data.conference
    days = []
    for day in index.data.days:
        days.append(
            {
                "id": f"day-{day.date.isoformat()}",
                "label": day_label(day.date, index.lang),
                "short": index.lang.short_day(day.date),
                **program_grid.day_view(
                    day.sessions, index.data.rooms, lambda s: session_view(s, urls, index)
                ),
            }
        )
    return {
        "timezone": conference.timezone,
        "days": days,
        "unscheduled": [
            paper_summary(p, urls, index) for p in index.data.papers if not p.session_id
        ],
        "exports": schedule_exports(urls, index.lang),
        "agenda_href": urls.to("program/my-agenda/"),
    }


def schedule_exports(urls: Urls, lang: Language) -> list[dict[str, str]]:
    _ = lang.gettext
    return [
        {"label": _("Calendar (.ics)"), "href": urls.to(ics.PROGRAM_FILE)},
        {"label": _("frab XML (Giggity, EventFahrplan)"), "href": urls.to("program/schedule.xml")},
        {"label": _("Schedule JSON"), "href": urls.to("program/schedule.json")},
    ]


def session_page_view(session: Session, index: Index) -> dict[str, Any]:
    """The page of one session that holds papers: /program/<id>/."""
    urls = Urls.for_path(f"program/{session.id}")
    view = session_view(session, urls, index)
    papers = []
    for paper, summary in zip(index.papers_by_session[session.id], view["papers"], strict=True):
        papers.append(
            {
                **summary,
                "authors": author_list(paper, urls),
                "abstract": paper.abstract.as_html if paper.abstract else "",
                "ics_href": urls.to(ics.paper_file(paper.id)),
            }
        )
    return {
        **view,
        "papers": papers,
        "day": day_label(session.day, index.lang),
        "program_href": urls.to(f"program/#{session.id}"),
        "agenda_href": urls.to("program/my-agenda/"),
    }


def my_agenda_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("program/my-agenda")
    return {
        "timezone": index.data.conference.timezone,
        "program_href": urls.to("program/"),
        "data_href": urls.to("program/agenda.json"),
    }


def agenda_data(index: Index) -> dict[str, Any]:
    """The static schedule the browser builds the personal agenda and its .ics from."""
    conference = index.data.conference
    log = ChangeLog.of(index.data)
    return {
        "title": conference.short_title,
        "timezone": conference.timezone,
        "prodid": ics.PRODID,
        "dtstamp": f"{ics.stamp(conference):%Y%m%dT%H%M%SZ}",
        "sessions": {
            s.id: {
                "title": s.title,
                "kind": index.lang.gettext(s.kind.label),
                "start": utc_iso(s.start),
                "end": utc_iso(s.end),
                "time": time_range(s, index.lang),
                "day": day_label(s.day, index.lang),
                "abbr": f"{s.start:%Z}",
                "room": s.room,
                "location": ics.location(conference, s),
                "path": f"program/{s.id}/" if s.kind.holds_papers else f"program/#{s.id}",
                "url": ics.session_url(conference, s),
                "uid": ics.session_uid(conference, s),
                "papers": [p.id for p in index.papers_by_session[s.id]],
                **agenda_version(log.session(s.id)),
            }
            for s in index.data.sessions
        },
        "papers": {
            p.id: {
                "title": p.title.as_text,
                "authors": ", ".join(a.name.full for a in p.authors),
                "session": p.session_id,
                "path": f"papers/{p.id}/",
                "url": ics.paper_url(conference, p),
                "uid": ics.paper_uid(conference, p),
                **agenda_version(log.paper(p.id)),
            }
            for p in index.data.papers
            if p.session_id
        },
    }


def paper_view(paper: Paper, index: Index) -> dict[str, Any]:
    urls = Urls.for_path(f"papers/{paper.id}")
    session = index.sessions.get(paper.session_id) if paper.session_id else None
    return {
        "id": paper.id,
        "title": paper.title.as_inline_html,
        "title_text": paper.title.as_text,
        "star": f"p:{paper.id}",
        "authors": author_list(paper, urls),
        "abstract": paper.abstract.as_html if paper.abstract else "",
        "topics": [index.topics[t] for t in paper.topics],
        "award": paper.award,
        "session": (
            {
                "title": session.title,
                "href": urls.to(f"program/{session.id}/"),
                "day": day_label(session.day, index.lang),
                "time": time_range(session, index.lang),
                "room": session.room,
                "start_utc": utc_iso(session.start),
                "end_utc": utc_iso(session.end),
                "timezone": index.data.conference.timezone,
                "ics_href": urls.to(ics.paper_file(paper.id)),
            }
            if session
            else None
        ),
        "links": [
            {"label": index.lang.gettext(LINK_LABELS[k]), "href": url, "kind": k}
            for k, url in paper.links
        ],
        "bibtex": paper_bibtex(index.data, paper),
        "downloads": [
            {
                "label": label,
                "readers": index.lang.gettext(readers),
                "href": urls.to(f"papers/{paper.id}.{ext}"),
            }
            for label, readers, ext in CITATION_DOWNLOADS
        ],
        **_citations(record_of(index.data, paper)),
        "pages": paper.pages,
        "doi": paper.doi,
        "proceedings_href": urls.to("proceedings/"),
    }


CITATION_DOWNLOADS = (
    ("BibTeX", "LaTeX", "bib"),
    ("RIS", N_("EndNote, Zotero, Mendeley"), "ris"),
    ("CSL-JSON", N_("Zotero, Pandoc"), "csl.json"),
)
"""A paper's citation files: label, the tools that read it, extension."""


def _citations(record: CitationRecord) -> dict[str, str]:
    return {"citation": plain_citation(record), "apa": apa_citation(record)}


def proceedings_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("proceedings")
    data = index.data
    groups = []
    for topic in data.conference.topics:
        papers = [p for p in data.papers if p.topics and p.topics[0] == topic.id]
        if papers:
            groups.append(
                {
                    "id": topic.id,
                    "name": topic.name,
                    "papers": [paper_summary(p, urls, index) for p in papers],
                }
            )
    other = [p for p in data.papers if not p.topics]
    if other:
        groups.append(
            {
                "id": "other",
                "name": index.lang.gettext("Other papers"),
                "papers": [paper_summary(p, urls, index) for p in other],
            }
        )
    volume_title = ""
    if data.volume:
        volume_title = latex.decode(data.volume.get("title") or data.volume.get("booktitle"))
    return {
        "title": volume_title
        or index.lang.gettext("Proceedings of {conference}").format(
            conference=data.conference.title
        ),
        "count": len(data.papers),
        "groups": groups,
        "bib_href": urls.to("proceedings/proceedings.bib"),
    }


@dataclass(frozen=True)
class Person:
    """One author across all their papers (authors are one person when their slugs agree)."""

    slug: str
    name: Name
    """The first spelling met, in papers.yaml order."""
    affiliations: tuple[str, ...]
    orcid: str
    papers: tuple[Paper, ...]


def people(index: Index) -> list[Person]:
    """Every author, A-Z by family name, each with their papers in papers.yaml order."""
    names: dict[str, Name] = {}
    affiliations: dict[str, list[str]] = defaultdict(list)
    orcids: dict[str, str] = {}
    papers: dict[str, list[Paper]] = defaultdict(list)
    for paper in index.data.papers:
        for author in paper.authors:
            slug = author.name.slug
            names.setdefault(slug, author.name)
            if author.affiliation and author.affiliation not in affiliations[slug]:
                affiliations[slug].append(author.affiliation)
            if author.orcid:
                orcids.setdefault(slug, author.orcid)
            if not papers[slug] or papers[slug][-1] is not paper:
                papers[slug].append(paper)
    ordered = sorted(names, key=lambda slug: (names[slug].sort_key, slug))
    return [
        Person(
            slug=slug,
            name=names[slug],
            affiliations=tuple(affiliations[slug]),
            orcid=orcids.get(slug, ""),
            papers=tuple(papers[slug]),
        )
        for slug in ordered
    ]


def authors_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("authors")
    letters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    everyone = people(index)
    for person in everyone:
        initial = person.name.sort_key[0][:1].upper() or "#"
        letters[initial if initial.isalpha() else "#"].append(
            {
                "slug": person.slug,
                "href": urls.author(person.slug),
                "name": person.name.full,
                "sort_name": person.name.last_first,
                "affiliations": list(person.affiliations),
                "orcid": person.orcid,
                "papers": [paper_summary(p, urls, index) for p in person.papers],
            }
        )
    return {
        "count": len(everyone),
        "letters": [{"letter": k, "people": v} for k, v in sorted(letters.items())],
    }


def author_view(person: Person, index: Index, path: str = "") -> dict[str, Any]:
    """An author's page: their papers, their co-authors (linked) and ORCID iD. ``path`` is
    where the page is served when not at authors/<slug> (a part of a long page, paging.py)."""
    urls = Urls.for_path(path or f"authors/{person.slug}")
    coauthors: dict[str, Name] = {}
    for paper in person.papers:
        for author in paper.authors:
            if author.name.slug != person.slug:
                coauthors.setdefault(author.name.slug, author.name)
    ordered = sorted(coauthors, key=lambda slug: (coauthors[slug].sort_key, slug))
    return {
        "slug": person.slug,
        "name": person.name.full,
        "affiliations": list(person.affiliations),
        "orcid": person.orcid,
        "papers": [paper_summary(p, urls, index) for p in person.papers],
        "paper_count": len(person.papers),
        "coauthors": [
            {"name": coauthors[slug].full, "href": urls.author(slug)} for slug in ordered
        ],
        "authors_href": urls.to("authors/"),
        "pager": [],
    }


def committee_view(index: Index) -> dict[str, Any]:
    """The split by area only when some member has one; members without one after it."""
    data = index.data

    def listed(area: Area | None) -> list[dict[str, str]]:
        members = sorted(
            (m for m in data.program_committee if m.area is area), key=lambda m: m.name.sort_key
        )
        return [{"name": m.name.full, "affiliation": m.affiliation} for m in members]

    split = any(m.area is not None for m in data.program_committee)
    areas = [
        {
            "id": a.value,
            "label": index.lang.gettext(a.label),
            "count": len(listed(a)),
            "members": listed(a),
        }
        for a in (Area if split else ())
    ]
    return {
        "unassigned": listed(None),
        "organizers": [
            {"role": o.role, "name": o.name.full, "affiliation": o.affiliation}
            for o in data.organizers
        ],
        "areas": areas,
        "total": len(data.program_committee),
    }


def speakers_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("speakers")
    keynotes = {s.speaker_id: s for s in index.data.sessions if s.speaker_id}
    speakers = []
    for speaker in index.data.speakers:
        session = keynotes.get(speaker.id)
        speakers.append(
            {
                "id": speaker.id,
                "name": speaker.name.full,
                "affiliation": speaker.affiliation,
                "talk": speaker.talk_title.as_inline_html,
                "abstract": speaker.abstract.as_html if speaker.abstract else "",
                "bio": speaker.bio.as_html if speaker.bio else "",
                "photo": speaker.photo,
                "url": speaker.url,
                "session": (
                    {
                        "href": urls.session(session.id),
                        "day": day_label(session.day, index.lang),
                        "time": time_range(session, index.lang),
                        "room": session.room,
                    }
                    if session
                    else None
                ),
            }
        )
    return {"speakers": speakers}


def dates_view(index: Index) -> list[dict[str, str]]:
    return [
        {"name": d.name, "when": date_in_zone(d, index.lang), "utc": utc_iso(d.at), "zone": d.zone}
        for d in index.data.conference.important_dates
    ]


def home_view(index: Index) -> dict[str, Any]:
    conference = index.data.conference
    urls = Urls.for_path("")
    dates = index.lang.date_span(conference.start, conference.end)
    return {
        "title": conference.title,
        "fictional": conference.fictional,
        "dates": dates,
        "venue": conference.venue,
        "timezone": conference.timezone,
        "important_dates": dates_view(index),
        "uses_aoe": any(d.zone == "AoE" for d in conference.important_dates),
        "paper_count": len(index.data.papers),
        "session_count": sum(1 for s in index.data.sessions if s.kind is SessionKind.PAPERS),
        "links": {
            "program": urls.to("program/"),
            "proceedings": urls.to("proceedings/"),
            "cfp": urls.to("call-for-papers/"),
            "changes": urls.to(f"{CHANGES_PAGE}/"),
            "feed": urls.to(FEED_FILE),
        },
        "sponsors": [
            {"name": s.name, "tier": s.tier.capitalize(), "url": s.url} for s in index.data.sponsors
        ],
    }


def cfp_view(index: Index) -> dict[str, Any]:
    conference = index.data.conference
    return {
        "title": conference.title,
        "topics": [
            {"id": t.id, "name": t.name, "description": t.description.as_html}
            for t in conference.topics
        ],
        "important_dates": dates_view(index),
        "contact": conference.contact,
        "uses_aoe": any(d.zone == "AoE" for d in conference.important_dates),
    }
