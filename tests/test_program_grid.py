"""The program grid: room columns in the organizer's order, rows by time slot, the time axis."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from generator.diagnostics import Location
from generator.model import Session, SessionKind
from generator.program_grid import day_grid
from generator.validate.rooms import natural_key

ZONE = ZoneInfo("Europe/Berlin")
DAY = date(2030, 6, 3)


def session(id: str, start: str, end: str, room: str) -> Session:
    def at(hhmm: str) -> datetime:
        return datetime.combine(DAY, time.fromisoformat(hhmm), tzinfo=ZONE)

    return Session(
        id, id.title(), SessionKind.PAPERS, DAY, at(start), at(end), room,
        Location("data/program.yaml", 1),
    )  # fmt: skip


def test_day_grid_puts_parallel_sessions_side_by_side_and_solo_ones_across() -> None:
    day = (
        session("opening", "09:00", "09:30", "Hall"),
        session("a1", "10:00", "11:00", "Room A"),
        session("b1", "10:00", "11:00", "Room B"),
        session("lunch", "12:00", "13:00", "Foyer"),
    )

    grid = day_grid(day, ("Room B", "Room A"))

    assert (grid.rooms, grid.slot, grid.rows) == (("Room B", "Room A"), 30 // 2, 16)
    assert grid.places == {
        "opening": "--cs-row: 2 / 4; --cs-col: 2; --cs-span: 2",
        "a1": "--cs-row: 6 / 10; --cs-col: 3; --cs-span: 1",
        "b1": "--cs-row: 6 / 10; --cs-col: 2; --cs-span: 1",
        "lunch": "--cs-row: 14 / 18; --cs-col: 2; --cs-span: 2",
    }


def test_day_grid_stacks_back_to_back_sessions_beside_a_long_one() -> None:
    day = (
        session("posters", "13:00", "15:00", "Hall"),
        session("talk-1", "13:00", "14:00", "Room A"),
        session("talk-2", "14:00", "15:00", "Room A"),
    )

    grid = day_grid(day, ("Hall", "Room A"))

    assert grid.rooms == ("Hall", "Room A")
    assert grid.places == {
        "posters": "--cs-row: 2 / 10; --cs-col: 2; --cs-span: 1",
        "talk-1": "--cs-row: 2 / 6; --cs-col: 3; --cs-span: 1",
        "talk-2": "--cs-row: 6 / 10; --cs-col: 3; --cs-span: 1",
    }


def test_day_grid_of_a_day_without_parallel_sessions_has_no_room_columns() -> None:
    day = (session("a", "09:00", "10:00", "Hall"), session("b", "10:00", "11:00", "Hall"))

    assert day_grid(day, ("Hall",)).rooms == ()


def test_day_grid_uses_five_minute_rows_when_a_time_is_off_the_quarter_hour() -> None:
    day = (session("a", "09:00", "09:50", "Room 1"), session("b", "09:00", "10:00", "Room 2"))

    grid = day_grid(day, ("Room 1", "Room 2"))

    assert (grid.slot, grid.rows) == (5, 12)
    assert grid.places["a"] == "--cs-row: 2 / 12; --cs-col: 2; --cs-span: 1"


def test_day_grid_labels_the_time_axis_every_half_hour_from_the_first_session() -> None:
    day = (session("a", "09:15", "10:30", "Room 1"), session("b", "09:15", "10:30", "Room 2"))

    grid = day_grid(day, ("Room 1", "Room 2"))

    assert grid.labels == (
        ("09:15", "--cs-row: 2 / 3"),
        ("09:30", "--cs-row: 3 / 5"),
        ("10:00", "--cs-row: 5 / 7"),
    )


def test_natural_key_orders_numbered_rooms_by_number() -> None:
    rooms = ["Room 10", "Room 2", "Room 1", "Auditorium", "room 3"]

    assert sorted(rooms, key=natural_key) == ["Auditorium", "Room 1", "Room 2", "room 3", "Room 10"]
