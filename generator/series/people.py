"""People across editions: who is the same person, from ORCID iDs, names and people.yaml.

The rules, in order: an entry of data/people.yaml claims the occurrences it names (by ORCID
iD, by paper, or every occurrence of its name and variants); the same ORCID iD is the same
person; otherwise the same normalised name (case, spacing and full stops aside; accents
count) is the same person, except where that name comes with different ORCID iDs. Likely
mix-ups that remain are warnings, each at a file and line, for people.yaml to settle, as the
ACL Anthology's name variants file does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.load import display_path
from generator.load.yaml_source import load_yaml_file
from generator.model import Paper
from generator.names import Name, ascii_fold, slugify
from generator.series.model import PersonRule, Series
from generator.validate.fields import Record, top_level_list

PEOPLE_FILE = "people.yaml"
PERSON_KEYS = ("id", "name", "variants", "orcid", "papers")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]\Z")


@dataclass(frozen=True)
class Work:
    """One thing a person did in one edition: a paper, a committee role or a talk."""

    year: int
    kind: str
    """'paper', 'committee', 'chair' (of a session) or 'talk'."""
    name: Name
    """The name as that edition spells it."""
    orcid: str
    location: Location
    paper: Paper | None = None
    role: str = ""
    """The committee role, the chaired session or the talk's title."""
    anchor: str = ""
    """The speaker's id on the edition's speakers page, or the chaired session's id."""


@dataclass(frozen=True)
class SeriesPerson:
    """One person with everything they did in every edition, oldest first."""

    slug: str
    """Their page: /people/<slug>/."""
    name: Name
    """The first spelling met, oldest edition first."""
    orcid: str
    works: tuple[Work, ...]
    declared: bool
    """people.yaml names them."""


def read_people(data_dir: Path, diagnostics: Diagnostics) -> tuple[PersonRule, ...]:
    """data/people.yaml, when there is one."""
    file = data_dir / PEOPLE_FILE
    if not file.is_file():
        return ()
    path = display_path(file)
    root = load_yaml_file(file, path, diagnostics)
    example = "people:\n  - id: ana-costa\n    name: Ana Costa\n    variants: [A. Costa]"
    rules: list[PersonRule] = []
    seen: set[str] = set()
    for item, line in top_level_list(root, "people", path, diagnostics, example):
        record = Record(
            item, path, line, diagnostics, "person", PERSON_KEYS, ("id", "name"), name_key="id"
        )
        if not record.ok:
            continue
        rule_id = record.slug("id")
        if rule_id in seen:
            record.error("id", f"{record.what}: the id is used twice; give each person their own")
        seen.add(rule_id)
        orcid = record.str("orcid")
        if orcid and not _ORCID.match(orcid):
            record.error(
                "orcid",
                f"{record.what}: 'orcid' '{orcid}' is not an ORCID iD "
                "(16 digits in groups of four: 0000-0002-1825-0097)",
            )
        variants = tuple(str(v).strip() for v, _ in record.list("variants"))
        papers = tuple(str(p).strip() for p, _ in record.list("papers"))
        for paper in papers:
            if not re.fullmatch(r"\d{4}/[^/\s]+", paper):
                record.error(
                    "papers",
                    f"{record.what}: paper '{paper}' must be written "
                    "'<year>/<paper id>' (for example '2026/p17')",
                )
        rules.append(
            PersonRule(rule_id, record.str("name"), variants, orcid, papers, record.location())
        )
    return tuple(rules)


def normalised(text: str) -> str:
    """The form in which two spellings are the same name: case, spacing and full stops
    aside; accents count (names equal but for them are a warning, not a match)."""
    text = unicodedata.normalize("NFC", text).replace(".", " ")
    return " ".join(text.split()).casefold()


