"""Merging imported BibTeX entries into data/proceedings.bib, by key, keeping everything else.

An entry whose key is already there replaces it; a new one is appended. The file's other
entries, comments and layout stay as they were, so organizers can diff what an import changed.
The volume (@proceedings) entry is added only when the file has none, or replaced when it has
the same key: the build accepts one volume.
"""

from __future__ import annotations

import logging

import bibtexparser

from generator.validate.proceedings import VOLUME_TYPES

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


def merge_bibtex(
    existing: str, volume: tuple[str, str] | None, entries: list[tuple[str, str]]
) -> tuple[str, list[str]]:
    """The new file text, and what happened to the volume (for the report).

    ``volume`` is (key, raw) or None; ``entries`` are (key, raw) with keys already the paper
    ids.
    """
    library = bibtexparser.parse_string(existing) if existing.strip() else None
    by_key = {entry.key: entry.raw for entry in library.entries} if library else {}
    existing_volume = next(
        (e for e in (library.entries if library else []) if e.entry_type.lower() in VOLUME_TYPES),
        None,
    )
    text = existing.rstrip("\n")
    messages: list[str] = []
    additions: list[str] = []
    if volume is not None:
        key, raw = volume
        if existing_volume is None:
            additions.append(raw)
        elif existing_volume.key == key:
            text = text.replace(existing_volume.raw, raw, 1)
        else:
            messages.append(
                f"the volume entry '{existing_volume.key}' already in proceedings.bib is kept; "
                f"the imported one ('{key}') is not added (the site has one volume)"
            )
    for key, raw in entries:
        if key in by_key:
            text = text.replace(by_key[key], raw, 1)
        else:
            additions.append(raw)
    pieces = [text] if text else []
    pieces.extend(raw.strip("\n") for raw in additions)
    return "\n\n".join(pieces) + "\n", messages
