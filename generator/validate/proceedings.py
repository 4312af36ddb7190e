"""proceedings.bib: the volume entry and one entry per paper, checked against papers.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from generator import latex
from generator.diagnostics import Diagnostic, Diagnostics
from generator.model import BibEntry, Paper
from generator.names import Name
from generator.validate.bibtex_reader import read_entries, split_authors
from generator.validate.latex import warn_entry

VOLUME_TYPES = ("proceedings",)


@dataclass(frozen=True)
class ParsedBibtex:
    """proceedings.bib as read on its own, before papers.yaml is known to compare it with."""

    entries: list[BibEntry]
    problems: list[Diagnostic]
    """What parse_bibtex reported, in order."""
    compared: list[tuple[str, list[str]] | None]
    """Title and author names of each entry as compared with papers.yaml, in entry order:
    decoding LaTeX is most of the cost of checking a large .bib, and needs only the entry.
    None for the volume, or where preparing failed: decoded when compared, as before."""


def read_bibtex(text: str, path: str) -> ParsedBibtex:
    """Parse the .bib and prepare its comparison; fit to run beside the YAML loading."""
    diagnostics = Diagnostics()
    entries = parse_bibtex(text, path, diagnostics)
    compared: list[tuple[str, list[str]] | None] = []
    for entry in entries:
        forms = None
        if entry.entry_type not in VOLUME_TYPES:
            try:
                forms = _compared_forms(entry)
            except Exception:  # left to match_entries, where it surfaces as it always did
                forms = None
        compared.append(forms)
    return ParsedBibtex(entries, diagnostics.items, compared)


def parse_bibtex(text: str, path: str, diagnostics: Diagnostics) -> list[BibEntry]:
    """Every entry that parses, as BibTeX reads it; every problem as a diagnostic at its line."""
    return read_entries(text, path, diagnostics)


def match_entries(
    entries: list[BibEntry],
    papers: tuple[Paper, ...],
    paper_ids: set[str] | None,
    papers_path: str,
    diagnostics: Diagnostics,
    compared: list[tuple[str, list[str]] | None] | None = None,
) -> tuple[BibEntry | None, dict[str, BibEntry]]:
    """The volume entry and the per-paper entries, each checked against its paper.

    ``paper_ids`` are the ids papers.yaml declares (valid or not); None when it could not be
    read, and then keys are not checked against it. ``compared``: forms read_bibtex prepared.
    """
    papers_by_id = {paper.id: paper for paper in papers}
    parents = {entry.parent.key for entry in entries if entry.parent is not None}
    volume: BibEntry | None = None
    by_paper: dict[str, BibEntry] = {}
    for index, entry in enumerate(entries):
        warn_entry(diagnostics, entry, entry.entry_type in VOLUME_TYPES)
        if entry.entry_type in VOLUME_TYPES:
            if volume is not None:
                diagnostics.error(
                    entry.location,
                    f"a second @proceedings entry '{entry.key}'; the volume is described once "
                    f"(first: '{volume.key}' at line {volume.location.line})",
                )
            else:
                volume = entry
            continue
        paper = papers_by_id.get(entry.key)
        if paper is None and (paper_ids is None or entry.key in paper_ids):
            continue  # papers.yaml is unreadable, or this paper has its own errors there
        if paper is None and entry.key in parents:
            continue  # the book or volume other entries inherit from (crossref)
        if paper is None:
            diagnostics.warning(
                entry.location,
                f"entry '{entry.key}' matches no paper id in {papers_path}; it is left out of "
                "the proceedings",
            )
            continue
        by_paper[entry.key] = entry
        forms = compared[index] if compared else None
        _check_agreement(entry, forms or _compared_forms(entry), paper, papers_path, diagnostics)
    return volume, by_paper


def comparable(text: str) -> str:
    """Text as compared between papers.yaml and the .bib: decoded, no braces, spaces folded."""
    return latex.decode(text).replace("{", "").replace("}", "")


def _compared_forms(entry: BibEntry) -> tuple[str, list[str]]:
    """The entry's title and author names as _check_agreement compares them."""
    names = [Name.parse(n).full for n in split_authors(entry.get("author"))]
    return comparable(entry.get("title")), names


def _check_agreement(
    entry: BibEntry,
    forms: tuple[str, list[str]],
    paper: Paper,
    papers_path: str,
    diagnostics: Diagnostics,
) -> None:
    where = f"{papers_path}:{paper.location.line}"
    bib_title, bib_authors = forms
    yaml_title = comparable(paper.title.source)
    if bib_title != yaml_title:
        diagnostics.error(
            entry.field_location("title"),
            f"entry '{entry.key}': title disagrees with {where}: the .bib has '{bib_title}', "
            f"papers.yaml has '{yaml_title}'; make them the same",
        )
    yaml_authors = [author.name.full for author in paper.authors]
    if [a.casefold() for a in bib_authors] != [a.casefold() for a in yaml_authors]:
        diagnostics.error(
            entry.field_location("author"),
            f"entry '{entry.key}': authors disagree with {where}: the .bib has "
            f"'{'; '.join(bib_authors)}', papers.yaml has '{'; '.join(yaml_authors)}'; make "
            "them the same (same people, same order)",
        )