def works_of(series: Series) -> list[Work]:
    """Every paper authorship, committee role and talk of the series, oldest edition first."""
    works: list[Work] = []
    for edition in reversed(series.editions):
        data, year = edition.data, edition.year
        for paper in data.papers:
            for author in paper.authors:
                works.append(
                    Work(year, "paper", author.name, author.orcid, paper.location, paper=paper)
                )
        committee = Location(f"{edition.folder}/committee.yaml")
        for organizer in data.organizers:
            works.append(
                Work(year, "committee", organizer.name, "", committee, role=organizer.role)
            )
        for member in data.program_committee:
            area = f" ({member.area.value})" if member.area else ""
            works.append(
                Work(year, "committee", member.name, "", committee, role=f"Program committee{area}")
            )
        for session in data.sessions:
            if session.chair:
                role = f"Chair: {session.title}"
                name = Name.parse(session.chair)
                works.append(
                    Work(year, "chair", name, "", session.location, role=role, anchor=session.id)
                )
        speakers = Location(f"{edition.folder}/speakers.yaml")
        for speaker in data.speakers:
            works.append(
                Work(
                    year,
                    "talk",
                    speaker.name,
                    "",
                    speakers,
                    role=speaker.talk_title.as_text,
                    anchor=speaker.id,
                )
            )
    return works


class _Groups:
    """Union-find over the keys that say two works are one person."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class _Rules:
    """people.yaml indexed for the question "whose is this work?" (a look-up per work: a
    100,000-paper series has half a million of them)."""

    def __init__(self, rules: tuple[PersonRule, ...]) -> None:
        self.by_orcid = {rule.orcid: rule for rule in reversed(rules) if rule.orcid}
        self.by_paper: dict[tuple[str, str], PersonRule] = {}
        self.by_name: dict[str, list[PersonRule]] = defaultdict(list)
        for rule in reversed(rules):  # the first entry wins where two claim the same
            for name in dict.fromkeys([normalised(rule.name), *map(normalised, rule.variants)]):
                for paper in rule.papers:
                    self.by_paper[(name, paper)] = rule
                if not rule.papers:
                    self.by_name[name].insert(0, rule)

    def claim(self, work: Work) -> PersonRule | None:
        """The entry that says who did ``work``, if one does."""
        if work.orcid in self.by_orcid:
            return self.by_orcid[work.orcid]
        name = normalised(work.name.full)
        if work.paper is not None:
            rule = self.by_paper.get((name, f"{work.year}/{work.paper.id}"))
            if rule is not None:
                return rule
        # By name alone: the one entry of that name that is not tied to an iD or to papers,
        # else the one entry of that name at all; with several, nobody is guessed.
        named = [r for r in self.by_name.get(name, ()) if not (r.orcid and work.orcid)]
        loose = [rule for rule in named if not rule.orcid]
        if len(loose) == 1:
            return loose[0]
        return named[0] if len(named) == 1 else None


def resolve(series: Series) -> tuple[list[SeriesPerson], Diagnostics]:
    """Everyone in the series, A-Z, and the warnings about likely mix-ups."""
    warnings = Diagnostics()
    works = works_of(series)
    groups = _Groups()
    keys: list[str] = []
    orcids_of: dict[str, set[str]] = defaultdict(set)
    rules = _Rules(series.people)
    claims = [rules.claim(work) for work in works]
    for work, rule in zip(works, claims, strict=True):
        if rule is None and work.orcid:
            orcids_of[normalised(work.name.full)].add(work.orcid)
    for work, rule in zip(works, claims, strict=True):
        name = normalised(work.name.full)
        if rule is not None:
            key = f"rule:{rule.id}"
        elif work.orcid:
            key = f"orcid:{work.orcid}"
            if len(orcids_of[name]) == 1:
                groups.join(key, f"name:{name}")
        else:
            key = f"name:{name}"
        groups.find(key)
        keys.append(key)
    _warn_orcids(series, works, claims, orcids_of, warnings)
    members: dict[str, list[int]] = defaultdict(list)
    for number, key in enumerate(keys):
        members[groups.find(key)].append(number)
    people = _people(works, claims, members, {r.id for r in series.people})
    _warn_lookalikes(people, warnings)
    return people, warnings


def _people(
    works: list[Work],
    claims: list[PersonRule | None],
    members: dict[str, list[int]],
    declared: set[str],
) -> list[SeriesPerson]:
    """One person per group; slugs from people.yaml, else from the name (an ORCID iD's last
    digits, then a number, tell apart people whose names make the same slug)."""
    groups = sorted(members.values())  # by their first work: oldest edition first
    people: list[SeriesPerson] = []
    taken = set(declared)
    for numbers in groups:
        mine = [works[n] for n in numbers]
        rule = next((claims[n] for n in numbers if claims[n] is not None), None)
        orcid = next((w.orcid for w in mine if w.orcid), "")
        if rule is not None:
            slug, name = rule.id, Name.parse(rule.name)
        else:
            # Shown as most recently written; the address from the first spelling, so that a
            # new edition's spelling never moves a published person page.
            name = mine[-1].name
            slug = mine[0].name.slug
            if slug in taken and orcid:
                slug = f"{slug}-{orcid[-4:].lower()}"
            base, count = slug, 2
            while slug in taken:
                slug, count = f"{base}-{count}", count + 1
        taken.add(slug)
        people.append(
            SeriesPerson(
                slug, name, orcid or (rule.orcid if rule else ""), tuple(mine), rule is not None
            )
        )
    return sorted(people, key=lambda p: (p.name.sort_key, p.slug))


def _warn_orcids(
    series: Series,
    works: list[Work],
    claims: list[PersonRule | None],
    orcids_of: dict[str, set[str]],
    warnings: Diagnostics,
) -> None:
    """Same name, different ORCID iDs: two people, or one with a typo in an iD."""
    reported: set[str] = set()
    for work, rule in zip(works, claims, strict=True):
        name = normalised(work.name.full)
        if rule is None and len(orcids_of[name]) > 1 and name not in reported:
            reported.add(name)
            shown = ", ".join(sorted(orcids_of[name]))
            warnings.warning(
                work.location,
                f"'{work.name.full}' appears with different ORCID iDs ({shown}): taken as "
                f"different people; if that is wrong, fix the iD, else name each in "
                f"{PEOPLE_FILE} to say who is who",
            )


def _warn_lookalikes(people: list[SeriesPerson], warnings: Diagnostics) -> None:
    """Different people whose names are equal but for accents, or but for initials."""
    by_fold: dict[str, list[SeriesPerson]] = defaultdict(list)
    by_initial: dict[tuple[str, str], list[SeriesPerson]] = defaultdict(list)
    for person in people:
        if person.declared:
            continue  # people.yaml already says who this is
        for spelling in dict.fromkeys(w.name for w in person.works):
            by_fold[slugify(spelling.full)].append(person)
            if spelling.first:
                key = (
                    ascii_fold(spelling.last).casefold(),
                    ascii_fold(spelling.first)[0].casefold(),
                )
                by_initial[key].append(person)
    for group in by_fold.values():
        _warn_pair(group, "accents", lambda a, b: a != b, warnings)
    for group in by_initial.values():
        _warn_pair(group, "initials", _initials_only, warnings)


def _initials_only(a: Name, b: Name) -> bool:
    """One first name is the other's initials ('J.' or 'J. M.' beside 'José Manuel')."""
    return any(
        x.first != y.first and x.first.replace(" ", "") == y.initials.replace(" ", "")
        for x, y in ((a, b), (b, a))
    )


