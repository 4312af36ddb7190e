"""What many page families share: dates and times as shown, the build's lookups, and a paper as
a list shows it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from generator import i18n
from generator.i18n import N_, Language
from generator.model import ConferenceData, ImportantDate, Paper, Session
from generator.urls import Urls
from generator.views.contexts import AuthorLink, PaperSummary

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
        by_session: dict[str, list[Paper]] = defaultdict(list, data.papers_by_session())
        return cls(
            data=data,
            sessions={s.id: s for s in data.sessions},
            papers_by_session=by_session,
            speakers={s.id: s for s in data.speakers},
            topics={t.id: t.name for t in data.conference.topics},
            lang=lang or i18n.language(),
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
