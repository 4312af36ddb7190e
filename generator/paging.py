"""Big lists split into pages of bounded size: the A-Z authors, the proceedings, the program.

A small conference keeps one page per list (/authors/, /proceedings/, /program/), exactly as
before. When a list would pass the page budget, its page becomes an index and the entries move
to pages of their own:

- /authors/ lists the letters with counts; /authors/letters/<x>/ lists that letter's authors
  with their papers, or only with paper counts if that is still too big (then, if need be, in
  parts /authors/letters/<x>/2/ ...);
- /proceedings/ lists the topics with counts; /proceedings/<topic>/ lists its papers (in parts
  /proceedings/<topic>/2/ ... when needed);
- /program/ lists every session of each day in one line (time, room, title, paper count),
  keeping each session's anchor; /program/days/<date>/ is that day's full program with the
  room grid, in parts of whole time slots (/program/days/<date>/2/ ...) when needed.
- an author's page with more papers and co-authors than fit continues at
  /authors/<slug>/2/ ...; papers without a session, when the program overview cannot hold
  them, are listed at /program/days/unscheduled/.

The split is decided from an estimate of each entry's size (the bytes of its data plus the
markup around it), not by rendering twice. The estimates err on the large side. Letter and day
pages live one folder down (letters/, days/) so that no author slug or session id can name the
same page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator import program_grid, views
from generator.i18n import Language
from generator.model import Paper, Session
from generator.urls import Urls

DEFAULT_BUDGET = 200_000
"""Bytes of content (the body the core renders) per page. The theme adds its frame around it
(header, nav, contents list, footer: ~20 KB out of the nav): pages stay under 300 KB. The
build's options may lower it (``BuildOptions.page_budget``; tests do, to split a small
conference)."""
PAGE_MARKUP = 1_000
"""Headings, counts, links and pager of a list page, besides its entries."""
PAPER_MARKUP = 200
"""Markup around one paper in a list (item, link, authors line)."""
PROGRAM_PAPER_MARKUP = 480
"""Markup around one paper in the program (its star button repeats the title)."""
OVERVIEW_MARKUP = 200
"""Markup around one session's line in the program overview (item, anchor, link, count)."""
SESSION_MARKUP = 1_200 + 250
"""Markup around one session in the program (times in two forms, star, room, grid place),
and the grid's room header and time labels (at most about one of each per session)."""
PERSON_MARKUP = 260
"""Markup around one author in the A-Z list (item, link, affiliation, ORCID, paper count)."""
TITLE_MARKUP = 100
"""Markup around a paper title listed under its author (item, link)."""


def chunks(sizes: Sequence[int], limit: int) -> list[range]:
    """Consecutive runs of entries whose sizes add up to at most ``limit`` (an entry bigger
    than ``limit`` gets a run of its own): where a long list is cut into pages."""
    runs: list[range] = []
    start, total = 0, 0
    for number, size in enumerate(sizes):
        if number > start and total + size > limit:
            runs.append(range(start, number))
            start, total = number, 0
        total += size
    if sizes:
        runs.append(range(start, len(sizes)))
    return runs


@dataclass(frozen=True)
class PageSpec:
    """One page to render: where it lives, its template and plain-data context."""

    path: str
    title: str
    description: str
    template: str
    context: dict[str, Any]
    search: bool = False
    in_nav: bool = False


def _part_path(folder: str, number: int) -> str:
    return folder if number == 1 else f"{folder}/{number}"


def _parts_of(
    folder: str, sizes: Sequence[int], limit: int, label: Callable[[range], str] | None = None
) -> list[tuple[str, range, list[dict[str, Any]]]]:
    """(path, entries, pager) of each part of a list kept in ``folder``: the first part at
    ``folder``, the others at ``folder/2`` ...; the pager links the parts (empty for one)."""
    runs = chunks(sizes, limit - PAGE_MARKUP)
    paths = [_part_path(folder, number) for number in range(1, len(runs) + 1)]
    parts = []
    for path, run in zip(paths, runs, strict=True):
        urls = Urls.for_path(path)
        pager = [
            {
                "label": label(other) if label else str(number),
                "href": urls.to(f"{target}/"),
                "current": target == path,
            }
            for number, (target, other) in enumerate(zip(paths, runs, strict=True), start=1)
        ]
        parts.append((path, run, pager if len(runs) > 1 else []))
    return parts


