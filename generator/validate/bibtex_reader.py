"""A .bib file read as BibTeX reads it: macros, ``#``, months and ``crossref``.

bibtexparser v2 splits the file into blocks, with their lines, raw text and errors; what the
values *mean* it leaves mostly to the caller. Its default middleware resolves a field only
when the whole value is one ``@string`` name, knows no month macros, reports a redefined
``@string`` as a duplicate key and has no ``crossref`` (``middlewares/interpolate.py`` says as
much). This module gives the values their BibTeX meaning:

- ``@string`` definitions are read in file order and each is expanded when it is defined; a
  redefinition is allowed and applies from there on (so for an entry after both, the last
  one wins), as in BibTeX and biber;
- a value is a ``#``-concatenation of ``{braced}``, ``"quoted"``, number and macro parts;
- ``jan`` ... ``dec`` are predefined (as the standard styles define them: "January", ...);
- an entry with ``crossref`` inherits every field of the parent entry that it lacks; a
  parent ``@proceedings``/``@book``/``@collection``'s ``title`` becomes a child
  ``@inproceedings``/``@incollection``/``@inbook``'s ``booktitle`` (biber's default mapping);
- a block that does not parse is an error at the line of the problem (the field whose brace
  or quote is never closed), not at the block's first line.

Each entry records the ``@string`` definitions its values used (with the ones those used), so
a download of the entry can carry exactly the definitions it needs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

import bibtexparser
from bibtexparser.middlewares.names import split_multiple_persons_names
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
    String,
)

from generator.diagnostics import Diagnostics, Location
from generator.model import BibEntry, MacroDefinition
from generator.validate.bibtex_crossref import resolve_crossrefs

# bibtexparser logs every failed block itself; we report them as diagnostics instead.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
"""BibTeX has no built-in macros: the styles define these (``MACRO {jan} {"January"}``)."""

# Braces and quotes as bibtexparser's splitter counts them (a backslash escapes them).
_DELIMITERS = re.compile(r'(?<!\\)[{}"]')
_BRACES = re.compile(r"(?<!\\)[{}]")
_NUMBER = re.compile(r"[0-9]+")
_MACRO = re.compile(r"[^\s\"#%'(),={}0-9][^\s\"#%'(),={}]*")
"""BibTeX's identifiers: no white space or ``"#%'(),={}``, not starting with a digit."""


class NotAnExpression(Exception):
    """A value that is no BibTeX expression (``pages = 1-2``, an unclosed quote)."""


Macros = Mapping[str, MacroDefinition]
"""The @string table as it stands at one point of the file, by lowercase name."""


def _group_end(text: str, start: int) -> int:
    """The index after the brace closing the one at ``start``."""
    depth = 0
    for brace in _BRACES.finditer(text, start):
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return brace.end()
    raise NotAnExpression("a '{' is never closed: close it, or write the value in braces")


def _quote_end(text: str, start: int) -> int:
    """The index after the quote closing the one at ``start`` (braces inside are groups)."""
    depth = 0
    for mark in _DELIMITERS.finditer(text, start + 1):
        char = mark.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            return mark.end()
    raise NotAnExpression("a '\"' is never closed: close it, or write the value in braces")


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _plain_braced(value: str) -> bool:
    """Whether ``value`` is one braced group and nothing else: most values are."""
    if not (value.startswith("{") and value.endswith("}")):
        return False
    inner = value[1:-1]
    if "{" not in inner and "}" not in inner:
        return not inner.endswith("\\")
    try:
        return _group_end(value, 0) == len(value)
    except NotAnExpression:
        return False


def expand(value: str, macros: Macros) -> tuple[str, list[str], list[str]]:
    """A field value as BibTeX reads it: (text, macros used, macros not defined).

    ``value`` is the value as written ('{A} # "b" # jan', 'acmpress', '2007').
    """
    value = value.strip()
    if _plain_braced(value):
        return value[1:-1], [], []
    if value.isdigit():
        return value, [], []
    parts: list[str] = []
    used: list[str] = []
    undefined: list[str] = []
    index = 0
    while True:
        index = _skip_space(value, index)
        if index >= len(value):
            raise NotAnExpression("a '#' is not followed by a value: delete it, or add the value")
        char = value[index]
        if char == "{":
            end = _group_end(value, index)
            parts.append(value[index + 1 : end - 1])
        elif char == '"':
            end = _quote_end(value, index)
            parts.append(value[index + 1 : end - 1])
        elif number := _NUMBER.match(value, index):
            end = number.end()
            parts.append(number.group())
        elif name := _MACRO.match(value, index):
            end = name.end()
            key = name.group().lower()
            if key in macros:
                parts.append(macros[key].value)
                used.append(key)
            elif key in MONTH_MACROS:
                parts.append(MONTH_MACROS[key])
            else:
                undefined.append(name.group())
        else:
            raise NotAnExpression(
                f"'{value[index]}' cannot start a value: write it in braces ({{...}})"
            )
        index = _skip_space(value, end)
        if index >= len(value):
            return "".join(parts), used, undefined
        if value[index] != "#":
            rest = value[index:]
            if re.match(r"[^\s=]+\s*=", rest):  # the next field: a comma is missing
                field = rest.split("=")[0].strip()
                raise NotAnExpression(
                    f"'{field} =' follows its value: add the comma before '{field}'"
                )
            raise NotAnExpression(
                f"'{rest.split()[0]}' follows a value: write the whole value in braces "
                "({...}), or join its parts with '#'"
            )
        index += 1


def _closure(names: list[str], macros: Macros) -> tuple[MacroDefinition, ...]:
    """The definitions in effect for ``names``, with those they were built from, in file
    order (a definition's value was fixed when it was read, from the ones before it)."""
    found: dict[tuple[str, int], MacroDefinition] = {}
    pending = [macros[name] for name in names]
    while pending:
        definition = pending.pop()
        if (definition.name, definition.line) in found:
            continue
        found[(definition.name, definition.line)] = definition
        pending.extend(definition.uses)
    return tuple(sorted(found.values(), key=lambda d: d.line))


def split_authors(value: str) -> list[str]:
    """A BibTeX name list ('A and {B and C}') into its names, still in LaTeX."""
    return [name for name in split_multiple_persons_names(value) if name.strip()]


def problem_line(block: ParsingFailedBlock) -> int:
    """The 1-based line of what made ``block`` fail: the value whose brace or quote is never
    closed, or where the splitter stopped."""
    raw = block.raw or ""
    reason = getattr(block.error, "abort_reason", "") or ""
    offset = len(raw)
    if reason.startswith(("Unexpected block start", "Unexpectedly reached end")):
        opener = re.search(r"[{(]", raw)
        base = 1 if opener and opener.group() == "{" else 0  # the entry's own brace
        stack: list[int] = []
        quote: int | None = None
        last_closed = len(raw.rstrip())
        for mark in _DELIMITERS.finditer(raw):
            char = mark.group()
            if char == '"' and len(stack) == base:
                quote = mark.start() if quote is None else None
            elif char == "{":
                stack.append(mark.start())
            elif char == "}" and stack:
                last_closed = stack.pop()
        if quote is not None:
            offset = quote
        elif len(stack) > base:
            offset = stack[base]  # the outermost value brace never closed
        else:
            # The entry's own brace is open: the last '}' closed a value brace instead, the
            # one that lacks its own '}' (or the entry's last field, if it lacks the last '}').
            offset = last_closed
    return (block.start_line or 0) + 1 + raw.count("\n", 0, offset)


def _failure_message(block: ParsingFailedBlock) -> str:
    reason = getattr(block.error, "abort_reason", "") or str(block.error)
    reason = " ".join(reason.split()) or "syntax error"
    return (
        f"this BibTeX block cannot be parsed: {reason}; check its braces, quotes and the "
        "commas between fields"
    )


@dataclass
class _Reading:
    """One pass over a file's blocks: the macro table as it grows, and what was found."""

    path: str
    diagnostics: Diagnostics
    macros: dict[str, MacroDefinition]

    def value(self, where: int, what: str, written: str) -> tuple[str, list[str]]:
        """``written`` expanded; problems reported at line ``where`` about ``what``."""
        try:
            text, used, undefined = expand(written, self.macros)
        except NotAnExpression as problem:
            self.diagnostics.error_at(
                self.path, where, f"{what} cannot be read as BibTeX: {problem}"
            )
            return written.strip(), []
        for name in undefined:
            self.diagnostics.warning(
                Location(self.path, where),
                f"{what} uses the macro '{name}', which no @string before it defines, so "
                f'BibTeX leaves it empty: add @string{{{name} = "..."}} above it, or write '
                "the value in braces",
            )
        return text, used

    def define(self, block: String) -> None:
        line = (block.start_line or 0) + 1
        text, used = self.value(line, f"@string '{block.key}'", str(block.value))
        key = block.key.lower()
        definition = MacroDefinition(
            name=key,
            raw=(block.raw or "").strip(),
            line=line,
            value=text,
            uses=tuple(self.macros[name] for name in dict.fromkeys(used)),
        )
        self.macros[key] = definition

    def entry(self, block: Entry) -> BibEntry:
        line = (block.start_line or 0) + 1
        fields: list[tuple[str, str]] = []
        lines: list[tuple[str, int]] = []
        used: list[str] = []
        seen: dict[str, int] = {}
        for field in block.fields:
            name = field.key.lower()
            where = (field.start_line or 0) + 1 if field.start_line is not None else line
            if name in seen:  # BibTeX takes the first; bibtexparser refuses the entry
                self.diagnostics.error(
                    Location(self.path, where),
                    f"entry '{block.key}': field '{name}' is given twice (first at line "
                    f"{seen[name]}); delete one",
                )
                continue
            seen[name] = where
            text, field_used = self.value(
                where, f"entry '{block.key}': field '{name}'", str(field.value)
            )
            fields.append((name, text))
            lines.append((name, where))
            used.extend(field_used)
        return BibEntry(
            key=block.key,
            entry_type=block.entry_type.lower(),
            fields=tuple(fields),
            raw=(block.raw or "").strip(),
            location=Location(self.path, line),
            strings=_closure(list(dict.fromkeys(used)), self.macros),
            field_lines=tuple(lines),
        )

    def failed(self, block: ParsingFailedBlock) -> None:
        if isinstance(block, DuplicateBlockKeyBlock):
            duplicate = block.ignore_error_block
            if isinstance(duplicate, String):
                self.define(duplicate)  # a redefinition: BibTeX allows it, the new one applies
                return
            previous = block.previous_block.start_line
            first = f" (first at line {previous + 1})" if previous is not None else ""
            self.diagnostics.error_at(
                self.path,
                (block.start_line or 0) + 1,
                f"entry key '{block.key}' is used twice{first}; keys must be unique",
            )
            return
        self.diagnostics.error_at(self.path, problem_line(block), _failure_message(block))


def read_entries(text: str, path: str, diagnostics: Diagnostics) -> list[BibEntry]:
    """Every entry of a .bib that parses, with values expanded and crossrefs resolved, in
    file order; every problem as a diagnostic at its line."""
    library = bibtexparser.parse_string(text, parse_stack=[])
    reading = _Reading(path, diagnostics, {})
    entries: list[BibEntry] = []
    for block in library.blocks:
        if isinstance(block, String):
            reading.define(block)
        elif isinstance(block, Entry):
            entries.append(reading.entry(block))
        elif isinstance(block, DuplicateFieldKeyBlock):
            entry = block.ignore_error_block
            assert isinstance(entry, Entry)
            entries.append(reading.entry(entry))  # reports the repeated field itself
        elif isinstance(block, ParsingFailedBlock):
            reading.failed(block)
    return resolve_crossrefs(entries, diagnostics)
