"""The A-Z authors as an index of letters and a page per letter, and an author's page in
parts when their papers and co-authors do not fit on one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator import templating, views
from generator.paging.common import (
    PageSpec,
    Part,
    deeper,
    html_bytes,
    measured,
    paper_count,
    parts_of,
    placed,
    within,
)
from generator.paging.letters import letter_page, letter_rows, letters_of
from generator.urls import Urls


def _entry(
    person: views.Person, urls: Urls, index: views.Index, with_papers: bool
) -> dict[str, Any]:
    """An author on a letter's page: as the A-Z list shows them, with a count of papers for
    when the titles are left out."""
    count = len(person.papers)
    return {
        **views.person_entry(person, urls, index, with_papers),
        "count": paper_count(count, index.lang),
    }


def _letter_pages(
    letter: str,
    persons: list[views.Person],
    folder: str,
    entry: Callable[[views.Person], Markup],
    index: views.Index,
    limit: int,
    name: str,
) -> list[PageSpec]:
    """A letter's authors: with their papers (``entry``, as rendered for its page) when the
    letter fits on one page so, else with paper counts only, in as many parts as that needs."""
    lang = index.lang
    _ = lang.gettext
    first = Urls.for_path(folder)

    def page(part: Part, shown: list[Markup]) -> dict[str, Any]:
        return {
            **letter_page(letter, persons, part, shown, lang),
            "authors_href": Urls.for_path(part.path).to("authors/"),
        }

    def frame(part: Part) -> int:
        return html_bytes(templating.render("authors_letter.html", page(part, []), lang.code))

    # With their papers the letter is one page or none: rendered one by one only until they
    # pass the room one page leaves (one entry alone is a page however long).
    room = limit - frame(Part(folder, range(len(persons)), [], 1, 1))
    if len(persons) == 1 or within((measured(entry(p)) for p in persons), room):
        entries = [str(entry(p)) for p in persons]
    else:
        item = templating.macro("_macros.html", "person_item", lang.code)
        entries = [str(item(_entry(p, first, index, False), False)) for p in persons]
    parts = parts_of(folder, [measured(e) for e in entries], limit, frame)
    pages = []
    for part in parts:
        label = part.label(lang)
        pages.append(
            PageSpec(
                path=part.path,
                title=_("Authors: {letter}{part}").format(letter=letter, part=label),
                description=_(
                    "Authors of {name} whose family name starts with {letter}{part}, with "
                    "their papers."
                ).format(name=name, letter=letter, part=label),
                template="authors_letter.html",
                context=page(part, placed(entries, part)),
            )
        )
    return pages


def authors_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The A-Z authors as an index of letters and a page per letter; None when one fits."""
    lang = index.lang
    _ = lang.gettext
    everyone = views.people(index)
    top = Urls.for_path("authors")
    item = templating.macro("_macros.html", "person_item", lang.code)
    rendered: dict[str, str] = {}

    def entry(person: views.Person) -> str:
        # An author with their papers as the one page shows them: rendered when first asked
        # for, measured there, and moved two folders down onto their letter's page.
        if person.slug not in rendered:
            rendered[person.slug] = str(item(views.person_entry(person, top, index)))
        return rendered[person.slug]

    # Rendered one by one only until they pass the budget: a long list is known to need
    # pages after about a page's worth of authors.
    if within((html_bytes(entry(p)) for p in everyone), limit):
        page = templating.render("authors.html", views.authors_view(index), lang.code)
        if html_bytes(page) <= limit:
            return None
    letters = letters_of(everyone, "authors")
    pages: list[PageSpec] = []
    for each in letters:
        pages += _letter_pages(
            each.letter,
            each.people,
            each.folder,
            lambda p: deeper(entry(p), 2),
            index,
            limit,
            name,
        )
    head = PageSpec(
        path="authors",
        title=_("Authors"),
        description=_("Every author of {name}, A-Z by family name.").format(name=name),
        template="authors_index.html",
        context={"count": len(everyone), "letters": letter_rows(letters, top)},
        in_nav=True,
    )
    return [head, *pages]


def author_parts(
    person: views.Person, index: views.Index, limit: int
) -> list[tuple[str, views.AuthorView]]:
    """(path, view) of each part of an author's page whose papers and co-authors do not fit
    on one page: /authors/<slug>/, /authors/<slug>/2/ ...; each paper and co-author measured
    as the page renders it."""
    code = index.lang.code
    folder = f"authors/{person.slug}"
    # The view of the first part, and of the others (one folder deeper): built once each.
    whole, rest = (views.author_view(person, index, path) for path in ("", f"{folder}/2"))
    paper_item = templating.macro("_macros.html", "paper_item", code)
    link_list = templating.macro("_macros.html", "link_list", code)
    papers = len(whole["papers"])
    sizes = [measured(str(paper_item(p))) for p in whole["papers"]]
    # A co-author's line: the list holding them alone, less the list holding no one (and
    # less the line break, which measured counts).
    empty = html_bytes(str(link_list([], ""))) + 1
    sizes += [measured(str(link_list([c], ""))) - empty for c in whole["coauthors"]]

    def view(part: Part) -> views.AuthorView:
        shown = views.AuthorView(**(whole if part.number == 1 else rest))
        shown["papers"] = shown["papers"][part.run.start : min(part.run.stop, papers)]
        shown["coauthors"] = shown["coauthors"][
            max(part.run.start - papers, 0) : max(part.run.stop - papers, 0)
        ]
        shown["pager"] = part.pager
        return shown

    def frame(part: Part) -> int:
        # The headings of the two lists show only above entries: measured with one of each.
        shown = view(part)
        shown["papers"], shown["coauthors"] = whole["papers"][:1], whole["coauthors"][:1]
        entries = [str(paper_item(p)) for p in shown["papers"]]
        entries += [str(link_list([c], "")) for c in shown["coauthors"]]
        page = templating.render("author.html", shown, code)
        lines = sum(html_bytes(e) + 1 for e in entries)
        return html_bytes(page) - lines + empty * len(shown["coauthors"])

    return [(part.path, view(part)) for part in parts_of(folder, sizes, limit, frame)]
