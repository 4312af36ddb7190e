"""The people family: authors (each across all their papers), the committee, the speakers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Protocol

from generator.model import Area, Paper
from generator.names import Name
from generator.speaker_pages import speaker_card
from generator.urls import Urls
from generator.views.common import Index, day_label, paper_summary, time_range
from generator.views.contexts import AuthorView


@dataclass(frozen=True)
class Person:
    """One author across all their papers (authors are one person when their slugs agree)."""

    slug: str
    name: Name
    """The first spelling met, in papers.yaml order."""
    affiliations: tuple[str, ...]
    orcid: str
    papers: tuple[Paper, ...]


def people(index: Index) -> list[Person]:
    """Every author, A-Z by family name, each with their papers in papers.yaml order."""
    names: dict[str, Name] = {}
    affiliations: dict[str, list[str]] = defaultdict(list)
    orcids: dict[str, str] = {}
    papers: dict[str, list[Paper]] = defaultdict(list)
    for paper in index.data.papers:
        for author in paper.authors:
            slug = author.name.slug
            names.setdefault(slug, author.name)
            if author.affiliation and author.affiliation not in affiliations[slug]:
                affiliations[slug].append(author.affiliation)
            if author.orcid:
                orcids.setdefault(slug, author.orcid)
            if not papers[slug] or papers[slug][-1] is not paper:
                papers[slug].append(paper)
    ordered = sorted(names, key=lambda slug: (names[slug].sort_key, slug))
    return [
        Person(
            slug=slug,
            name=names[slug],
            affiliations=tuple(affiliations[slug]),
            orcid=orcids.get(slug, ""),
            papers=tuple(papers[slug]),
        )
        for slug in ordered
    ]


class Named(Protocol):
    """Anyone an A-Z list orders by name: an edition's author, a series' person."""

    @property
    def name(self) -> Name: ...


def letter_of(person: Named) -> str:
    """The letter of the A-Z list a person is under ('#' when the name starts otherwise)."""
    initial = person.name.sort_key[0][:1].upper() or "#"
    return initial if initial.isalpha() else "#"


def person_entry(
    person: Person, urls: Urls, index: Index, with_papers: bool = True
) -> dict[str, Any]:
    """An author as the A-Z list shows them: name, affiliations, ORCID and, unless a long
    list leaves them out (paging), their papers."""
    return {
        "slug": person.slug,
        "href": urls.author(person.slug),
        "name": person.name.full,
        "sort_name": person.name.last_first,
        "affiliations": list(person.affiliations),
        "orcid": person.orcid,
        "papers": [paper_summary(p, urls, index) for p in person.papers] if with_papers else [],
    }


def authors_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("authors")
    letters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    everyone = people(index)
    for person in everyone:
        letters[letter_of(person)].append(person_entry(person, urls, index))
    return {
        "count": len(everyone),
        "letters": [{"letter": k, "people": v} for k, v in sorted(letters.items())],
    }


def author_view(person: Person, index: Index, path: str = "") -> AuthorView:
    """An author's page: their papers, their co-authors (linked) and ORCID iD. ``path`` is
    where the page is served when not at authors/<slug> (a part of
    a long page, generator/paging/)."""
    urls = Urls.for_path(path or f"authors/{person.slug}")
    coauthors: dict[str, Name] = {}
    for paper in person.papers:
        for author in paper.authors:
            if author.name.slug != person.slug:
                coauthors.setdefault(author.name.slug, author.name)
    ordered = sorted(coauthors, key=lambda slug: (coauthors[slug].sort_key, slug))
    return {
        "slug": person.slug,
        "name": person.name.full,
        "affiliations": list(person.affiliations),
        "orcid": person.orcid,
        "papers": [paper_summary(p, urls, index) for p in person.papers],
        "paper_count": len(person.papers),
        "coauthors": [
            {"name": coauthors[slug].full, "href": urls.author(slug)} for slug in ordered
        ],
        "authors_href": urls.to("authors/"),
        "pager": [],
    }


def committee_view(index: Index) -> dict[str, Any]:
    """The split by area only when some member has one; members without one after it."""
    data = index.data

    def listed(area: Area | None) -> list[dict[str, str]]:
        members = sorted(
            (m for m in data.program_committee if m.area is area), key=lambda m: m.name.sort_key
        )
        return [{"name": m.name.full, "affiliation": m.affiliation} for m in members]

    split = any(m.area is not None for m in data.program_committee)
    areas = [
        {
            "id": a.value,
            "label": index.lang.gettext(a.label),
            "count": len(listed(a)),
            "members": listed(a),
        }
        for a in (Area if split else ())
    ]
    return {
        "unassigned": listed(None),
        "organizers": [
            {"role": o.role, "name": o.name.full, "affiliation": o.affiliation}
            for o in data.organizers
        ],
        "areas": areas,
        "total": len(data.program_committee),
    }


def speakers_view(index: Index) -> dict[str, Any]:
    urls = Urls.for_path("speakers")
    keynotes = {s.speaker_id: s for s in index.data.sessions if s.speaker_id}
    lang = index.lang
    labels = (lambda day: day_label(day, lang), lambda s: time_range(s, lang))
    speakers = [
        speaker_card(speaker, keynotes.get(speaker.id), urls, labels)
        for speaker in index.data.speakers
    ]
    return {"speakers": speakers}
