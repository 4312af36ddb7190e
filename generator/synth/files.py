"""The synthetic conference written out as the data files organizers keep: YAML and BibTeX."""

from __future__ import annotations

import json
import random
from datetime import timedelta

from generator.synth.records import (
    DAYS,
    SINGLE,
    TIMEZONE,
    EditionFacts,
    Person,
    SynthPaper,
    SynthSession,
)
from generator.synth.vocabulary import (
    FIRST_NAMES,
    LAST_NAMES,
    SYSTEM_NAMES,
    TOPICS,
    abstract_of,
    title_of,
    to_latex,
)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML; json.dumps escapes what it must)."""
    return json.dumps(text, ensure_ascii=False)


def _wrap(text: str, width: int = 88) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _hhmm(minutes: int) -> str:
    return f'"{minutes // 60:02d}:{minutes % 60:02d}"'


HEADER = "# Synthetic conference written by `confsite synth`; every name in it is invented.\n"


def conference_yaml(paper_count: int, facts: EditionFacts = SINGLE) -> str:
    start, year = facts.start, facts.year
    end = start + timedelta(days=DAYS - 1)
    topics = "".join(
        f"  - id: {topic_id}\n    name: {_q(name)}\n"
        f"    description: {_q(f'Research on {name.lower()}.')}\n"
        for topic_id, name, _area in TOPICS
    )
    return (
        HEADER + f"name: {facts.name}\nyear: {year}\n"
        f"title: {_q(f'{facts.short}: a synthetic conference of {paper_count} papers')}\n"
        "fictional: true\n"
        'description: "A synthetic conference generated for benchmarks and scale tests."\n'
        f"timezone: {TIMEZONE}\nstart: {start.isoformat()}\nend: {end.isoformat()}\n"
        "venue:\n  name: Synthetic Convention Centre\n  city: Port Alder\n  country: Canada\n"
        f"url: https://synth.example.org/{year}/\ncontact: chairs@synth.example.org\n"
        f"topics:\n{topics}"
        "important_dates:\n"
        f'  - name: Full paper submission\n    date: "{year}-05-15 23:59"\n    timezone: AoE\n'
        f'  - name: Author notification\n    date: "{year}-09-20 23:59"\n    timezone: AoE\n'
    )


def papers_yaml(papers: list[SynthPaper], year: int = SINGLE.year) -> str:
    out = [HEADER, "papers:\n"]
    for paper in papers:
        out.append(f"  - id: {paper.id}\n    title: {_q(paper.title)}\n    authors:\n")
        for author in paper.authors:
            out.append(
                f"      - name: {_q(author.name)}\n        affiliation: {_q(author.affiliation)}\n"
            )
            if author.orcid:
                out.append(f"        orcid: {author.orcid}\n")
        out.append("    abstract: |\n")
        out.extend(f"      {line}\n" for line in _wrap(paper.abstract))
        out.append(f"    topics: [{', '.join(paper.topics)}]\n    session: {paper.session}\n")
        if paper.award:
            out.append(f"    award: {_q(paper.award)}\n")
        out.append(f'    pages: "{paper.pages}"\n')
        pdf = f"https://synth.example.org/{year}/papers/{paper.id}.pdf"
        out.append(f"    links:\n      pdf: {pdf}\n")
    return "".join(out)


def program_yaml(sessions: list[SynthSession]) -> str:
    out = [HEADER, f"# All times are local to {TIMEZONE}.\ndays:\n"]
    for day_number, day in enumerate(sorted({s.day for s in sessions}), start=1):
        out.append(f"  - date: {day.isoformat()}\n    sessions:\n")
        out.append(
            f"      - id: keynote-{day_number}\n"
            f"        title: {_q(f'Keynote {day_number}')}\n        kind: keynote\n"
            f'        start: "09:00"\n        end: "09:55"\n        room: Main Hall\n'
            f"        speaker: keynote-speaker-{day_number}\n"
        )
        out.append(
            f"      - id: lunch-{day_number}\n        title: Lunch\n        kind: break\n"
            f'        start: "12:30"\n        end: "13:30"\n        room: Foyer\n'
        )
        for s in sessions:
            if s.day == day:
                out.append(
                    f"      - id: {s.id}\n        title: {_q(s.title)}\n        kind: papers\n"
                    f"        start: {_hhmm(s.start)}\n        end: {_hhmm(s.end)}\n"
                    f"        room: {s.room}\n"
                )
    return "".join(out)


def speakers_yaml(rng: random.Random, affiliations: list[str]) -> str:
    out = [HEADER, "speakers:\n"]
    for number in range(1, DAYS + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        out.append(
            f"  - id: keynote-speaker-{number}\n    name: {_q(f'{first} {last}')}\n"
            f"    affiliation: {_q(rng.choice(affiliations))}\n"
            f"    talk_title: {_q(title_of(rng, rng.choice(SYSTEM_NAMES)))}\n"
            f"    abstract: {_q(abstract_of(rng, 'this talk'))}\n"
            f"    bio: {_q(f'{first} {last} leads a (synthetic) research group.')}\n"
        )
    return "".join(out)


def committee_yaml(rng: random.Random, members: list[Person]) -> str:
    areas = [area for _id, _name, area in TOPICS]
    out = [
        HEADER,
        "organizing:\n  - role: General chair\n    name: Ada Synthetic\n"
        "    affiliation: University of Northhaven\n"
        "  - role: Program chair\n    name: Alan Synthetic\n"
        "    affiliation: Lakeside Institute of Technology\n",
        "program_committee:\n",
    ]
    for index, member in enumerate(members):
        out.append(
            f"  - name: {_q(member.name)}\n    affiliation: {_q(member.affiliation)}\n"
            f"    area: {areas[index % len(areas)]}\n"
        )
    return "".join(out)


def sponsors_yaml() -> str:
    return HEADER + (
        "sponsors:\n"
        "  - name: Nimbus Silicon\n    tier: platinum\n    url: https://nimbus.example\n"
        "  - name: Ember Cloud\n    tier: gold\n    url: https://ember.example\n"
    )


def bibtex(papers: list[SynthPaper], facts: EditionFacts = SINGLE) -> str:
    booktitle, year = f"Proceedings of {facts.short}", facts.year
    key = f"{facts.name.lower()}{year}"
    out = [
        "% " + HEADER[2:],
        f"@proceedings{{{key},\n  title = {{{booktitle}}},\n  year = {{{year}}},\n"
        f"  publisher = {{{facts.name}}},\n  address = {{Port Alder, Canada}}\n}}\n",
    ]
    for paper in papers:
        authors = " and ".join(to_latex(f"{a.last}, {a.first}") for a in paper.authors)
        title = to_latex(paper.title)
        if ":" in title:  # protect the system name's capitals, as organizers do
            head, tail = title.split(":", 1)
            title = f"{{{head}}}:{tail}"
        out.append(
            f"\n@inproceedings{{{paper.id},\n  title = {{{title}}},\n  author = {{{authors}}},\n"
            f"  booktitle = {{{booktitle}}},\n  year = {{{year}}},\n"
            f"  pages = {{{paper.pages}}}\n}}\n"
        )
    return "".join(out)
