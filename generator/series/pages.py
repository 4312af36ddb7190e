"""The series' pages: each edition's site under /<year>/ (the single-edition pipeline, its
output moved), the series home, every volume, and one page per person of every edition."""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from generator import build_cache, i18n, pages, paging, templating
from generator import views as views_of_edition
from generator.changes_view import CHANGES_PAGE, FEED_FILE
from generator.exporters.bibtex import proceedings_bibtex
from generator.i18n import Language
from generator.options import BuildOptions
from generator.outputs import (
    BuildResult,
    GeneratedFile,
    GeneratedPage,
    OfflinePlan,
    Sink,
    SiteFacts,
    Stream,
)
from generator.paging.series_people import people_split, person_parts
from generator.series import views
from generator.series.model import Edition, Series
from generator.series.people import SeriesPerson, resolve
from generator.series.redirects import Mover
from generator.urls import Urls

HOME = "index.md"
SPEAKERS_PAGE = "speakers"


def plan_series(series: Series, result: BuildResult, options: BuildOptions) -> None:
    """Every edition's pages and downloads, then the series' own, into ``result`` (the bulk
    as streams, as for one edition)."""
    result.site = SiteFacts(
        name=series.name, url=series.url, description=series.description or series.name
    )
    lang = i18n.language(options.language)
    code, _ = lang.code, lang.gettext
    result.fragments[HOME] = templating.render(
        "series_home.html", views.home_view(series, lang), code
    )
    for edition in series.editions:
        plan_edition(edition, series, result, options)
    people, _warnings = resolve(series)  # the warnings were reported when it was loaded
    volumes = views.volumes_view(series, lang)
    result.pages += [
        pages.generated_page(
            views.VOLUMES_PAGE,
            _("Proceedings volumes"),
            templating.render("series_volumes.html", volumes, code),
            lang.counted(
                "Every proceedings volume of {name}: {count} paper, with BibTeX.",
                "Every proceedings volume of {name}: {count} papers, with BibTeX.",
                volumes["paper_count"],
                name=series.name,
            ),
        ).listing(),
    ]
    # Too many people for one page: an index of letters and their pages (generator/paging/).
    split = people_split(people, lang, options.page_budget, series.name)
    if split is None:
        result.pages.append(
            pages.generated_page(
                views.PEOPLE_PAGE,
                _("People"),
                templating.render("series_people.html", views.people_view(people), code),
                _("Everyone who wrote, reviewed or spoke at {name}, A-Z.").format(name=series.name),
            ).listing()
        )
    else:
        result.pages += [pages.spec_page(spec, code) for spec in split]
    result.files.append(GeneratedFile(views.SERIES_BIBTEX, series_bibtex(series)))
    budget = options.page_budget
    result.streams.append(lambda sink: render_people(people, series, sink, lang, budget))


def plan_edition(
    edition: Edition, series: Series, result: BuildResult, options: BuildOptions
) -> None:
    """One edition as the single-edition pipeline renders it, moved under /<year>/."""
    own = build_cache.plan_edition(edition.data, options, edition.path, series.inputs)
    absent = absent_pages(edition, series)
    if absent:
        _leave_out(own, absent)
    prefix = f"{edition.path}/"
    moved = series.url if edition.year == series.moved_from_root else ""
    mover = Mover(prefix, moved)
    short = edition.data.conference.short_title
    listed = [mover.page(p) for p in own.pages]
    if edition.year != series.current:  # the nav leads to the current edition's pages only
        listed = [replace(p, in_nav=False) for p in listed]
    lang = i18n.language(options.language)
    result.pages += [
        edition_home(edition, series, own, lang, program=not absent),
        *(_titled(page, short) for page in listed),
    ]
    result.files += [mover.file(f) for f in own.files]
    result.files += mover.left_behind(own.pages, own.files)
    result.streams += [mover.stream(stream) for stream in own.streams]
    result.from_cache += own.from_cache
    if edition.year == series.current:
        # The navigation and the app's offline pages follow the current edition.
        result.nav_moves = {page.uri: prefix + page.uri for page in own.pages}
        if own.offline is not None:
            result.offline = _moved_plan(own.offline, prefix)


def edition_stream(edition: Edition, series: Series, stream: Stream) -> Stream:
    """``stream``, rendering some of the edition's pages as the single-edition pipeline does,
    with them where ``plan_edition`` puts that pipeline's streams: under /<year>/ (a redirect
    or copy left at the old address of the edition moved from the root), without what
    ``absent_pages`` leaves out. For ``confsite serve``'s edits of one paper."""
    absent = absent_pages(edition, series)
    moved = series.url if edition.year == series.moved_from_root else ""
    return Mover(f"{edition.path}/", moved).stream(_without(stream, absent) if absent else stream)