def _unique(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "-papers"
    return name


# ---- authors ---------------------------------------------------------------------------


def _letter_of(person: views.Person) -> str:
    initial = person.name.sort_key[0][:1].upper() or "#"
    return initial if initial.isalpha() else "#"


def _letter_folder(letter: str) -> str:
    if letter.isascii() and letter.isalpha():
        return letter.lower()
    return "other" if letter == "#" else f"u{ord(letter):04x}"


def _person_entry(
    person: views.Person, urls: Urls, index: views.Index, with_papers: bool
) -> dict[str, Any]:
    count = len(person.papers)
    return {
        "slug": person.slug,
        "href": urls.author(person.slug),
        "name": person.name.full,
        "sort_name": person.name.last_first,
        "affiliations": list(person.affiliations),
        "orcid": person.orcid,
        "papers": [views.paper_summary(p, urls, index) for p in person.papers]
        if with_papers
        else [],
        "count": _count(count, index.lang),
    }


def _person_size(person: views.Person, with_papers: bool) -> int:
    size = PERSON_MARKUP + 3 * len(person.slug) + 2 * len(person.name.full)
    size += sum(len(a) for a in person.affiliations) + len(person.orcid)
    if with_papers:
        size += sum(TITLE_MARKUP + len(p.id) + _title_size(p) for p in person.papers)
    return size


def _title_size(paper: Paper) -> int:
    return len(paper.title.as_inline_html.encode("utf-8"))


def _paper_size(paper: Paper) -> int:
    authors = sum(len(a.name.full.encode("utf-8")) + 2 for a in paper.authors)
    return PAPER_MARKUP + 3 * len(paper.id) + _title_size(paper) + authors


def authors_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The A-Z authors as an index of letters and a page per letter; None when one fits."""
    lang = index.lang
    _ = lang.gettext
    everyone = views.people(index)
    if PAGE_MARKUP + sum(_person_size(p, True) for p in everyone) <= limit:
        return None
    letters: dict[str, list[views.Person]] = {}
    for person in everyone:
        letters.setdefault(_letter_of(person), []).append(person)
    top = Urls.for_path("authors")
    pages: list[PageSpec] = []
    rows = []
    for letter, persons in sorted(letters.items()):
        folder = f"authors/letters/{_letter_folder(letter)}"
        with_papers = PAGE_MARKUP + sum(_person_size(p, True) for p in persons) <= limit
        sizes = [_person_size(p, with_papers) for p in persons]
        parts = _parts_of(folder, sizes, limit)
        rows.append({"letter": letter, "href": top.to(f"{folder}/"), "count": len(persons)})
        for number, (path, run, pager) in enumerate(parts, start=1):
            urls = Urls.for_path(path)
            part = part_label(number, len(parts), lang)
            chosen = [persons[i] for i in run]
            pages.append(
                PageSpec(
                    path=path,
                    title=_("Authors: {letter}{part}").format(letter=letter, part=part),
                    description=_(
                        "Authors of {name} whose family name starts with {letter}{part}, with "
                        "their papers."
                    ).format(name=name, letter=letter, part=part),
                    template="authors_letter.html",
                    context={
                        "letter": letter,
                        "part": part,
                        "count": len(persons),
                        "first": chosen[0].name.last_first,
                        "last": chosen[-1].name.last_first,
                        "with_papers": with_papers,
                        "people": [_person_entry(p, urls, index, with_papers) for p in chosen],
                        "pager": pager,
                        "authors_href": urls.to("authors/"),
                    },
                )
            )
    head = PageSpec(
        path="authors",
        title=_("Authors"),
        description=_("Every author of {name}, A-Z by family name.").format(name=name),
        template="authors_index.html",
        context={"count": len(everyone), "letters": rows},
        in_nav=True,
    )
    return [head, *pages]


COAUTHOR_MARKUP = 60
"""Markup around one co-author on an author's page (item, link)."""


def _coauthor_size(name: str) -> int:
    return COAUTHOR_MARKUP + 2 * len(name.encode("utf-8"))


def author_parts(
    person: views.Person, index: views.Index, limit: int
) -> list[tuple[str, dict[str, Any]]] | None:
    """(path, view) of each part of an author's page whose papers and co-authors do not fit
    on one page: /authors/<slug>/, /authors/<slug>/2/ ...; None when one page fits."""
    coauthors = {a.name.slug: a.name.full for p in person.papers for a in p.authors}
    coauthors.pop(person.slug, None)
    sizes = [_paper_size(p) for p in person.papers]
    if PAGE_MARKUP + sum(sizes) + sum(map(_coauthor_size, coauthors.values())) <= limit:
        return None
    whole = views.author_view(person, index)  # its co-authors in the order shown
    sizes += [_coauthor_size(c["name"]) for c in whole["coauthors"]]
    folder = f"authors/{person.slug}"
    papers = len(person.papers)
    parts = []
    for path, run, pager in _parts_of(folder, sizes, limit):
        view = views.author_view(person, index, path)
        parts.append(
            (
                path,
                {
                    **view,
                    "papers": view["papers"][run.start : min(run.stop, papers)],
                    "coauthors": view["coauthors"][
                        max(run.start - papers, 0) : max(run.stop - papers, 0)
                    ],
                    "pager": pager,
                },
            )
        )
    return parts


# ---- proceedings -----------------------------------------------------------------------


def proceedings_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The proceedings as a list of topics and a page per topic; None when one page fits."""
    data, lang = index.data, index.lang
    _ = lang.gettext
    if PAGE_MARKUP + sum(_paper_size(p) for p in data.papers) <= limit:
        return None
    whole = views.proceedings_view(index)
    groups: list[tuple[str, str, list[Paper]]] = []
    for topic in data.conference.topics:
        papers = [p for p in data.papers if p.topics and p.topics[0] == topic.id]
        if papers:
            groups.append((topic.id, topic.name, papers))
    other = [p for p in data.papers if not p.topics]
    if other:
        taken = {t.id for t in data.conference.topics}
        groups.append((_unique("other", taken), _("Other papers"), other))
    top = Urls.for_path("proceedings")
    pages: list[PageSpec] = []
    rows = []
    for group_id, group_name, papers in groups:
        folder = f"proceedings/{group_id}"
        rows.append({"name": group_name, "href": top.to(f"{folder}/"), "count": len(papers)})
        pages += _paper_list_pages(
            folder,
            papers,
            index,
            limit,
            template="proceedings_topic.html",
            title=_("Proceedings: {topic}").format(topic=group_name),
            description=_("Papers of {name} on {topic}").format(name=name, topic=group_name),
            context={"name": group_name, "count": len(papers)},
            links={"proceedings_href": "proceedings/", "bib_href": "proceedings/proceedings.bib"},
        )
    head = PageSpec(
        path="proceedings",
        title=_("Proceedings"),
        description=lang.counted(
            "All {count} paper of {name} by topic, with BibTeX.",
            "All {count} papers of {name} by topic, with BibTeX.",
            len(data.papers),
            name=name,
        ),
        template="proceedings_index.html",
        context={
            "title": whole["title"],
            "count": whole["count"],
            "bib_href": whole["bib_href"],
            "topics": rows,
        },
        in_nav=True,
    )
    return [head, *pages]


# ---- program ---------------------------------------------------------------------------


def _session_size(session: Session, index: views.Index) -> int:
    size = SESSION_MARKUP + 4 * len(session.id) + 2 * len(session.title) + 2 * len(session.room)
    size += len(session.chair) + (len(session.description.as_html) if session.description else 0)
    for paper in index.papers_by_session.get(session.id, ()):
        size += _paper_size(paper) + PROGRAM_PAPER_MARKUP + len(paper.title.as_text)
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
    if PAGE_MARKUP + sum(sizes) + sum(_paper_size(p) for p in unscheduled) <= limit:
        return None
    top = Urls.for_path("program")
    pages: list[PageSpec] = []
    overview = PAGE_MARKUP + sum(_overview_size(s) for s in data.sessions)
    listed = overview + sum(_paper_size(p) for p in unscheduled) <= limit
    unscheduled_link = None
    if unscheduled and not listed:  # pages of their own, after the days
        unscheduled_link = {
            "href": top.to(f"{UNSCHEDULED}/"),
            "count": _count(len(unscheduled), lang),
        }
    days = []
    for day in data.days:
        slots = time_slots(day.sessions)
        folder = f"program/days/{day.date.isoformat()}"
        slot_sizes = [sum(_session_size(s, index) for s in slot) for slot in slots]
        parts = _parts_of(folder, slot_sizes, limit, functools.partial(_span, slots, lang))
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
                        "count": _count(len(index.papers_by_session.get(s.id, ())), lang),
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
    return _paper_list_pages(
        UNSCHEDULED,
        papers,
        index,
        limit,
        template="program_unscheduled.html",
        title=index.lang.gettext("Papers not yet scheduled"),
        description=index.lang.gettext("Papers of {name} without a session yet").format(name=name),
        context={"count": _count(len(papers), index.lang)},
        links={"program_href": "program/"},
    )


def _paper_list_pages(
    folder: str,
    papers: Sequence[Paper],
    index: views.Index,
    limit: int,
    *,
    template: str,
    title: str,
    description: str,
    context: dict[str, Any],
    links: dict[str, str],
) -> list[PageSpec]:
    """A list of papers on as many pages as the budget needs: 'Title (2 of 3)' and so on.

    ``context`` holds the template's own values; ``links`` its links, as site paths made
    relative to each page.
    """
    parts = _parts_of(folder, [_paper_size(p) for p in papers], limit)
    pages = []
    for number, (path, run, pager) in enumerate(parts, start=1):
        urls = Urls.for_path(path)
        part = part_label(number, len(parts), index.lang)
        pages.append(
            PageSpec(
                path=path,
                title=f"{title}{part}",
                description=f"{description}{part}.",
                template=template,
                context={
                    **context,
                    **{key: urls.to(target) for key, target in links.items()},
                    "part": part,
                    "papers": [views.paper_summary(papers[i], urls, index) for i in run],
                    "pager": pager,
                },
            )
        )
    return pages


def _overview_size(session: Session) -> int:
    return OVERVIEW_MARKUP + 4 * len(session.id) + len(session.title.encode("utf-8"))


def _count(papers: int, lang: Language) -> str:
    return lang.counted("{count} paper", "{count} papers", papers) if papers else ""


def part_label(number: int, parts: int, lang: Language) -> str:
    """' (2 of 3)' after the title of a page that is one of several; "" for a whole one."""
    if parts == 1:
        return ""
    return lang.gettext(" ({number} of {parts})").format(number=number, parts=parts)


def _span(slots: list[list[Session]], lang: Language, run: range) -> str:
    chosen = [s for i in run for s in slots[i]]
    return f"{lang.clock(chosen[0].start)}–{lang.clock(max(s.end for s in chosen))}"
