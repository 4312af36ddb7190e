"""program.yaml's rooms: the grid's column order, and the errors of a wrong list."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TOY_DATA

from generator.validate import load_and_validate


def toy_with_rooms(tmp_path: Path, rooms: str) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(TOY_DATA, data_dir)
    program = data_dir / "program.yaml"
    program.write_text(rooms + program.read_text(encoding="utf-8"), encoding="utf-8")
    return data_dir


def test_rooms_listed_come_first_in_their_order_then_the_rest_naturally(tmp_path: Path) -> None:
    data, diagnostics = load_and_validate(toy_with_rooms(tmp_path, "rooms:\n  - hall b\n"))

    assert diagnostics.errors == []
    assert data is not None
    assert data.rooms == ("Hall B", "Foyer", "Hall A")


def test_rooms_default_to_natural_order(tmp_path: Path) -> None:
    data, _ = load_and_validate(TOY_DATA)

    assert data is not None
    assert data.rooms == ("Foyer", "Hall A", "Hall B")


def test_room_listed_twice_is_an_error_at_its_line(tmp_path: Path) -> None:
    data_dir = toy_with_rooms(tmp_path, "rooms:\n  - Hall A\n  - Hall B\n  - hall a\n")

    data, diagnostics = load_and_validate(data_dir)

    assert data is None
    path = data_dir / "program.yaml"
    assert [str(d) for d in diagnostics.errors] == [
        f"{path}:4: error: rooms: room 'hall a' is listed twice (first on line 2); "
        "list each room once"
    ]


def test_unknown_room_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    data_dir = toy_with_rooms(tmp_path, "rooms:\n  - Hal A\n")

    data, diagnostics = load_and_validate(data_dir)

    assert data is None
    path = data_dir / "program.yaml"
    assert [str(d) for d in diagnostics.errors] == [
        f"{path}:2: error: rooms: unknown room 'Hal A' (did you mean 'Hall A'?): no session is "
        "in it (sessions use: Foyer, Hall A, Hall B); fix the name or remove it"
    ]


def test_rooms_that_is_not_a_list_is_an_error(tmp_path: Path) -> None:
    data_dir = toy_with_rooms(tmp_path, "rooms: Hall A\n")

    data, diagnostics = load_and_validate(data_dir)

    assert data is None
    assert [str(d) for d in diagnostics.errors] == [
        f"{data_dir / 'program.yaml'}:1: error: rooms: must be a list of room names "
        "('- Room A'), but is 'Hall A'"
    ]
