"""Programs from a simple sheet (CSV): one row per session.

Columns, recognised by name in any case and order: ``day`` (a date ``YYYY-MM-DD``, or the
number of the conference day, 1 being its first), ``start`` and ``end`` (``HH:MM``, ``9:00``,
``9:00 AM``; an end earlier than the start is on the next day, ``24:00`` is midnight), ``room``,
``title``, ``kind`` (a session kind, or a word such as *Workshop* or *Coffee break*), and
optionally ``id``, ``chair``, ``speakers``, ``description``. Without an ``id`` column a session's
id is made from its title.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

from generator.diagnostics import Location
from generator.importers.records import ImportBatch, ImportedSession
from generator.importers.schedule_kinds import infer_kind

COLUMNS: dict[str, tuple[str, ...]] = {
    "day": ("day", "date"),
    "start": ("start", "from", "begin", "start time"),
    "end": ("end", "to", "until", "end time"),
    "room": ("room", "location", "venue"),
    "title": ("title", "session", "name"),
    "kind": ("kind", "type"),
    "id": ("id",),
    "chair": ("chair", "session chair"),
    "speakers": ("speakers", "speaker", "persons"),
    "description": ("description", "abstract"),
}
"""Field -> the column names that hold it, compared case-insensitively."""

_TIME = re.compile(r"(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?\Z", re.IGNORECASE)


def parse_time(text: str) -> tuple[time, bool] | None:
    """('09:00' | '9.00' | '9:00 pm' | '24:00') -> (time, is 24:00), or None."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if (hour, minute) == (24, 0):
        return time(0, 0), True
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute), False


def _day(text: str, first_day: date | None) -> date | None:
    text = text.strip()
    number = re.fullmatch(r"(?:day\s*)?(\d{1,2})", text, re.IGNORECASE)
    if number and first_day is not None:
        return first_day + timedelta(days=int(number.group(1)) - 1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def read(
    path: Path, display: str, text: str, batch: ImportBatch, first_day: date | None = None
) -> None:
    """Every row of the sheet; ``first_day`` (conference.yaml's start) resolves day numbers."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    header = next(reader, None)
    if not header:
        batch.diagnostics.error_at(display, 1, "the file is empty; expected a header row")
        return
    by_name = {name.strip().casefold(): index for index, name in enumerate(header)}
    columns = {
        field: next((by_name[n] for n in names if n in by_name), -1)
        for field, names in COLUMNS.items()
    }
    missing = [f for f in ("day", "start", "end", "title") if columns[f] < 0]
    if missing:
        batch.diagnostics.error_at(
            display,
            1,
            f"no column for {', '.join(missing)}; a program sheet has the columns day, start, "
            f"end, room, title, kind (the columns are: {', '.join(header)})",
        )
        return
    line, number = reader.line_num + 1, 0
    for row in reader:
        where, line = Location(display, line), reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        number += 1

        def cell(field: str, row: list[str] = row) -> str:
            index = columns[field]
            return row[index].strip() if 0 <= index < len(row) else ""

        day, start, end = (
            _day(cell("day"), first_day),
            parse_time(cell("start")),
            parse_time(cell("end")),
        )
        title = " ".join(cell("title").split())
        problems = [
            f"{name} '{cell(name)}' is not a {what}"
            for name, what, value in (
                ("day", "date or day number", day),
                ("start", "time", start),
                ("end", "time", end),
            )
            if value is None
        ] + ([] if title else ["no title"])
        if problems or day is None or start is None or end is None:
            batch.skip(where, f"row {number}: {'; '.join(problems)}; skipped")
            continue
        begins = datetime.combine(day, start[0])
        ends = datetime.combine(day, end[0])
        if end[1] or ends <= begins:
            ends += timedelta(days=1)
        persons = tuple(p.strip() for p in re.split(r"[;|]|\band\b", cell("speakers")) if p.strip())
        batch.sessions.append(
            ImportedSession(
                source_id=cell("id"),
                title=title,
                start=begins,
                end=ends,
                location=where,
                kind=infer_kind(cell("kind"), title),
                room=" ".join(cell("room").split()),
                description=cell("description").replace("\r\n", "\n"),
                persons=persons,
                chair=cell("chair"),
            )
        )
