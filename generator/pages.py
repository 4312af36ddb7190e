"""Views through Jinja templates into generated pages and files."""

from __future__ import annotations

import html
import json
import re

from generator import i18n, metadata, offline, paging, parallel, speaker_pages, views
from generator.changes import ChangeLog
from generator.changes_view import CHANGES_PAGE, FEED_FILE, changes_view
from generator.exporters import atom, frab, ics
from generator.exporters.bibtex import proceedings_bibtex
from generator.exporters.citation import record_of
from generator.exporters.csl import paper_csl_json
from generator.exporters.ris import paper_ris
from generator.mathml import spelled_out
from generator.model import ConferenceData, Paper, Session
from generator.options import DEFAULTS, BuildOptions
from generator.outputs import (
    BuildResult,
    GeneratedFile,
    GeneratedPage,
    Sink,
    SiteFacts,
    TocEntry,
)
from generator.progress import Progress
from generator.search.records import SearchRecord
from generator.search.sources import author_record, paper_record, session_record
from generator.templating import environment, render
from generator.urls import Urls, page_uri

PROGRAM_PAGE = "program"
AGENDA_PAGE = "program/my-agenda"
AGENDA_DATA = "program/agenda.json"
"""Where the program, the personal agenda and the agenda's data are, from the site's root."""

_HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def toc_of(body: str) -> tuple[TocEntry, ...]:
    """The page's h2/h3 headings, for the theme's 'on this page' list."""
    return tuple(
        TocEntry(int(level), anchor, html.unescape(_TAG.sub("", spelled_out(inner))).strip())
        for level, anchor, inner in _HEADING.findall(body)
    )


def _page(
    path: str,
    title: str,
    body: str,
    description: str = "",
    in_nav: bool = True,
    search: bool = True,
    head: str = "",
    search_record: SearchRecord | None = None,
) -> GeneratedPage:
    return GeneratedPage(
        uri=page_uri(path),
        title=title,
        html=body,
        description=description,
        in_nav=in_nav,
        toc=toc_of(body),
        search=search,
        head=head,
        search_record=search_record,
    )


generated_page = _page
"""A generated page from its served path and body (also for the series' pages)."""


def spec_page(spec: paging.PageSpec, language: str) -> GeneratedPage:
    """A page of a split list (generator/paging/), searched as a list is."""
    return _page(
        spec.path,
        spec.title,
        render(spec.template, spec.context, language),
        spec.description,
        in_nav=spec.in_nav,
        search=spec.search,
    ).listing()


def render_site(
    data: ConferenceData, result: BuildResult, options: BuildOptions = DEFAULTS
) -> None:
    """Every generated page and download of the site, added to ``result``."""
    plan_site(data, result, options)
    parallel.collect(result, options.jobs)


