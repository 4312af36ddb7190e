"""iCalendar (RFC 5545) out: the whole program, one session, or one paper's slot.

``calendars`` says what each file holds (``Calendar``, ``Event``); ``Writer`` writes them with
the line writer of ``ical_text``, which gives the bytes the ``icalendar`` library gives, in a
fraction of its time (the tests compare the two on every file and on arbitrary text); the
VTIMEZONE is icalendar's own. Times carry the conference zone (``TZID``) with its
``VTIMEZONE``, so a calendar shows them right wherever the reader is. Every event has a UID that
depends only on the conference URL and the session or paper id, so re-importing an updated file
updates events instead of duplicating them. DTSTAMP comes from the data (see ``stamp``): the same
data gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from generator.changes import UNCHANGED, ChangeLog, EventVersion
from generator.exporters import ical_text
from generator.i18n import ENGLISH, Language
from generator.model import Conference, ConferenceData, Paper, Session

PRODID = "-//confsite//conference schedule//EN"


def one_line(text: str) -> str:
    """A title as calendars show it: a line break from YAML is just a space."""
    return " ".join(text.split())


def uid_domain(conference: Conference) -> str:
    """The right-hand side of every UID: the site's host, which the organizers own."""
    return urlsplit(conference.url).hostname or "conference.invalid"


def session_uid(conference: Conference, session: Session) -> str:
    return f"session-{session.id}-{conference.year}@{uid_domain(conference)}"


def paper_uid(conference: Conference, paper: Paper) -> str:
    return f"paper-{paper.id}-{conference.year}@{uid_domain(conference)}"


def stamp(conference: Conference) -> datetime:
    """DTSTAMP for every event: the first day of the conference, 00:00 UTC.

    RFC 5545 wants a DTSTAMP on each event; taking it from the clock would make every build
    differ. Clients that subscribe to the file re-read it whole, so a fixed stamp is enough.
    """
    start = conference.start
    return datetime(start.year, start.month, start.day, tzinfo=UTC)


def session_url(conference: Conference, session: Session) -> str:
    """The session's page when it has one (sessions that hold papers), else its program entry."""
    if session.kind.holds_papers:
        return f"{conference.url}program/{session.id}/"
    return f"{conference.url}program/#{session.id}"


def paper_url(conference: Conference, paper: Paper) -> str:
    return f"{conference.url}papers/{paper.id}/"


def location(conference: Conference, session: Session) -> str:
    """'Room A, Bayshore Convention Center, Port Alder' (whichever parts are known)."""
    venue = conference.venue
    return ", ".join(part for part in (session.room, venue.name, venue.place) if part)


def paper_line(paper: Paper) -> str:
    authors = ", ".join(a.name.full for a in paper.authors)
    return f"- {paper.title.as_text} ({authors})" if authors else f"- {paper.title.as_text}"


def session_description(
    data: ConferenceData,
    session: Session,
    papers: Iterable[Paper],
    speakers: dict[str, str],
    lang: Language = ENGLISH,
) -> str:
    """The event's text (its words in ``lang``; the field names of the file stay)."""
    _ = lang.gettext
    lines = [_(session.kind.label)]
    if session.speaker_id and session.speaker_id in speakers:
        lines.append(_("Speaker: {name}").format(name=speakers[session.speaker_id]))
    if session.chair:
        lines.append(_("Chair: {name}").format(name=session.chair))
    if session.description:
        lines += ["", session.description.as_block_text]
    paper_lines = [paper_line(p) for p in papers]
    if paper_lines:
        lines += ["", _("Papers:"), *paper_lines]
    lines += ["", session_url(data.conference, session)]
    return "\n".join(lines)


@dataclass(frozen=True)
class Event:
    """One VEVENT as the calendars say it, before it is written."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    location: str
    description: str
    url: str
    category: str
    version: EventVersion = UNCHANGED
    """SEQUENCE and DTSTAMP: raised when a release moved it (generator/changes.py)."""


@dataclass(frozen=True)
class Calendar:
    """One .ics file: its name in the reader's calendar app and its events, in order."""

    name: str
    events: tuple[Event, ...]


