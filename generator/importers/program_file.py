"""Imported sessions merged into program.yaml, written back readable.

What the schedule knows (title, day, times, room, description) is taken from it; what
organizers added or changed by hand is kept: a chair, a speaker, a kind they corrected, keys the
importer knows nothing about, and sessions the schedule does not have. A session whose day
changed moves to its new day. Times are written in the conference's zone (``timezone`` in
conference.yaml): an event given with an offset or in another zone is converted. A session
that ends after midnight is written with its end earlier than its start (or ``24:00``), which
the check reads as the next day. Importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from generator.diagnostics import Diagnostics, Location
from generator.importers.ids import normalise_id
from generator.importers.merge import MergeReport
from generator.importers.records import ImportedSession, Note
from generator.importers.yaml_file import Literal, comparable
from generator.validate.program import MAX_PAST_MIDNIGHT, SESSION_KEYS


@dataclass(frozen=True)
class Placed:
    """An imported session as program.yaml will hold it."""

    session_id: str
    day: str
    fields: dict[str, Any]
    location: Location


def _clock(moment: datetime, day_start: datetime) -> str:
    if moment.date() > day_start.date() and moment.time() == datetime.min.time():
        return "24:00" if moment - day_start <= timedelta(days=1) else moment.strftime("%H:%M")
    return moment.strftime("%H:%M")


def place(
    sessions: list[ImportedSession],
    zone: ZoneInfo | None,
    diagnostics: Diagnostics,
    notes: list[Note],
) -> list[Placed]:
    """Each session's id, day and fields in the conference's zone; one that cannot be a
    session (no duration, longer than a day, or than MAX_PAST_MIDNIGHT past midnight) is a
    warning and left out."""
    placed: list[Placed] = []
    taken: set[str] = set()
    for session in sessions:
        start, end = session.start, session.end
        if zone is not None and start.tzinfo is not None:
            start, end = start.astimezone(zone), end.astimezone(zone)
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        overnight = end.date() > start.date() and end.time() != datetime.min.time()
        limit = MAX_PAST_MIDNIGHT if overnight else timedelta(days=1)
        if not timedelta(0) < end - start <= limit:
            hours = limit.days * 24 + limit.seconds // 3600
            length = "no time" if end <= start else f"more than {hours} hours"
            diagnostics.warning(
                session.location,
                f"session '{session.title}' lasts {length}; a session ends after its start, "
                f"within its day or {MAX_PAST_MIDNIGHT.seconds // 3600} hours after it when past "
                "midnight; skipped",
            )
            continue
        source_id = session.source_id.strip()
        # frab and pretalx number their events: event 177 is session 's177', silently; a
        # sheet without ids gets them from the titles, silently too.
        if source_id.isdigit():
            slug = f"s{source_id}"
        else:
            slug = normalise_id(source_id or session.title) or "session"
        unique, counter = slug, 2
        while unique in taken:
            unique, counter = f"{slug}-{counter}", counter + 1
        taken.add(unique)
        if source_id and unique != source_id and not source_id.isdigit():
            notes.append(
                Note(session.location, f"session id '{source_id}' is written as '{unique}'")
            )
        # Trailing spaces would keep the text out of a readable '|' block.
        description = "\n".join(line.rstrip() for line in session.description.split("\n"))
        if session.persons:
            speakers = f"Speakers: {', '.join(session.persons)}"
            description = f"{speakers}\n\n{description}" if description else speakers
        fields: dict[str, Any] = {
            "title": session.title,
            "kind": session.kind,
            "start": start.strftime("%H:%M"),
            "end": _clock(end, start),
            "room": session.room,
            "chair": session.chair,
            "description": description,
        }
        placed.append(Placed(unique, start.date().isoformat(), fields, session.location))
    return placed


def _ordered(session: dict[str, Any]) -> dict[str, Any]:
    out = {key: session[key] for key in SESSION_KEYS if session.get(key) not in (None, "")}
    out.update({k: v for k, v in session.items() if k not in out and k not in SESSION_KEYS})
    if isinstance(out.get("description"), str) and "\n" in out["description"]:
        out["description"] = Literal(out["description"])
    return out


KEPT_WHEN_SET = ("kind", "chair")
"""Fields organizers correct by hand that a re-import never overwrites once they hold a value."""


def merge_program(
    root: dict[str, Any],
    placed: list[Placed],
    progress: Callable[[int], None] = lambda done: None,
) -> tuple[dict[str, Any], MergeReport]:
    """The new program.yaml mapping: sessions updated where they are, moved when their day
    changed, new ones added to their day; days in date order."""
    report = MergeReport()
    days: dict[str, list[dict[str, Any]]] = {}
    for day in root.get("days") or []:
        if isinstance(day, dict):
            days.setdefault(str(day.get("date")), []).extend(
                dict(s) for s in day.get("sessions") or [] if isinstance(s, dict)
            )
    where = {
        str(s.get("id")): (day, index)
        for day, items in days.items()
        for index, s in enumerate(items)
    }
    rooms = {
        str(s["room"]).strip().casefold(): str(s["room"])
        for items in days.values()
        for s in items
        if isinstance(s.get("room"), str)
    }
    moved: list[tuple[str, int]] = []
    for done, item in enumerate(placed, start=1):
        progress(done)
        fields = dict(item.fields)
        if fields["room"]:
            fields["room"] = rooms.setdefault(fields["room"].casefold(), fields["room"])
        found = where.get(item.session_id)
        if found is None:
            new = {"id": item.session_id, **fields}
            days.setdefault(item.day, []).append(new)
            where[item.session_id] = (item.day, len(days[item.day]) - 1)
            report.imported.append(item.session_id)
            continue
        day, index = found
        before = days[day][index]
        updated = dict(before)
        for key, value in fields.items():
            if key in KEPT_WHEN_SET and before.get(key) not in (None, ""):
                continue
            if value not in (None, "") or key not in KEPT_WHEN_SET:
                updated[key] = value
        if day != item.day:
            moved.append((day, index))
            days.setdefault(item.day, []).append(updated)
            report.updated.append(item.session_id)
        elif comparable(updated) == comparable(before):
            report.unchanged.append(item.session_id)
        else:
            days[day][index] = updated
            report.updated.append(item.session_id)
    for day, index in sorted(moved, reverse=True):
        del days[day][index]
    out_days = [
        {"date": day, "sessions": [_ordered(s) for s in days[day]]}
        for day in sorted(days)
        if days[day] or any(str(d.get("date")) == day for d in root.get("days") or [])
    ]
    # The organizer's room order (rooms:) is theirs, as kind and chair are.
    kept = {"rooms": root["rooms"]} if root.get("rooms") is not None else {}
    return {**kept, "days": out_days}, report
