"""One paper's bibliographic facts, decoded once, and its plain-text citation.

RIS, the citation text and the page's scholarly metadata all read a ``CitationRecord``, so they
cannot disagree with each other: the title, the authors in order, the volume, pages and DOI come
from the same place. Values are plain Unicode (LaTeX decoded); the title and abstract stay
``Text`` so each output picks its rendering (``as_text`` for citations and meta tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from generator import latex
from generator.exporters.bibtex import split_authors
from generator.model import Author, ConferenceData, Paper
from generator.names import Name
from generator.text import Text

_DOI_URL = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:)", re.IGNORECASE)
_PAGES = re.compile(r"\s*([^\s\-–—]+)\s*(?:[-–—]+\s*([^\s\-–—]+))?\s*\Z")


@dataclass(frozen=True)
class CitationRecord:
    """What a citation of one paper says, in the order citation styles need it."""

    key: str
    """The paper id, also the BibTeX key."""
    title: Text
    authors: tuple[Author, ...]
    abstract: Text
    booktitle: str
    """The proceedings volume, e.g. 'Proceedings of the Fourth Conference on ...'."""
    conference: str
    """The conference's own title, for citation_conference_title."""
    date: date
    """When the work was published: the volume's 'published' date, else the conference's
    first day."""
    first_page: str = ""
    last_page: str = ""
    doi: str = ""
    url: str = ""
    """Absolute address of the paper's page."""
    pdf_url: str = ""
    """Absolute address of the PDF, when it is known and on the web."""
    publisher: str = ""
    address: str = ""
    volume: str = ""
    series: str = ""
    editors: tuple[Name, ...] = ()

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def pages(self) -> str:
        """'1–14', or the single page, or ''."""
        if self.first_page and self.last_page and self.first_page != self.last_page:
            return f"{self.first_page}–{self.last_page}"
        return self.first_page


def split_pages(pages: str) -> tuple[str, str]:
    """'1--14' -> ('1', '14'); '7' -> ('7', '7'); anything else -> ('', '')."""
    match = _PAGES.match(latex.decode(pages)) if pages.strip() else None
    if not match:
        return "", ""
    first, last = match.group(1), match.group(2) or match.group(1)
    return first, last


def record_of(data: ConferenceData, paper: Paper) -> CitationRecord:
    """The citation facts of ``paper``: papers.yaml first, then its .bib entry, then the volume."""
    conference = data.conference
    entry = data.bib_entries.get(paper.id)
    volume = data.volume

    def from_bib(name: str) -> str:
        raw = (entry.get(name) if entry else "") or (volume.get(name) if volume else "")
        return latex.decode(raw) if raw else ""

    booktitle = from_bib("booktitle") or (latex.decode(volume.get("title")) if volume else "")
    first, last = split_pages(paper.pages or (entry.get("pages") if entry else ""))
    doi = paper.doi
    if not doi and entry and entry.get("doi"):
        doi = _DOI_URL.sub("", latex.decode(entry.get("doi")))  # 'https://doi.org/10.1/x_y'
    pdf = dict(paper.links).get("pdf", "")
    editors = volume.get("editor") if volume else ""
    return CitationRecord(
        key=paper.id,
        title=paper.title,
        authors=paper.authors,
        abstract=paper.abstract,
        booktitle=booktitle or f"Proceedings of {conference.title}",
        conference=conference.title,
        date=_published(volume.get("published") if volume else "") or conference.start,
        first_page=first,
        last_page=last,
        doi=doi,
        url=f"{conference.url}papers/{paper.id}/",
        pdf_url=pdf if pdf.startswith(("http://", "https://")) else "",
        publisher=from_bib("publisher"),
        address=from_bib("address") or conference.venue.place,
        volume=from_bib("volume"),
        series=from_bib("series"),
        editors=_names(editors),
    )


def _published(value: str) -> date | None:
    """An ISO date ('2025-11-13', as PMLR volumes give it), or None."""
    try:
        return date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _names(value: str) -> tuple[Name, ...]:
    """A BibTeX name list (the volume's editors), parsed once per build, not once per paper."""
    return tuple(Name.parse(n) for n in split_authors(value))


def _and_list(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _sentence(text: str) -> str:
    """Text ending in exactly one full stop (titles may end in '?' or '!' of their own)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def plain_citation(record: CitationRecord) -> str:
    """The citation in one style everywhere (that of the ACL Anthology), as plain text.

    'Maya Chen and Kai Tanaka. 2027. Title. In Booktitle, volume 3, pages 1–14, Place.
    Publisher. https://doi.org/10.1/x'
    """
    parts = [
        _sentence(_and_list([a.name.full for a in record.authors])),
        f"{record.year}.",
        _sentence(record.title.as_text),
    ]
    venue = [f"In {record.booktitle}"]
    if record.volume:
        venue.append(f"volume {record.volume}")
    if record.pages:
        word = "pages" if record.first_page != record.last_page else "page"
        venue.append(f"{word} {record.pages}")
    if record.address:
        venue.append(record.address)
    parts.append(_sentence(", ".join(venue)))
    if record.publisher:
        parts.append(_sentence(record.publisher))
    parts.append(f"https://doi.org/{record.doi}" if record.doi else record.url)
    return " ".join(parts)
