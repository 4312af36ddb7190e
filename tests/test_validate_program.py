"""generator/validate/program.py: days and sessions, checked against the conference."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from conftest import TOY_DATA

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.model import SessionKind
from generator.validate import load_and_validate
from generator.validate.program import read_program


def read(
    text: str, speakers: frozenset[str] | None = frozenset({"ada"})
) -> tuple[tuple, list[str]]:
    data, _ = load_and_validate(TOY_DATA)
    diagnostics = Diagnostics()
    days = read_program(
        parse_yaml(text, "p.yaml", diagnostics),
        "p.yaml",
        diagnostics,
        data.conference,
        None if speakers is None else set(speakers),
    )
    return days, [str(d) for d in diagnostics.sorted()]


def test_read_program_toy_days_and_sessions_in_time_order() -> None:
    data, diagnostics = load_and_validate(TOY_DATA)

    assert diagnostics.items == []
    assert [(day.date, [s.id for s in day.sessions]) for day in data.days] == [
        (date(2030, 6, 3), ["keynote", "s-compilers"]),
        (date(2030, 6, 4), ["coffee", "posters"]),
    ]


def test_read_program_session_times_are_aware_in_conference_zone() -> None:
    days, problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: k, title: K, kind: keynote, start: "09:00", end: "10:00", speaker: ada}\n'
    )

    session = days[0].sessions[0]
    assert problems == []
    assert (session.kind, session.speaker_id) == (SessionKind.KEYNOTE, "ada")
    assert session.start == datetime(2030, 6, 3, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert session.location.line == 4


def test_read_program_unsorted_sessions_are_sorted_by_start() -> None:
    days, _problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: b, title: B, kind: papers, start: "11:00", end: "12:00"}\n'
        '      - {id: a, title: A, kind: papers, start: "09:00", end: "10:00"}\n'
    )

    assert [s.id for s in days[0].sessions] == ["a", "b"]


def test_read_program_unknown_kind_with_did_you_mean() -> None:
    _days, problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: a, title: A, kind: paper, start: "09:00", end: "10:00"}\n'
    )

    assert problems == [
        "p.yaml:4: error: session 'a': unknown kind 'paper' (did you mean 'papers'?); use one of "
        "papers, keynote, break, poster, social, tutorial, workshop, plenary"
    ]


def test_read_program_keynote_without_speaker_is_a_warning() -> None:
    _days, problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: k, title: K, kind: keynote, start: "09:00", end: "10:00"}\n'
    )

    assert problems == ["p.yaml:4: warning: session 'k': a keynote without a 'speaker'"]


def test_read_program_same_time_in_different_rooms_is_fine() -> None:
    _days, problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: a, title: A, kind: papers, start: "09:00", end: "10:00", room: X}\n'
        '      - {id: b, title: B, kind: papers, start: "09:00", end: "10:00", room: Y}\n'
        '      - {id: c, title: C, kind: papers, start: "10:00", end: "11:00", room: X}\n'
    )

    assert problems == []


def test_read_program_overlap_with_a_long_earlier_session() -> None:
    _days, problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: a, title: A, kind: papers, start: "09:00", end: "12:00", room: X}\n'
        '      - {id: b, title: B, kind: papers, start: "09:30", end: "10:00", room: X}\n'
        '      - {id: c, title: C, kind: papers, start: "10:30", end: "11:00", room: X}\n'
    )

    assert problems == [
        "p.yaml:5: error: session 'b' (09:30-10:00) overlaps session 'a' (09:00-12:00) in room "
        "'X' on 2030-06-03 (line 4)",
        "p.yaml:6: error: session 'c' (10:30-11:00) overlaps session 'a' (09:00-12:00) in room "
        "'X' on 2030-06-03 (line 4)",
    ]


def test_read_program_day_listed_twice() -> None:
    _days, problems = read("days:\n  - date: 2030-06-03\n  - date: 2030-06-03\n")

    assert problems == ["p.yaml:3: error: day 2030-06-03 is listed twice (first on line 2)"]


def test_read_program_unreadable_speakers_are_not_checked() -> None:
    _days, problems = read(
        "days:\n  - date: 2030-06-03\n    sessions:\n"
        '      - {id: k, title: K, kind: keynote, start: "09:00", end: "10:00", speaker: x}\n',
        speakers=None,
    )

    assert problems == []


def session_yaml(start: str, end: str, room: str = "Hall A", day: str = "2030-06-03") -> str:
    return (
        f"days:\n  - date: {day}\n    sessions:\n      - id: s1\n        title: T\n"
        f"        kind: social\n        start: '{start}'\n        end: '{end}'\n"
        f"        room: {room}\n"
    )


def test_read_program_an_end_before_the_start_is_the_next_day() -> None:
    days, problems = read(session_yaml("22:30", "00:30"))
    berlin = ZoneInfo("Europe/Berlin")
    (session,) = days[0].sessions
    assert problems == []
    assert (session.start, session.end) == (
        datetime(2030, 6, 3, 22, 30, tzinfo=berlin),
        datetime(2030, 6, 4, 0, 30, tzinfo=berlin),
    )


def test_read_program_24_00_is_midnight_at_the_end_of_the_day() -> None:
    days, problems = read(session_yaml("20:00", "24:00"))
    assert problems == []
    assert days[0].sessions[0].end == datetime(2030, 6, 4, 0, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_read_program_an_end_equal_to_the_start_is_an_error() -> None:
    _days, problems = read(session_yaml("10:00", "10:00"))
    assert problems == [
        "p.yaml:8: error: session 's1': ends at 10:00, its start; give the time it ends (an end "
        "earlier than the start is on the next day)"
    ]


def test_read_program_24_00_is_no_start_time() -> None:
    _days, problems = read(session_yaml("24:00", "01:00"))
    assert problems == [
        "p.yaml:7: error: session 's1': 'start' '24:00' is not a time; write \"HH:MM\" (24-hour)"
    ]


def test_read_program_rooms_are_one_room_whatever_their_case_and_spaces() -> None:
    text = session_yaml("10:00", "11:00", "Hall A") + (
        "      - id: s2\n        title: U\n        kind: social\n        start: '10:30'\n"
        "        end: '11:30'\n        room: '  hall a '\n"
    )
    days, problems = read(text)
    assert [s.room for s in days[0].sessions] == ["Hall A", "Hall A"]
    assert problems == [
        "p.yaml:10: error: session 's2' (10:30-11:30) overlaps session 's1' (10:00-11:00) in "
        "room 'Hall A' on 2030-06-03 (line 4)"
    ]


def read_in(zone: str, text: str) -> list[str]:
    data, _ = load_and_validate(TOY_DATA)
    conference = replace(
        data.conference, timezone=zone, start=date(2027, 1, 1), end=date(2027, 12, 31)
    )
    diagnostics = Diagnostics()
    read_program(parse_yaml(text, "p.yaml", diagnostics), "p.yaml", diagnostics, conference, set())
    return [str(d) for d in diagnostics.sorted()]


def test_read_program_a_time_in_the_spring_forward_gap_is_an_error() -> None:
    problems = read_in("America/Los_Angeles", session_yaml("02:15", "02:45", day="2027-03-14"))
    assert problems == [
        "p.yaml:7: error: session 's1': 'start' 02:15 on 2027-03-14 does not exist in "
        "America/Los_Angeles: clocks go forward from -08:00 (PST) to -07:00 (PDT) then "
        "(daylight saving time); choose a time before or after the jump",
        "p.yaml:8: error: session 's1': 'end' 02:45 on 2027-03-14 does not exist in "
        "America/Los_Angeles: clocks go forward from -08:00 (PST) to -07:00 (PDT) then "
        "(daylight saving time); choose a time before or after the jump",
    ]


def test_read_program_a_time_in_the_fall_back_overlap_is_a_warning_naming_the_offset() -> None:
    problems = read_in("America/Los_Angeles", session_yaml("01:30", "03:00", day="2027-11-07"))
    assert problems == [
        "p.yaml:7: warning: session 's1': 'start' 01:30 on 2027-11-07 happens twice in "
        "America/Los_Angeles (clocks go back an hour); the first, -07:00 (PDT), is used, not "
        "-08:00 (PST)"
    ]


def test_read_program_a_next_day_end_of_nearly_a_day_is_a_typo() -> None:
    _days, problems = read(session_yaml("17:00", "08:00") + "")
    assert problems == []
    _days, problems = read(session_yaml("10:30", "10:15"))
    assert problems == [
        "p.yaml:8: error: session 's1': ends at 10:15, before its start 10:30; as a session past "
        "midnight it would last 23:45, and one may last 18 hours at most: check the times"
    ]
