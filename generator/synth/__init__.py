"""A synthetic conference of any size, for benchmarks and scale tests.

``confsite synth --papers N --out DIR`` writes a data folder shaped like a large ML conference:
authors reused with a heavy-tailed skew (a few people on dozens of papers, most on one),
affiliations, ~150-word abstracts with math and accented words, paper sessions of ~8 papers in
up to 10 parallel rooms over 5 days, a keynote each morning, a program committee of N/10 split
by area, and a proceedings.bib whose entries agree with papers.yaml. The same N and seed give
the same bytes: all randomness comes from one seeded ``random.Random``, nothing reads the clock.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from generator.names import slugify
from generator.synth.files import (
    bibtex,
    committee_yaml,
    conference_yaml,
    papers_yaml,
    program_yaml,
    speakers_yaml,
    sponsors_yaml,
)
from generator.synth.records import (
    DAY_END,
    DAY_START,
    DAYS,
    MAX_SESSION,
    PAPERS_PER_SESSION,
    ROOMS,
    SINGLE,
    START,
    EditionFacts,
    Person,
    SynthPaper,
    SynthSession,
)
from generator.synth.vocabulary import (
    AWARDS,
    FIRST_NAMES,
    INSTITUTION_FORMS,
    INSTITUTION_STEMS,
    LAST_NAMES,
    SYSTEM_NAMES,
    TOPICS,
    abstract_of,
    title_of,
)


def orcid_with_checksum(digits15: str) -> str:
    """A well-formed ORCID iD (ISO 7064 MOD 11-2 check digit) from 15 digits."""
    total = 0
    for char in digits15:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    full = digits15 + ("X" if check == 10 else str(check))
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))


def make_people(rng: random.Random, count: int, affiliations: list[str]) -> list[Person]:
    """``count`` distinct people (distinct slugs: one author page each)."""
    people: list[Person] = []
    seen: set[str] = set()
    initials = [""] + [f" {chr(c)}." for c in range(ord("A"), ord("Z") + 1)]
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        full = f"{first}{rng.choice(initials)} {last}"
        slug = slugify(full)
        if slug in seen:
            continue
        seen.add(slug)
        orcid = (
            orcid_with_checksum(f"0000000{rng.randrange(10**8):08d}") if rng.random() < 0.2 else ""
        )
        people.append(Person(full, full.rsplit(" ", 1)[0], last, rng.choice(affiliations), orcid))
    return people


def affiliations_list() -> list[str]:
    return [form.format(stem) for stem in INSTITUTION_STEMS for form in INSTITUTION_FORMS]


def _schedule(paper_count: int, first_day: date = START) -> list[SynthSession]:
    """Paper sessions of ~8 papers spread over 5 days and up to 10 rooms.

    With many papers the day holds more, shorter slots (a 10,000-paper conference has 25 slots
    of 24 minutes a day); that keeps every session at ~8 papers as the benchmark wants.
    """
    count = max(1, math.ceil(paper_count / PAPERS_PER_SESSION))
    rooms = min(ROOMS, math.ceil(count / DAYS))
    slots = math.ceil(count / (DAYS * rooms))
    length = min(MAX_SESSION, (DAY_END - DAY_START) // slots - 5)
    sessions: list[SynthSession] = []
    cells = itertools.product(range(DAYS), range(slots), range(rooms))
    for number, (day, slot, room) in enumerate(itertools.islice(cells, count), start=1):
        start = DAY_START + slot * (length + 5)
        sessions.append(
            SynthSession(
                id=f"s{number:04d}",
                title="",
                day=first_day + timedelta(days=day),
                start=start,
                end=start + length,
                room=f"Room {room + 1}",
            )
        )
    return sessions


def generate(
    paper_count: int, seed: int = 0, tick: Callable[[], None] | None = None
) -> dict[str, str]:
    """The data folder's files (name -> text) of a synthetic conference; ``tick`` per paper."""
    rng = random.Random(seed)
    affiliations = affiliations_list()
    # ~1.6 distinct authors per paper with a Zipf-like skew: prolific authors on many papers.
    people = make_people(rng, max(8, int(paper_count * 1.6)), affiliations)
    return edition_files(rng, people, affiliations, paper_count, SINGLE, tick)


def edition_files(
    rng: random.Random,
    people: list[Person],
    affiliations: list[str],
    paper_count: int,
    facts: EditionFacts,
    tick: Callable[[], None] | None = None,
) -> dict[str, str]:
    """One edition's files, its authors drawn from ``people`` (most often the first ones)."""
    weights = list(itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(people))))
    sessions = _schedule(paper_count, facts.start)
    papers: list[SynthPaper] = []
    page = 1
    for number in range(1, paper_count + 1):
        name = f"{rng.choice(SYSTEM_NAMES)}-{number}"
        author_count = min(len(people), rng.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7, 9)))
        chosen: dict[str, Person] = {}
        while len(chosen) < author_count:
            person = rng.choices(people, cum_weights=weights)[0]
            chosen.setdefault(person.name, person)
        first_topic = rng.randrange(len(TOPICS))
        topics = [TOPICS[first_topic][0]]
        if rng.random() < 0.3:
            topics.append(TOPICS[(first_topic + 1) % len(TOPICS)][0])
        length = rng.randint(8, 14)
        papers.append(
            SynthPaper(
                id=f"{facts.id_prefix}{number:05d}",
                title=title_of(rng, name),
                authors=tuple(chosen.values()),
                abstract=abstract_of(rng, name),
                topics=tuple(topics),
                session=sessions[(number - 1) // PAPERS_PER_SESSION].id,
                award=rng.choice(AWARDS) if rng.random() < 0.005 else "",
                pages=f"{page}--{page + length - 1}",
            )
        )
        page += length
        if tick:
            tick()
    session_titles = _session_titles(papers)
    sessions = [
        SynthSession(s.id, session_titles.get(s.id, "Papers"), s.day, s.start, s.end, s.room)
        for s in sessions
    ]
    committee_pool = make_people(rng, max(2, paper_count // 10), affiliations)
    return {
        "conference.yaml": conference_yaml(paper_count, facts),
        "papers.yaml": papers_yaml(papers, facts.year),
        "program.yaml": program_yaml(sessions),
        "speakers.yaml": speakers_yaml(rng, affiliations),
        "committee.yaml": committee_yaml(rng, committee_pool),
        "sponsors.yaml": sponsors_yaml(),
        "proceedings.bib": bibtex(papers, facts),
    }


def _session_titles(papers: list[SynthPaper]) -> dict[str, str]:
    """A session is named after the topic most of its papers share."""
    names = {topic_id: name for topic_id, name, _area in TOPICS}
    by_session: dict[str, list[str]] = {}
    for paper in papers:
        by_session.setdefault(paper.session, []).append(paper.topics[0])
    titles = {}
    for session_id, topics in by_session.items():
        common = max(sorted(set(topics)), key=topics.count)
        titles[session_id] = f"{names[common]} {int(session_id[1:])}"
    return titles


def write(
    out_dir: Path,
    paper_count: int,
    seed: int = 0,
    tick: Callable[[], None] | None = None,
    editions: int | None = None,
) -> list[Path]:
    """Write the synthetic data folder (with ``editions``, a series of that many editions of
    ``paper_count`` papers each: generator/synth/series.py); returns the files written."""
    if editions is None:
        files = generate(paper_count, seed, tick)
    else:
        from generator.synth.series import generate_series

        files = generate_series(editions, paper_count, seed, tick)
    written = []
    for name, text in files.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