def _warn_pair(group: list[SeriesPerson], what: str, differ: Any, warnings: Diagnostics) -> None:
    distinct = list({p.slug: p for p in group}.values())
    for first in distinct:
        for second in distinct:
            if first.slug >= second.slug or (first.orcid and second.orcid):
                continue  # two ORCID iDs: known to be two people
            a, b = _spelling(first), _spelling(second)
            if differ(a.name, b.name):
                earlier, later = sorted((a, b), key=lambda w: (w.location, w.name.full))
                warnings.warning(
                    later.location,
                    f"'{later.name.full}' and '{earlier.name.full}' ({earlier.location}) differ "
                    f"only in {what}: taken as different people; if they are one, list the "
                    f"names in {PEOPLE_FILE} as variants of one person",
                )


def _spelling(person: SeriesPerson) -> Work:
    return next((w for w in person.works if w.kind == "paper"), person.works[0])


def check(series: Series, diagnostics: Diagnostics) -> None:
    """people.yaml against the editions, and the likely mix-ups as warnings."""
    papers = {f"{e.year}/{p.id}" for e in series.editions for p in e.data.papers}
    for rule in series.people:
        for paper in rule.papers:
            if re.fullmatch(r"\d{4}/[^/\s]+", paper) and paper not in papers:
                diagnostics.error(
                    rule.location,
                    f"person '{rule.id}': paper '{paper}' is not a paper of any edition",
                )
    diagnostics.extend(resolve(series)[1].items)
