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
    """The RIS record of one conference paper (type CPAPER)."""
    lines = [_line("TY", "CPAPER"), _line("ID", record.key)]
    lines += [_line("AU", author.name.last_first) for author in record.authors]
    lines.append(_line("TI", record.title.as_text))
    lines.append(_line("T2", record.booktitle))
    if record.series:
        lines.append(_line("T3", record.series))
    lines += [_line("ED", editor.last_first) for editor in record.editors]
    lines.append(_line("PY", str(record.year)))
    lines.append(_line("DA", f"{record.date:%Y/%m/%d}"))
    if record.volume:
        lines.append(_line("VL", record.volume))
    if record.first_page:
        lines.append(_line("SP", record.first_page))
    if record.last_page:
        lines.append(_line("EP", record.last_page))
    if record.address:
        lines.append(_line("CY", record.address))
    if record.publisher:
        lines.append(_line("PB", record.publisher))
    if record.doi:
        lines.append(_line("DO", record.doi))
    lines.append(_line("UR", record.url))
    if record.pdf_url:
        lines.append(_line("L1", record.pdf_url))
    if record.abstract:
        lines.append(_line("AB", record.abstract.as_block_text))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
