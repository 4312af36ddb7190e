"""iCalendar (RFC 5545) out: the whole program, one session, or one paper's slot.

Written with the ``icalendar`` library. Times carry the conference zone (``TZID``) with its
``VTIMEZONE``, so a calendar shows them right wherever the reader is. Every event has a UID that
depends only on the conference URL and the session or paper id, so re-importing an updated file
updates events instead of duplicating them. DTSTAMP comes from the data (see ``stamp``): the same
data gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

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
    data: ConferenceData, session: Session, papers: Iterable[Paper], speakers: dict[str, str]
) -> str:
    lines = [session.kind.label]
    if session.speaker_id and session.speaker_id in speakers:
        lines.append(f"Speaker: {speakers[session.speaker_id]}")
    if session.chair:
        lines.append(f"Chair: {session.chair}")
    if session.description:
        lines += ["", session.description.as_block_text]
    paper_lines = [paper_line(p) for p in papers]
    if paper_lines:
        lines += ["", "Papers:", *paper_lines]
    lines += ["", session_url(data.conference, session)]
    return "\n".join(lines)


def _event(
    conference: Conference,
    uid: str,
    session: Session,
    summary: str,
    description: str,
    url: str,
    categories: str,
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp(conference))
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("summary", one_line(summary))
    event.add("location", location(conference, session))
    event.add("description", description)
    event.add("url", url)
    event.add("categories", [categories])
    return event


class Calendars:
    """The calendar files of one conference, sharing the lookups they all need."""

    def __init__(self, data: ConferenceData) -> None:
        self.data = data
        self.papers: dict[str, list[Paper]] = defaultdict(list)
        for paper in data.papers:
            if paper.session_id:
                self.papers[paper.session_id].append(paper)
        self.sessions = {s.id: s for s in data.sessions}
        self.speakers = {s.id: s.name.full for s in data.speakers}
        conference = data.conference
        # Built once for every file; only the years of the conference: a VTIMEZONE with 70
        # years of rules would be noise.
        self.zone = icalendar.Timezone.from_tzinfo(
            ZoneInfo(conference.timezone),
            first_date=date(conference.start.year, 1, 1),
            last_date=date(conference.end.year + 1, 1, 1),
        )
        self.zone_ical = self.zone.to_ical()

    def _calendar(self, name: str, events: Iterable[icalendar.Event]) -> str:
        conference = self.data.conference
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", icalendar.vText(one_line(name)))
        calendar.add("x-wr-timezone", conference.timezone)
        # A calendar serialises its properties, then its components in order. The VTIMEZONE is
        # the same in every file, so it is serialised once (most of the cost of a small file)
        # and the events after it, each by icalendar itself: the same bytes as one to_ical().
        end = b"END:VCALENDAR\r\n"
        parts = [calendar.to_ical().removesuffix(end), self.zone_ical]
        parts += [event.to_ical() for event in events]
        parts.append(end)
        return b"".join(parts).decode("utf-8")

    def session_event(self, session: Session) -> icalendar.Event:
        conference = self.data.conference
        description = session_description(
            self.data, session, self.papers[session.id], self.speakers
        )
        return _event(
            conference,
            session_uid(conference, session),
            session,
            session.title,
            description,
            session_url(conference, session),
            session.kind.label,
        )

    def paper_event(self, paper: Paper, session: Session) -> icalendar.Event:
        conference = self.data.conference
        authors = ", ".join(a.name.full for a in paper.authors)
        description = "\n".join(
            [
                authors,
                f"Presented in {session.title} ({session.kind.label})",
                "",
                paper_url(conference, paper),
            ]
        )
        return _event(
            conference,
            paper_uid(conference, paper),
            session,
            paper.title.as_text,
            description,
            paper_url(conference, paper),
            "Paper",
        )

    def program(self) -> str:
        """Every session of the conference, in program order."""
        title = self.data.conference.short_title
        return self._calendar(title, (self.session_event(s) for s in self.data.sessions))

    def session(self, session: Session) -> str:
        title = f"{session.title} ({self.data.conference.short_title})"
        return self._calendar(title, [self.session_event(session)])

    def paper(self, paper: Paper) -> str | None:
        """The slot where the paper is presented; None for a paper not in the program."""
        session = self.sessions.get(paper.session_id or "")
        if session is None:
            return None
        title = f"{paper.title.as_text} ({self.data.conference.short_title})"
        return self._calendar(title, [self.paper_event(paper, session)])


def calendar_files(data: ConferenceData) -> dict[str, str]:
    """Every .ics of the site by path: the program, each session and each scheduled paper."""
    calendars = Calendars(data)
    files = {"program/program.ics": calendars.program()}
    for session in data.sessions:
        files[f"program/{session.id}.ics"] = calendars.session(session)
    for paper in data.papers:
        text = calendars.paper(paper)
        if text is not None:
            files[f"papers/{paper.id}.ics"] = text
    return files
