"""``confsite import KIND FILE``: papers, the program, committees and speakers from the files
other systems export, merged into the data folder.

The file's bytes are decoded as --encoding says or as sniffed (``textfile``). Each importer
reads one format into records (``records``): papers (``openreview``, ``hotcrp``,
``spreadsheet``, ``bibtex``), sessions (``frab_schedule``, ``calendar_schedule``,
``sheet_schedule``) or people (``people``). Paper ids are made stable slugs (``ids``) and the
papers merged into the ones already there (``merge``, ``papers_file``); sessions into
program.yaml (``program_file``); people into committee.yaml or speakers.yaml (``people``).
Every file is written back readable and checked to read back as meant (``yaml_file``). The
BibTeX importer also merges its entries into proceedings.bib (``bibmerge``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from generator.diagnostics import Diagnostics, Location
from generator.importers import (
    bibtex,
    calendar_schedule,
    frab_schedule,
    hotcrp,
    openreview,
    people,
    sheet_schedule,
    spreadsheet,
    textfile,
)
from generator.importers.bibmerge import merge_bibtex
from generator.importers.doi import normalise_doi
from generator.importers.ids import assign_ids
from generator.importers.merge import MergeReport, merge
from generator.importers.papers_file import (
    read_papers_file,
    render,
    round_trips,
    write_atomically,
)
from generator.importers.program_file import merge_program, place
from generator.importers.progress import Progress
from generator.importers.records import ImportBatch, ImportedPaper, Note
from generator.importers.yaml_file import read_document, reads_back, render_document
from generator.importers.yaml_file import write_atomically as write_yaml
from generator.load import BIBTEX_FILE, display_path, schema_comment
from generator.load.yaml_source import LineDict, parse_yaml

Reader = Callable[[Path, str, str, ImportBatch], None]

KINDS: dict[str, str] = {
    "openreview": "OpenReview notes as JSON (API v1 or v2); accepted papers only",
    "hotcrp": "HotCRP paper JSON export; accepted papers only",
    "csv": "a CSV sheet (CMT and others); map columns with --map FIELD=COLUMN",
    "miniconf": "Mini-Conf papers.csv ('Name (Affiliation) | ...' authors)",
    "bibtex": "a proceedings .bib; also merges its entries into proceedings.bib",
    "program": "a schedule into program.yaml: frab or pretalx schedule.xml or schedule.json, "
    "an iCalendar .ics, or a CSV sheet (day, start, end, room, title, kind)",
    "committee": "committee members into committee.yaml: a CSV or YAML list of names "
    "(affiliation, area and role optional)",
    "speakers": "keynote speakers into speakers.yaml: a CSV or YAML list (name; id, "
    "affiliation, talk_title, abstract, bio, url optional)",
}
"""Import kinds and what each reads, for the command's help."""
PAPER_KINDS = ("openreview", "hotcrp", "csv", "miniconf", "bibtex")
TARGETS = {"program": "program.yaml", "committee": "committee.yaml", "speakers": "speakers.yaml"}
"""The data file each non-paper kind merges into."""


@dataclass
class ImportOutcome:
    """What one import did, for the command line and for tests."""

    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    notes: list[Note] = field(default_factory=list)
    report: MergeReport = field(default_factory=MergeReport)
    not_accepted: int = 0
    skipped: int = 0
    wrote: list[str] = field(default_factory=list)
    kind: str = ""
    encoding: str = ""
    """The encoding the file was read with (as given, or sniffed)."""

    @property
    def taken(self) -> int:
        return len(self.report.imported) + len(self.report.updated) + len(self.report.unchanged)

    @property
    def ok(self) -> bool:
        """Failed only when nothing at all could be taken (or nothing could be written)."""
        return self.taken > 0 and not self.diagnostics.has_errors()

    def lines(self) -> list[str]:
        """Every message, sorted by place, then the summary."""
        messages = [(d.location, str(d)) for d in self.diagnostics.items]
        messages += [(n.location, str(n)) for n in self.notes]
        out = [text for _location, text in sorted(set(messages))]
        report = self.report
        counts = (
            f"imported {len(report.imported)}, updated {len(report.updated)}, unchanged "
            f"{len(report.unchanged)}"
        )
        if self.kind in TARGETS:
            noun = "sessions" if self.kind == "program" else "people"
            summary = f"{noun}: {counts}; skipped {self.skipped} unreadable"
        else:
            summary = (
                f"{counts}; skipped {self.not_accepted} not accepted and {self.skipped} unreadable"
            )
        if self.encoding:
            summary += f"; read as {textfile.label(self.encoding)}"
        out.append(
            summary + (f"; wrote {', '.join(self.wrote)}" if self.wrote else "; no file changed")
        )
        return out


