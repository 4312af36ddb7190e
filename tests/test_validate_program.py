"""generator/validate/program.py: days and sessions, checked against the conference."""

from __future__ import annotations

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
        "papers, keynote, break, poster, social, tutorial, plenary"
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
