"""Raw data to the typed model: every problem reported, the model only when there are none."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.load import BIBTEX_FILE, Sources, load_sources
from generator.model import ConferenceData, Paper
from generator.validate.conference import read_conference
from generator.validate.papers import read_papers
from generator.validate.people import read_committee, read_speakers, read_sponsors
from generator.validate.proceedings import match_entries, parse_bibtex
from generator.validate.program import read_program


def load_and_validate(data_dir: Path) -> tuple[ConferenceData | None, Diagnostics]:
    """The whole front half of the pipeline: a data folder to a model and its diagnostics."""
    diagnostics = Diagnostics()
    sources = load_sources(data_dir, diagnostics)
    data = validate(sources, diagnostics)
    return (None if diagnostics.has_errors() else data), diagnostics


def validate(sources: Sources, diagnostics: Diagnostics) -> ConferenceData | None:
    path = sources.path
    conference = None
    if "conference.yaml" in sources.present:
        conference = read_conference(
            sources.yaml["conference.yaml"], path("conference.yaml"), diagnostics
        )
    speakers = ()
    if "speakers.yaml" in sources.present:
        speakers = read_speakers(sources.yaml["speakers.yaml"], path("speakers.yaml"), diagnostics)
    days = ()
    if "program.yaml" in sources.present:
        days = read_program(
            sources.yaml["program.yaml"],
            path("program.yaml"),
            diagnostics,
            conference,
            {s.id for s in speakers},
        )
    sessions = {s.id: s for day in days for s in day.sessions}
    papers: tuple[Paper, ...] = ()
    if "papers.yaml" in sources.present:
        topic_ids = {t.id for t in conference.topics} if conference else set()
        papers = read_papers(
            sources.yaml["papers.yaml"], path("papers.yaml"), diagnostics, topic_ids, sessions
        )
    organizers, committee = (), ()
    if "committee.yaml" in sources.present:
        organizers, committee = read_committee(
            sources.yaml["committee.yaml"], path("committee.yaml"), diagnostics
        )
    sponsors = ()
    if "sponsors.yaml" in sources.present:
        sponsors = read_sponsors(sources.yaml["sponsors.yaml"], path("sponsors.yaml"), diagnostics)
    volume, bib_entries = None, {}
    if sources.bibtex is not None:
        entries = parse_bibtex(sources.bibtex, path(BIBTEX_FILE), diagnostics)
        volume, bib_entries = match_entries(entries, papers, path("papers.yaml"), diagnostics)
    _report_spelling_variants(papers, path("papers.yaml"), diagnostics)
    if conference is None:
        return None
    return ConferenceData(
        conference=conference,
        papers=papers,
        days=days,
        speakers=speakers,
        organizers=organizers,
        program_committee=committee,
        sponsors=sponsors,
        volume=volume,
        bib_entries=bib_entries,
    )


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
