"""BibTeX out: each entry as it will compile, on its own and in the whole volume.

A paper with a proceedings entry gets that entry as the organizers wrote it, with what a
citing author needs and the entry lacks: for a paper of the volume, the volume's fields
(booktitle, editor, publisher, address, month, ...), and the paper's DOI, page and PDF from
papers.yaml. Around it go the @string definitions its values use and, after it, the entry its
``crossref`` names (BibTeX reads a parent only after its children). A paper without an entry
gets one generated from papers.yaml and the volume.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin

from generator import latex
from generator.exporters.citation import in_volume, volume_booktitle
from generator.model import BibEntry, ConferenceData, MacroDefinition, Paper
from generator.validate.bibtex_reader import MONTH_MACROS

_DASHES = re.compile(r"\s*[-–—]+\s*")
MONTHS = tuple(MONTH_MACROS)
VOLUME_FIELDS = (
    "booktitle",
    "editor",
    "series",
    "volume",
    "publisher",
    "organization",
    "address",
    "month",
    "year",
)
"""What a paper of the volume inherits from it, in the order they are added."""
_MONTH_NAMES = {name: macro for macro, name in MONTH_MACROS.items()}


def _braced(value: str) -> str:
    return "{" + value + "}"


def _verbatim_field(value: str) -> str:
    """A DOI or URL as a braced value: a stray brace or backslash would end or escape the field,
    so those three are percent-encoded (resolvers and browsers read them the same)."""
    return _braced(value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D"))


def _written(name: str, value: str) -> str:
    """An expanded value written back: a month by its macro, anything else braced (the value
    came out of braces or quotes, so its own braces balance)."""
    if name == "month" and value in _MONTH_NAMES:
        return _MONTH_NAMES[value]
    return _braced(value)


def _page_and_files(data: ConferenceData, paper: Paper) -> list[tuple[str, str]]:
    """DOI, page and PDF of the paper, as BibTeX fields."""
    fields: list[tuple[str, str]] = []
    if paper.doi:
        fields.append(("doi", _verbatim_field(paper.doi)))
    page = f"{data.conference.url}papers/{paper.id}/"
    fields.append(("url", _verbatim_field(page)))
    pdf = dict(paper.links).get("pdf", "")
    if pdf and not pdf.startswith(("http://", "https://")):
        pdf = urljoin(page, pdf)  # a relative link is relative to the paper's page
    if pdf.startswith(("http://", "https://")):
        fields.append(("pdf", _verbatim_field(pdf)))
    return fields


def generated_entry(data: ConferenceData, paper: Paper) -> str:
    """An @inproceedings entry for a paper the proceedings .bib does not cover."""
    conference = data.conference
    volume = data.volume
    booktitle = volume_booktitle(volume) if volume else ""
    fields: list[tuple[str, str]] = [
        ("title", _braced(latex.encode(paper.title.source, protect_case=True))),
        ("author", _braced(" and ".join(a.name.bibtex for a in paper.authors))),
        ("booktitle", _braced(booktitle or latex.encode(f"Proceedings of {conference.title}"))),
        ("year", _braced(str(conference.year))),
    ]
    if volume and volume.get("editor"):
        fields.append(("editor", _braced(volume.get("editor"))))
    if paper.pages:
        fields.append(("pages", _braced(latex.encode(_DASHES.sub("--", paper.pages.strip())))))
    fields.append(("month", MONTHS[conference.start.month - 1]))
    if volume and volume.get("publisher"):
        fields.append(("publisher", _braced(volume.get("publisher"))))
    if volume and volume.get("address"):
        fields.append(("address", _braced(volume.get("address"))))
    elif conference.venue.place:
        fields.append(("address", _braced(latex.encode(conference.venue.place))))
    fields += _page_and_files(data, paper)
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in fields)
    return f"@inproceedings{{{paper.id},\n{body}\n}}\n"


def missing_fields(data: ConferenceData, paper: Paper, entry: BibEntry) -> list[tuple[str, str]]:
    """Fields the site knows for ``entry`` and the entry lacks (with what it inherits)."""
    have = {name for name, _ in entry.fields}
    volume = data.volume
    added: list[tuple[str, str]] = []
    if volume is not None and entry.parent is None and in_volume(entry, volume):
        for name in VOLUME_FIELDS:
            value = volume_booktitle(volume) if name == "booktitle" else volume.get(name)
            if name not in have and value:
                added.append((name, _written(name, value)))
    added += [(name, value) for name, value in _page_and_files(data, paper) if name not in have]
    return added


_FIELD_LINE = re.compile(r"^([ \t]*)([A-Za-z][\w.:+-]*)([ \t]*)=", re.MULTILINE)


def with_fields(raw: str, fields: list[tuple[str, str]]) -> str:
    """An entry's raw text with ``fields`` added before its closing brace, laid out like the
    entry's own first field (its indent, and its '=' column where the names are padded)."""
    raw = raw.strip()
    if not fields:
        return raw
    body, close = raw[:-1].rstrip(), raw[-1]
    if not body.endswith(","):
        body += ","
    indent, width = "  ", 0
    if first := _FIELD_LINE.search(raw):
        indent = first.group(1) or "  "
        if len(first.group(3)) > 1:  # padded names: keep the '=' column
            width = len(first.group(2)) + len(first.group(3)) - 1
    added = ",\n".join(f"{indent}{name.ljust(width)} = {value}" for name, value in fields)
    return f"{body}\n{added}\n{close}"


