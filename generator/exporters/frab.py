"""The frab schedule (XML and JSON) that conference apps read: Giggity, EventFahrplan, ...

Both files come from one list of events built here, so they always agree. Ids are stable:
the numeric id is the session's place in the program, the guid a UUID5 of the session's URL,
so an app that cached the schedule recognises each event after an update.

A session whose papers all have their own talk slot (program.yaml) is written as its talks, one
event per paper, so that an attendee can star one paper in Giggity or EventFahrplan; a talk's
numeric id follows all the sessions' ids (the total of sessions plus its place among the talks),
its guid is a UUID5 of the paper.

``schedule.xml`` is an ElementTree, indented by ``ElementTree.indent``; ``schedule.json`` is
``json.dumps`` with an indent of one space.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.exporters.ics import paper_line, paper_url, session_url
from generator.model import Conference, ConferenceData, Day, Paper, Session

GENERATOR = "confsite"
# The JSON schema only takes zones of the form Area/City (or UTC); others are left out.
_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")


@dataclass(frozen=True)
class Person:
    name: str
    guid: str


@dataclass(frozen=True)
class Link:
    url: str
    title: str


@dataclass(frozen=True)
class Event:
    """One session, or one talk of a session, as a frab event."""

    id: int
    guid: str
    session: Session
    start: datetime
    end: datetime
    title: str
    subtitle: str
    room: str
    slug: str
    url: str
    track: str
    abstract: str
    description: str
    persons: tuple[Person, ...]
    links: tuple[Link, ...]

    @property
    def duration(self) -> str:
        minutes = int((self.end - self.start).total_seconds() // 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"


def acronym(conference: Conference) -> str:
    """'SysML' 2027 -> 'sysml2027' (lowercase letters, digits and '_', as both schemas want)."""
    name = re.sub(r"[^a-z0-9_]", "", conference.name.lower())
    return f"{name}{conference.year}"


def _guid(conference: Conference, kind: str, key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{conference.url}#{kind}-{key}"))


def _slug(conference: Conference, number: int, item_id: str) -> str:
    # pretalx style '<acronym>-<number>-<id>', which both schemas accept for any session id.
    tail = re.sub(r"[^a-z0-9]+", "-", item_id.lower()).strip("-") or "session"
    return f"{acronym(conference)}-{number:02d}-{tail}"


def _room(conference: Conference, session: Session) -> str:
    return session.room or conference.venue.name or "Venue"


def _persons(
    conference: Conference,
    session: Session,
    papers: list[Paper] | tuple[Paper, ...],
    speakers: dict[str, str],
    known: dict[str, Person],
) -> tuple[Person, ...]:
    """The session's speaker and authors, once each; ``known`` keeps each person built once."""
    names: list[str] = []
    if session.speaker_id and session.speaker_id in speakers:
        names.append(speakers[session.speaker_id])
    for paper in papers:
        names += [a.name.full for a in paper.authors]
    persons = []
    for name in dict.fromkeys(names):
        person = known.get(name)
        if person is None:
            person = known[name] = Person(name, _guid(conference, "person", name))
        persons.append(person)
    return tuple(persons)


def events(data: ConferenceData) -> list[Event]:
    """Every session as an event (or as its talks), in program order."""
    conference = data.conference
    by_session = data.papers_by_session()
    speakers = {s.id: s.name.full for s in data.speakers}
    known: dict[str, Person] = {}
    sessions = data.sessions
    out: list[Event] = []
    talk_number = len(sessions)
    for number, session in enumerate(sessions, start=1):
        papers = by_session.get(session.id, [])
        if papers and all(p.start and p.end for p in papers):
            for paper in papers:
                talk_number += 1
                out.append(_talk(data, session, paper, talk_number, known))
            continue
        description = [f"Chair: {session.chair}"] if session.chair else []
        description += [paper_line(p)[2:] for p in papers]
        out.append(
            Event(
                id=number,
                guid=_guid(conference, "session", session.id),
                session=session,
                start=session.start,
                end=session.end,
                title=session.title,
                subtitle="",
                room=_room(conference, session),
                slug=_slug(conference, number, session.id),
                url=session_url(conference, session),
                track=session.kind.label,
                abstract=session.description.as_block_text if session.description else "",
                description="\n".join(description),
                persons=_persons(conference, session, papers, speakers, known),
                links=tuple(Link(paper_url(conference, p), p.title.as_text) for p in papers),
            )
        )
    return out


