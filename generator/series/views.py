"""One small context per series page: plain data for the templates."""

from __future__ import annotations

from typing import Any

from generator import latex, views
from generator.exporters.citation import volume_booktitle
from generator.i18n import ENGLISH, Language
from generator.series.model import Edition, Series
from generator.series.people import SeriesPerson
from generator.urls import Urls

VOLUMES_PAGE = "volumes"
PEOPLE_PAGE = "people"
SERIES_BIBTEX = f"{VOLUMES_PAGE}/series.bib"
"""Every volume of the series in one BibTeX file, beside the volumes list."""


def in_order(series: Series) -> list[Edition]:
    """The current edition first, then every other, newest first."""
    current = series.current_edition
    return [current, *(e for e in series.editions if e is not current)]


def edition_summary(
    edition: Edition, urls: Urls, current: int, lang: Language = ENGLISH
) -> dict[str, Any]:
    data = edition.data
    facts = views.home_view(views.Index.of(data, lang))
    venue = data.conference.venue
    return {
        "year": edition.year,
        "name": data.conference.short_title,
        "title": data.conference.title,
        "dates": facts["dates"],
        "place": ", ".join(p for p in (venue.name, venue.place) if p),
        "paper_count": len(data.papers),
        "href": urls.to(f"{edition.path}/"),
        "proceedings_href": urls.to(f"{edition.path}/proceedings/"),
        "current": edition.year == current,
    }


def home_view(series: Series, lang: Language = ENGLISH) -> dict[str, Any]:
    """The series home: its names over the years, the current edition first, then the rest."""
    urls = Urls.for_path("")
    since = lang.gettext("since {year}")
    names = [{"name": n.name, "years": _years(n.since, n.until, since)} for n in series.names]
    return {
        "name": series.name,
        "names": names if len(names) > 1 else [],
        "editions": [edition_summary(e, urls, series.current, lang) for e in in_order(series)],
        "volumes_href": urls.to(f"{VOLUMES_PAGE}/"),
        "people_href": urls.to(f"{PEOPLE_PAGE}/"),
    }


def volumes_view(series: Series, lang: Language = ENGLISH) -> dict[str, Any]:
    """Every proceedings volume, newest first, each with its BibTeX; the series' BibTeX."""
    urls = Urls.for_path(VOLUMES_PAGE)
    volumes = []
    for edition in series.editions:
        data = edition.data
        title = latex.decode(volume_booktitle(data.volume)) if data.volume else ""
        volumes.append(
            {
                "year": edition.year,
                "title": title
                or lang.gettext("Proceedings of {conference}").format(
                    conference=data.conference.title
                ),
                "paper_count": len(data.papers),
                "href": urls.to(f"{edition.path}/proceedings/"),
                "bibtex_href": urls.to(f"{edition.path}/proceedings/proceedings.bib"),
            }
        )
    return {
        "volumes": volumes,
        "series_bibtex_href": urls.to(SERIES_BIBTEX),
        "paper_count": sum(v["paper_count"] for v in volumes),
    }


def person_summary(person: SeriesPerson, urls: Urls) -> dict[str, Any]:
    """A person as the A-Z list of people shows them: name, link, the years they took part."""
    years = sorted({w.year for w in person.works}, reverse=True)
    return {
        "name": person.name.last_first,
        "href": urls.to(f"{PEOPLE_PAGE}/{person.slug}/"),
        "years": ", ".join(str(y) for y in years),
    }


def people_view(people: list[SeriesPerson]) -> dict[str, Any]:
    """Everyone of every edition, A-Z, with the years they took part."""
    urls = Urls.for_path(PEOPLE_PAGE)
    return {"people": [person_summary(p, urls) for p in people]}


def person_view(person: SeriesPerson, series: Series, path: str = "") -> dict[str, Any]:
    """One person across every edition, newest year first: papers, committee roles, talks;
    with links as they read from ``path`` (their page /people/<slug>/ unless told: a part of
    it, generator/paging/series_people.py) and no pager."""
    urls = Urls.for_path(path or f"{PEOPLE_PAGE}/{person.slug}")
    names = {e.year: e.data.conference.short_title for e in series.editions}
    years = []
    for year in sorted({w.year for w in person.works}, reverse=True):
        mine = [w for w in person.works if w.year == year]
        papers = list({w.paper.id: w.paper for w in mine if w.paper}.values())
        spellings = list(dict.fromkeys(w.name for w in mine if w.kind == "paper"))
        years.append(
            {
                "year": year,
                "edition": names[year],
                "href": urls.to(f"{year}/"),
                "papers": [
                    {
                        "title": p.title.as_inline_html,
                        "href": urls.to(f"{year}/papers/{p.id}/"),
                        "authors": ", ".join(a.name.full for a in p.authors),
                    }
                    for p in papers
                ],
                "authors_href": [urls.to(f"{year}/authors/{n.slug}/") for n in spellings][:1],
                "roles": [
                    {"role": w.role, "href": urls.to(f"{year}/committee/")}
                    for w in mine
                    if w.kind == "committee"
                ]
                + [
                    {"role": w.role, "href": urls.to(f"{year}/program/#{w.anchor}")}
                    for w in mine
                    if w.kind == "chair"
                ],
                "talks": [
                    {"title": w.role, "href": urls.to(f"{year}/speakers/#{w.anchor}")}
                    for w in mine
                    if w.kind == "talk"
                ],
            }
        )
    spelled = list(dict.fromkeys(w.name.full for w in person.works))
    return {
        "name": person.name.full,
        "orcid": person.orcid,
        "variants": [s for s in spelled if s != person.name.full],
        "years": years,
        "people_href": urls.to(f"{PEOPLE_PAGE}/"),
        "pager": [],
    }


def _years(first: int, last: int, since: str) -> str:
    """'2025', '2018–2019' or 'since 2026' (``last`` 0): the years a name was used."""
    if not last:
        return since.format(year=first)
    return str(first) if first == last else f"{first}–{last}"
