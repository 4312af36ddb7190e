"""Checks every served .bib is held to: it parses with bibtexparser, every macro it uses is
defined in it before the use, and as BibTeX reads it, it says what the source says (plus the
fields the site adds)."""

from __future__ import annotations

import bibtexparser
from bibtexparser.model import Entry, String

from generator.diagnostics import Diagnostics
from generator.exporters.bibtex import missing_fields
from generator.model import ConferenceData, MacroDefinition, Paper
from generator.validate.bibtex_reader import expand, read_entries

Resolved = dict[str, tuple[str, dict[str, str]]]


def resolved(text: str) -> Resolved:
    """Entries as BibTeX reads them: (type, fields), with no problem at all on the way."""
    assert bibtexparser.parse_string(text).failed_blocks == [] or _only_redefinitions(text)
    diagnostics = Diagnostics()
    entries = read_entries(text, "served.bib", diagnostics)
    assert [str(d) for d in diagnostics.items] == []
    return {e.key: (e.entry_type, dict(e.fields)) for e in entries}


def _only_redefinitions(text: str) -> bool:
    """bibtexparser reports a redefined @string as a failed block; that is all it may report."""
    library = bibtexparser.parse_string(text)
    return all(
        isinstance(getattr(b, "ignore_error_block", None), String) for b in library.failed_blocks
    )


def undefined_macros(text: str) -> list[str]:
    """Macros an entry of ``text`` uses that no @string before it defines (months aside)."""
    macros: dict[str, MacroDefinition] = {}
    missing: list[str] = []
    for block in bibtexparser.parse_string(text, parse_stack=[]).blocks:
        if isinstance(block, String):
            value = expand(str(block.value), macros)[0]
            macros[block.key.lower()] = MacroDefinition(block.key.lower(), "", 0, value)
        elif isinstance(block, Entry):
            for field in block.fields:
                missing += expand(str(field.value), macros)[2]
    return missing


def expected(data: ConferenceData, paper: Paper, source: Resolved) -> tuple[str, dict[str, str]]:
    """The source entry of ``paper`` as BibTeX reads it, with the fields the site adds."""
    kind, fields = source[paper.id]
    entry = data.bib_entries[paper.id]
    added = {name: expand(value, {})[0] for name, value in missing_fields(data, paper, entry)}
    return kind, {**fields, **added}
