"""RIS out (/papers/<id>.ris): what Zotero, EndNote and Mendeley import with one click.

One tag per line, ``TAG  - value``, CRLF line ends as the format asks, one author per ``AU``
line in order, and no line breaks inside a value. Math is spelled out as plain text: reference
managers show RIS values literally.
"""

from __future__ import annotations

from generator.exporters.citation import CitationRecord

MEDIA_TYPE = "application/x-research-info-systems"
EXTENSION = "ris"


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def paper_ris(record: CitationRecord) -> str:
    """The RIS record of one paper, typed as its .bib entry is (CPAPER, JOUR, BOOK, THES...)."""
    lines = [_line("TY", record.kind.ris), _line("ID", record.key)]
    lines += [_line("AU", author.name.last_first) for author in record.authors]
    lines.append(_line("TI", record.title.as_text))
    if record.container:
        # JOUR names the journal in JO (and T2, which EndNote and Zotero read too).
        lines.append(_line("T2", record.container))
        if record.entry_type in ("article", "periodical"):
            lines.append(_line("JO", record.container))
    if record.series:
        lines.append(_line("T3", record.series))
    lines += [_line("ED", editor.last_first) for editor in record.editors]
    if record.year:
        lines.append(_line("PY", str(record.year)))
        lines.append(_line("DA", _ris_date(record)))
    for tag, value in (
        ("VL", record.volume),
        ("IS", record.number if record.entry_type in ("article", "periodical") else ""),
        ("M1", record.number if record.entry_type not in ("article", "periodical") else ""),
        ("ET", record.edition),
        ("SP", record.first_page),
        ("EP", record.last_page),
        ("CY", record.address),
        ("PB", record.publisher or record.institution),
        ("SN", record.isbn or record.issn),
        ("DO", record.doi),
        ("UR", record.url),
        ("L1", record.pdf_url),
    ):
        if value:
            lines.append(_line(tag, value))
    if record.abstract:
        lines.append(_line("AB", record.abstract.as_block_text))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def _ris_date(record: CitationRecord) -> str:
    """RIS dates are 'YYYY/MM/DD/other', with empty parts left empty: '2007/04//'."""
    parts = [f"{part:02d}" for part in record.date_parts[1:]]
    if len(parts) == 2:
        return f"{record.year}/{parts[0]}/{parts[1]}"
    return f"{record.year}/{parts[0] if parts else ''}/" + "/"
