"""A session's own list of papers in program.yaml: talk slots and poster boards.

    - id: s-compilers
      ...
      papers:
        - {id: p001, start: "10:30", end: "10:50"}
        - {id: p014, board: 12}

Each entry names a paper of papers.yaml; ``start``/``end`` give its talk slot (both or neither,
inside the session), ``board`` its poster board. A paper is listed in one session at most.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from generator.diagnostics import Diagnostics, Location
from generator.model import Talk
from generator.validate.fields import Record

TALK_KEYS = ("id", "start", "end", "board")


def read_talks(
    record: Record,
    session_id: str,
    window: tuple[datetime, datetime] | None,
    listed: dict[str, tuple[str, Location]],
) -> tuple[Talk, ...]:
    """The ``papers`` of one session; ``window`` is the session's start and end (None when
    they are invalid: slots are then not checked against it); ``listed`` maps each paper id
    seen so far to its session and place, across the whole program."""
    talks: list[Talk] = []
    boards: dict[str, int] = {}
    for value, line in record.list("papers"):
        entry = Record(
            value,
            record.path,
            line,
            record.diagnostics,
            f"session '{session_id}': paper",
            TALK_KEYS,
            ("id",),
            name_key="id",
        )
        if not entry.ok:
            continue
        paper_id = entry.str("id")
        if not paper_id:
            continue
        where = entry.location("id")
        if paper_id in listed:
            other, first = listed[paper_id]
            entry.error(
                "id",
                f"{entry.what} is already listed in session '{other}' (line {first.line}); "
                "a paper is presented in one session: remove one of the two",
            )
            continue
        listed[paper_id] = (session_id, where)
        start, end = _slot(entry, window)
        board = entry.str("board")
        if board and board in boards:
            entry.error(
                "board",
                f"{entry.what}: board '{board}' is already taken by the paper on line "
                f"{boards[board]}; give each poster its own board",
            )
        elif board:
            boards[board] = where.line
        talks.append(Talk(paper_id, entry.location(), start, end, board))
    _report_overlaps(talks, session_id, record.diagnostics)
    return tuple(talks)


def _slot(
    entry: Record, window: tuple[datetime, datetime] | None
) -> tuple[datetime | None, datetime | None]:
    if entry.has("start") != entry.has("end"):
        missing = "start" if entry.has("end") else "end"
        entry.error(
            None, f"{entry.what}: a talk slot needs both 'start' and 'end'; add '{missing}'"
        )
        return None, None
    start, end = entry.time("start"), entry.time("end")
    if start is None or end is None or window is None:
        return None, None
    first, last = _on_session_day(start, window), _on_session_day(end, window)
    if last <= first:
        entry.error(
            "end",
            f"{entry.what}: ends at {end:%H:%M}, not after its start {start:%H:%M}",
        )
        return None, None
    if first < window[0] or last > window[1]:
        entry.error(
            "start",
            f"{entry.what}: slot {start:%H:%M}-{end:%H:%M} is outside its session "
            f"({window[0]:%H:%M}-{window[1]:%H:%M}); move it inside or change the session",
        )
        return None, None
    return first, last


def _on_session_day(clock: time, window: tuple[datetime, datetime]) -> datetime:
    """A slot's time as an instant: in a session past midnight, a time before the session's
    start is on the next day."""
    start = window[0]
    day: date = start.date()
    if window[1].date() > day and clock < start.timetz().replace(tzinfo=None):
        day += timedelta(days=1)
    return datetime.combine(day, clock, tzinfo=start.tzinfo)


def _report_overlaps(talks: list[Talk], session_id: str, diagnostics: Diagnostics) -> None:
    """Two talks of one session at once: one room holds one speaker."""
    timed = sorted(
        ((t.start, t.end, t) for t in talks if t.start and t.end), key=lambda s: (s[0], s[1])
    )
    if not timed:
        return
    latest = timed[0]  # the talk ending last so far: every later start is compared to it
    for later in timed[1:]:
        start, end, talk = later
        if start < latest[1]:
            diagnostics.error(
                talk.location,
                f"session '{session_id}': paper '{talk.paper_id}' ({start:%H:%M}-{end:%H:%M}) "
                f"overlaps paper '{latest[2].paper_id}' ({latest[0]:%H:%M}-{latest[1]:%H:%M}, "
                f"line {latest[2].location.line})",
            )
        if end > latest[1]:
            latest = later
