"""proceedings.bib: the volume entry and one entry per paper, checked against papers.yaml."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import bibtexparser
from bibtexparser.middlewares.names import split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock, String

from generator import latex
from generator.diagnostics import Diagnostic, Diagnostics, Location
from generator.model import BibEntry, Paper
from generator.names import Name
from generator.validate.bibtex_plain import plain_entries
from generator.validate.latex import warn_entry

# bibtexparser logs every failed block itself; we report them as diagnostics instead.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

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
    """Every entry that parses; every block that does not is an error at its line."""
    plain = plain_entries(text)
    if plain is not None:  # the usual file: as bibtexparser reads it, in half the time
        return [
            BibEntry(
                key=entry.key,
                entry_type=entry.entry_type,
                fields=tuple((name.lower(), value) for name, value in entry.fields),
                raw=entry.raw,
                location=Location(path, entry.start_line + 1),
                strings=(),
            )
            for entry in plain
        ]
    library = bibtexparser.parse_string(text)
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            diagnostics.error_at(
                path, line, f"entry key '{block.key}' is used twice; keys must be unique"
            )
        elif isinstance(block, ParsingFailedBlock):
            reason = getattr(block.error, "abort_reason", "") or str(block.error)
            reason = " ".join(reason.split()) or "syntax error"
            diagnostics.error_at(
                path,
                line,
                f"this BibTeX block cannot be parsed: {reason}; check its braces, quotes and "
                "the commas between fields",
            )
        else:  # pragma: no cover - other failure kinds come from middlewares we do not use
            diagnostics.error_at(path, line, "this BibTeX block cannot be parsed")
    return [
        BibEntry(
            key=entry.key,
            entry_type=entry.entry_type.lower(),
            fields=tuple((f.key.lower(), str(f.value)) for f in entry.fields),
            raw=entry.raw,
            location=Location(path, entry.start_line + 1),
            strings=strings_used(entry.raw, library.strings),
        )
        for entry in library.entries
    ]


def strings_used(raw: str, strings: list[String]) -> tuple[str, ...]:
    """The @string blocks whose macro ``raw`` names as a field value ('= acml,', '# acml')."""
    return tuple(
        block.raw.strip()
        for block in strings
        if re.search(rf"(?:=|#)\s*{re.escape(block.key)}\s*(?:,|#|\}}|\)|$)", raw, re.I)
    )


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
    volume: BibEntry | None = None
    by_paper: dict[str, BibEntry] = {}
    for index, entry in enumerate(entries):
        warn_entry(diagnostics, entry, entry.entry_type in VOLUME_TYPES, _field_location)
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
    names = [Name.parse(n).full for n in _split_authors(entry.get("author"))]
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
            _field_location(entry, "title"),
            f"entry '{entry.key}': title disagrees with {where}: the .bib has '{bib_title}', "
            f"papers.yaml has '{yaml_title}'; make them the same",
        )
    yaml_authors = [author.name.full for author in paper.authors]
    if [a.casefold() for a in bib_authors] != [a.casefold() for a in yaml_authors]:
        diagnostics.error(
            _field_location(entry, "author"),
            f"entry '{entry.key}': authors disagree with {where}: the .bib has "
            f"'{'; '.join(bib_authors)}', papers.yaml has '{'; '.join(yaml_authors)}'; make "
            "them the same (same people, same order)",
        )


def _field_location(entry: BibEntry, name: str) -> Location:
    """The line of field ``name`` inside the entry (the entry's first line if not found)."""
    match = re.search(rf"(?<![\w-]){name}\s*=", entry.raw, re.IGNORECASE)
    if match is None:
        return entry.location
    offset = entry.raw.count("\n", 0, match.start())
    return Location(entry.location.path, entry.location.line + offset)


_AND = re.compile(r"[ \r\n\t]+[aA][nN][dD][ \r\n\t]+")


def _split_authors(value: str) -> list[str]:
    if "{" in value or "}" in value or "\\" in value:
        names = split_multiple_persons_names(value)
    else:  # no braces to protect an 'and': bibtexparser's split is this one, ~5x slower
        value = value.strip(" \r\n\t")
        names = _AND.split(value) if value else []
    return [name for name in names if name.strip()]
