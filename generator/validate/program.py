"""program.yaml: days, sessions, rooms and times."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from generator.diagnostics import Diagnostics, Location, did_you_mean, known
from generator.model import Conference, Day, Session, SessionKind
from generator.validate.fields import Record, top_level_list
from generator.validate.talks import read_talks

SESSION_KEYS = (
    "id",
    "title",
    "kind",
    "start",
    "end",
    "room",
    "chair",
    "speaker",
    "description",
    "organizers",
    "papers",
)
KINDS = tuple(kind.value for kind in SessionKind)
PAPER_KIND_NAMES = ", ".join(f"'{k.value}'" for k in SessionKind if k.holds_papers)
MAX_PAST_MIDNIGHT = timedelta(hours=18)
"""The longest a session ending the next day may last (a night-long hackathon: 17:00-08:00)."""
RESERVED_IDS = {
    "my-agenda": "the personal agenda page program/my-agenda/",
    "program": "the whole program's calendar program/program.ics",
}
"""Session ids that would collide with pages or files the site makes under program/."""


def read_program(
    root: Any,
    path: str,
    diagnostics: Diagnostics,
    conference: Conference | None,
    speaker_ids: set[str] | None,
) -> tuple[Day, ...]:
    """Days and their sessions; ``speaker_ids`` None means speakers.yaml could not be read."""
    days: list[Day] = []
    seen_dates: dict[date, int] = {}
    seen_ids: dict[str, Location] = {}
    rooms: dict[str, str] = {}
    """Each room's first spelling, by its name in any case: 'Hall A' and 'hall a ' are one."""
    listed: dict[str, tuple[str, Location]] = {}
    """Papers the sessions list, with their session: a paper is listed once."""
    zone = ZoneInfo(conference.timezone) if conference else None
    for item, line in top_level_list(
        root, "days", path, diagnostics, "- date: 2027-04-12", also=("rooms",)
    ):
        record = Record(item, path, line, diagnostics, "day", ("date", "sessions"), ("date",))
        if not record.ok:
            continue
        day = record.date("date")
        if day is None:
            continue
        record.what = f"day {day}"
        if day in seen_dates:
            record.error("date", f"day {day} is listed twice (first on line {seen_dates[day]})")
            continue
        seen_dates[day] = record.location("date").line
        if conference and not conference.start <= day <= conference.end:
            record.error(
                "date",
                f"day {day} is outside the conference ({conference.start} to {conference.end} "
                "in conference.yaml)",
            )
        sessions = [
            session
            for value, session_line in record.list("sessions")
            if (
                session := _read_session(
                    value,
                    path,
                    session_line,
                    diagnostics,
                    day,
                    zone,
                    speaker_ids,
                    (seen_ids, rooms, listed),
                )
            )
        ]
        _report_overlaps(sessions, diagnostics)
        sessions.sort(key=lambda s: (s.start, s.end, s.room))
        days.append(Day(day, tuple(sessions)))
    days.sort(key=lambda d: d.date)
    return tuple(days)


