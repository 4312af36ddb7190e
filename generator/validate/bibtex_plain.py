"""A plain .bib file split without bibtexparser, into the entries bibtexparser would give.

bibtexparser's splitter walks every brace, quote, comma and newline in Python: most of the
cost of a large proceedings.bib. The files organizers send are mostly plain: entries of
``name = {value}``, ``"value"``, digits or a month, one after another. ``plain_entries``
reads exactly those, with the same keys, types, field values, raw text and lines as
``bibtexparser.parse_string`` with its default middlewares; for anything else (string macros,
comments or other blocks, escaped braces, stray '@', duplicate keys, syntax errors) it returns
None and bibtexparser reads the file, reporting what it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WS = "[ \\t\\r\\n]*"
_HEAD = re.compile(r"@([A-Za-z]+)\{([^\s,{}\"=@\\#%()'~]+),")
_FIELD = re.compile(rf"{_WS}([A-Za-z][A-Za-z0-9_.:+-]*){_WS}={_WS}")
_SIMPLE_VALUE = re.compile(r'"[^"{}\\@]*"|[0-9]+|[A-Za-z][A-Za-z0-9_]*')
"""A quoted value without braces, a number, or a macro name ('apr'), which stays as it is
while the file defines no @string (bibtexparser knows no predefined macros)."""
_SPACE = re.compile(_WS)
_BRACE = re.compile(r"[{}]")
_OTHER_BLOCKS = ("comment", "preamble", "string")
"""bibtexparser treats any block type starting with these words specially."""


@dataclass(frozen=True)
class PlainEntry:
    """One entry as bibtexparser reports it: lowercase type, fields in order, raw text."""

    entry_type: str
    key: str
    fields: tuple[tuple[str, str], ...]
    raw: str
    start_line: int
    """0-based, like bibtexparser's."""


def plain_entries(text: str) -> list[PlainEntry] | None:
    """Every entry of a plain .bib, or None when the file needs bibtexparser."""
    entries: list[PlainEntry] = []
    keys: set[str] = set()
    position, line = 0, 0
    while (at := text.find("@", position)) >= 0:
        if at > 0 and text[at - 1] != "\n":
            return None  # an '@' inside a comment or not at a line start
        entry = _entry(text, at)
        if entry is None:
            return None
        entry_type, key, fields, end = entry
        if key.casefold() in keys:
            return None  # a duplicate key: bibtexparser reports it
        keys.add(key.casefold())
        raw = text[at:end]
        if "@" in raw[1:]:
            return None
        line += text.count("\n", position, at)
        entries.append(PlainEntry(entry_type, key, fields, raw, line))
        line += raw.count("\n")
        position = end
    return entries


def _entry(text: str, at: int) -> tuple[str, str, tuple[tuple[str, str], ...], int] | None:
    """Type, key, fields and end of the entry starting at ``at``; None if not plain."""
    head = _HEAD.match(text, at)
    if head is None or head.group(1).lower().startswith(_OTHER_BLOCKS):
        return None
    fields: list[tuple[str, str]] = []
    names: set[str] = set()
    index = head.end()
    while True:
        index = _SPACE.match(text, index).end()
        if text.startswith("}", index):
            return head.group(1).lower(), head.group(2), tuple(fields), index + 1
        field = _FIELD.match(text, index)
        if field is None or field.group(1).casefold() in names:
            return None
        names.add(field.group(1).casefold())
        index = field.end()
        if text.startswith("{", index):
            end = _group_end(text, index)
            if end is None:
                return None
            value = text[index + 1 : end - 1]
        else:
            simple = _SIMPLE_VALUE.match(text, index)
            if simple is None:
                return None
            end, value = simple.end(), simple.group(0).strip('"')
        fields.append((field.group(1), value))
        index = _SPACE.match(text, end).end()
        if text.startswith(",", index):
            index += 1
        elif not text.startswith("}", index):
            return None


def _group_end(text: str, start: int) -> int | None:
    """The index after the brace closing the one at ``start``; None for escaped braces or
    none at all (bibtexparser counts those differently, or reports them)."""
    depth = 0
    for brace in _BRACE.finditer(text, start):
        if text[brace.start() - 1] == "\\":
            return None
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return brace.end()
    return None