def _ancestors(entry: BibEntry) -> list[BibEntry]:
    chain: list[BibEntry] = []
    parent = entry.parent
    while parent is not None and not any(parent is known for known in chain):
        chain.append(parent)
        parent = parent.parent
    return chain


def _write(blocks: Iterable[tuple[tuple[MacroDefinition, ...], str]]) -> str:
    """Entries (each with the definitions it needs) with every definition written before the
    entries that use it; a macro that two entries need in different versions is defined again
    before the second, so each entry compiles as it did in the source."""
    effective: dict[str, MacroDefinition] = {}
    parts: list[str] = []
    for definitions, text in blocks:
        for definition in definitions:
            if effective.get(definition.name) is not definition:
                parts.append(definition.raw + "\n")
                effective[definition.name] = definition
        parts.append(text.strip() + "\n")
    return "\n".join(parts)


def _definitions(entries: Iterable[BibEntry]) -> tuple[MacroDefinition, ...]:
    found = {(d.name, d.line): d for entry in entries for d in entry.strings}
    return tuple(sorted(found.values(), key=lambda d: d.line))


def _served(data: ConferenceData, paper: Paper, entry: BibEntry) -> str:
    return with_fields(entry.raw, missing_fields(data, paper, entry))


def paper_bibtex(data: ConferenceData, paper: Paper) -> str:
    """The BibTeX of one paper, as served at /papers/<id>.bib and shown on its page: it
    parses and compiles on its own (definitions first, the crossref'd entries after it)."""
    entry = data.bib_entries.get(paper.id)
    if entry is None:
        return generated_entry(data, paper)
    chain = [entry, *_ancestors(entry)]
    texts = [_served(data, paper, entry)] + [parent.raw for parent in chain[1:]]
    definitions = _definitions(chain)
    return _write([(definitions, texts[0]), *(((), text) for text in texts[1:])])


def proceedings_bibtex(data: ConferenceData) -> str:
    """The whole volume: every paper in papers.yaml order, then the entries they cross-
    reference (the volume among them when papers name it in ``crossref``; otherwise the
    volume comes first), each with the @string definitions it needs before it."""
    entries = {p.id: e for p in data.papers if (e := data.bib_entries.get(p.id))}
    parents: dict[str, BibEntry] = {}
    for entry in entries.values():
        for parent in _ancestors(entry):
            parents.setdefault(parent.key, parent)
    blocks: list[tuple[tuple[MacroDefinition, ...], str]] = []
    volume = data.volume
    if volume is not None and volume.key not in parents:
        blocks.append((volume.strings, volume.raw))
    papers_by_key: dict[str, Paper] = {}
    for paper in data.papers:
        own = entries.get(paper.id)
        if own is None:
            blocks.append(((), generated_entry(data, paper)))
        else:
            papers_by_key[own.key] = paper
            if own.key not in parents:
                blocks.append((own.strings, _served(data, paper, own)))
    for parent in sorted(parents.values(), key=lambda e: e.location.line):
        of_paper = papers_by_key.get(parent.key)
        text = _served(data, of_paper, parent) if of_paper else parent.raw
        blocks.append((parent.strings, text))
    return _write(blocks)
