"""Raw data to the typed model: every problem reported, the model only when there are none."""

from __future__ import annotations

import dataclasses
import gc
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator import history, reproducible
from generator.diagnostics import Diagnostics, Location
from generator.load import BIBTEX_FILE, Sources, load_sources
from generator.load.digest import folder_digest, read_with_digest
from generator.model import (
    BibEntry,
    CommitteeMember,
    ConferenceData,
    Day,
    Organizer,
    Paper,
    Speaker,
    Sponsor,
)
from generator.validate import placeholders, references
from generator.validate.conference import read_conference
from generator.validate.papers import read_papers, report_unknown_talks
from generator.validate.people import read_committee, read_speakers, read_sponsors
from generator.validate.proceedings import match_entries, read_bibtex
from generator.validate.program import read_program
from generator.validate.releases import read_releases
from generator.validate.rooms import read_rooms


def load_and_validate(data_dir: Path) -> tuple[ConferenceData | None, Diagnostics]:
    """The whole front half of the pipeline: a data folder to a model and its diagnostics."""
    diagnostics = Diagnostics()

    def read() -> ConferenceData | None:
        with cycle_collection_paused():
            sources = load_sources(data_dir, diagnostics)
            data = validate(sources, diagnostics)
            # The raw values are done with. Dropped here, they are freed at once, even if a
            # garbage cycle (a parser's exception holding frames that held them) outlives this.
            sources.yaml.clear()
        return data

    data, inputs = read_with_digest(read, lambda: folder_digest(data_dir))
    if data is None or diagnostics.has_errors():
        return None, diagnostics
    return dataclasses.replace(data, inputs=inputs), diagnostics


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block without Python's cycle collector.

    Loading allocates millions of objects (YAML nodes, values, model objects), nearly all of
    which live on, and none of which form cycles the collector must break. Left on, its full
    collections rescan everything allocated so far, again and again as the heap grows:
    load_and_validate of 5,000 synthetic papers takes 2.7 s with the collector on and 1.4 s
    with it paused (CPU, best of 5, fresh processes; bench/SHORTCUTS.md). Garbage cycles made
    meanwhile are collected later.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # To the collector, everything allocated meanwhile is young: it would all be scanned
        # at the first allocation after this (0.3 s at 10,000 papers). Most of it lives on, so
        # it moves straight to the oldest generation instead (freeze then unfreeze: two list
        # splices), where the next full collection still finds any garbage cycles among it.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def validate(sources: Sources, diagnostics: Diagnostics) -> ConferenceData | None:
    path = sources.path
    roots = sources.yaml

    def declared(name: str, ids: Callable[[Any], set[str] | None]) -> set[str] | None:
        """Ids a file declares: none when it is absent, unknown (None) when it is unusable."""
        if name not in sources.present:
            return set()
        return ids(roots[name]) if sources.usable(name) else None

    conference = None
    if sources.usable("conference.yaml"):
        conference = read_conference(roots["conference.yaml"], path("conference.yaml"), diagnostics)
    speakers: tuple[Speaker, ...] = ()
    if sources.usable("speakers.yaml"):
        speakers = read_speakers(roots["speakers.yaml"], path("speakers.yaml"), diagnostics)
    days: tuple[Day, ...] = ()
    if sources.usable("program.yaml"):
        days = read_program(
            roots["program.yaml"],
            path("program.yaml"),
            diagnostics,
            conference,
            declared("speakers.yaml", lambda root: references.listed_ids(root, "speakers")),
        )
    rooms: tuple[str, ...] = ()
    if sources.usable("program.yaml"):
        rooms = read_rooms(roots["program.yaml"], path("program.yaml"), diagnostics, days)
    sessions = {s.id: s for day in days for s in day.sessions}
    papers: tuple[Paper, ...] = ()
    if sources.usable("papers.yaml"):
        papers = read_papers(
            roots["papers.yaml"],
            path("papers.yaml"),
            diagnostics,
            references.topic_ids(roots.get("conference.yaml"))
            if sources.usable("conference.yaml")
            else None,
            sessions,
            declared("program.yaml", references.session_ids),
        )
        listed = references.listed_ids(roots["papers.yaml"], "papers")
        if listed is not None:
            report_unknown_talks(sessions, listed, diagnostics)
    organizers: tuple[Organizer, ...] = ()
    committee: tuple[CommitteeMember, ...] = ()
    if sources.usable("committee.yaml"):
        organizers, committee = read_committee(
            roots["committee.yaml"], path("committee.yaml"), diagnostics
        )
    sponsors: tuple[Sponsor, ...] = ()
    if sources.usable("sponsors.yaml"):
        sponsors = read_sponsors(roots["sponsors.yaml"], path("sponsors.yaml"), diagnostics)
    volume: BibEntry | None = None
    bib_entries: dict[str, BibEntry] = {}
    if sources.bibtex is not None:
        parsed = read_bibtex(sources.bibtex, path(BIBTEX_FILE))
        diagnostics.extend(parsed.problems)
        paper_ids = (
            references.listed_ids(roots["papers.yaml"], "papers")
            if sources.usable("papers.yaml")
            else None
        )
        volume, bib_entries = match_entries(
            parsed.entries, papers, paper_ids, path("papers.yaml"), diagnostics, parsed.compared
        )
    _report_spelling_variants(papers, path("papers.yaml"), diagnostics)
    placeholders.report(sources, conference, diagnostics)
    releases = history.NO_HISTORY
    if sources.usable(history.FILE):
        releases = read_releases(roots[history.FILE], path(history.FILE), diagnostics)
    if conference is None:
        return None
    data = ConferenceData(
        conference=conference,
        papers=papers,
        days=days,
        speakers=speakers,
        organizers=organizers,
        program_committee=committee,
        sponsors=sponsors,
        volume=volume,
        bib_entries=bib_entries,
        history=releases,
        rooms=rooms,
    )
    if releases.state:  # dates the changes since the last release; asked of git only then
        data = dataclasses.replace(data, build_date=reproducible.build_date(sources.data_dir))
    return data


def _report_spelling_variants(
    papers: tuple[Paper, ...], papers_path: str, diagnostics: Diagnostics
) -> None:
    """'José García' and 'Jose Garcia' share an author page; the spelling should be one."""
    spellings: dict[str, dict[str, int]] = defaultdict(dict)
    for paper in papers:
        for author in paper.authors:
            spellings[author.name.slug].setdefault(author.name.full, paper.location.line)
    for variants in spellings.values():
        if len(variants) < 2:
            continue
        (first, first_line), *others = sorted(variants.items(), key=lambda kv: kv[1])
        for other, line in others:
            if other.casefold() == first.casefold() and other == first:
                continue
            diagnostics.warning(
                Location(papers_path, line),
                f"author '{other}' is spelled '{first}' at line {first_line}; if they are one "
                "person, use one spelling (they share an author page)",
            )
