"""Merging imported BibTeX entries into data/proceedings.bib, by key, keeping everything else.

An entry whose key is already there replaces it; a new one is appended. The file's other
entries, comments and layout stay as they were, so organizers can diff what an import changed.
The volume (@proceedings) entry is added only when the file has none, or replaced when it has
the same key: the build accepts one volume. What the imported entries need to mean what they
meant in the imported file comes along: the @string definitions they use (before every entry,
unless the file already has the same definition) and the entries they cross-reference (after
them, where BibTeX looks for a parent). The merged file is then read back, and an entry that
no longer reads the same (a macro of the same name defined otherwise there) is reported.
"""

from __future__ import annotations

import re

import bibtexparser
from bibtexparser.model import Entry, String

from generator.diagnostics import Diagnostics
from generator.validate.bibtex_reader import read_entries
from generator.validate.proceedings import VOLUME_TYPES

_FIRST_BLOCK = re.compile(r"^[ \t]*@", re.MULTILINE)


def merge_bibtex(
    existing: str,
    volume: tuple[str, str] | None,
    entries: list[tuple[str, str]],
    definitions: list[str] | None = None,
    parents: list[tuple[str, str]] | None = None,
) -> tuple[str, list[str]]:
    """The new file text, and what happened that the organizer should know (for the report).

    ``volume`` is (key, raw) or None; ``entries`` are (key, raw) with keys already the paper
    ids; ``definitions`` the raw @string blocks they need; ``parents`` (key, raw) of the
    entries they cross-reference.
    """
    library = bibtexparser.parse_string(existing, parse_stack=[]) if existing.strip() else None
    blocks = library.blocks if library else []
    by_key = {b.key: b.raw or "" for b in blocks if isinstance(b, Entry)}
    known = {(b.raw or "").strip() for b in blocks if isinstance(b, String)}
    for failed in library.failed_blocks if library else []:
        if isinstance(redefined := failed.ignore_error_block, String):  # BibTeX allows it
            known.add((redefined.raw or "").strip())
    existing_volume = next(
        (b for b in blocks if isinstance(b, Entry) and b.entry_type.lower() in VOLUME_TYPES), None
    )
    parents = list(parents or [])
    parent_keys = {key for key, _ in parents}
    text = existing.rstrip("\n")
    messages: list[str] = []
    additions: list[str] = []
    if volume is not None and volume[0] not in parent_keys:
        key, raw = volume
        if existing_volume is None:
            additions.append(raw)
        elif existing_volume.key == key:
            text = text.replace(existing_volume.raw or "", raw, 1)
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
    for key, raw in parents:  # moved to the end: a parent must follow its children
        if key in by_key:
            text = re.sub(r"\n{3,}", "\n\n", text.replace(by_key[key], "", 1))
        additions.append(raw)
    new_definitions = [d.strip() for d in definitions or [] if d.strip() not in known]
    text = _with_definitions(text, new_definitions)
    pieces = [text] if text else []
    pieces.extend(raw.strip("\n") for raw in additions)
    merged = "\n\n".join(pieces) + "\n"
    standalone = "\n\n".join([*(definitions or []), *(raw for _, raw in entries), *additions])
    messages += _changed_meanings(standalone, merged, [key for key, _ in entries])
    return merged, messages


def _with_definitions(text: str, definitions: list[str]) -> str:
    """``text`` with ``definitions`` before its first block (after its leading comments)."""
    if not definitions:
        return text
    block = "\n".join(definitions)
    first = _FIRST_BLOCK.search(text)
    if first is None:
        return f"{text}\n\n{block}" if text else block
    return f"{text[: first.start()]}{block}\n\n{text[first.start() :]}"


def _changed_meanings(standalone: str, merged: str, keys: list[str]) -> list[str]:
    """Imported entries that read otherwise in the merged file than on their own."""

    def fields(text: str) -> dict[str, dict[str, str]]:
        return {e.key: dict(e.fields) for e in read_entries(text, "", Diagnostics())}

    before, after = fields(standalone), fields(merged)
    messages = []
    for key in keys:
        if key in before and before[key] != after.get(key):
            changed = sorted(
                name
                for name in set(before[key]) | set(after.get(key, {}))
                if before[key].get(name) != after.get(key, {}).get(name)
            )
            messages.append(
                f"entry '{key}' reads differently in proceedings.bib than in the imported file "
                f"(field {', '.join(repr(name) for name in changed)}): proceedings.bib defines an "
                "@string of the same name otherwise; rename one of them"
            )
    return messages
