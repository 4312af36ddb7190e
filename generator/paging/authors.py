"""The A-Z authors as an index of letters and a page per letter, and an author's page in
parts when their papers and co-authors do not fit on one."""

from __future__ import annotations

from typing import Any

from generator import views
from generator.paging.common import (
    PAGE_MARKUP,
    PERSON_MARKUP,
    TITLE_MARKUP,
    PageSpec,
    paper_count,
    paper_size,
    part_label,
    parts_of,
    title_size,
)
from generator.urls import Urls


def _letter_folder(letter: str) -> str:
    if letter.isascii() and letter.isalpha():
        return letter.lower()
    return "other" if letter == "#" else f"u{ord(letter):04x}"


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


def _person_size(person: views.Person, with_papers: bool) -> int:
    size = PERSON_MARKUP + 3 * len(person.slug) + 2 * len(person.name.full)
    size += sum(len(a) for a in person.affiliations) + len(person.orcid)
    if with_papers:
        size += sum(TITLE_MARKUP + len(p.id) + title_size(p) for p in person.papers)
    return size


def authors_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The A-Z authors as an index of letters and a page per letter; None when one fits."""
    lang = index.lang
    _ = lang.gettext
    everyone = views.people(index)
    if PAGE_MARKUP + sum(_person_size(p, True) for p in everyone) <= limit:
        return None
    letters: dict[str, list[views.Person]] = {}
    for person in everyone:
        letters.setdefault(views.letter_of(person), []).append(person)
    top = Urls.for_path("authors")
    pages: list[PageSpec] = []
    rows = []
    for letter, persons in sorted(letters.items()):
        folder = f"authors/letters/{_letter_folder(letter)}"
        with_papers = PAGE_MARKUP + sum(_person_size(p, True) for p in persons) <= limit
        sizes = [_person_size(p, with_papers) for p in persons]
        parts = parts_of(folder, sizes, limit)
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
                        "people": [_entry(p, urls, index, with_papers) for p in chosen],
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
) -> list[tuple[str, views.AuthorView]] | None:
    """(path, view) of each part of an author's page whose papers and co-authors do not fit
    on one page: /authors/<slug>/, /authors/<slug>/2/ ...; None when one page fits."""
    coauthors = {a.name.slug: a.name.full for p in person.papers for a in p.authors}
    coauthors.pop(person.slug, None)
    sizes = [paper_size(p) for p in person.papers]
    if PAGE_MARKUP + sum(sizes) + sum(map(_coauthor_size, coauthors.values())) <= limit:
        return None
    whole = views.author_view(person, index)  # its co-authors in the order shown
    sizes += [_coauthor_size(c["name"]) for c in whole["coauthors"]]
    folder = f"authors/{person.slug}"
    papers = len(person.papers)
    parts = []
    for path, run, pager in parts_of(folder, sizes, limit):
        view = views.author_view(person, index, path)
        view["papers"] = view["papers"][run.start : min(run.stop, papers)]
        view["coauthors"] = view["coauthors"][
            max(run.start - papers, 0) : max(run.stop - papers, 0)
        ]
        view["pager"] = pager
        parts.append((path, view))
    return parts
