"""``confsite import KIND FILE``: accepted papers from a submission system into papers.yaml.

Each importer reads one export format into ``ImportedPaper`` records (``records``); ids are
made stable slugs (``ids``); the records are merged into the papers already there (``merge``)
and papers.yaml is written back readable (``papers_file``). The BibTeX importer also merges its
entries into proceedings.bib (``bibmerge``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from generator.diagnostics import Diagnostics, Location
from generator.importers import bibtex, hotcrp, openreview, spreadsheet
from generator.importers.bibmerge import merge_bibtex
from generator.importers.ids import assign_ids
from generator.importers.merge import MergeReport, merge
from generator.importers.papers_file import (
    read_papers_file,
    render,
    round_trips,
    write_atomically,
)
from generator.importers.progress import Progress
from generator.importers.records import ImportBatch, ImportedPaper, Note
from generator.load import BIBTEX_FILE, display_path
from generator.load.yaml_source import decode_utf8

Reader = Callable[[Path, str, str, ImportBatch], None]

KINDS: dict[str, str] = {
    "openreview": "OpenReview notes as JSON (API v1 or v2); accepted papers only",
    "hotcrp": "HotCRP paper JSON export; accepted papers only",
    "csv": "a CSV sheet (CMT and others); map columns with --map FIELD=COLUMN",
    "miniconf": "Mini-Conf papers.csv ('Name (Affiliation) | ...' authors)",
    "bibtex": "a proceedings .bib; also merges its entries into proceedings.bib",
}
"""Import kinds and what each reads, for the command's help."""


@dataclass
class ImportOutcome:
    """What one import did, for the command line and for tests."""

    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    notes: list[Note] = field(default_factory=list)
    report: MergeReport = field(default_factory=MergeReport)
    not_accepted: int = 0
    skipped: int = 0
    wrote: list[str] = field(default_factory=list)

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
        out.append(
            f"imported {len(report.imported)}, updated {len(report.updated)}, unchanged "
            f"{len(report.unchanged)}; skipped {self.not_accepted} not accepted and "
            f"{self.skipped} unreadable"
            + (f"; wrote {', '.join(self.wrote)}" if self.wrote else "; no file changed")
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
) -> ImportOutcome:
    """Read ``source`` as ``kind`` and merge it into ``data_dir``; never raises for bad input."""
    outcome = ImportOutcome()
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
    text = decode_utf8(data, display, outcome.diagnostics)
    if text is None:
        return outcome
    batch = ImportBatch()
    _reader(kind, mapping or {})(source, display, text, batch)
    outcome.diagnostics.extend(batch.diagnostics.items)
    outcome.notes.extend(batch.notes)
    outcome.not_accepted = batch.not_accepted
    outcome.skipped = batch.skipped
    if batch.diagnostics.has_errors():
        return outcome
    if not batch.papers:
        outcome.diagnostics.error_at(display, 0, f"no accepted paper could be read as {kind}")
        return outcome
    assigned = assign_ids(batch.papers, outcome.notes)

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
