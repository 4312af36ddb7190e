"""Reading an export's bytes as text: the encoding named with --encoding, or sniffed.

Submission systems and spreadsheets save UTF-8 (with or without a byte-order mark), UTF-16
(Excel's "Unicode text", always with a BOM) or Windows-1252 (Excel's "CSV" on Western
Windows). Those three are told apart with certainty: a BOM names UTF-16; text that decodes as
UTF-8 is UTF-8 (Windows-1252 text with accents almost never does); anything else is taken as
Windows-1252, whose only undefined bytes fall back to Latin-1. A general detector
(charset-normalizer, chardet) guesses among dozens of encodings and can pick a wrong one for a
short file; here the report says which of the three was used, and --encoding overrides it.
"""

from __future__ import annotations

import codecs

from generator.diagnostics import Diagnostics, Location

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "iso8859-1": "Latin-1",
}
"""Report names, by the codec's canonical name."""


def _sniff(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: undefined in Windows-1252
            return "latin-1"
        return "cp1252"
    return "utf-8"


def label(encoding: str) -> str:
    """How the report names an encoding: 'UTF-8', 'Windows-1252', or the name as given."""
    return LABELS.get(codecs.lookup(encoding).name, encoding)


def decode(
    data: bytes, display: str, encoding: str | None, diagnostics: Diagnostics
) -> tuple[str, str] | None:
    """(text with '\\n' line ends, the encoding used), or None with the reason reported."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            diagnostics.error(
                Location(display, 0),
                f"--encoding {encoding}: unknown encoding; use e.g. utf-8, utf-16, cp1252, latin-1",
            )
            return None
    used = encoding or _sniff(data)
    try:
        text = data.decode(used)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        diagnostics.error(
            Location(display, line),
            f"byte 0x{data[exc.start]:02x} cannot be read as {label(used)}; pass the file's "
            "encoding with --encoding (e.g. cp1252, utf-16)",
        )
        return None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n"), used
