"""The program as an overview of every session and a page per day, in parts of whole time
slots; papers without a session on pages of their own when the overview cannot hold them."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from generator import program_grid, templating, views
from generator.i18n import Language
from generator.model import Paper, Session
from generator.paging.common import (
    PageSpec,
    Part,
    climbs,
    deeper,
    html_bytes,
    measured,
    paper_count,
    paper_entries,
    paper_list_pages,
    parts_of,
    within,
)
from generator.urls import Urls


def time_slots(sessions: Sequence[Session]) -> list[list[Session]]:
    """A day's sessions (in time order) grouped into runs that overlap in time: a page of the
    program never cuts through parallel sessions, so its room grid stays whole."""
    return program_grid.clusters(tuple(sessions))


class SessionEntries:
    """Sessions as a program day lists them (``_program_day.html``): each session's entry
    (``_schedule.html``'s ``session_entry``) rendered once, for the shallowest page that asks,
    and moved onto deeper pages with ``deeper``. A day too long for one page is measured slot
    by slot and then rendered part by part: every session was rendered three times before
    (at 5,000 papers the program's split took 0.46 s, now 0.27 s, the same bytes; measured
    2026-12-04, best of 3). An entry whose own text links with ``../`` (a description written
    so) is rendered for each depth instead: ``deeper`` would move that link too."""

    def __init__(self, index: views.Index) -> None:
        self.index = index
        self.render = templating.macro("_schedule.html", "session_entry", index.lang.code)
        self.known: dict[str, tuple[int, dict[str, Any], bool]] = {}
        """By session id: the depth its entry was rendered for, the entry with what the
        day's template needs beside it, and whether it may move deeper."""

    def item(self, session: Session, urls: Urls) -> dict[str, Any]:
        """``session`` with its entry, as the page ``urls`` is of lists it."""
        known = self.known.get(session.id)
        if known is not None and known[0] == urls.depth:
            return known[1]
        if known is not None and known[0] < urls.depth and known[2]:
            depth, item, _movable = known
            return {**item, "entry": deeper(item["entry"], urls.depth - depth)}
        view = views.session_view(session, urls, self.index)
        item = {**view, "entry": Markup(self.render(view))}
        if known is None or urls.depth < known[0]:
            self.known[session.id] = (urls.depth, item, not _links_of_its_own(view))
        return item


def _links_of_its_own(view: views.SessionView) -> bool:
    """Whether the HTML the data gives a session's entry holds a link that climbs folders."""
    speaker = view["speaker"]
    texts = [view["description"], speaker["talk"] if speaker else ""]
    texts += [str(p["title"]) for p in view["papers"]]
    return any(climbs(text) for text in texts)


def program_page(index: views.Index, entries: SessionEntries) -> str:
    """The program on one page (program.html)."""
    program = views.program_view(index, entries.item)
    return templating.render("program.html", program, index.lang.code)


def _day_view(
    sessions: Sequence[Session],
    day_id: str,
    label: str,
    urls: Urls,
    index: views.Index,
    entries: SessionEntries,
) -> dict[str, Any]:
    """One day (or part of one) as program.html lays it out."""
    return {
        "id": day_id,
        "label": label,
        **program_grid.day_view(
            tuple(sessions), index.data.rooms, lambda session: entries.item(session, urls)
        ),
    }


def program_split(
    index: views.Index, limit: int, name: str, entries: SessionEntries | None = None
) -> list[PageSpec] | None:
    """The program as an overview of every session and a page per day (in parts of whole time
    slots); None when one page fits (``program_page``, with the same ``entries``)."""
    entries = entries or SessionEntries(index)
    data, lang = index.data, index.lang
    _ = lang.gettext
    code = lang.code
    unscheduled = [p for p in data.papers if not p.session_id]
    if _fits(index, limit, entries):
        return None
    top = Urls.for_path("program")
    pages: list[PageSpec] = []
    unscheduled_link = {
        "href": top.to(f"{UNSCHEDULED}/"),
        "count": paper_count(len(unscheduled), lang),
    }
    days = []
    for day in data.days:
        slots = time_slots(day.sessions)
        folder = f"program/days/{day.date.isoformat()}"
        day_id, label = f"day-{day.date.isoformat()}", views.day_label(day.date, lang)
        page_of = {}
        for part, page in _day_parts(slots, folder, day_id, label, index, limit, entries):
            for session in (s for i in part.run for s in slots[i]):
                page_of[session.id] = part.path
            pages.append(
                PageSpec(
                    path=part.path,
                    title=_("Program: {day}").format(day=page["label"]),
                    description=_(
                        "The program of {name} on {day}: sessions, rooms, times and papers."
                    ).format(name=name, day=page["label"]),
                    template="program_day.html",
                    context=page,
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
    overview: dict[str, Any] = {
        "timezone": data.conference.timezone,
        "days": days,
        "unscheduled": [views.paper_summary(p, top, index) for p in unscheduled],
        "unscheduled_link": None,
        "exports": views.schedule_exports(top, lang),
        "agenda_href": top.to("program/my-agenda/"),
    }
    # Papers without a session are listed on the overview when it holds them, else linked.
    listed = html_bytes(templating.render("program_overview.html", overview, code)) <= limit
    if unscheduled and not listed:
        overview.update(unscheduled=[], unscheduled_link=unscheduled_link)
        pages += _unscheduled_pages(unscheduled, index, limit, name)
    head = PageSpec(
        path="program",
        title=_("Program"),
        description=_("The program of {name}: sessions, rooms and times, day by day.").format(
            name=name
        ),
        template="program_overview.html",
        context=overview,
        search=True,
        in_nav=True,
    )
    return [head, *pages]


def _day_parts(
    slots: list[list[Session]],
    folder: str,
    day_id: str,
    label: str,
    index: views.Index,
    limit: int,
    entries: SessionEntries,
) -> list[tuple[Part, dict[str, Any]]]:
    """A day's page, or its parts of whole time slots, each with its page's context.

    The day is rendered whole, for one page, and kept when that page is within ``limit``;
    rendering stops where it passes the room the page leaves, and only a day that does is
    rendered again, a time slot at a time, to be cut."""
    lang, code = index.lang, index.lang.code
    whole = Part(folder, range(len(slots)), [], 1, 1)
    page = _day_page(whole, slots, day_id, label, lang, index, entries, section=False)
    room = limit - html_bytes(templating.render("program_day.html", page, code))
    section = templating.render_within(
        "_program_day.html", _section(whole, page, slots, index, entries), room, code
    )
    if section is not None:
        return [(whole, {**page, "section": Markup(section)})]
    first = Urls.for_path(folder)
    sizes = [
        measured(
            templating.render(
                "_program_day.html",
                {"day": _day_view(slot, day_id, "", first, index, entries)},
                code,
            )
        )
        for slot in slots
    ]

    def frame(part: Part) -> int:
        # The page without its day's section, and the section's heading: the time slots
        # were measured each in a section of its own, without one.
        shown = _day_page(part, slots, day_id, label, lang, index, entries, section=False)
        text = templating.render("program_day.html", shown, code)
        return html_bytes(text) + html_bytes(str(escape(shown["label"])))

    parts = parts_of(folder, sizes, limit, frame, functools.partial(_span, slots, lang))
    return [(part, _day_page(part, slots, day_id, label, lang, index, entries)) for part in parts]


UNSCHEDULED = "program/days/unscheduled"
"""Where papers without a session are listed when the overview cannot hold them (in days/,
where no session id can take the name)."""


def _unscheduled_pages(
    papers: list[Paper], index: views.Index, limit: int, name: str
) -> list[PageSpec]:
    return paper_list_pages(
        UNSCHEDULED,
        paper_entries(papers, UNSCHEDULED, index),
        index,
        limit,
        template="program_unscheduled.html",
        title=index.lang.gettext("Papers not yet scheduled"),
        description=index.lang.gettext("Papers of {name} without a session yet").format(name=name),
        context={"count": paper_count(len(papers), index.lang)},
        links={"program_href": "program/"},
    )


def _day_page(
    part: Part,
    slots: list[list[Session]],
    day_id: str,
    label: str,
    lang: Language,
    index: views.Index,
    entries: SessionEntries,
    section: bool = True,
) -> dict[str, Any]:
    """A day's page (or a part of it: its time slots named after the day); its day's section
    rendered (``section``), or left empty to measure the rest. The page takes the section's
    bytes and nothing else around them (``{{ section }}`` ends the template)."""
    urls = Urls.for_path(part.path)
    title = f"{label}, {_span(slots, lang, part.run)}" if part.total > 1 else label
    page = {
        "timezone": index.data.conference.timezone,
        "label": title,
        "day_id": day_id,
        "section": "",
        "pager": part.pager,
        "program_href": urls.to(f"program/#{day_id}"),
        "agenda_href": urls.to("program/my-agenda/"),
    }
    if section:
        shown = _section(part, page, slots, index, entries)
        page["section"] = Markup(templating.render("_program_day.html", shown, lang.code))
    return page


def _section(
    part: Part,
    page: dict[str, Any],
    slots: list[list[Session]],
    index: views.Index,
    entries: SessionEntries,
) -> dict[str, Any]:
    """What ``_program_day.html`` renders for a day's ``page``: the sessions of its slots."""
    sessions = [s for i in part.run for s in slots[i]]
    urls = Urls.for_path(part.path)
    return {"day": _day_view(sessions, page["day_id"], page["label"], urls, index, entries)}


def _fits(index: views.Index, limit: int, entries: SessionEntries) -> bool:
    """Whether the one-page program stays within ``limit``: rendered and measured, unless its
    days' sections alone already pass it (rendered one by one until they do)."""
    top, code = Urls.for_path("program"), index.lang.code
    sections = (
        templating.render(
            "_program_day.html",
            {"day": _day_view(day.sessions, "", "", top, index, entries)},
            code,
        )
        for day in index.data.days
    )
    if not within(map(html_bytes, sections), limit):
        return False
    page = program_page(index, entries)
    return html_bytes(page) <= limit


def _span(slots: list[list[Session]], lang: Language, run: range) -> str:
    chosen = [s for i in run for s in slots[i]]
    return f"{lang.clock(chosen[0].start)}–{lang.clock(max(s.end for s in chosen))}"
