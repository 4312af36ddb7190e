"""The program family: the program page, a session's page, the personal agenda and its data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator import program_grid
from generator.changes import ChangeLog
from generator.changes_view import agenda_version
from generator.exporters import ics
from generator.i18n import Language
from generator.model import Session
from generator.talks_view import agenda_talk, talk_fields
from generator.urls import Urls
from generator.views.common import (
    Index,
    author_list,
    day_label,
    paper_summary,
    time_range,
    utc_iso,
)
from generator.views.contexts import ProgramView, SessionPageView, SessionView


def session_view(session: Session, urls: Urls, index: Index) -> SessionView:
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
        "organizers": list(session.organizers),
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
            {
                **paper_summary(p, urls, index),
                **talk_fields(p),
                "star": f"p:{p.id}",
                "star_title": p.title.as_text,
            }
            for p in index.papers_by_session[session.id]
        ],
        "href": urls.to(f"program/{session.id}/") if session.kind.holds_papers else "",
        "ics_href": urls.to(ics.session_file(session.id)),
        "star": f"s:{session.id}",
        "grid": "",
    }


SessionItem = Callable[[Session, Urls], Mapping[str, object]]
"""A session as a program day lists it, for the page ``Urls`` is of."""


def program_view(index: Index, item: SessionItem | None = None) -> ProgramView:
    """The program on one page; each day's sessions as ``item`` gives them (the paging's
    sessions with their entries rendered), else their views alone."""
    urls = Urls.for_path("program")
    session = item or (lambda s, at: session_view(s, at, index))
    conference = index.data.conference
    days = []
    for day in index.data.days:
        days.append(
            {
                "id": f"day-{day.date.isoformat()}",
                "label": day_label(day.date, index.lang),
                "short": index.lang.short_day(day.date),
                **program_grid.day_view(day.sessions, index.data.rooms, lambda s: session(s, urls)),
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


def session_page_view(session: Session, index: Index) -> SessionPageView:
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
                **agenda_talk(p, utc_iso),
                **agenda_version(log.paper(p.id)),
            }
            for p in index.data.papers
            if p.session_id
        },
    }