def _read_session(
    value: Any,
    path: str,
    line: int,
    diagnostics: Diagnostics,
    day: date,
    zone: ZoneInfo | None,
    speaker_ids: set[str] | None,
    seen: tuple[dict[str, Location], dict[str, str], dict[str, tuple[str, Location]]],
) -> Session | None:
    """One session; ``seen`` holds the session ids, rooms and listed papers met so far."""
    seen_ids, rooms, listed = seen
    record = Record(
        value,
        path,
        line,
        diagnostics,
        "session",
        SESSION_KEYS,
        ("id", "title", "kind", "start", "end"),
        name_key="id",
    )
    if not record.ok:
        return None
    session_id = record.slug("id")
    record.what = f"session '{session_id}'"
    if session_id in seen_ids:
        record.error(
            "id", f"session id '{session_id}' is used twice (first at {seen_ids[session_id]})"
        )
    elif session_id:
        seen_ids[session_id] = record.location("id")
    if session_id in RESERVED_IDS:
        record.error(
            "id",
            f"session id '{session_id}' is taken by {RESERVED_IDS[session_id]}; choose another id",
        )
    kind_name = record.str("kind")
    kind = SessionKind(kind_name) if kind_name in KINDS else None
    if kind_name and kind is None:
        record.error(
            "kind",
            f"session '{session_id}': unknown kind '{kind_name}'{did_you_mean(kind_name, KINDS)};"
            f" use one of {', '.join(KINDS)}",
        )
    start = record.time("start")
    midnight = str(record.raw("end") or "").strip() == "24:00"
    end = time(0, 0) if midnight else record.time("end")
    if start and end and end == start and not midnight:
        record.error(
            "end",
            f"session '{session_id}': ends at {end:%H:%M}, its start; give the time it ends "
            "(an end earlier than the start is on the next day)",
        )
        end = None
    # An end at or before the start is the next day: 22:30-00:30, or 24:00. A "session past
    # midnight" of nearly a day (10:30-10:15) is far likelier a typo, so it is capped.
    end_day = day + timedelta(days=1) if start and end and (midnight or end <= start) else day
    if start and end and end_day > day and not midnight:
        length = datetime.combine(end_day, end) - datetime.combine(day, start)
        if length > MAX_PAST_MIDNIGHT:
            hours, minutes = divmod(int(length.total_seconds()) // 60, 60)
            record.error(
                "end",
                f"session '{session_id}': ends at {end:%H:%M}, before its start {start:%H:%M}; "
                f"as a session past midnight it would last {hours}:{minutes:02d}, and one may "
                f"last {MAX_PAST_MIDNIGHT.seconds // 3600} hours at most: check the times",
            )
            end = None
    if zone and start:
        _check_wall_clock(record, "start", datetime.combine(day, start, tzinfo=zone), zone)
    if zone and end:
        _check_wall_clock(record, "end", datetime.combine(end_day, end, tzinfo=zone), zone)
    room = " ".join(record.str("room").split())
    room = rooms.setdefault(room.casefold(), room) if room else ""
    speaker = record.str("speaker") or None
    if speaker and speaker_ids is not None and speaker not in speaker_ids:
        record.error(
            "speaker",
            f"session '{session_id}': speaker '{speaker}' is not defined in speakers.yaml"
            f"{did_you_mean(speaker, speaker_ids)} ({known(speaker_ids)})",
        )
    if kind is SessionKind.KEYNOTE and not speaker:
        record.warning(None, f"session '{session_id}': a keynote without a 'speaker'")
    window = (
        (datetime.combine(day, start, tzinfo=zone), datetime.combine(end_day, end, tzinfo=zone))
        if start and end and zone
        else None
    )
    if record.has("papers") and kind is not None and not kind.holds_papers:
        record.error(
            "papers",
            f"session '{session_id}' is a {kind.value} session and lists papers; papers go in "
            f"sessions of kind {PAPER_KIND_NAMES}",
        )
    talks = read_talks(record, session_id, window, listed)
    organizers = tuple(str(v).strip() for v, _ in record.list("organizers") if str(v).strip())
    if not (session_id and kind and window):
        return None
    return Session(
        id=session_id,
        title=record.str("title"),
        kind=kind,
        day=day,
        start=window[0],
        end=window[1],
        room=room,
        location=record.location(),
        chair=record.str("chair"),
        speaker_id=speaker,
        description=record.text("description"),
        organizers=organizers,
        talks=talks,
    )


def _check_wall_clock(record: Record, key: str, moment: datetime, zone: ZoneInfo) -> None:
    """A local time that does not exist (clocks spring forward over it) is an error; one that
    happens twice (clocks fall back) is a warning naming the offset used: the first one."""
    wall = f"{moment:%H:%M} on {moment:%Y-%m-%d}"
    before, after = moment.replace(fold=0), moment.replace(fold=1)
    if before.utcoffset() == after.utcoffset():
        return
    round_trip = moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != moment.replace(tzinfo=None):
        record.error(
            key,
            f"{record.what}: '{key}' {wall} does not exist in {zone.key}: clocks go forward "
            f"from {_offset(before)} to {_offset(after)} then (daylight saving time); "
            "choose a time before or after the jump",
        )
    else:
        record.warning(
            key,
            f"{record.what}: '{key}' {wall} happens twice in {zone.key} (clocks go back an "
            f"hour); the first, {_offset(before)}, is used, not {_offset(after)}",
        )


def _offset(moment: datetime) -> str:
    """'-07:00 (PDT)'."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d} ({moment.tzname()})"


def _report_overlaps(sessions: list[Session], diagnostics: Diagnostics) -> None:
    """Two sessions in one room at once is a scheduling error (a room holds one thing)."""
    by_room: dict[str, list[Session]] = defaultdict(list)
    for session in sessions:
        if session.room:
            by_room[session.room].append(session)
    for room, in_room in by_room.items():
        in_room.sort(key=lambda s: (s.start, s.end))
        latest = in_room[0]  # the session ending last so far: every later start is compared to it
        for later in in_room[1:]:
            if later.start < latest.end:
                diagnostics.error(
                    later.location,
                    f"session '{later.id}' ({later.start:%H:%M}-{later.end:%H:%M}) overlaps "
                    f"session '{latest.id}' ({latest.start:%H:%M}-{latest.end:%H:%M}) in room "
                    f"'{room}' on {later.day} (line {latest.location.line})",
                )
            if later.end > latest.end:
                latest = later
