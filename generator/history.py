"""The program as published, release by release: what ``data/releases.yaml`` holds.

A *release* is a version of the program the organizers published (``confsite release`` records
one). Each keeps the changes it made to the one before, and the file keeps the program of the
last release, item by item, with each calendar event's ``SEQUENCE``. Every build compares the
program with that last release (``generator/changes.py``); the file is data like any other, so
the same data gives the same site, in a shallow clone too, without reading git's history.

The file is written in one style (``dump``): block YAML for its structure, one JSON flow
mapping per item (JSON is YAML), so that a diff of it shows one line per changed item.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

FILE = "releases.yaml"
"""The file's name in the data folder."""


class ChangeKind(enum.Enum):
    """What a release did to an item; in the order changes are listed."""

    MOVED = "moved"
    """Its time, day or room changed; for a paper also its session."""
    ADDED = "added"
    CANCELLED = "cancelled"


class ItemKind(enum.Enum):
    SESSION = "session"
    PAPER = "paper"


@dataclass(frozen=True)
class Slot:
    """When and where an item takes place: a session's own time, a paper's session's."""

    start: datetime
    end: datetime
    """Aware datetimes (the offset of the conference zone at that time)."""
    room: str
    session: str = ""
    """For a paper: the id of its session."""
    session_title: str = ""


@dataclass(frozen=True)
class Change:
    """One item added, moved or cancelled by a release."""

    kind: ChangeKind
    item: ItemKind
    id: str
    title: str
    before: Slot | None
    """None for an added item."""
    after: Slot | None
    """None for a cancelled item."""


@dataclass(frozen=True)
class Release:
    version: int
    date: datetime
    """When it was recorded, UTC."""
    note: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ItemState:
    """An item as the last release published it."""

    title: str
    slot: Slot
    sequence: int = 0
    """The SEQUENCE of its calendar event: raised by each release that moved or cancelled it."""
    stamp: int = 0
    """The version of the release that last raised ``sequence`` (its date is the event's
    DTSTAMP); 0 while it never changed."""
    cancelled: bool = False
    """Kept after a cancellation, so that an item that comes back continues its sequence."""


@dataclass(frozen=True)
class ScheduleState:
    sessions: dict[str, ItemState]
    papers: dict[str, ItemState]

    def items(self, kind: ItemKind) -> dict[str, ItemState]:
        return self.sessions if kind is ItemKind.SESSION else self.papers


@dataclass(frozen=True)
class History:
    """releases.yaml: the releases in order, and the program of the last one."""

    releases: tuple[Release, ...] = ()
    state: ScheduleState | None = None
    """None: nothing was ever released, so there is nothing to compare with."""

    @property
    def last(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    def release(self, version: int) -> Release | None:
        for release in self.releases:
            if release.version == version:
                return release
        return None


NO_HISTORY = History()


def utc_text(moment: datetime) -> str:
    """'2027-04-01T09:30:00Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _slot_fields(slot: Slot) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "start": slot.start.isoformat(),
        "end": slot.end.isoformat(),
        "room": slot.room,
    }
    if slot.session:
        fields["session"] = slot.session
        fields["session_title"] = slot.session_title
    return fields


def _flow(fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _change_fields(change: Change) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "change": change.kind.value,
        change.item.value: change.id,
        "title": change.title,
    }
    if change.before is not None:
        fields["from"] = _slot_fields(change.before)
    if change.after is not None:
        fields["to"] = _slot_fields(change.after)
    return fields


def _state_fields(state: ItemState, sessions: dict[str, ItemState]) -> dict[str, Any]:
    """An item's state; a paper that takes place when and where its session does (most of
    them) names only the session: a third of the bytes at 10,000 papers."""
    fields: dict[str, Any] = {"title": state.title, **_slot_fields(state.slot)}
    session = sessions.get(state.slot.session)
    if session is not None and session.title == state.slot.session_title:
        del fields["session_title"]
        if _place(session.slot) == _place(state.slot):
            del fields["start"], fields["end"], fields["room"]
    if state.sequence:  # 0, the default, left out: most items never change
        fields["sequence"] = state.sequence
    if state.stamp:
        fields["stamp"] = state.stamp
    if state.cancelled:
        fields["cancelled"] = True
    return fields


def _place(slot: Slot) -> tuple[datetime, datetime, str]:
    return slot.start, slot.end, slot.room


HEADER = (
    "# The program as published, release by release. Written by `confsite release`: edit only\n"
    "# the notes. Every build compares the program with the last release and lists the\n"
    "# differences on the Changes page (see the organizer guide, 'Schedule changes').\n"
)


def dump(history: History) -> str:
    """The text of releases.yaml; the same history always gives the same bytes."""
    lines = [HEADER.rstrip("\n"), "releases:"]
    for release in history.releases:
        lines += [
            f"  - version: {release.version}",
            f"    date: {_flow(utc_text(release.date))}",
            f"    note: {_flow(release.note)}",
        ]
        if release.changes:
            lines.append("    changes:")
            lines += [f"      - {_flow(_change_fields(c))}" for c in release.changes]
        else:
            lines.append("    changes: []")
    state = history.state or ScheduleState({}, {})
    lines.append("program:")
    for kind in ItemKind:
        items = state.items(kind)
        lines.append(f"  {kind.value}s:" + ("" if items else " {}"))
        lines += [
            f"    {_flow(key)}: {_flow(_state_fields(items[key], state.sessions))}"
            for key in sorted(items)
        ]
    return "\n".join(lines) + "\n"
