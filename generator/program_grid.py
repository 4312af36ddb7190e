"""The program grid of one day: rooms as columns, a time axis, sessions spanning their time.

Only days with parallel sessions get a grid; views.program_view hands the result to
_program_day.html, and schedule.css lays it out on wide screens (narrow ones and print read
the same sessions as a list in time order).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from math import gcd
from typing import Any

from generator.model import Session

LABEL_EVERY = timedelta(minutes=30)
"""The time axis is labelled on every full and half hour (and at the day's first session)."""


@dataclass(frozen=True)
class DayGrid:
    rooms: tuple[str, ...]
    """Column headers, left to right (a session with no room in a parallel slot names its id)."""
    slot: int
    """Minutes per grid row: 15 when every time falls on a quarter hour, else 5."""
    rows: int
    start: datetime
    """The time of the first row's top edge."""
    places: dict[str, str]
    """Session id -> the CSS custom properties placing it (row span, column, column span)."""
    labels: tuple[tuple[str, str], ...]
    """The time axis: (label text, placing CSS), in time order."""

    @property
    def columns(self) -> int:
        return max(len(self.rooms), 1)


def clusters(sessions: tuple[Session, ...]) -> list[list[Session]]:
    """Runs of sessions that overlap one another, in time order."""
    clusters: list[list[Session]] = []
    cluster_end = None
    for session in sessions:  # already in time order
        if cluster_end is None or session.start >= cluster_end:
            clusters.append([])
            cluster_end = session.end
        clusters[-1].append(session)
        cluster_end = max(cluster_end, session.end)
    return clusters


def _slot(sessions: tuple[Session, ...], start: datetime) -> int:
    minutes = [int((t - start).total_seconds() // 60) for s in sessions for t in (s.start, s.end)]
    step = 0
    for m in minutes:
        step = gcd(step, m)
    return 15 if step and step % 15 == 0 else 5


def day_grid(sessions: tuple[Session, ...], room_order: tuple[str, ...]) -> DayGrid:
    """Where each session of a day sits: columns are the rooms that hold parallel sessions,
    in the organizer's room order; a session in parallel with nothing spans them all."""
    runs = clusters(sessions)
    order = {room: number for number, room in enumerate(room_order)}
    parallel = {s.room or s.id for c in runs if len(c) > 1 for s in c}
    # Rooms outside the order (none, or a session's id) keep their place after the rest.
    rooms = tuple(sorted(parallel, key=lambda r: (order.get(r, len(order)), r)))
    start = min(s.start for s in sessions)
    slot = _slot(sessions, start)

    def row(moment: datetime) -> int:
        # Row 1 holds the room headers; a time between slots rounds to the nearest.
        return 2 + round((moment - start).total_seconds() / 60 / slot)

    end_row = max(row(s.end) for s in sessions)
    places = {}
    for cluster in runs:
        for session in cluster:
            first, last = row(session.start), max(row(session.end), row(session.start) + 1)
            if len(cluster) == 1:
                column, span = 2, max(len(rooms), 1)
            else:
                column, span = rooms.index(session.room or session.id) + 2, 1
            places[session.id] = (
                f"--cs-row: {first} / {last}; --cs-col: {column}; --cs-span: {span}"
            )
    return DayGrid(rooms, slot, end_row - 2, start, places, _labels(start, row, end_row))


def _labels(
    start: datetime, row: Callable[[datetime], int], end_row: int
) -> tuple[tuple[str, str], ...]:
    times = [start]
    step = start.replace(minute=0 if start.minute < 30 else 30, second=0, microsecond=0)
    while (step := step + LABEL_EVERY) and row(step) < end_row:
        times.append(step)
    lines = [row(t) for t in times] + [end_row]
    return tuple(
        (f"{t:%H:%M}", f"--cs-row: {lines[i]} / {max(lines[i + 1], lines[i] + 1)}")
        for i, t in enumerate(times)
    )


def day_view(
    sessions: tuple[Session, ...],
    room_order: tuple[str, ...],
    session_view: Callable[[Session], Mapping[str, object]],
) -> dict[str, Any]:
    """What _program_day.html needs of a day's grid, beside the day's id and label."""
    grid = day_grid(sessions, room_order)
    return {
        "columns": grid.columns if grid.rooms else 1,
        "rooms": [
            {"name": room, "grid": f"--cs-col: {number}"}
            for number, room in enumerate(grid.rooms, start=2)
        ],
        "slot": grid.slot,
        "rows": grid.rows,
        "start_utc": f"{grid.start.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
        "labels": [{"time": text, "grid": css} for text, css in grid.labels],
        "sessions": [{**session_view(s), "grid": grid.places[s.id]} for s in sessions],
    }