def _talk(
    data: ConferenceData, session: Session, paper: Paper, number: int, known: dict[str, Person]
) -> Event:
    """One paper with its own slot, as an event of its own."""
    conference = data.conference
    start, end = paper.slot(session)
    description = [f"Chair: {session.chair}"] if session.chair else []
    return Event(
        id=number,
        guid=_guid(conference, "paper", paper.id),
        session=session,
        start=start,
        end=end,
        title=paper.title.as_text,
        subtitle=session.title,
        room=_room(conference, session),
        slug=_slug(conference, number, paper.id),
        url=paper_url(conference, paper),
        track=session.kind.label,
        abstract=paper.abstract.as_block_text if paper.abstract else "",
        description="\n".join(description),
        persons=_persons(conference, session, (paper,), {}, known),
        links=(Link(paper_url(conference, paper), paper.title.as_text),),
    )


def version(data: ConferenceData) -> str:
    """A fingerprint of the timetable: it changes exactly when a session moves or changes."""
    parts = [
        f"{s.id}|{s.title}|{s.start.isoformat()}|{s.end.isoformat()}|{s.room}"
        for s in data.sessions
    ]
    parts += [f"{p.id}|{p.session_id}" for p in data.papers]
    # Talk slots and boards count too; a program without them keeps the fingerprint it had.
    parts += [f"{p.id}|{p.start}|{p.end}|{p.board}" for p in data.papers if p.start or p.board]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def timeslot(data: ConferenceData) -> str:
    """The coarsest grid all starts and durations fit on, as 'HH:MM' (apps draw with it)."""
    step = 0
    spans = [(s.start, s.end) for s in data.sessions]
    spans += [(p.start, p.end) for p in data.papers if p.start and p.end]
    for start, end in spans:
        step = math.gcd(step, start.hour * 60 + start.minute)
        step = math.gcd(step, int((end - start).total_seconds() // 60))
    step = min(step or 60, 60)
    return f"{step // 60:02d}:{step % 60:02d}"


def _rooms_of(day: Day, by_session: dict[str, list[Event]]) -> dict[str, list[Event]]:
    rooms: dict[str, list[Event]] = {}
    for session in day.sessions:
        for event in by_session[session.id]:
            rooms.setdefault(event.room, []).append(event)
    return rooms


def _days(data: ConferenceData) -> list[tuple[int, Day, dict[str, list[Event]]]]:
    by_session: dict[str, list[Event]] = defaultdict(list)
    for event in events(data):
        by_session[event.session.id].append(event)
    return [
        (index, day, _rooms_of(day, by_session))
        for index, day in enumerate((d for d in data.days if d.sessions), start=1)
    ]


def _room_guid(conference: Conference, room: str) -> str:
    return _guid(conference, "room", room)


def schedule_xml(data: ConferenceData) -> str:
    """``schedule.xml`` valid against the c3voc/frab XSD."""
    conference = data.conference
    days = _days(data)
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", {"name": GENERATOR})
    ET.SubElement(root, "url").text = f"{conference.url}program/schedule.xml"
    ET.SubElement(root, "version").text = version(data)
    conf = ET.SubElement(root, "conference")
    for tag, text in (
        ("title", conference.title),
        ("acronym", acronym(conference)),
        ("start", conference.start.isoformat()),
        ("end", conference.end.isoformat()),
        ("days", str(len(days))),
        ("timeslot_duration", timeslot(data)),
        ("base_url", conference.url),
        ("url", conference.url),
        ("time_zone_name", conference.timezone),
    ):
        ET.SubElement(conf, tag).text = text
    for kind in dict.fromkeys(s.kind for s in data.sessions):
        ET.SubElement(conf, "track", {"name": kind.label})
    for index, day, rooms in days:
        day_element = ET.SubElement(
            root,
            "day",
            {
                "index": str(index),
                "date": day.date.isoformat(),
                "start": day.sessions[0].start.isoformat(),
                "end": max(s.end for s in day.sessions).isoformat(),
            },
        )
        for room, room_events in rooms.items():
            attributes = {"name": room, "guid": _room_guid(conference, room)}
            room_element = ET.SubElement(day_element, "room", attributes)
            for event in room_events:
                _xml_event(room_element, event)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def event_fields(event: Event) -> tuple[tuple[str, str], ...]:
    """(element, text) of an <event>'s simple children, in the order the XSD wants them."""
    session = event.session
    return (
        ("date", event.start.isoformat()),
        ("start", f"{event.start:%H:%M}"),
        ("duration", event.duration),
        ("room", event.room),
        ("slug", event.slug),
        ("url", event.url),
        ("title", event.title),
        ("subtitle", event.subtitle),
        ("track", event.track),
        ("type", session.kind.value),
        ("language", "en"),
        ("abstract", event.abstract),
        ("description", event.description),
    )


def _xml_event(room: ET.Element, event: Event) -> None:
    element = ET.SubElement(room, "event", {"id": str(event.id), "guid": event.guid})
    for tag, text in event_fields(event):
        ET.SubElement(element, tag).text = text
    persons = ET.SubElement(element, "persons")
    for person in event.persons:
        ET.SubElement(persons, "person", {"guid": person.guid}).text = person.name
    links = ET.SubElement(element, "links")
    for link in event.links:
        ET.SubElement(links, "link", {"href": link.url, "type": "paper"}).text = link.title


def _json_event(event: Event) -> dict[str, Any]:
    session = event.session
    return {
        "id": event.id,
        "guid": event.guid,
        "date": event.start.isoformat(),
        "start": f"{event.start:%H:%M}",
        "end": event.end.isoformat(),
        "duration": event.duration,
        "room": event.room,
        "slug": event.slug,
        "url": event.url,
        "title": event.title,
        "subtitle": event.subtitle,
        "track": event.track,
        "type": session.kind.value,
        "language": "en",
        "abstract": event.abstract,
        "description": event.description,
        "persons": [{"name": p.name, "guid": p.guid} for p in event.persons],
        "links": [{"url": link.url, "title": link.title, "type": "paper"} for link in event.links],
    }


def schedule_json(data: ConferenceData) -> str:
    """``schedule.json`` valid against the c3voc/frab JSON schema."""
    conference = data.conference
    days = _days(data)
    rooms = list(dict.fromkeys(room for _, _, day_rooms in days for room in day_rooms))
    conf: dict[str, Any] = {
        "acronym": acronym(conference),
        "title": conference.title,
        "description": conference.description,
        "start": conference.start.isoformat(),
        "end": conference.end.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": timeslot(data),
        "url": conference.url,
    }
    if _ZONE_NAME.search(conference.timezone):
        conf["time_zone_name"] = conference.timezone
    conf["rooms"] = [{"name": r, "guid": _room_guid(conference, r)} for r in rooms]
    conf["days"] = [
        {
            "index": index,
            "date": day.date.isoformat(),
            "day_start": day.sessions[0].start.isoformat(),
            "day_end": max(s.end for s in day.sessions).isoformat(),
            "rooms": {room: [_json_event(e) for e in evs] for room, evs in day_rooms.items()},
        }
        for index, day, day_rooms in days
    ]
    document = {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR},
        "schedule": {"version": version(data), "base_url": conference.url, "conference": conf},
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
