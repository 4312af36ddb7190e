"""The program as an overview of every session and a page per day, in parts of whole time
slots; papers without a session on pages of their own when the overview cannot hold them."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from generator import program_grid, views
from generator.i18n import Language
from generator.model import Paper, Session
from generator.paging.common import (
    OVERVIEW_MARKUP,
    PAGE_MARKUP,
    PROGRAM_PAPER_MARKUP,
    SESSION_MARKUP,
    PageSpec,
    paper_count,
    paper_list_pages,
    paper_size,
    parts_of,
)
from generator.urls import Urls


def _session_size(session: Session, index: views.Index) -> int:
    size = SESSION_MARKUP + 4 * len(session.id) + 2 * len(session.title) + 2 * len(session.room)
    size += len(session.chair) + (len(session.description.as_html) if session.description else 0)
    for paper in index.papers_by_session.get(session.id, ()):
        size += paper_size(paper) + PROGRAM_PAPER_MARKUP + len(paper.title.as_text)
    return size


def time_slots(sessions: Sequence[Session]) -> list[list[Session]]:
    """A day's sessions (in time order) grouped into runs that overlap in time: a page of the
    program never cuts through parallel sessions, so its room grid stays whole."""
    return program_grid.clusters(tuple(sessions))


def _day_view(
    sessions: Sequence[Session], day_id: str, label: str, urls: Urls, index: views.Index
) -> dict[str, Any]:
    """One day (or part of one) as program.html lays it out."""
    return {
        "id": day_id,
        "label": label,
        **program_grid.day_view(
            tuple(sessions), index.data.rooms, lambda s: views.session_view(s, urls, index)
        ),
    }


def program_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The program as an overview of every session and a page per day (in parts of whole time
    slots); None when one page fits."""
    data, lang = index.data, index.lang
    _ = lang.gettext
    sizes = [_session_size(s, index) for s in data.sessions]
    unscheduled = [p for p in data.papers if not p.session_id]
    if PAGE_MARKUP + sum(sizes) + sum(paper_size(p) for p in unscheduled) <= limit:
        return None
    top = Urls.for_path("program")
    pages: list[PageSpec] = []
    overview = PAGE_MARKUP + sum(_overview_size(s) for s in data.sessions)
    listed = overview + sum(paper_size(p) for p in unscheduled) <= limit
    unscheduled_link = None
    if unscheduled and not listed:  # pages of their own, after the days
        unscheduled_link = {
            "href": top.to(f"{UNSCHEDULED}/"),
            "count": paper_count(len(unscheduled), lang),
        }
    days = []
    for day in data.days:
        slots = time_slots(day.sessions)
        folder = f"program/days/{day.date.isoformat()}"
        slot_sizes = [sum(_session_size(s, index) for s in slot) for slot in slots]
        parts = parts_of(folder, slot_sizes, limit, functools.partial(_span, slots, lang))
        label = views.day_label(day.date, lang)
        page_of = {}
        for path, run, pager in parts:
            chosen = [s for i in run for s in slots[i]]
            for session in chosen:
                page_of[session.id] = path
            urls = Urls.for_path(path)
            part = f", {_span(slots, lang, run)}" if len(parts) > 1 else ""
            pages.append(
                PageSpec(
                    path=path,
                    title=_("Program: {day}").format(day=f"{label}{part}"),
                    description=_(
                        "The program of {name} on {day}: sessions, rooms, times and papers."
                    ).format(name=name, day=f"{label}{part}"),
                    template="program_day.html",
                    context={
                        "timezone": data.conference.timezone,
                        "day": _day_view(
                            chosen, f"day-{day.date.isoformat()}", f"{label}{part}", urls, index
                        ),
                        "pager": pager,
                        "program_href": urls.to(f"program/#day-{day.date.isoformat()}"),
                        "agenda_href": urls.to("program/my-agenda/"),
                    },
                    search=False,  # each session and paper has its own entry
                )
            )
        days.append(
            {
                "id": f"day-{day.date.isoformat()}",
                "label": label,
                "short": lang.short_day(day.date),
                "href": top.to(f"{folder}/"),
                "sessions": [
                    {
                        "id": s.id,
                        "time": views.time_range(s, lang),
                        "room": s.room,
                        "kind_label": _(s.kind.label),
                        "title": s.title,
                        # its own page, or its place on the day's page (keynotes, breaks)
                        "href": top.to(f"program/{s.id}/")
                        if s.kind.holds_papers
                        else top.to(f"{page_of[s.id]}/#{s.id}"),
                        "count": paper_count(len(index.papers_by_session.get(s.id, ())), lang),
                    }
                    for s in day.sessions
                ],
            }
        )
    head = PageSpec(
        path="program",
        title=_("Program"),
        description=_("The program of {name}: sessions, rooms and times, day by day.").format(
            name=name
        ),
        template="program_overview.html",
        context={
            "timezone": data.conference.timezone,
            "days": days,
            "unscheduled": [views.paper_summary(p, top, index) for p in unscheduled]
            if listed
            else [],
            "unscheduled_link": unscheduled_link,
            "exports": views.schedule_exports(top, lang),
            "agenda_href": top.to("program/my-agenda/"),
        },
        search=True,
        in_nav=True,
    )
    if unscheduled_link:
        pages += _unscheduled_pages(unscheduled, index, limit, name)
    return [head, *pages]


UNSCHEDULED = "program/days/unscheduled"
"""Where papers without a session are listed when the overview cannot hold them (in days/,
where no session id can take the name)."""


def _unscheduled_pages(
    papers: list[Paper], index: views.Index, limit: int, name: str
) -> list[PageSpec]:
    return paper_list_pages(
        UNSCHEDULED,
        papers,
        index,
        limit,
        template="program_unscheduled.html",
        title=index.lang.gettext("Papers not yet scheduled"),
        description=index.lang.gettext("Papers of {name} without a session yet").format(name=name),
        context={"count": paper_count(len(papers), index.lang)},
        links={"program_href": "program/"},
    )


def _overview_size(session: Session) -> int:
    return OVERVIEW_MARKUP + 4 * len(session.id) + len(session.title.encode("utf-8"))


def _span(slots: list[list[Session]], lang: Language, run: range) -> str:
    chosen = [s for i in run for s in slots[i]]
    return f"{lang.clock(chosen[0].start)}–{lang.clock(max(s.end for s in chosen))}"
