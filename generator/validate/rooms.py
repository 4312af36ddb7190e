"""program.yaml's ``rooms:``: the order of the program grid's columns."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.load.yaml_source import LineDict, LineList
from generator.model import Day
from generator.validate.fields import type_name


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that reads numbers as numbers: "Room 2" before "Room 10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    )


def read_rooms(
    root: Any, path: str, diagnostics: Diagnostics, days: tuple[Day, ...]
) -> tuple[str, ...]:
    """Every room the sessions use, listed ones first in their order, then the rest naturally.

    A listed room is matched to the sessions' rooms as they are (case and runs of spaces
    ignored), so the grid's headers keep the spelling the sessions use.
    """
    used = {s.room.casefold(): s.room for day in days for s in day.sessions if s.room}
    listed: dict[str, str] = {}
    if isinstance(root, LineDict) and root.get("rooms") is not None:
        value = root["rooms"]
        if not isinstance(value, list):
            diagnostics.error(
                Location(path, root.line_of("rooms")),
                f"rooms: must be a list of room names ('- Room A'), but is {type_name(value)}",
            )
            value = []
        first_line: dict[str, int] = {}
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, LineList) else root.line_of("rooms")
            where = Location(path, line)
            if not isinstance(item, str | int) or isinstance(item, bool) or not str(item).strip():
                diagnostics.error(
                    where, f"rooms: each entry must be a room name, but this is {type_name(item)}"
                )
                continue
            name = " ".join(str(item).split())
            folded = name.casefold()
            if folded in first_line:
                diagnostics.error(
                    where,
                    f"rooms: room '{name}' is listed twice (first on line {first_line[folded]}); "
                    "list each room once",
                )
                continue
            first_line[folded] = line
            if folded not in used:
                rooms = sorted(used.values(), key=natural_key)
                diagnostics.error(
                    where,
                    f"rooms: unknown room '{name}'{did_you_mean(name, rooms)}: no session is in "
                    f"it (sessions use: {', '.join(rooms) or 'no rooms'}); fix the name or "
                    "remove it",
                )
                continue
            listed[folded] = used[folded]
    rest = sorted((room for key, room in used.items() if key not in listed), key=natural_key)
    return (*listed.values(), *rest)
