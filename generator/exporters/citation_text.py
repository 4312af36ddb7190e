"""Citation texts to copy: the ACL Anthology's style and APA (7th edition), as plain text.

APA is what citeproc-py makes of the CSL ``apa.csl`` style, written out here because
citeproc-py costs 8 ms per paper: 40.7 s of CPU at 5,000 papers against 0.12 s for this
formatter (``bench/citations.py``, best of 3), more than the rest of a 5,000-paper build. The
tests hold this formatter to citeproc-py's output for every paper of the example, toy and
reference files, with citeproc-py's four departures from APA listed there.
"""

from __future__ import annotations

import re

from generator.exporters.citation import CitationRecord
from generator.names import Name
from generator.validate.bibtex_reader import MONTH_MACROS


def _and_list(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _sentence(text: str) -> str:
    """Text ending in exactly one full stop (titles may end in '?' or '!' of their own)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _link(record: CitationRecord) -> str:
    return f"https://doi.org/{record.doi}" if record.doi else record.url


def plain_citation(record: CitationRecord) -> str:
    """The citation in the ACL Anthology's style, as plain text.

    'Maya Chen and Kai Tanaka. 2027. Title. In Booktitle, volume 3, pages 1–14, Place.
    Publisher. https://doi.org/10.1/x'
    """
    year = f"{record.year}." if record.year else "n.d."
    parts = [_sentence(_and_list([a.name.full for a in record.authors])), year]
    parts.append(_sentence(record.title.as_text))
    parts += [_sentence(part) for part in _acl_venue(record) if part]
    parts.append(_link(record))
    return " ".join(parts)


def _pages(record: CitationRecord) -> str:
    if not record.pages:
        return ""
    word = "pages" if record.first_page != record.last_page else "page"
    return f"{word} {record.pages}"


def _acl_venue(record: CitationRecord) -> list[str]:
    """What follows the title, sentence by sentence, for each kind of work."""
    kind = record.entry_type
    where = ", ".join(p for p in (record.publisher, record.address) if p)
    if kind == "article":
        issue = f"({record.number})" if record.number else ""
        volume = f"{record.volume}{issue}"
        pages = f":{record.pages}" if record.pages and volume else ""
        journal = ", ".join(p for p in (record.container, volume + pages) if p)
        return [journal]
    if kind in ("phdthesis", "mastersthesis"):
        label = "Ph.D. thesis" if kind == "phdthesis" else "Master's thesis"
        return [", ".join(p for p in (label, record.institution, record.address) if p)]
    if kind == "techreport":
        label = f"Technical Report {record.number}" if record.number else "Technical report"
        return [", ".join(p for p in (label, record.institution, record.address) if p)]
    if kind in ("book", "proceedings", "manual", "booklet", "periodical"):
        series = (
            f"volume {record.volume} of {record.series}" if record.volume and record.series else ""
        )
        return [series, where or record.institution]
    if kind == "inbook":
        chapter = f"chapter {record.chapter}" if record.chapter else ""
        return [", ".join(p for p in (chapter, _pages(record)) if p), where]
    if record.container:  # papers and chapters of a book
        venue = [f"In {record.container}"]
        if record.volume:
            venue.append(f"volume {record.volume}")
        venue += [p for p in (_pages(record), record.address) if p]
        return [", ".join(venue), record.publisher]
    return [record.howpublished or record.institution, record.publisher]


_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "down",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "the",
        "till",
        "to",
        "up",
        "via",
        "with",
        "yet",
    }
)
"""CSL's title-case stop words, which stay lowercase."""


def _title_case(text: str) -> str:
    """CSL's title case as citeproc-py applies it: each all-lowercase word capitalised, stop
    words too after a colon or full stop (and first)."""
    out, previous = [], ":"
    for word in text.split():
        if word.islower() and (word not in _STOP_WORDS or previous in ":."):
            word = word[0].upper() + word[1:]
        previous = word[-1]
        out.append(word)
    return " ".join(out)


def _initials(given: str) -> str:
    """'Ana María' -> 'A. M.', 'S.L.' -> 'S. L.', 'Wen-Hao' -> 'W.-H.'."""
    words = []
    for word in given.split():
        parts = ["".join(p[0] + "." for p in part.split(".") if p) for part in word.split("-")]
        words.append("-".join(part for part in parts if part).replace(".", ". ").strip())
    return " ".join(words).replace(". -", ".-")


def _apa_name(name: Name) -> str:
    """'Álvarez, J.', 'van der Berg, L., Jr.'"""
    family = " ".join(p for p in (name.von, name.last) if p)
    initials = _initials(name.first)
    text = f"{family}, {initials}" if initials else family
    return f"{text}, {name.jr}" if name.jr else text


def _apa_list(names: list[str], serial: str = ",") -> str:
    """'A', 'A & B' / 'A, & B' (authors), 'A, B, & C'; past 20 names, the 19 first, an
    ellipsis and the last."""
    if len(names) <= 1:
        return "".join(names)
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    if len(names) == 2:
        return f"{names[0]}{serial} & {names[1]}"
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa_editors(editors: tuple[Name, ...], before: bool) -> str:
    """'R. Lind & T. Berg (Eds.)' before a book's title, 'R. Lind, Ed.' inside parentheses.

    APA writes 'Ed.'/'Eds.'; citeproc-py 0.11 writes them lowercase (its one departure from
    the style here)."""
    names = [" ".join(p for p in (_initials(e.first), e.von, e.last) if p) for e in editors]
    label = "Ed." if len(names) == 1 else "Eds."
    joined = _apa_list(names, serial="")
    return f"{joined} ({label})" if before else f"{joined}, {label}"


def _apa_pages(record: CitationRecord) -> str:
    if not record.pages:
        return ""
    return ("p. " if record.first_page == record.last_page else "pp. ") + record.pages


def _edition(edition: str) -> str:
    """'2' -> '2nd ed.', '3rd' -> '3rd ed.'; a edition that is no number is kept as written
    ('2nd.', 'Second'), as CSL renders a non-numeric edition."""
    match = re.fullmatch(r"(\d+)(st|nd|rd|th)?", edition.strip())
    if not match:
        return edition.strip()  # '' stays ''

    number = int(match.group(1))
    suffix = match.group(2) or (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix} ed."


def _apa_title(record: CitationRecord) -> str:
    """The title with what APA puts after it: the thesis or software label, a book's
    edition, volume and pages, a report's number."""
    title = record.title.as_text.strip()
    csl = record.kind.csl
    if csl == "thesis":
        label = "Doctoral dissertation" if record.entry_type == "phdthesis" else "Master's thesis"
        return f"{title} [{', '.join(p for p in (label, record.institution) if p)}]."
    if csl in ("software", "dataset"):
        return f"{title} [{'Computer software' if csl == 'software' else 'Dataset'}]."
    if csl == "report" and record.number:
        return f"{title} ({record.number})."
    if csl == "book" or (csl == "chapter" and not record.container):
        details = [_edition(record.edition)]
        details += [f"Vol. {record.volume}" if record.volume else "", _apa_pages(record)]
        groups = [
            _apa_editors(record.editors, before=False)
            if csl == "chapter" and record.editors
            else "",
            ", ".join(p for p in details if p),
        ]
        inside = "; ".join(g for g in groups if g)
        return f"{title} ({inside})." if inside else _sentence(title)
    return _sentence(title)


def _apa_source(record: CitationRecord) -> tuple[str, bool]:
    """Where the work appeared, and whether the publisher follows."""
    csl = record.kind.csl
    if csl == "article-journal":
        issue = f"({record.number})" if record.number else ""
        volume = f"{record.volume}{issue}"
        return _sentence(", ".join(p for p in (record.container, volume, record.pages) if p)), False
    if csl not in ("paper-conference", "chapter") or not record.container:
        return "", csl != "thesis"
    volume = f"Vol. {record.volume}" if record.volume else ""
    details = ", ".join(p for p in (_edition(record.edition), volume, _apa_pages(record)) if p)
    pages = f" ({details})" if details else ""
    if record.editors:
        return f"In {_apa_editors(record.editors, before=True)}, {record.container}{pages}.", True
    if csl == "paper-conference":  # without editors, APA cites proceedings as a periodical
        venue = [_title_case(record.container), record.series, record.volume, record.pages]
        return _sentence(", ".join(p for p in venue if p)), False
    return f"In {record.container}{pages}.", True


_DATED_KINDS = ("webpage", "document")
"""Kinds APA dates to the day where the day is known; the others carry the year alone."""


def _apa_date(record: CitationRecord) -> str:
    """'2030', '2008, March 5', 'n.d.'"""
    if not record.year:
        return "n.d."
    if record.kind.csl not in _DATED_KINDS or not record.month:
        return str(record.year)
    month = list(MONTH_MACROS.values())[record.month - 1]
    return f"{record.year}, {month} {record.day}" if record.day else f"{record.year}, {month}"


def apa_citation(record: CitationRecord) -> str:
    """The citation in APA style (7th edition), as plain text.

    'Álvarez, J., & Wong, M. (2030). Title. In R. Lind & T. Berg (Eds.), Booktitle
    (pp. 1–10). Publisher. https://doi.org/10.1/x'
    """
    authors = _apa_list([_apa_name(a.name) for a in record.authors])
    year = f"({_apa_date(record)})."
    source, with_publisher = _apa_source(record)
    publisher = record.publisher or record.institution
    if record.kind.csl in ("report", "thesis") and not record.publisher:
        publisher = record.institution if record.kind.csl == "report" else ""
    parts = [
        _sentence(authors) if authors else "",
        year,
        _apa_title(record),
        source,
        _sentence(publisher) if with_publisher and publisher else "",
        _link(record),
    ]
    return " ".join(p for p in parts if p)