class Calendars:
    """The calendars of one conference, sharing the lookups they all need."""

    def __init__(self, data: ConferenceData, lang: Language = ENGLISH) -> None:
        self.data = data
        self.lang = lang
        """The language of the events' words (summaries are data: titles)."""
        self.papers: dict[str, list[Paper]] = defaultdict(list)
        for paper in data.papers:
            if paper.session_id:
                self.papers[paper.session_id].append(paper)
        self.sessions = {s.id: s for s in data.sessions}
        self.speakers = {s.id: s.name.full for s in data.speakers}
        self.changes = ChangeLog.of(data)
        # The program and the session's own file hold the same event: built once.
        self._session_events: dict[str, Event] = {}

    def session_event(self, session: Session) -> Event:
        event = self._session_events.get(session.id)
        if event is None:
            conference = self.data.conference
            description = session_description(
                self.data, session, self.papers[session.id], self.speakers, self.lang
            )
            event = Event(
                uid=session_uid(conference, session),
                start=session.start,
                end=session.end,
                summary=one_line(session.title),
                location=location(conference, session),
                description=description,
                url=session_url(conference, session),
                category=self.lang.gettext(session.kind.label),
                version=self.changes.session(session.id),
            )
            self._session_events[session.id] = event
        return event

    def paper_event(self, paper: Paper, session: Session) -> Event:
        conference = self.data.conference
        authors = ", ".join(a.name.full for a in paper.authors)
        description = "\n".join(
            [
                authors,
                self.lang.gettext("Presented in {session} ({kind})").format(
                    session=session.title, kind=self.lang.gettext(session.kind.label)
                ),
                "",
                paper_url(conference, paper),
            ]
        )
        return Event(
            uid=paper_uid(conference, paper),
            start=session.start,
            end=session.end,
            summary=one_line(paper.title.as_text),
            location=location(conference, session),
            description=description,
            url=paper_url(conference, paper),
            category="Paper",
            version=self.changes.paper(paper.id),
        )

    def program(self) -> Calendar:
        """Every session of the conference, in program order."""
        events = tuple(self.session_event(s) for s in self.data.sessions)
        return Calendar(self.data.conference.short_title, events)

    def session(self, session: Session) -> Calendar:
        title = f"{session.title} ({self.data.conference.short_title})"
        return Calendar(title, (self.session_event(session),))

    def paper(self, paper: Paper) -> Calendar | None:
        """The slot where the paper is presented; None for a paper not in the program."""
        session = self.sessions.get(paper.session_id or "")
        if session is None:
            return None
        title = f"{paper.title.as_text} ({self.data.conference.short_title})"
        return Calendar(title, (self.paper_event(paper, session),))


def zone_component(conference: Conference) -> icalendar.Timezone:
    """The conference zone as a VTIMEZONE, with the rules of the conference's years only.

    70 years of rules would be noise in every file.
    """
    return icalendar.Timezone.from_tzinfo(
        ZoneInfo(conference.timezone),
        first_date=date(conference.start.year, 1, 1),
        last_date=date(conference.end.year + 1, 1, 1),
    )


PROGRAM_FILE = "program/program.ics"


def session_file(session_id: str) -> str:
    """Where a session's calendar is, from the site's root."""
    return f"program/{session_id}.ics"


def paper_file(paper_id: str) -> str:
    """Where a paper's calendar is, from the site's root."""
    return f"papers/{paper_id}.ics"


def calendars(data: ConferenceData, lang: Language = ENGLISH) -> dict[str, Calendar]:
    """Every .ics of the site by path: the program, each session and each scheduled paper."""
    source = Calendars(data, lang)
    out = {PROGRAM_FILE: source.program()}
    for session in data.sessions:
        out[session_file(session.id)] = source.session(session)
    for paper in data.papers:
        calendar = source.paper(paper)
        if calendar is not None:
            out[paper_file(paper.id)] = calendar
    return out


