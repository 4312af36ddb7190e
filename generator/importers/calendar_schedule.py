"""Programs from iCalendar files (.ics): one session per timed VEVENT, read with icalendar.

A calendar knows less than a schedule: UID, SUMMARY, DTSTART, DTEND (or DURATION),
LOCATION as the room, DESCRIPTION, and CATEGORIES as a hint of the kind. icalendar keeps no
line numbers, so each event's line is found by counting its BEGIN:VEVENT in the text (the
events come out in the file's order). Calendars often write the venue after the room
("Hall A, Lindenhall, Kleinstadt"); a tail that every event's LOCATION shares is the venue and
is left out of the room.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import icalendar

from generator.diagnostics import Location
from generator.importers.records import ImportBatch, ImportedSession
from generator.importers.schedule_kinds import infer_kind


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if hasattr(value, "cats"):  # CATEGORIES
        return ", ".join(str(c) for c in value.cats)
    return str(value)


def read(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        batch.diagnostics.error_at(display, 1, f"not a readable iCalendar file: {exc}")
        return
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"(?m)^BEGIN:VEVENT", text)]
    events = [e for calendar in calendars for e in calendar.walk("VEVENT")]
    for calendar in calendars:
        zone = _text(calendar.get("X-WR-TIMEZONE")).strip()
        batch.zone = batch.zone or zone
    for number, event in enumerate(events):
        where = Location(display, lines[number] if number < len(lines) else 0)
        uid = _text(event.get("UID")).strip()
        title = " ".join(_text(event.get("SUMMARY")).split())
        start = event.decoded("DTSTART", None)
        end = event.decoded("DTEND", None)
        if end is None and event.get("DURATION") is not None and start is not None:
            end = start + event.decoded("DURATION")
        label = f"event '{uid}'" if uid else f"event {number + 1}"
        if not isinstance(start, datetime) or not isinstance(end, datetime):
            if isinstance(start, date):
                batch.skip(where, f"{label}: an all-day event, not a session; skipped")
            else:
                batch.skip(where, f"{label}: no DTSTART and DTEND; skipped")
            continue
        if not (uid and title):
            batch.skip(where, f"{label}: no {'UID' if not uid else 'SUMMARY'}; skipped")
            continue
        batch.sessions.append(
            ImportedSession(
                source_id=uid.split("@", 1)[0],
                title=title,
                start=start,
                end=end,
                location=where,
                kind=infer_kind(_text(event.get("CATEGORIES")), title),
                room=" ".join(_text(event.get("LOCATION")).split()),
                description=_text(event.get("DESCRIPTION")).strip(),
            )
        )
    _drop_venue(batch)


def _drop_venue(batch: ImportBatch) -> None:
    """'Hall A, Lindenhall, Kleinstadt' -> 'Hall A' when every event ends the same way."""
    parts = [[p.strip() for p in s.room.split(",")] for s in batch.sessions]
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return
    tail = 0
    while all(len(p) > tail + 1 and p[-1 - tail] == parts[0][-1 - tail] for p in parts):
        tail += 1
    if tail:
        batch.sessions[:] = [
            replace(s, room=", ".join(p[:-tail]))
            for s, p in zip(batch.sessions, parts, strict=True)
        ]
