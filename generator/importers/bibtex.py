"""A proceedings .bib (one @proceedings volume and one entry per paper) into papers.yaml, and
its entries into proceedings.bib.

The file is read as BibTeX reads it (``validate.bibtex_reader``): @string macros, ``#``,
month macros and ``crossref``, so a ``journal = JACM`` or a booktitle inherited from the
volume is what gets imported. The entry key becomes the paper id (normalised to the id rule,
with a note where that changes it), because the build matches proceedings entries to papers
by key. Title and abstract become papers.yaml prose
(``latex.to_prose``: accents as Unicode, BibTeX's syntax and PMLR's second escaping resolved,
formatting kept as LaTeX); names are copied as written, to be split first and decoded part by
part when read, so a braced group name stays one author. An entry that other entries
cross-reference (a volume, a book) is no paper: it travels with them. A block that does not
parse is a warning at its line; the rest of the file is still imported.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator import latex
from generator.diagnostics import Diagnostics, Severity
from generator.importers.doi import normalise_doi
from generator.importers.records import ImportBatch, ImportedAuthor, ImportedPaper
from generator.model import BibEntry, MacroDefinition
from generator.validate.bibtex_reader import read_entries, split_authors
from generator.validate.proceedings import VOLUME_TYPES


def with_key(raw: str, key: str) -> str:
    """The entry's raw text with its key replaced (when the key had to become a valid id)."""
    return re.sub(
        r"^(\s*@\s*[A-Za-z]+\s*[{(]\s*)[^,\s]*(\s*,)",
        lambda m: m.group(1) + key + m.group(2),
        raw,
        count=1,
    )


def read(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    problems = Diagnostics()
    entries = read_entries(text, display, problems)
    for problem in problems.items:
        if problem.severity is Severity.ERROR:
            batch.skip(problem.location, f"{problem.message}; it is skipped")
        else:
            batch.diagnostics.warning(problem.location, problem.message)
    parents = {entry.parent.key for entry in entries if entry.parent is not None}
    for entry in entries:
        if entry.entry_type in VOLUME_TYPES and batch.volume_bibtex:
            if entry.key not in parents:
                batch.skip(entry.location, f"a second @proceedings entry '{entry.key}'; skipped")
            continue
        if entry.entry_type in VOLUME_TYPES:
            batch.volume_bibtex, batch.volume_key = entry.raw, entry.key
            batch.bibtex_definitions += [d.raw for d in _definitions(entry)]
            if entry.key in parents:  # papers inherit from it: it follows them
                batch.bibtex_parents.append((entry.key, entry.raw))
            continue
        if entry.key in parents:
            continue  # a book or volume its chapters inherit from: carried with them below
        paper = _paper(entry, batch)
        if paper is None:
            continue
        batch.papers.append(paper)
        batch.bibtex_definitions += [d.raw for d in _definitions(entry)]
        ancestor = entry.parent
        while ancestor is not None and ancestor.entry_type not in VOLUME_TYPES:
            batch.bibtex_parents.append((ancestor.key, ancestor.raw))
            ancestor = ancestor.parent
    batch.bibtex_definitions = list(dict.fromkeys(batch.bibtex_definitions))
    batch.bibtex_parents = list(dict.fromkeys(batch.bibtex_parents))


def _definitions(entry: BibEntry) -> list[MacroDefinition]:
    """The @string blocks the entry and the entries it inherits from need, in file order."""
    chain: list[BibEntry] = []
    current: BibEntry | None = entry
    while current is not None and all(current is not known for known in chain):
        chain.append(current)
        current = current.parent
    found = {(d.name, d.line): d for known in chain for d in known.strings}
    return sorted(found.values(), key=lambda d: d.line)


def _paper(entry: BibEntry, batch: ImportBatch) -> ImportedPaper | None:
    title = latex.to_prose(entry.get("title"))
    names = split_authors(entry.get("author"))
    authors = tuple(ImportedAuthor(" ".join(name.split())) for name in names)
    if not (title and authors):
        missing = [w for w, v in (("title", title), ("author", authors)) if not v]
        batch.skip(entry.location, f"entry '{entry.key}': no {' or '.join(missing)}; skipped")
        return None
    written = entry.get("doi").strip()
    doi = normalise_doi(written) if written else ""
    if doi and not doi.startswith("10."):  # no DOI in any spelling ('99.9999/x', a page URL)
        doi = ""
    if written and not doi:
        batch.diagnostics.warning(
            entry.field_location("doi"),
            f"entry '{entry.key}': doi '{written}' is no DOI (10.NNNN/suffix); it is left out "
            "of papers.yaml (the .bib entry keeps it)",
        )
    return ImportedPaper(
        source_id=entry.key,
        title=title,
        authors=authors,
        location=entry.location,
        abstract=latex.to_prose(entry.get("abstract")),
        pages=" ".join(entry.get("pages").split()),
        doi=doi,
        bibtex=entry.raw,
    )
