"""One paper's bibliographic facts, decoded once, for every citation format.

RIS, CSL-JSON, the citation texts and the page's scholarly metadata all read a
``CitationRecord``, so they cannot disagree with each other: the kind of work, the title, the
authors in order, the container (proceedings, journal, book), the year, pages and DOI come
from the same place. Values are plain Unicode (LaTeX decoded); the title and abstract stay
``Text`` so each output picks its rendering (``as_text`` for citations and meta tags).

Where the facts come from: papers.yaml first (title, authors, abstract, pages, DOI, PDF), then
the paper's .bib entry as BibTeX reads it (any entry type, with its own year), then, for a
paper of this conference's volume (an @inproceedings whose booktitle is the volume's, or a
paper with no entry), the @proceedings entry and the conference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urljoin

from generator import latex
from generator.model import Author, BibEntry, ConferenceData, Paper
from generator.names import Name
from generator.text import Text
from generator.validate.bibtex_reader import MONTH_MACROS, split_authors

_DOI_URL = re.compile(
    r"^\s*(?:https?://(?:dx\.)?doi\.org/|https?://doi\.acm\.org/|doi:)", re.IGNORECASE
)
_PAGES = re.compile(r"\s*([^\s\-–—]+)\s*(?:[-–—]+\s*([^\s\-–—]+))?\s*\Z")
_YEAR = re.compile(r"\d{4}")
_MONTH_WORD = re.compile(r"[A-Za-z]{3}")
_LEADING_DAY = re.compile(r"\s*(\d{1,2})\b")
_MONTHS = {name: number for number, name in enumerate(MONTH_MACROS, start=1)}
PAPER_TYPES = ("inproceedings", "conference")
"""Entry types of a paper in a proceedings volume."""


@dataclass(frozen=True)
class Kind:
    """How each format names one kind of work."""

    ris: str
    csl: str
    highwire: str
    """Which Highwire tag holds the container: 'conference', 'journal', 'book', 'thesis',
    'report' or '' (none)."""


KINDS: dict[str, Kind] = {
    "inproceedings": Kind("CPAPER", "paper-conference", "conference"),
    "conference": Kind("CPAPER", "paper-conference", "conference"),
    "article": Kind("JOUR", "article-journal", "journal"),
    "book": Kind("BOOK", "book", "book"),
    "inbook": Kind("CHAP", "chapter", "book"),
    "incollection": Kind("CHAP", "chapter", "book"),
    "proceedings": Kind("CONF", "book", "book"),
    "phdthesis": Kind("THES", "thesis", "thesis"),
    "mastersthesis": Kind("THES", "thesis", "thesis"),
    "techreport": Kind("RPRT", "report", "report"),
    "manual": Kind("RPRT", "report", "report"),
    "unpublished": Kind("UNPB", "manuscript", ""),
    "online": Kind("ELEC", "webpage", ""),
    "booklet": Kind("PAMP", "pamphlet", ""),
    "periodical": Kind("JFULL", "periodical", "journal"),
    "artifactsoftware": Kind("COMP", "software", ""),
    "artifactdataset": Kind("DATA", "dataset", ""),
    "eprint": Kind("GEN", "article", ""),
    "misc": Kind("GEN", "document", ""),
}
"""BibTeX entry types (with acmart's artifact and eprint types) to RIS, CSL and Highwire;
anything else is a generic document."""
OTHER = KINDS["misc"]


@dataclass(frozen=True)
class CitationRecord:
    """What a citation of one paper says, in the order citation styles need it."""

    key: str
    """The paper id, also the BibTeX key."""
    entry_type: str
    """The BibTeX entry type ('inproceedings' for a paper without an entry)."""
    title: Text
    authors: tuple[Author, ...]
    abstract: Text
    container: str
    """Where the work appeared: the proceedings or book (booktitle) or the journal; ''."""
    conference: str
    """The conference's title for a paper of this conference's volume, else ''."""
    year: int | None
    month: int | None = None
    day: int | None = None
    first_page: str = ""
    last_page: str = ""
    doi: str = ""
    url: str = ""
    """Absolute address of the paper's page."""
    pdf_url: str = ""
    """Absolute address of the PDF, when it is known and on the web."""
    pdf_elsewhere_in_meta: bool = False
    """Whether a PDF outside the paper's folder may still be named in citation_pdf_url."""
    publisher: str = ""
    address: str = ""
    volume: str = ""
    number: str = ""
    """A journal's issue, a report's number."""
    series: str = ""
    edition: str = ""
    chapter: str = ""
    institution: str = ""
    """A thesis's school, a report's institution, a manual's organization."""
    howpublished: str = ""
    editors: tuple[Name, ...] = ()
    isbn: str = ""
    issn: str = ""

    @property
    def kind(self) -> Kind:
        return KINDS.get(self.entry_type, OTHER)

    @property
    def date_parts(self) -> tuple[int, ...]:
        """(year, month, day) as far as known: (2007,), (2007, 4), (2030, 6, 3); () if none."""
        if self.year is None:
            return ()
        parts = [self.year]
        if self.month:
            parts.append(self.month)
            if self.day:
                parts.append(self.day)
        return tuple(parts)

    @property
    def slashed_date(self) -> str:
        """'2030/06/03', '2007/04' or '2007', as Highwire tags and RIS write dates."""
        return "/".join(f"{part:02d}" if i else str(part) for i, part in enumerate(self.date_parts))

    @property
    def scholar_pdf_url(self) -> str:
        """The PDF for citation_pdf_url: Google Scholar's guidelines want "a file in the same
        subdirectory as the HTML abstract" (/papers/<id>/...pdf); a PDF elsewhere only when
        the conference asks for it (Zotero and other readers of the tag take any)."""
        if self.pdf_url.startswith(self.url) or self.pdf_elsewhere_in_meta:
            return self.pdf_url
        return ""

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


def plain_doi(value: str) -> str:
    """A DOI from a field that may hold it as a URL ('https://doi.org/10.1/x_y'); '' if it is
    no DOI at all."""
    doi = _DOI_URL.sub("", latex.decode(value)).strip()
    return doi if doi.startswith("10.") and "/" in doi else ""


def in_volume(entry: BibEntry | None, volume: BibEntry | None) -> bool:
    """Whether the paper of ``entry`` appeared in the proceedings ``volume``: no entry, an
    entry that cross-references the volume, or a conference paper with the volume's
    booktitle (or none)."""
    if entry is None:
        return True
    if volume is None or entry.entry_type not in PAPER_TYPES:
        return False
    if entry.parent is not None:
        return entry.parent.key == volume.key
    booktitle = entry.get("booktitle")
    return not booktitle or _same(booktitle, volume_booktitle(volume))


def volume_booktitle(volume: BibEntry) -> str:
    """The name papers give the volume: its booktitle, else its title (still LaTeX)."""
    return volume.get("booktitle") or volume.get("title")


@lru_cache(maxsize=1024)
def _same(a: str, b: str) -> bool:
    def comparable(text: str) -> str:
        return latex.decode(text).replace("{", "").replace("}", "").casefold()

    return comparable(a) == comparable(b)


def record_of(data: ConferenceData, paper: Paper) -> CitationRecord:
    """The citation facts of ``paper``: papers.yaml first, then its .bib entry, then (for a
    paper of the volume) the volume and the conference."""
    conference = data.conference
    entry = data.bib_entries.get(paper.id)
    volume = data.volume
    of_volume = in_volume(entry, volume)
    sources = [e for e in (entry, volume if of_volume else None) if e is not None]
    values: dict[str, str] = {}
    for source in reversed(sources):  # the entry's own value wins over the volume's
        values.update((name, value) for name, value in source.fields if value)

    def field(name: str) -> str:
        raw = values.get(name, "")
        return latex.decode(raw) if raw else ""

    entry_type = entry.entry_type if entry else "inproceedings"
    container = field("journal") if entry_type in ("article", "periodical") else field("booktitle")
    if of_volume and volume and not container:
        container = latex.decode(volume_booktitle(volume))
    if of_volume and not container:
        container = f"Proceedings of {conference.title}"
    year, month, day = _issued(entry, volume if of_volume else None, data, of_volume)
    first, last = split_pages(paper.pages or (entry.get("pages") if entry else ""))
    url = f"{conference.url}papers/{paper.id}/"
    pdf = dict(paper.links).get("pdf", "") or (latex.decode(entry.get("pdf")) if entry else "")
    if pdf and not pdf.startswith(("http://", "https://")):
        pdf = urljoin(url, pdf)  # a relative link is relative to the paper's page
    editors = values.get("editor", "")
    address = field("address") or (conference.venue.place if of_volume else "")
    return CitationRecord(
        key=paper.id,
        entry_type=entry_type,
        title=paper.title,
        authors=paper.authors,
        abstract=paper.abstract,
        container=container,
        conference=conference.title if of_volume else "",
        year=year,
        month=month,
        day=day,
        first_page=first,
        last_page=last,
        doi=paper.doi or (plain_doi(entry.get("doi")) if entry else ""),
        url=url,
        pdf_url=pdf if pdf.startswith(("http://", "https://")) else "",
        pdf_elsewhere_in_meta=conference.citation_pdf_elsewhere,
        publisher=field("publisher"),
        address=address,
        volume=field("volume"),
        number=field("number"),
        series=field("series"),
        edition=field("edition"),
        chapter=field("chapter"),
        institution=field("school") or field("institution") or field("organization"),
        howpublished=field("howpublished"),
        editors=_names(editors),
        isbn=field("isbn"),
        issn=field("issn"),
    )


def _issued(
    entry: BibEntry | None, volume: BibEntry | None, data: ConferenceData, of_volume: bool
) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of publication. An entry's own year wins; a paper of the volume
    takes the volume's 'published' date (as PMLR gives it) or the conference's first day
    when they fall in that year."""
    sources = [e for e in (entry, volume) if e is not None]
    year_text = next((value for e in sources if (value := e.get("year"))), "")
    match = _YEAR.search(year_text)
    conference = data.conference
    year = int(match.group()) if match else (conference.year if of_volume else None)
    if of_volume:
        published = _published(volume.get("published") if volume else "")
        for known in (published, conference.start):
            if known is not None and known.year == year:
                return year, known.month, known.day
    month_text = latex.decode(next((value for e in sources if (value := e.get("month"))), ""))
    month, day = _month_and_day(month_text)
    if month and entry is not None and entry.get("day").strip().isdigit():
        day = int(entry.get("day"))
    return year, month, day


def _month_and_day(text: str) -> tuple[int | None, int | None]:
    """'April', 'apr', '4', '10~January' (day 10), 'Jan.-March' (January)."""
    text = text.strip()
    if text.isdigit():
        number = int(text)
        return (number, None) if 1 <= number <= 12 else (None, None)
    word = _MONTH_WORD.search(text)
    month = _MONTHS.get(word.group().lower()) if word else None
    if month is None:
        return None, None
    leading = _LEADING_DAY.match(text.replace("~", " "))
    day = int(leading.group(1)) if leading and 1 <= int(leading.group(1)) <= 31 else None
    return month, day


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