def _titled(page: GeneratedPage, short: str) -> GeneratedPage:
    """A list page's title says which edition it is ('Program · SysML 2026')."""
    return replace(page, title=f"{page.title} · {short}")


def absent_pages(edition: Edition, series: Series) -> tuple[str, ...]:
    """What an edition without a program leaves out, as prefixes of its pages' and files'
    addresses: a past edition imported from its proceedings has papers and a volume but no
    sessions, so its program, schedule changes and (without keynotes) speakers pages would be
    empty. The current edition keeps them: its program is on the way."""
    data = edition.data
    if edition.year == series.current or data.sessions:
        return ()
    gone = (f"{pages.PROGRAM_PAGE}/", f"{CHANGES_PAGE}/", FEED_FILE)
    return gone if data.speakers else (*gone, f"{SPEAKERS_PAGE}/")


def _leave_out(own: BuildResult, absent: tuple[str, ...]) -> None:
    own.pages = [p for p in own.pages if not p.uri.startswith(absent)]
    own.files = [f for f in own.files if not f.uri.startswith(absent)]
    own.streams = [_without(stream, absent) for stream in own.streams]


def _without(stream: Stream, absent: tuple[str, ...]) -> Stream:
    return lambda sink: stream(_Leaving(sink, absent))


@dataclass(frozen=True)
class _Leaving:
    """A sink that lets through every page and file but those under ``absent``."""

    sink: Sink
    absent: tuple[str, ...]

    def page(self, page: GeneratedPage) -> None:
        if not page.uri.startswith(self.absent):
            self.sink.page(page)

    def file(self, file: GeneratedFile) -> None:
        if not file.uri.startswith(self.absent):
            self.sink.file(file)


def edition_home(
    edition: Edition, series: Series, own: BuildResult, lang: Language, program: bool = True
) -> GeneratedPage:
    """/<year>/: what the single-edition site's home page shows below its own text (without
    links to a program, when the edition has none)."""
    conference = edition.data.conference
    urls = Urls.for_path(edition.path)
    every = lang.gettext("Every edition of {name}").format(name=series.name)
    lead = escape(conference.title)
    if conference.description:
        lead += ". " + escape(conference.description)
    facts = own.fragments.get(HOME, "")
    if not program:
        view = views_of_edition.home_view(views_of_edition.Index.of(edition.data, lang), False)
        facts = templating.render("home_facts.html", view, lang.code)
    body = (
        f'<p class="cs-lead">{lead}</p>\n'
        + facts
        + f'<p><a href="{urls.to("")}">{escape(every)}</a></p>\n'
    )
    return pages.generated_page(
        edition.path,
        conference.short_title,
        body,
        conference.description or conference.title,
        in_nav=False,
        head=own.heads.get(HOME, ""),
    )


def _moved_plan(plan: OfflinePlan, prefix: str) -> OfflinePlan:
    return OfflinePlan(
        prefix + plan.program,
        prefix + plan.agenda,
        tuple(dict.fromkeys(["", *(prefix + p for p in plan.pages)])),
    )


def series_bibtex(series: Series) -> str:
    """Every volume's BibTeX, oldest first, as each volume's own file has it."""
    return "\n".join(proceedings_bibtex(e.data) for e in reversed(series.editions))


def render_people(
    people: list[SeriesPerson],
    series: Series,
    sink: Sink,
    lang: Language = i18n.ENGLISH,
    budget: int = paging.DEFAULT_BUDGET,
) -> None:
    """/people/<slug>/ for everyone, out of the nav (in parts when their work is long)."""
    template = templating.environment(lang.code).get_template("series_person.html")
    for person in people:
        years = sorted({w.year for w in person.works})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        whole = template.render(**views.person_view(person, series))
        # One page when it stays within the budget as rendered; else in parts.
        parts = [(f"{views.PEOPLE_PAGE}/{person.slug}", whole)]
        if paging.html_bytes(whole) > budget:
            parts = [
                (path, template.render(**view))
                for path, view in person_parts(person, series, budget, lang)
            ]
        for number, (path, body) in enumerate(parts, start=1):
            part = paging.part_label(number, len(parts), lang)
            sink.page(
                pages.generated_page(
                    path,
                    f"{person.name.full}{part}",
                    body,
                    lang.gettext("{person} at {name}, {years}{part}.").format(
                        person=person.name.full, name=series.name, years=span, part=part
                    ),
                    in_nav=False,  # each part searched by its own text, as the whole page was
                )
            )
