"""Schedule changes: the program compared with its last release (``generator/history.py``).

``state_of`` reduces the program to what calendars and attendees care about: when and where
each session and each scheduled paper takes place. ``compare`` lists what was added, moved and
cancelled between two such states. A build shows the releases' recorded changes and, on top,
the changes not yet recorded (``ChangeLog``); ``record`` makes those a new release (what
``confsite release`` writes). Every calendar event whose time, room or session changed gets the
next ``SEQUENCE`` and the date of the change as its ``DTSTAMP``; every other event keeps its
own, so the same data always gives the same calendars.

It costs one pass over the program and one over the papers (dictionary look-ups), whatever
the number of earlier releases: their changes are stored, not recomputed.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from generator.history import (
    NO_HISTORY,
    Change,
    ChangeKind,
    History,
    ItemKind,
    ItemState,
    Release,
    ScheduleState,
    Slot,
)
from generator.model import ConferenceData


def state_of(data: ConferenceData) -> ScheduleState:
    """The program as it stands: every session, and every paper that is in a session."""
    sessions: dict[str, ItemState] = {}
    slots: dict[str, Slot] = {}
    for session in data.sessions:
        slot = Slot(session.start, session.end, session.room)
        slots[session.id] = slot
        sessions[session.id] = ItemState(session.title, slot)
    papers: dict[str, ItemState] = {}
    titles = {s.id: s.title for s in data.sessions}
    for paper in data.papers:
        session_id = paper.session_id or ""
        session_slot = slots.get(session_id)
        if session_slot is None:
            continue
        slot = replace(session_slot, session=session_id, session_title=titles[session_id])
        if paper.start and paper.end:  # its own talk slot: moving the talk is a change
            slot = replace(slot, start=paper.start, end=paper.end)
        papers[paper.id] = ItemState(paper.title.as_text, slot)
    return ScheduleState(sessions, papers)


def _when_where(slot: Slot) -> tuple[datetime, datetime, str, str]:
    """What makes an event the same event for a calendar: instants, room, session."""
    return (slot.start, slot.end, slot.room, slot.session)


def compare(before: ScheduleState, after: ScheduleState) -> list[Change]:
    """What changed from ``before`` to ``after``: moved, then added, then cancelled items;
    sessions before papers; each in the program's order (cancelled ones in ``before``'s).

    A paper counts as moved when its session changed, not when its whole session moved (the
    session's move says it); its calendar event changes either way (``ChangeLog``).
    """
    changes: list[Change] = []
    moved_sessions = {
        key
        for key, item in after.sessions.items()
        if key in before.sessions
        and not before.sessions[key].cancelled
        and _when_where(before.sessions[key].slot) != _when_where(item.slot)
    }
    for kind in ItemKind:
        old_items, new_items = before.items(kind), after.items(kind)
        for key, new in new_items.items():
            old = old_items.get(key)
            if old is None or old.cancelled:
                changes.append(Change(ChangeKind.ADDED, kind, key, new.title, None, new.slot))
                continue
            if _when_where(old.slot) == _when_where(new.slot):
                continue
            follows_session = (
                kind is ItemKind.PAPER
                and old.slot.session == new.slot.session
                and new.slot.session in moved_sessions
            )
            if not follows_session:
                changes.append(Change(ChangeKind.MOVED, kind, key, new.title, old.slot, new.slot))
        for key, old in old_items.items():
            if key not in new_items and not old.cancelled:
                changes.append(Change(ChangeKind.CANCELLED, kind, key, old.title, old.slot, None))
    order = list(ChangeKind)
    return sorted(changes, key=lambda change: order.index(change.kind))  # stable


def _next_state(before: ScheduleState | None, after: ScheduleState, version: int) -> ScheduleState:
    """``after`` with each item's sequence carried on from ``before``: raised (and stamped
    with ``version``) where its event changed; cancelled items kept as such."""
    if before is None:
        return after
    out: dict[ItemKind, dict[str, ItemState]] = {}
    for kind in ItemKind:
        old_items, items = before.items(kind), dict(after.items(kind))
        for key, new in items.items():
            old = old_items.get(key)
            if old is None:
                continue
            if old.cancelled or _when_where(old.slot) != _when_where(new.slot):
                items[key] = replace(new, sequence=old.sequence + 1, stamp=version)
            else:
                items[key] = replace(new, sequence=old.sequence, stamp=old.stamp)
        for key, old in old_items.items():
            if key not in items:
                if old.cancelled:
                    items[key] = old
                else:
                    items[key] = replace(
                        old, sequence=old.sequence + 1, stamp=version, cancelled=True
                    )
        out[kind] = dict(sorted(items.items()))
    return ScheduleState(out[ItemKind.SESSION], out[ItemKind.PAPER])


def record(history: History, data: ConferenceData, when: datetime, note: str = "") -> History:
    """``history`` with the current program as a new release (dated ``when``, UTC)."""
    current = state_of(data)
    last = history.last
    version = last.version + 1 if last else 1
    changes = compare(history.state, current) if history.state is not None else []
    release = Release(version, when.astimezone(UTC), note.strip(), tuple(changes))
    return History((*history.releases, release), _next_state(history.state, current, version))


@dataclass(frozen=True)
class Entry:
    """One release on the Changes page and in the feed; ``version`` None: not yet recorded."""

    version: int | None
    date: datetime
    note: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class EventVersion:
    """A calendar event's SEQUENCE and DTSTAMP (None: the calendars' usual stamp)."""

    sequence: int = 0
    stamp: datetime | None = None


UNCHANGED = EventVersion()
_last: tuple[weakref.ref[ConferenceData], ChangeLog] | None = None


class ChangeLog:
    """The changes a build publishes: the recorded releases and the changes since the last.

    ``pending_date`` dates the changes not yet recorded: the build date (``SOURCE_DATE_EPOCH``,
    from the data's last commit), never before the last release.
    """

    def __init__(self, history: History, data: ConferenceData, build_date: datetime) -> None:
        self.history = history
        self.sessions: dict[str, EventVersion] = {}
        self.papers: dict[str, EventVersion] = {}
        self.pending_date = build_date.astimezone(UTC)
        entries: list[Entry] = []
        last = history.last
        if history.state is not None and last is not None:
            current = state_of(data)
            pending = compare(history.state, current)
            self.pending_date = max(build_date.astimezone(UTC), last.date)
            following = _next_state(history.state, current, last.version + 1)
            dates = {r.version: r.date for r in history.releases}
            dates[last.version + 1] = self.pending_date
            for kind, versions in (
                (ItemKind.SESSION, self.sessions),
                (ItemKind.PAPER, self.papers),
            ):
                for key, item in following.items(kind).items():
                    if item.sequence and not item.cancelled:
                        versions[key] = EventVersion(item.sequence, dates.get(item.stamp))
            if pending:
                entries.append(Entry(None, self.pending_date, "", tuple(pending)))
        entries += [Entry(r.version, r.date, r.note, r.changes) for r in reversed(history.releases)]
        self.entries = tuple(entries)
        """Newest first."""

    @classmethod
    def of(cls, data: ConferenceData) -> ChangeLog:
        """The change log of ``data`` (its ``history``), dated by the build date.

        The pages and the calendars both ask; the last one is kept (0.23 s at 10,000 papers).
        """
        global _last
        if _last is not None and _last[0]() is data:
            return _last[1]
        log = cls(data.history, data, data.build_date)
        _last = (weakref.ref(data), log)
        return log

    def session(self, session_id: str) -> EventVersion:
        return self.sessions.get(session_id, UNCHANGED)

    def paper(self, paper_id: str) -> EventVersion:
        return self.papers.get(paper_id, UNCHANGED)

    @property
    def updated(self) -> datetime | None:
        """When the program last changed (the feed's date); None without any release."""
        return self.entries[0].date if self.entries else None


__all__ = ["NO_HISTORY", "ChangeLog", "Entry", "EventVersion", "compare", "record", "state_of"]
