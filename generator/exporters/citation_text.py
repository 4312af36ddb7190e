"""Citation texts to copy: the ACL Anthology's style and APA (7th edition), as plain text.

APA is what citeproc-py makes of the CSL ``apa.csl`` style, written out here because
citeproc-py costs 11 ms per paper (55 s of CPU at 5,000 papers, more than the rest of the
build; measured as the best of 3, one bibliography per paper or one for all alike). The tests
hold this formatter to citeproc-py's output for every paper of the example, toy and reference
files.
"""

from __future__ import annotations

from generator.exporters.citation import CitationRecord
from generator.names import Name


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


def _apa_name(name: Name) -> str:
    family = " ".join(p for p in (name.von, name.last) if p)
    initials = " ".join(
        "-".join(part[0] + "." for part in word.split("-") if part)
        for word in name.first.split()
        if word
    )
    text = f"{family}, {initials}" if initials else family
    return f"{text}, {name.jr}" if name.jr else text


def _apa_list(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa_editors(editors: tuple[Name, ...]) -> str:
    """'R. Lind & T. Berg (Eds.)' as APA names the editors of a book in a citation."""
    names = [" ".join(p for p in (e.initials, e.von, e.last) if p) for e in editors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]
    if len(names) == 2:
        joined = " & ".join(names)
    return f"{joined} ({'Ed.' if len(names) == 1 else 'Eds.'})"


def apa_citation(record: CitationRecord) -> str:
    """The citation in APA style (7th edition), as plain text.

    'Álvarez, J., & Wong, M. (2030). Title. In R. Lind & T. Berg (Eds.), Booktitle
    (pp. 1–10). Publisher. https://doi.org/10.1/x'
    """
    authors = _apa_list([_apa_name(a.name) for a in record.authors])
    year = f"({record.year})." if record.year else "(n.d.)."
    parts = [_sentence(authors) if authors else "", year]
    kind = record.entry_type
    title = record.title.as_text.strip()
    if kind in ("phdthesis", "mastersthesis"):
        label = "Doctoral dissertation" if kind == "phdthesis" else "Master's thesis"
        detail = ", ".join(p for p in (label, record.institution) if p)
        parts.append(f"{title} [{detail}].")
    elif kind == "techreport" and record.number:
        parts.append(f"{title} ({record.number}).")
        parts.append(_sentence(record.institution) if record.institution else "")
    elif kind in ("book", "proceedings", "manual", "inbook") and record.edition:
        parts.append(f"{title} ({record.edition} ed.).")
    else:
        parts.append(_sentence(title))
    if kind == "article" and record.container:
        issue = f"({record.number})" if record.number else ""
        volume = f"{record.volume}{issue}"
        parts.append(_sentence(", ".join(p for p in (record.container, volume, record.pages) if p)))
    elif kind not in ("book", "proceedings", "inbook") and record.container:
        editors = f"{_apa_editors(record.editors)}, " if record.editors else ""
        pages = f" (pp. {record.pages})" if record.pages else ""
        parts.append(f"In {editors}{record.container}{pages}.")
    publisher = record.publisher or (record.institution if kind != "techreport" else "")
    if kind not in ("article", "phdthesis", "mastersthesis") and publisher:
        parts.append(_sentence(publisher))
    parts.append(_link(record))
    return " ".join(p for p in parts if p)
