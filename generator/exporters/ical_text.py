"""RFC 5545 content lines written directly, byte for byte as the ``icalendar`` library writes them.

Why not icalendar itself: a site of 5,000 papers has ~5,600 calendar files and ~110,000 content
lines. icalendar builds a parameter dictionary, a typed value and a ``Contentline`` per property
and folds each line one character at a time (~24 us a line); writing the calendars took 2.3 s
of the build, nearly all of it there. These few functions write the same lines in a fraction of
that: every ``.ics`` of 5,000 synthetic papers took 3.50 s with icalendar's ``to_ical()`` and
0.20 s here (CPU, best of 5 on the 2-core build machine; bench/SHORTCUTS.md).

icalendar stays the source of truth: the VTIMEZONE and the form of a zoned date-time (its TZID
parameter) come from it, and the tests hold every line written here to icalendar's own
serialisation of the same calendar (a property test over arbitrary text, and every calendar of
the example and of a synthetic conference). What must match, from icalendar 7's
``parser/string.py``:

- TEXT escaping (``_escape_char``): ``\\N`` becomes a line break first, then backslash,
  semicolon and comma are escaped and CRLF, LF and a lone CR become ``\\n``, in that order.
- Folding (``_foldline``): a line is cut greedily into pieces of at most 74 octets (a
  character is added while the piece stays under 75), never inside a character's UTF-8 bytes;
  a piece that would end with ``\\`` or ``^`` gives that character to the next piece, so an
  escape is never split; the pieces are joined with CRLF and one space.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

import icalendar

CRLF = "\r\n"
_FOLD = "\r\n "
_FOLD_BYTES = b"\r\n "
# A piece holds at most this many octets: icalendar adds a character while the piece plus the
# character stays under 75.
_PIECE = 74
# Characters that begin a TEXT escape (backslash) or an RFC 6868 parameter escape (caret).
_ESCAPE_STARTS = "\\^"
_ESCAPE_START_BYTES = (0x5C, 0x5E)


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11) escaped as icalendar escapes it."""
    # The order matters, as in icalendar: each step must not touch what an earlier one wrote.
    return (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded at 75 octets as icalendar folds it (without the final CRLF)."""
    if line.isascii():
        if len(line) <= _PIECE:
            return line
        return _fold_ascii(line)
    data = line.encode("utf-8")
    if len(data) <= _PIECE:
        return line
    return _fold_utf8(data).decode("utf-8")


def _fold_ascii(line: str) -> str:
    # One octet per character: every piece is 74 characters, or 73 when the 74th would start
    # an escape.
    pieces = []
    start, size = 0, len(line)
    while size - start > _PIECE:
        end = start + _PIECE
        if line[end - 1] in _ESCAPE_STARTS:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return _FOLD.join(pieces)


def _fold_utf8(data: bytes) -> bytes:
    pieces = []
    start, size = 0, len(data)
    while size - start > _PIECE:
        end = start + _PIECE
        # Back off to the first byte of a character (continuation bytes are 0b10xxxxxx): the
        # piece is then the longest run of whole characters within 74 octets.
        while data[end] & 0xC0 == 0x80:
            end -= 1
        if data[end - 1] in _ESCAPE_START_BYTES:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return _FOLD_BYTES.join(pieces)


def text_line(name: str, value: str) -> str:
    """``NAME:value`` for a TEXT property, escaped and folded, with its CRLF."""
    return fold(f"{name}:{escape_text(value)}") + CRLF


def uri_line(name: str, value: str) -> str:
    """``NAME:value`` for a URI property (written verbatim, as icalendar does), with its CRLF."""
    if "\r" in value or "\n" in value:
        # icalendar refuses these too: a line break would end the content line.
        raise ValueError(f"A URI value may not contain CR or LF characters: {value!r}")
    return fold(f"{name}:{value}") + CRLF


def raw_line(name: str, value: str) -> str:
    """A line whose value icalendar writes verbatim (an unknown ``X-`` property), with CRLF."""
    return fold(f"{name}:{value}") + CRLF


class DateTimes:
    """DATE-TIME lines (``DTSTART;TZID=Europe/Paris:20270412T103000``) as icalendar writes them.

    icalendar names a zone by its key (``ZoneInfo.key``), so the TZID parameter, or the ``Z``
    of UTC, depends only on the ``tzinfo``: it is asked once per zone and kept.
    """

    def __init__(self) -> None:
        self._forms: dict[tzinfo | None, tuple[str, str]] = {}

    def _form(self, zone: tzinfo | None) -> tuple[str, str]:
        form = self._forms.get(zone)
        if form is None:
            sample = icalendar.vDDDTypes(datetime(2000, 1, 1, tzinfo=zone))
            line = icalendar.Event().content_line("X", sample)
            # 'X;TZID=Area/City:20000101T000000' or 'X:20000101T000000Z': the value holds no
            # colon, so the last one ends the parameters.
            head, _, value = line.rpartition(":")
            form = (head[1:], "Z" if value.endswith("Z") else "")
            self._forms[zone] = form
        return form

    def line(self, name: str, moment: datetime) -> str:
        params, suffix = self._form(moment.tzinfo)
        value = (
            f"{moment.year:04}{moment.month:02}{moment.day:02}"
            f"T{moment.hour:02}{moment.minute:02}{moment.second:02}{suffix}"
        )
        return fold(f"{name}{params}:{value}") + CRLF
