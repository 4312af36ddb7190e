"""Paper ids from source identifiers: stable slugs, and a note wherever one had to change."""

from __future__ import annotations

import re

from generator.importers.records import ImportedPaper, Note
from generator.names import ascii_fold
from generator.validate.fields import SLUG_RULE


def normalise_id(source_id: str) -> str:
    """'ACML2025' -> 'acml2025', 'Smith:2025a' -> 'smith-2025a', '17' -> 'p17'.

    The same source id gives the same slug every time, so a re-import finds its papers again.
    A bare number gets a 'p' prefix: '17' would be a valid id, but an unreadable one in URLs
    and easy to confuse with a page or session number.
    """
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_fold(source_id.strip()).lower())
    slug = re.sub(r"-{2,}", "-", slug).strip("-_")
    if slug.isdigit():
        slug = "p" + slug
    return slug


def assign_ids(papers: list[ImportedPaper], notes: list[Note]) -> list[tuple[str, ImportedPaper]]:
    """An id for every paper, unique within the import, each change noted at its record."""
    taken: set[str] = set()
    assigned: list[tuple[str, ImportedPaper]] = []
    for paper in papers:
        slug = normalise_id(paper.source_id) or "paper"
        unique, counter = slug, 2
        while unique in taken:
            unique, counter = f"{slug}-{counter}", counter + 1
        taken.add(unique)
        if unique != paper.source_id:
            if unique != slug:
                why = f"another record of this import already has '{slug}'"
            elif paper.source_id.strip().isdigit():
                why = "a bare number gets the prefix 'p'"
            else:
                why = f"ids are {SLUG_RULE}"
            notes.append(
                Note(paper.location, f"id '{paper.source_id}' is written as '{unique}' ({why})")
            )
        assigned.append((unique, paper))
    return assigned