def plan_site(data: ConferenceData, result: BuildResult, options: BuildOptions) -> None:
    """The site's few list pages, rendered into ``result``; its thousands of paper, author
    and session pages and downloads as two streams (``result.streams``) that a site builder
    runs side by side and writes as they come."""
    lang = i18n.language(options.language)
    index = views.Index.of(data, lang)
    code, _ = lang.code, lang.gettext
    conference = data.conference
    name = conference.short_title
    result.site = SiteFacts(
        name=name,
        url=conference.url,
        description=conference.description or conference.title,
    )
    result.fragments["index.md"] = render("home_facts.html", views.home_view(index), code)
    result.heads["index.md"] = metadata.home_head(data)
    log = ChangeLog.of(data)
    # Lists too big for one page become an index and pages of their own (generator/paging/).
    limit = options.page_budget
    sessions = paging.SessionEntries(index)  # rendered once for the program's pages
    split = {
        "program": paging.program_split(index, limit, name, sessions),
        "proceedings": paging.proceedings_split(index, limit, name),
        "authors": paging.authors_split(index, limit, name),
    }
    result.pages += [
        _page(
            "call-for-papers",
            _("Call for papers"),
            render("cfp.html", views.cfp_view(index), code),
            _("Call for papers of {conference}: topics and important dates.").format(
                conference=conference.title
            ),
        ),
        _page(
            PROGRAM_PAGE,
            _("Program"),
            paging.program_page(index, sessions),
            _("The program of {name}: sessions, rooms and times.").format(name=name),
        ).listing()
        if split["program"] is None
        else spec_page(split["program"][0], code),
        _page(
            "proceedings",
            _("Proceedings"),
            render("proceedings.html", views.proceedings_view(index), code),
            lang.counted(
                "All {count} paper of {name}, with BibTeX.",
                "All {count} papers of {name}, with BibTeX.",
                len(data.papers),
                name=name,
            ),
        ).listing()
        if split["proceedings"] is None
        else spec_page(split["proceedings"][0], code),
        _page(
            "authors",
            _("Authors"),
            render("authors.html", views.authors_view(index), code),
            _("Every author of {name}, A-Z, with their papers.").format(name=name),
        ).listing()
        if split["authors"] is None
        else spec_page(split["authors"][0], code),
        _page(
            "committee",
            _("Committee"),
            render("committee.html", views.committee_view(index), code),
            _("The organizing and program committees of {name}.").format(name=name),
        ),
        _page(
            "speakers",
            _("Speakers"),
            render("speakers.html", views.speakers_view(index), code),
            _("Keynote speakers of {name}.").format(name=name),
        ),
        _page(
            CHANGES_PAGE,
            _("Schedule changes"),
            render("changes.html", changes_view(log, data, lang=lang), code),
            _(
                "Sessions and papers of {name} moved, added or cancelled since the program "
                "was published."
            ).format(name=name),
            in_nav=False,
            head=metadata.feed_link(
                Urls.for_path(CHANGES_PAGE).to(FEED_FILE), atom.feed_title(data, lang)
            ),
        ),
    ]
    for specs in split.values():
        result.pages += [spec_page(spec, code) for spec in (specs or [])[1:]]
    # What opens without a network as soon as the site was visited once.
    program_parts = [f"{spec.path}/" for spec in split["program"] or []]
    result.offline = offline.plan(
        f"{PROGRAM_PAGE}/", f"{AGENDA_PAGE}/", [*program_parts, AGENDA_DATA], lang.offline_words()
    )
    if lang.code != i18n.SOURCE_LANGUAGE:
        result.files.append(GeneratedFile(i18n.BROWSER_SCRIPT, lang.browser_messages()))
    result.files.append(GeneratedFile("proceedings/proceedings.bib", proceedings_bibtex(data)))
    result.files.append(GeneratedFile(FEED_FILE, atom.changes_feed(data, log, lang)))
    result.streams += [
        lambda sink: render_paper_pages(index, sink),
        lambda sink: render_authors_and_schedule(index, sink, limit),
    ]


def render_speakers(index: views.Index, sink: Sink) -> None:
    """One page per keynote speaker (generator/speaker_pages.py), out of the nav and out of
    search: the speakers page holds the same text, and search finds it there once."""
    keynotes = {s.speaker_id: s for s in index.data.sessions if s.speaker_id}
    lang = index.lang
    labels = (lambda day: views.day_label(day, lang), lambda s: views.time_range(s, lang))
    for speaker in index.data.speakers:
        sink.page(
            _page(
                speaker_pages.speaker_path(speaker.id),
                speaker.name.full,
                render(
                    "speaker.html",
                    speaker_pages.speaker_view(speaker, keynotes.get(speaker.id), labels),
                    lang.code,
                ),
                lang.gettext("{name}: keynote speaker at {conference}.").format(
                    name=speaker.name.full, conference=index.data.conference.short_title
                ),
                in_nav=False,
                search=False,
            )
        )


def render_paper_pages(index: views.Index, sink: Sink) -> None:
    """Each paper's page, BibTeX, RIS and CSL-JSON."""
    progress = Progress("papers", len(index.data.papers))  # a bar on a terminal only
    for paper in index.data.papers:
        progress.advance()
        render_paper(index, paper, sink)
    progress.close()


def render_paper(index: views.Index, paper: Paper, sink: Sink) -> None:
    """One paper's page, BibTeX, RIS and CSL-JSON."""
    data = index.data
    name = data.conference.short_title
    view = views.paper_view(paper, index)
    authors = ", ".join(a["name"] for a in view["authors"])
    record = record_of(data, paper)
    sink.page(
        _page(
            f"papers/{paper.id}",
            paper.title.as_text,
            environment(index.lang.code).get_template("paper.html").render(**view),
            index.lang.gettext("{title}, by {authors}. {name}.").format(
                title=paper.title.as_text, authors=authors, name=name
            ),
            in_nav=False,
            head=metadata.paper_head(record, name),
            search_record=paper_record(paper, name),
        )
    )
    sink.file(GeneratedFile(f"papers/{paper.id}.bib", view["bibtex"]))  # the page's own
    sink.file(GeneratedFile(f"papers/{paper.id}.ris", paper_ris(record)))
    sink.file(GeneratedFile(f"papers/{paper.id}.csl.json", paper_csl_json(record)))


