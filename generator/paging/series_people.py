"""A series' people (/people/) as an index of letters and a page per letter, and a person's
page in parts when their work over the years does not fit on one."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator import templating
from generator.i18n import Language
from generator.paging.common import (
    PageSpec,
    Part,
    deeper,
    html_bytes,
    measured,
    parts_of,
    placed,
    within,
)
from generator.paging.letters import Letter, letter_page, letter_rows, letters_of
from generator.series import views
from generator.series.model import Series
from generator.series.people import SeriesPerson
from generator.urls import Urls

_KINDS = (("talks", "talk_item"), ("roles", "role_item"), ("papers", "paper_item"))
"""A year's entries on a person's page, in the order the page shows them, and the macro of
``_series.html`` that renders each."""


def _letter_pages(
    each: Letter[SeriesPerson], entries: dict[str, str], lang: Language, limit: int, name: str
) -> list[PageSpec]:
    """A letter's people, in as many parts as the budget needs; ``entries`` as rendered for
    the one-page list (/people/), two folders up."""
    _ = lang.gettext
    persons = each.people
    lines = [str(deeper(entries[p.slug], 2)) for p in persons]

    def page(part: Part, shown: list[Markup]) -> dict[str, Any]:
        return {
            **letter_page(each.letter, persons, part, shown, lang),
            "people_href": Urls.for_path(part.path).to(f"{views.PEOPLE_PAGE}/"),
        }

    def frame(part: Part) -> int:
        return html_bytes(templating.render("series_people_letter.html", page(part, []), lang.code))

    parts = parts_of(each.folder, [measured(line) for line in lines], limit, frame)
    return [
        PageSpec(
            path=part.path,
            title=_("People: {letter}{part}").format(letter=each.letter, part=part.label(lang)),
            description=_(
                "People of {name} whose family name starts with {letter}{part}, with the "
                "years they took part."
            ).format(name=name, letter=each.letter, part=part.label(lang)),
            template="series_people_letter.html",
            context=page(part, placed(lines, part)),
            search=True,
        )
        for part in parts
    ]


def people_split(
    people: list[SeriesPerson], lang: Language, limit: int, name: str
) -> list[PageSpec] | None:
    """Everyone of every edition as an index of letters (/people/) and a page per letter
    (/people/letters/<x>/, in parts when need be); None when the one page fits."""
    _ = lang.gettext
    top = Urls.for_path(views.PEOPLE_PAGE)
    item = templating.macro("_series.html", "person_item", lang.code)
    entries: dict[str, str] = {}

    def entry(person: SeriesPerson) -> str:
        # Rendered when first asked for, measured, then moved two folders down onto its
        # letter's page.
        if person.slug not in entries:
            entries[person.slug] = str(item(views.person_summary(person, top)))
        return entries[person.slug]

    # Rendered one by one only until they pass the budget: a long list is known to need
    # pages after about a page's worth of people.
    if within((html_bytes(entry(p)) for p in people), limit):
        page = templating.render("series_people.html", views.people_view(people), lang.code)
        if html_bytes(page) <= limit:
            return None
    for person in people:
        entry(person)
    letters = letters_of(people, views.PEOPLE_PAGE)
    head = PageSpec(
        path=views.PEOPLE_PAGE,
        title=_("People"),
        description=_("Everyone who wrote, reviewed or spoke at {name}, A-Z.").format(name=name),
        template="series_people_index.html",
        context={"count": len(people), "letters": letter_rows(letters, top)},
        search=True,
        in_nav=True,
    )
    pages = [head]
    for each in letters:
        pages += _letter_pages(each, entries, lang, limit, name)
    return pages


def _cut(year: dict[str, Any], start: int, stop: int) -> dict[str, Any]:
    """A year of a person's page with its entries ``start`` to ``stop`` only (counted over
    its talks, then roles, then papers)."""
    cut, offset = dict(year), 0
    for kind, _macro in _KINDS:
        cut[kind] = year[kind][max(start - offset, 0) : max(stop - offset, 0)]
        offset += len(year[kind])
    return cut


def _count(year: dict[str, Any]) -> int:
    return sum(len(year[kind]) for kind, _macro in _KINDS)


def person_parts(
    person: SeriesPerson, series: Series, limit: int, lang: Language
) -> list[tuple[str, dict[str, Any]]]:
    """(path, view) of each part of a person's page whose work does not fit on one page:
    /people/<slug>/, /people/<slug>/2/ ...; a year that goes on over two parts is headed on
    both. Each talk, role and paper measured as the page renders it."""
    folder = f"{views.PEOPLE_PAGE}/{person.slug}"
    # The view of the first part, and of the others (one folder deeper): built once each.
    whole, rest = (views.person_view(person, series, path) for path in ("", f"{folder}/2"))
    macros = {kind: templating.macro("_series.html", name, lang.code) for kind, name in _KINDS}
    sizes = [
        measured(str(macros[kind](item)))
        for year in whole["years"]
        for kind, _macro in _KINDS
        for item in year[kind]
    ]

    def view(part: Part) -> dict[str, Any]:
        shown = dict(whole if part.number == 1 else rest)
        years, offset = [], 0
        for year in shown["years"]:
            start, stop = part.run.start - offset, part.run.stop - offset
            if start < _count(year) and stop > 0:
                years.append(_cut(year, start, stop))
            offset += _count(year)
        shown["years"], shown["pager"] = years, part.pager
        return shown

    def frame(part: Part) -> int:
        # A year's headings and lists show only around entries: measured with one of each
        # kind, less those entries' lines.
        shown = view(part)
        shown["years"] = [{**y, **{k: y[k][:1] for k, _m in _KINDS}} for y in shown["years"]]
        lines = sum(
            html_bytes(str(macros[kind](item))) + 1
            for year in shown["years"]
            for kind, _macro in _KINDS
            for item in year[kind]
        )
        return html_bytes(templating.render("series_person.html", shown, lang.code)) - lines

    return [(part.path, view(part)) for part in parts_of(folder, sizes, limit, frame)]
