"""A data file's bytes to text: its size bounded, UTF-8 with or without a BOM, any line
endings; another encoding is reported with how to save the file as UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.load.limits import MAX_FILE_BYTES

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16: its BOM starts with UTF-16-LE's
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save the file as UTF-8 (in most editors: 'Save with encoding' -> UTF-8)"


def decode_utf8(data: bytes, path: str, diagnostics: Diagnostics) -> str | None:
    """Bytes to text: UTF-8 with or without a BOM, any line endings; other encodings reported.

    UTF-16 and UTF-32 (what some Windows tools save) are named as such; a byte that is not
    UTF-8 (Latin-1, Windows-1252) is reported at its line.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            diagnostics.error(
                Location(path, 1), f"the file is encoded as {encoding}, not UTF-8; {_SAVE_AS_UTF8}"
            )
            return None
    nul = data.find(b"\x00")
    if nul >= 0:
        diagnostics.error(
            Location(path, data.count(b"\n", 0, nul) + 1),
            "the file contains NUL bytes: it looks like UTF-16 or a binary file, not UTF-8 "
            f"text; {_SAVE_AS_UTF8}",
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        diagnostics.error(
            Location(path, line),
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; {_SAVE_AS_UTF8}",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_data_file(path: Path, display_path: str, diagnostics: Diagnostics) -> str | None:
    """A data file's text, or None with the reason reported (unreadable, too large, not UTF-8)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            diagnostics.error(
                Location(display_path, 1),
                f"the file is {size / 2**20:.1f} MB; data files are limited to "
                f"{MAX_FILE_BYTES // 2**20} MB (10,000 papers with abstracts take about 17 MB): "
                "is it the right file?",
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        diagnostics.error(Location(display_path, 0), f"cannot read the file: {exc.strerror}")
        return None
    return decode_utf8(data, display_path, diagnostics)
