"""``crossref`` as BibTeX and biber resolve it: an entry inherits the fields of the entry it
names that it lacks.

BibTeX copies the same-named fields; biber also maps a parent @proceedings/@book/@collection's
``title`` to a child @inproceedings/@incollection/@inbook's ``booktitle``, which is what the
child needs (BibTeX users give the parent a ``booktitle`` for that). A parent's own
``booktitle`` wins over its title. Chains are followed (biber does; BibTeX reads one level);
a missing parent or a loop is a warning at the ``crossref`` field, and nothing is inherited.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import Diagnostics
from generator.model import BibEntry

_TITLE_TO_BOOKTITLE = (
    frozenset({"inproceedings", "conference", "incollection", "inbook"}),
    frozenset({"proceedings", "book", "collection", "mvbook", "mvproceedings", "mvcollection"}),
)
"""biber's default crossref mapping: (child types, parent types) where title -> booktitle."""


def resolve_crossrefs(entries: list[BibEntry], diagnostics: Diagnostics) -> list[BibEntry]:
    """Each entry with a ``crossref`` gets its parent and the fields it inherits from it."""
    by_key = {entry.key.casefold(): entry for entry in entries}
    resolved: dict[str, BibEntry] = {}

    def resolve(entry: BibEntry, chain: tuple[str, ...]) -> BibEntry:
        key = entry.key.casefold()
        if key in resolved:
            return resolved[key]
        target = entry.get("crossref").strip()
        if not target:
            resolved[key] = entry
            return entry
        where = entry.field_location("crossref")
        parent = by_key.get(target.casefold())
        if parent is None or target.casefold() in chain:
            problem = "is not an entry of this file" if parent is None else "refers back to it"
            diagnostics.warning(
                where,
                f"entry '{entry.key}': crossref '{target}' {problem}; nothing is inherited",
            )
            resolved[key] = entry
            return entry
        parent = resolve(parent, (*chain, key))
        resolved[key] = inherit(entry, parent)
        return resolved[key]

    return [resolve(entry, ()) for entry in entries]


def inherit(child: BibEntry, parent: BibEntry) -> BibEntry:
    """``child`` with the fields of ``parent`` it lacks, as BibTeX and biber inherit them."""
    own = {name for name, _ in child.fields}
    maps_title = (
        child.entry_type in _TITLE_TO_BOOKTITLE[0] and parent.entry_type in _TITLE_TO_BOOKTITLE[1]
    )
    fields = parent.fields
    if maps_title:  # the parent's own booktitle, where it has one, is the better name
        has_booktitle = parent.get("booktitle") != ""
        fields = tuple(
            ("booktitle" if name == "title" else name, value)
            for name, value in fields
            if not (name == "title" and has_booktitle)
        )
    inherited: list[tuple[str, str]] = []
    for name, value in fields:
        if name in own or name == "crossref":
            continue
        own.add(name)
        inherited.append((name, value))
    return replace(child, fields=child.fields + tuple(inherited), parent=parent)
