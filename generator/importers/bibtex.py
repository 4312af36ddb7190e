"""A proceedings .bib (one @proceedings volume and one entry per paper) into papers.yaml, and
its entries into proceedings.bib.

The entry key becomes the paper id (normalised to the id rule, with a note where that changes
it), because the build matches proceedings entries to papers by key. Title, authors and
abstract become papers.yaml prose (``latex.to_prose``: accents as Unicode, BibTeX's syntax and
PMLR's second escaping resolved, formatting kept as LaTeX); names are copied as written, to be
split first and decoded part by part when read, so a braced group name stays one author. A
block that does not parse is a warning at its line; the rest of the file is still imported.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares.names import split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock

from generator import latex
from generator.diagnostics import Location
from generator.importers.records import ImportBatch, ImportedAuthor, ImportedPaper
from generator.validate.proceedings import VOLUME_TYPES

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


def _field(entry: Entry, name: str) -> str:
    for field in entry.fields:
        if field.key.lower() == name:
            return str(field.value)
    return ""


def with_key(raw: str, key: str) -> str:
    """The entry's raw text with its key replaced (when the key had to become a valid id)."""
    return re.sub(
        r"^(\s*@\s*[A-Za-z]+\s*[{(]\s*)[^,\s]*(\s*,)",
        lambda m: m.group(1) + key + m.group(2),
        raw,
        count=1,
    )


def read(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    library = bibtexparser.parse_string(text)
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            message = f"entry key '{block.key}' is used twice; the second entry is skipped"
        elif isinstance(block, ParsingFailedBlock):
            reason = getattr(block.error, "abort_reason", "") or str(block.error)
            message = (
                f"this BibTeX block cannot be parsed ({' '.join(reason.split()) or 'syntax'}); "
                "it is skipped: check its braces, quotes and the commas between fields"
            )
        else:  # pragma: no cover - other failure kinds come from middlewares we do not use
            message = "this BibTeX block cannot be parsed; it is skipped"
        batch.skip(Location(display, line), message)
    for entry in library.entries:
        where = Location(display, entry.start_line + 1)
        if entry.entry_type.lower() in VOLUME_TYPES:
            if batch.volume_bibtex:
                batch.skip(where, f"a second @proceedings entry '{entry.key}'; skipped")
            else:
                batch.volume_bibtex, batch.volume_key = entry.raw, entry.key
            continue
        title = latex.to_prose(_field(entry, "title"))
        names = [n for n in split_multiple_persons_names(_field(entry, "author")) if n.strip()]
        authors = tuple(ImportedAuthor(" ".join(name.split())) for name in names)
        if not (title and authors):
            missing = [w for w, v in (("title", title), ("author", authors)) if not v]
            batch.skip(where, f"entry '{entry.key}': no {' or '.join(missing)}; skipped")
            continue
        doi = _field(entry, "doi").strip()
        batch.papers.append(
            ImportedPaper(
                source_id=entry.key,
                title=title,
                authors=authors,
                location=where,
                abstract=latex.to_prose(_field(entry, "abstract")),
                pages=" ".join(_field(entry, "pages").split()),
                doi=doi,
                bibtex=entry.raw,
            )
        )
