"""A synthetic series: ``confsite synth --editions N --papers P --out DIR``.

N editions, the last in 2031, each a synthetic conference of P papers in its own folder
(``DIR/<year>/``) beside ``DIR/series.yaml``. Each edition draws its authors with the same
heavy-tailed skew as a single edition, from the series' few regulars (drawn most often, so in
nearly every year), some of the previous edition's newcomers, and newcomers of its own: across
the series most authors have papers in one year and a few prolific ones in many. Halfway
the series changes its name (SynthSys, then SynthConf), which series.yaml records. Paper ids
carry their year (``p2030-00001``): the series' BibTeX holds every edition's entries. One
seeded ``random.Random`` makes every byte, as for one edition.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from generator.synth import affiliations_list, edition_files, make_people
from generator.synth.files import HEADER
from generator.synth.records import SINGLE, EditionFacts, Person

OLD_NAME = "SynthSys"
"""The series' name before it became SynthConf."""


def editions_of(count: int) -> list[EditionFacts]:
    """The editions, oldest first: the newest in 2031, the name changed halfway."""
    years = list(range(SINGLE.year - count + 1, SINGLE.year + 1))
    renamed = years[count // 2] if count > 1 else years[0]
    return [
        EditionFacts(OLD_NAME if year < renamed else SINGLE.name, year, f"p{year}-")
        for year in years
    ]


def series_yaml(editions: list[EditionFacts]) -> str:
    """series.yaml: the name today, the address, the current edition and the names it had."""
    first, last = editions[0], editions[-1]
    names = ""
    if first.name != last.name:
        renamed = next(e.year for e in editions if e.name == last.name)
        names = (
            f"names:\n  - name: {first.name}\n    since: {first.year}\n    until: {renamed - 1}\n"
            f"  - name: {last.name}\n    since: {renamed}\n"
        )
    return (
        HEADER + f"name: {last.name}\n"
        'description: "A synthetic conference series generated for benchmarks and scale tests."\n'
        f"url: https://synth.example.org/\ncurrent: {last.year}\n{names}"
    )


def generate_series(
    edition_count: int, paper_count: int, seed: int = 0, tick: Callable[[], None] | None = None
) -> dict[str, str]:
    """The series folder's files (path -> text); ``tick`` per paper of every edition."""
    rng = random.Random(seed)
    affiliations = affiliations_list()
    editions = editions_of(edition_count)
    size = max(8, int(paper_count * 1.6))  # an edition's people, as for one edition
    regulars = max(1, size // 20)
    newcomers = size - regulars
    people = make_people(rng, regulars + edition_count * newcomers, affiliations)
    files = {"series.yaml": series_yaml(editions)}
    for number, facts in enumerate(editions):
        pool = _drawn_from(people, number, regulars, newcomers)
        edition = edition_files(rng, pool, affiliations, paper_count, facts, tick)
        files.update((f"{facts.year}/{name}", text) for name, text in edition.items())
    return files


def _drawn_from(people: list[Person], number: int, regulars: int, newcomers: int) -> list[Person]:
    """The people edition ``number`` draws its authors from, most likely first: the series'
    regulars (in every edition), a tenth of the previous edition's newcomers (back once
    more), then its own newcomers (most of them on one paper, in this edition only)."""
    start = regulars + number * newcomers
    back = people[start - newcomers : start - newcomers + newcomers // 10] if number else []
    return [*people[:regulars], *back, *people[start : start + newcomers - len(back)]]