def _reader(kind: str, mapping: Mapping[str, str]) -> Reader:
    if kind == "csv":
        return lambda p, d, t, b: spreadsheet.read(p, d, t, b, mapping)
    readers: dict[str, Reader] = {
        "openreview": openreview.read,
        "hotcrp": hotcrp.read,
        "miniconf": spreadsheet.read_miniconf,
        "bibtex": bibtex.read,
    }
    return readers[kind]


def run_import(
    kind: str,
    source: Path,
    data_dir: Path,
    mapping: Mapping[str, str] | None = None,
    progress_stream: TextIO | None = None,
    encoding: str | None = None,
) -> ImportOutcome:
    """Read ``source`` as ``kind`` and merge it into ``data_dir``; never raises for bad input."""
    outcome = ImportOutcome(kind=kind)
    if not data_dir.is_dir():
        outcome.diagnostics.error_at(
            display_path(data_dir),
            0,
            "the data folder does not exist; create the site with "
            "`confsite new DIR --name NAME --year YEAR`, or pass --data DIR",
        )
        return outcome
    display = display_path(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        outcome.diagnostics.error_at(display, 0, f"cannot read the file: {exc.strerror}")
        return outcome
    decoded = textfile.decode(data, display, encoding, outcome.diagnostics)
    if decoded is None:
        return outcome
    text, outcome.encoding = decoded
    if kind in TARGETS:
        _import_other(kind, source, display, text, data_dir, outcome, progress_stream)
        return outcome
    batch = ImportBatch()
    _reader(kind, mapping or {})(source, display, text, batch)
    _take(batch, outcome)
    if batch.diagnostics.has_errors():
        return outcome
    if not batch.papers:
        outcome.diagnostics.error_at(display, 0, f"no accepted paper could be read as {kind}")
        return outcome
    papers = [replace(p, doi=normalise_doi(p.doi)) if p.doi else p for p in batch.papers]
    assigned = assign_ids(papers, outcome.notes)

    papers_path = data_dir / "papers.yaml"
    papers_display = display_path(papers_path)
    papers_file = read_papers_file(papers_path, papers_display, outcome.diagnostics)
    if papers_file is None:
        return outcome
    progress = Progress(len(assigned), "merging papers", progress_stream or sys.stderr)
    merged, outcome.report = merge(papers_file.papers, assigned, progress.update)
    progress.close()
    for paper_id, title, paper in outcome.report.replaced:
        outcome.diagnostics.warning(
            paper.location,
            f"paper '{paper_id}' replaces the paper with that id in {papers_display} ('{title}'), "
            "which has another title and no author in common; if they are different papers, "
            "give one of them another id",
        )
    papers_file.papers = merged
    new_text = render(papers_file)
    if not round_trips(new_text, papers_file):  # pragma: no cover - a bug, not bad input
        outcome.diagnostics.error_at(
            papers_display,
            0,
            "internal error: the merged papers do not read back the same; nothing was written",
        )
        return outcome
    old_text = papers_path.read_text(encoding="utf-8") if papers_path.exists() else None
    if new_text != old_text:
        write_atomically(papers_path, new_text)
        outcome.wrote.append(papers_display)
    if kind == "bibtex":
        _merge_bibtex(batch, assigned, data_dir, display, outcome)
    return outcome


def _merge_bibtex(
    batch: ImportBatch,
    assigned: list[tuple[str, ImportedPaper]],
    data_dir: Path,
    display: str,
    outcome: ImportOutcome,
) -> None:
    bib_path = data_dir / BIBTEX_FILE
    old = bib_path.read_text(encoding="utf-8") if bib_path.exists() else ""
    volume = (batch.volume_key, batch.volume_bibtex) if batch.volume_bibtex else None
    entries = [(paper_id, bibtex.with_key(paper.bibtex, paper_id)) for paper_id, paper in assigned]
    new, messages = merge_bibtex(
        old, volume, entries, batch.bibtex_definitions, batch.bibtex_parents
    )
    for message in messages:
        outcome.notes.append(Note(Location(display, 1), message))
    if new != old:
        write_atomically(bib_path, new)
        outcome.wrote.append(display_path(bib_path))


def _take(batch: ImportBatch, outcome: ImportOutcome) -> None:
    outcome.diagnostics.extend(batch.diagnostics.items)
    outcome.notes.extend(batch.notes)
    outcome.not_accepted = batch.not_accepted
    outcome.skipped = batch.skipped


def schedule_format(source: Path, text: str) -> str:
    """'xml', 'json', 'ics' or 'csv': by the content first (exports are often misnamed)."""
    head = text.lstrip("\ufeff \t\n")[:200]
    if head.startswith("<"):
        return "xml"
    if head.startswith(("{", "[")):
        return "json"
    if head.upper().startswith("BEGIN:VCALENDAR"):
        return "ics"
    return "csv"


def conference_facts(data_dir: Path) -> tuple[ZoneInfo | None, date | None]:
    """The zone and first day of conference.yaml, when it has readable ones."""
    path = data_dir / "conference.yaml"
    if not path.is_file():
        return None, None
    from generator.diagnostics import Diagnostics as Quiet

    root = parse_yaml(path.read_text(encoding="utf-8-sig", errors="replace"), "", Quiet())
    if not isinstance(root, LineDict):
        return None, None
    zone: ZoneInfo | None = None
    first: date | None = None
    try:
        zone = ZoneInfo(str(root.get("timezone") or "").strip())
    except (ValueError, KeyError, OSError):
        zone = None
    try:
        first = date.fromisoformat(str(root.get("start") or "").strip())
    except ValueError:
        first = None
    return zone, first


def _import_other(
    kind: str,
    source: Path,
    display: str,
    text: str,
    data_dir: Path,
    outcome: ImportOutcome,
    progress_stream: TextIO | None,
) -> None:
    """program, committee, speakers: read, merge into their data file, write when changed."""
    target = data_dir / TARGETS[kind]
    target_display = display_path(target)
    batch = ImportBatch()
    zone, first_day = conference_facts(data_dir)
    if kind == "program":
        readers = {
            "xml": frab_schedule.read_xml,
            "json": frab_schedule.read_json,
            "ics": calendar_schedule.read,
        }
        found = schedule_format(source, text)
        if found == "csv":
            sheet_schedule.read(source, display, text, batch, first_day)
        else:
            readers[found](source, display, text, batch)
    else:
        people.read(source, display, text, batch)
    _take(batch, outcome)
    if batch.diagnostics.has_errors():
        return
    keys = ("organizing", "program_committee") if kind == "committee" else (kind_key(kind),)
    names = ("rooms",) if kind == "program" else ()  # program.yaml's room order
    document = read_document(target, target_display, keys, outcome.diagnostics, names)
    if document is None:
        return
    header, root = document
    if kind == "program":
        if zone is None:
            outcome.notes.append(
                Note(
                    Location(display, 0),
                    "conference.yaml has no valid timezone: times are written as the schedule "
                    "gives them",
                )
            )
        elif batch.zone and batch.zone != zone.key:
            outcome.notes.append(
                Note(Location(display, 0), f"times converted from {batch.zone} to {zone.key}")
            )
        placed = place(batch.sessions, zone, outcome.diagnostics, outcome.notes)
        progress = Progress(len(placed), "merging sessions", progress_stream or sys.stderr)
        merged, outcome.report = merge_program(root, placed, progress.update)
        progress.close()
        default_header = [schema_comment(target.parent, "program")]
        taken = bool(placed)
    else:
        if kind == "committee":
            merged, outcome.report = people.merge_committee(root, batch.people)
        else:
            merged, outcome.report = people.merge_speakers(root, batch.people)
        default_header = [schema_comment(target.parent, kind)]
        taken = bool(batch.people)
    if not taken:
        outcome.diagnostics.error_at(display, 0, f"nothing could be read as {kind}")
        return
    new_text = render_document(header or default_header, merged)
    if not reads_back(new_text, merged):  # pragma: no cover - a bug, not bad input
        outcome.diagnostics.error_at(
            target_display, 0, "internal error: the merged data does not read back the same"
        )
        return
    old_text = target.read_text(encoding="utf-8") if target.exists() else None
    if new_text != old_text:
        write_yaml(target, new_text)
        outcome.wrote.append(target_display)


def kind_key(kind: str) -> str:
    return {"program": "days", "speakers": "speakers"}[kind]