def render_paper_edit(
    data: ConferenceData,
    paper: Paper,
    author_slugs: set[str],
    session_ids: set[str],
    sink: Sink,
    budget: int,
    language: str = i18n.SOURCE_LANGUAGE,
) -> None:
    """What an edit of ``paper`` changes first (``confsite serve``): its page and downloads,
    the pages of ``author_slugs`` and of ``session_ids`` with their calendars. The lists that
    mention it (program, proceedings, A-Z) follow with the next full build."""
    index = views.Index.of(data, i18n.language(language))
    render_paper(index, paper, sink)
    calendars, writer = ics.Calendars(data, index.lang), ics.Writer(data.conference)
    calendar = calendars.paper(paper)
    if calendar is not None:
        sink.file(GeneratedFile(ics.paper_file(paper.id), writer.calendar(calendar)))
    for person in views.people(index) if author_slugs else ():
        if person.slug in author_slugs:
            render_author(index, person, sink, budget)
    for session in data.sessions:
        if session.id in session_ids:
            if session.kind.holds_papers:
                render_session(index, session, sink)
            text = writer.calendar(calendars.session(session))
            sink.file(GeneratedFile(ics.session_file(session.id), text))


def render_authors_and_schedule(index: views.Index, sink: Sink, budget: int) -> None:
    render_author_pages(index, sink, budget)
    render_speakers(index, sink)
    render_schedule(index.data, index, sink)


def render_author_pages(index: views.Index, sink: Sink, budget: int) -> None:
    """One page per author at /authors/<slug>/, out of the nav (the /authors/ index lists
    every name and links here); the first part of each is searched by name and affiliation."""
    for person in views.people(index):
        render_author(index, person, sink, budget)


def render_author(index: views.Index, person: views.Person, sink: Sink, budget: int) -> None:
    """An author's page (in parts when their list of papers is long)."""
    name, lang = index.data.conference.short_title, index.lang
    template = environment(lang.code).get_template("author.html")
    count = len(person.papers)
    whole = template.render(**views.author_view(person, index))
    # One page when it stays within the budget as rendered; else in parts (generator/paging/).
    parts = [(f"authors/{person.slug}", whole)]
    if paging.html_bytes(whole) > budget:
        parts = [(p, template.render(**v)) for p, v in paging.author_parts(person, index, budget)]
    for number, (path, body) in enumerate(parts, start=1):
        part = paging.part_label(number, len(parts), lang)
        sink.page(
            _page(
                path,
                f"{person.name.full}{part}",
                body,
                lang.counted(
                    "{author}: {count} paper at {name}{part}.",
                    "{author}: {count} papers at {name}{part}.",
                    count,
                    author=person.name.full,
                    name=name,
                    part=part,
                ),
                in_nav=False,
                search=number == 1,
                search_record=author_record(
                    person.name.full, person.affiliations, person.papers, name
                ),
            )
        )


def render_session(index: views.Index, session: Session, sink: Sink) -> None:
    """A session's page: its papers, when and where."""
    data, lang = index.data, index.lang
    when = f"{views.day_label(session.day, lang)}, {views.time_range(session, lang)}"
    sink.page(
        _page(
            f"program/{session.id}",
            session.title,
            environment(lang.code)
            .get_template("session.html")
            .render(**views.session_page_view(session, index)),
            lang.gettext("{title}: {kind} at {name}, {when}.").format(
                title=session.title,
                kind=lang.gettext(session.kind.in_sentence),
                name=data.conference.short_title,
                when=when,
            ),
            in_nav=False,
            head=metadata.session_head(data, session),
            search_record=session_record(
                session,
                when,
                index.papers_by_session.get(session.id, ()),
                data.conference.short_title,
                lang.gettext("Chair: {name}."),
            ),
        )
    )


def render_schedule(data: ConferenceData, index: views.Index, sink: Sink) -> None:
    """Session pages, the personal agenda, and the calendar and app exports of the program."""
    name, lang = data.conference.short_title, index.lang
    for session in data.sessions:
        if session.kind.holds_papers:
            render_session(index, session, sink)
    sink.page(
        _page(
            AGENDA_PAGE,
            lang.gettext("My agenda"),
            render("my_agenda.html", views.my_agenda_view(index), lang.code),
            lang.gettext("Your starred sessions and papers of {name}.").format(name=name),
            in_nav=False,
            search=False,
        )
    )
    agenda = json.dumps(views.agenda_data(index), ensure_ascii=False, separators=(",", ":"))
    sink.file(GeneratedFile(AGENDA_DATA, agenda + "\n"))
    sink.file(GeneratedFile("program/schedule.xml", frab.schedule_xml(data)))
    sink.file(GeneratedFile("program/schedule.json", frab.schedule_json(data)))
    for uri, text in ics.calendar_files(data, lang).items():
        sink.file(GeneratedFile(uri, text))
