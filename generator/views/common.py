"""What many page families share: dates and times as shown, the build's lookups, and a paper as
a list shows it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from generator.model import ConferenceData, ImportantDate, Paper, Session
from generator.urls import Urls
from generator.views.contexts import AuthorLink, PaperSummary

LINK_LABELS = {
    "pdf": "PDF",
    "code": "Code",
    "slides": "Slides",
    "video": "Video",
    "poster": "Poster",
}


def day_label(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def time_range(session: Session) -> str:
    return f"{session.start:%H:%M}–{session.end:%H:%M}"


def utc_iso(moment: datetime) -> str:
    """An absolute instant for the browser: ISO 8601 in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def date_in_zone(item: ImportantDate) -> str:
    """'Friday 25 September 2026, 23:59 AoE' in the zone the date was given in."""
    return f"{item.at:%A} {item.at.day} {item.at:%B %Y, %H:%M} {item.zone}"


@dataclass(frozen=True)
class Index:
    """Lookups shared by many views, computed once per build."""

    data: ConferenceData
    sessions: dict[str, Session]
    papers_by_session: dict[str, list[Paper]]
    speakers: dict[str, Any]
    topics: dict[str, str]

    @classmethod
    def of(cls, data: ConferenceData) -> Index:
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
        )


def author_list(paper: Paper, urls: Urls) -> list[AuthorLink]:
    return [
        {
            "name": a.name.full,
            "href": urls.author(a.name.slug),
            "affiliation": a.affiliation,
            "orcid": a.orcid,
        }
        for a in paper.authors
    ]


def paper_summary(paper: Paper, urls: Urls, index: Index) -> PaperSummary:
    """What a list of papers shows for each: linked title, authors, award."""
    return {
        "id": paper.id,
        "title": paper.title.as_inline_html,
        "href": urls.paper(paper.id),
        "authors": ", ".join(a.name.full for a in paper.authors),
        "award": paper.award,
        "topics": [index.topics[t] for t in paper.topics],
    }