def as_icalendar(
    conference: Conference, calendar: Calendar, zone: icalendar.Timezone | None = None
) -> icalendar.Calendar:
    """The same calendar built with the icalendar library: what ``Writer`` writes is its
    ``to_ical()``, byte for byte (the tests compare the two, ``bench/shortcuts.py`` times them).
    ``zone`` is the conference's VTIMEZONE when the caller has it built already."""
    out = icalendar.Calendar()
    out.add("prodid", PRODID)
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("x-wr-calname", icalendar.vText(one_line(calendar.name)))
    out.add("x-wr-timezone", conference.timezone)
    out.add_component(zone or zone_component(conference))
    for event in calendar.events:
        component = icalendar.Event()
        component.add("uid", event.uid)
        component.add("dtstamp", event.version.stamp or stamp(conference))
        if event.version.sequence:
            component.add("sequence", event.version.sequence)
        component.add("dtstart", event.start)
        component.add("dtend", event.end)
        component.add("summary", event.summary)
        component.add("location", event.location)
        component.add("description", event.description)
        component.add("url", event.url)
        component.add("categories", [event.category])
        out.add_component(component)
    return out


class Writer:
    """Writes calendars of one conference as text, the bytes icalendar would write.

    The properties come in icalendar's order (its canonical order, then by name) and each
    VEVENT is written once however many files hold it.
    """

    def __init__(self, conference: Conference) -> None:
        self.times = ical_text.DateTimes()
        self.dtstamp = self.times.line("DTSTAMP", stamp(conference))
        self.head = (
            "BEGIN:VCALENDAR\r\n"
            + ical_text.text_line("VERSION", "2.0")
            + ical_text.text_line("PRODID", PRODID)
            + ical_text.text_line("CALSCALE", "GREGORIAN")
        )
        # X-WR-TIMEZONE is no property icalendar knows: it writes the value verbatim. The
        # VTIMEZONE is the same in every file, serialised by icalendar once.
        self.zone = ical_text.raw_line("X-WR-TIMEZONE", conference.timezone) + (
            zone_component(conference).to_ical().decode("utf-8")
        )
        self._events: dict[Event, str] = {}

    def event(self, event: Event) -> str:
        text = self._events.get(event)
        if text is None:
            text = "".join(
                (
                    "BEGIN:VEVENT\r\n",
                    ical_text.text_line("SUMMARY", event.summary),
                    self.times.line("DTSTART", event.start),
                    self.times.line("DTEND", event.end),
                    self._stamp(event.version),
                    ical_text.text_line("UID", event.uid),
                    f"SEQUENCE:{event.version.sequence}\r\n" if event.version.sequence else "",
                    ical_text.text_line("CATEGORIES", event.category),
                    ical_text.text_line("DESCRIPTION", event.description),
                    ical_text.text_line("LOCATION", event.location),
                    ical_text.uri_line("URL", event.url),
                    "END:VEVENT\r\n",
                )
            )
            self._events[event] = text
        return text

    def _stamp(self, version: EventVersion) -> str:
        if version.stamp is None:
            return self.dtstamp
        return self.times.line("DTSTAMP", version.stamp)

    def calendar(self, calendar: Calendar) -> str:
        parts = [
            self.head,
            ical_text.text_line("X-WR-CALNAME", one_line(calendar.name)),
            self.zone,
        ]
        parts += [self.event(e) for e in calendar.events]
        parts.append("END:VCALENDAR\r\n")
        return "".join(parts)


def calendar_files(data: ConferenceData, lang: Language = ENGLISH) -> dict[str, str]:
    """Every .ics of the site by path, as text."""
    writer = Writer(data.conference)
    return {path: writer.calendar(c) for path, c in calendars(data, lang).items()}
