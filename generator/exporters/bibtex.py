"""BibTeX out: the organizers' entry verbatim where there is one, a faithful one otherwise."""

from __future__ import annotations

import re

from bibtexparser.middlewares.names import split_multiple_persons_names

from generator import latex
from generator.model import BibEntry, ConferenceData, Paper

_DASHES = re.compile(r"\s*[-–—]+\s*")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _braced(value: str) -> str:
    return "{" + value + "}"


def _verbatim_field(value: str) -> str:
    """A DOI or URL as a braced value: a stray brace or backslash would end or escape the field,
    so those three are percent-encoded (resolvers and browsers read them the same)."""
    return _braced(value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D"))


def split_authors(value: str) -> list[str]:
    """A BibTeX name list ('A and {B and C}') into its names, still in LaTeX."""
    return [name for name in split_multiple_persons_names(value) if name.strip()]


def generated_entry(data: ConferenceData, paper: Paper) -> str:
    """An @inproceedings entry for a paper the proceedings .bib does not cover."""
    conference = data.conference
    volume = data.volume
    booktitle = (volume.get("booktitle") or volume.get("title")) if volume else ""
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
    if paper.doi:
        fields.append(("doi", _verbatim_field(paper.doi)))
    fields.append(("url", _verbatim_field(f"{conference.url}papers/{paper.id}/")))
    pdf = dict(paper.links).get("pdf")
    if pdf and pdf.startswith(("http://", "https://")):
        fields.append(("pdf", _verbatim_field(pdf)))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in fields)
    return f"@inproceedings{{{paper.id},\n{body}\n}}\n"


def _verbatim(entry: BibEntry, with_strings: bool = True) -> str:
    strings = "".join(f"{block}\n\n" for block in entry.strings) if with_strings else ""
    return strings + entry.raw.strip() + "\n"


def paper_bibtex(data: ConferenceData, paper: Paper) -> str:
    """The BibTeX of one paper, as served at /papers/<id>.bib and shown on its page; a source
    entry comes with the @string definitions it uses, so it parses on its own."""
    entry = data.bib_entries.get(paper.id)
    return _verbatim(entry) if entry else generated_entry(data, paper)


def proceedings_bibtex(data: ConferenceData) -> str:
    """The whole volume: the @string definitions used, the @proceedings entry, then every
    paper in papers.yaml order."""
    sources = [data.volume] if data.volume else []
    sources += [e for p in data.papers if (e := data.bib_entries.get(p.id))]
    strings = list(dict.fromkeys(block for entry in sources for block in entry.strings))
    parts = [f"{block}\n" for block in strings]
    parts += [_verbatim(data.volume, with_strings=False)] if data.volume else []
    for paper in data.papers:
        entry = data.bib_entries.get(paper.id)
        parts.append(_verbatim(entry, False) if entry else generated_entry(data, paper))
    return "\n".join(parts)
