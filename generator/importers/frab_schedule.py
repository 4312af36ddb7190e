"""Programs from frab's and pretalx's schedule exports: ``schedule.xml`` and ``schedule.json``.

Both formats are the c3voc schedule format (frab wrote it first; pretalx writes the same): days
hold rooms, rooms hold events, and an event has a ``date`` (an ISO time with its offset;
older frab files have only the day's date and a ``start`` wall-clock time), a ``duration``
(``HH:MM``; pretalx writes ``15:00`` for fifteen hours), a title, a type, an abstract and its
persons. Each event becomes one session; its id comes from the event's ``id``, so a
re-import updates the same sessions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.parsers import expat

from generator.diagnostics import Location
from generator.importers import jsonlines
from generator.importers.records import ImportBatch, ImportedSession
from generator.importers.schedule_kinds import infer_kind

_DURATION = re.compile(r"(?:(\d+):)?(\d{1,3}):(\d{2})\Z")


def duration(text: str) -> timedelta | None:
    """'00:30', '1:00', '15:00' (hours:minutes), '1:02:30' (days:hours:minutes as frab
    writes a day or more); None when it is none of these."""
    match = _DURATION.match(text.strip())
    if not match:
        return None
    days, hours, minutes = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes)


def _description(abstract: str, description: str) -> str:
    parts = [part.strip() for part in (abstract, description)]
    text = "\n\n".join(dict.fromkeys(part for part in parts if part))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _start(day: str, date_text: str, start_text: str, day_start: str) -> datetime | None:
    """The event's start: its ISO ``date`` when present, else the day's date and ``start``
    (after midnight when it is earlier than the day's own start, as frab days run past it)."""
    if date_text.strip():
        try:
            return datetime.fromisoformat(date_text.strip())
        except ValueError:
            return None
    try:
        on = date.fromisoformat(day.strip())
        at = time.fromisoformat(start_text.strip())
    except ValueError:
        return None
    start = datetime.combine(on, at)
    if day_start:
        try:
            if at < datetime.fromisoformat(day_start).time():
                start += timedelta(days=1)
        except ValueError:
            pass
    return start


def _session(
    batch: ImportBatch,
    where: Location,
    fields: dict[str, Any],
    persons: list[str],
    day: str,
    day_start: str,
) -> None:
    """One event's fields (text values by frab's names) into a session, or a warning."""
    event_id = str(fields.get("id") or fields.get("guid") or "").strip()
    title = " ".join(str(fields.get("title") or "").split())
    label = f"event {event_id}" if event_id else "an event"
    start = _start(day, str(fields.get("date") or ""), str(fields.get("start") or ""), day_start)
    length = duration(str(fields.get("duration") or ""))
    missing = [
        name
        for name, value in (
            ("id", event_id),
            ("title", title),
            ("start", start),
            ("duration", length),
        )
        if not value
    ]
    if missing or start is None or length is None:
        batch.skip(where, f"{label}: no readable {', '.join(missing)}; skipped")
        return
    subtitle = " ".join(str(fields.get("subtitle") or "").split())
    batch.sessions.append(
        ImportedSession(
            source_id=event_id,
            title=f"{title}: {subtitle}" if subtitle else title,
            start=start,
            end=start + length,
            location=where,
            kind=infer_kind(str(fields.get("type") or ""), title),
            room=" ".join(str(fields.get("room") or "").split()),
            description=_description(
                str(fields.get("abstract") or ""), str(fields.get("description") or "")
            ),
            persons=tuple(p for p in (" ".join(n.split()) for n in persons) if p),
        )
    )


def _parse_xml(text: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The element tree and the line each element starts on (ElementTree keeps no lines)."""
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    parser = expat.ParserCreate(encoding="UTF-8")  # the text is decoded already

    def start(tag: str, attrs: dict[str, str]) -> None:
        lines[builder.start(tag, attrs)] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.Parse(text.encode("utf-8"), True)
    return builder.close(), lines


def read_xml(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    """frab or pretalx ``schedule.xml``."""
    try:
        root, lines = _parse_xml(text)
    except expat.ExpatError as exc:
        batch.diagnostics.error_at(display, exc.lineno, f"not readable XML: {exc}")
        return
    if root.tag != "schedule":
        batch.diagnostics.error_at(
            display, 1, f"not a frab schedule: the root element is <{root.tag}>, not <schedule>"
        )
        return
    batch.zone = (root.findtext("conference/time_zone_name") or "").strip()
    for day in root.iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                fields: dict[str, Any] = {child.tag: child.text or "" for child in event}
                fields.update(id=event.get("id") or "", guid=event.get("guid") or "")
                fields.setdefault("room", room.get("name") or "")
                if not str(fields["room"]).strip():
                    fields["room"] = room.get("name") or ""
                persons = [p.text or "" for p in event.iter("person")]
                _session(
                    batch,
                    Location(display, lines.get(event, 0)),
                    fields,
                    persons,
                    day.get("date") or "",
                    day.get("start") or "",
                )


def _person_name(person: Any) -> str:
    if isinstance(person, str):
        return person
    if isinstance(person, dict):
        for key in ("public_name", "full_public_name", "name"):
            if isinstance(person.get(key), str) and person[key].strip():
                return person[key]
    return ""


def read_json(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    """frab or pretalx ``schedule.json`` (``{"schedule": {"conference": {"days": [...]}}}``)."""
    try:
        root = jsonlines.loads(text)
    except ValueError as exc:
        batch.diagnostics.error_at(display, getattr(exc, "lineno", 0), f"not valid JSON: {exc}")
        return
    schedule = root.get("schedule") if isinstance(root, dict) else None
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    days = conference.get("days") if isinstance(conference, dict) else None
    if not isinstance(days, list):
        batch.diagnostics.error_at(
            display,
            1,
            'not a frab/pretalx schedule: expected {"schedule": {"conference": {"days": [...]}}}',
        )
        return
    assert isinstance(conference, dict)
    batch.zone = str(conference.get("time_zone_name") or "").strip()
    for day in days:
        rooms = day.get("rooms") if isinstance(day, dict) else None
        if not isinstance(rooms, dict):
            continue
        for room_name, events in rooms.items():
            for event in events if isinstance(events, list) else []:
                where = Location(display, jsonlines.line_of(event))
                if not isinstance(event, dict):
                    batch.skip(where, "an event is not a JSON object; skipped")
                    continue
                fields = {k: v for k, v in event.items() if isinstance(v, str | int)}
                if not str(fields.get("room") or "").strip():
                    fields["room"] = room_name
                persons = [_person_name(p) for p in event.get("persons") or []]
                _session(
                    batch,
                    where,
                    fields,
                    persons,
                    str(day.get("date") or ""),
                    str(day.get("day_start") or ""),
                )
