"""releases.yaml: the published releases of the program and the program of the last one.

``confsite release`` writes the file (``generator.history.dump``); organizers edit only the
notes. Anything else that does not read back is reported at its line, like every data file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from generator.diagnostics import Diagnostics
from generator.history import (
    Change,
    ChangeKind,
    History,
    ItemKind,
    ItemState,
    Release,
    ScheduleState,
    Slot,
)
from generator.validate.fields import LineDict, Record

RELEASE_KEYS = ("version", "date", "note", "changes")
SLOT_KEYS = ("start", "end", "room", "session", "session_title")
CHANGE_KEYS = ("change", "session", "paper", "title", "from", "to")
STATE_KEYS = ("title", *SLOT_KEYS, "sequence", "stamp", "cancelled")
REWRITE = "run `confsite release` again or restore the file from git"


def _instant(record: Record, key: str, utc: bool = False) -> datetime | None:
    """An ISO 8601 date and time with its offset ('Z' for UTC where ``utc``)."""
    value = record.str(key)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        form = "2027-04-01T09:30:00Z" if utc else "2027-04-12T10:30:00-07:00"
        record.error(key, f"{record.what}: '{key}' '{value}' is not a date and time like {form}")
        return None
    return moment


def _slot_of(record: Record) -> Slot | None:
    """The slot fields of a change's 'from' or 'to', or of an item's state."""
    start, end = _instant(record, "start"), _instant(record, "end")
    if start is None or end is None:
        return None
    return Slot(start, end, record.str("room"), record.str("session"), record.str("session_title"))


def _slot(value: Any, line: int, record: Record) -> Slot | None:
    slot = Record(
        value, record.path, line, record.diagnostics, record.what, SLOT_KEYS, ("start", "end")
    )
    return _slot_of(slot) if slot.ok else None


def _change(value: Any, line: int, path: str, diagnostics: Diagnostics) -> Change | None:
    record = Record(value, path, line, diagnostics, "change", CHANGE_KEYS, ("change", "title"))
    if not record.ok:
        return None
    kinds = [kind for kind in ItemKind if record.has(kind.value)]
    if len(kinds) != 1:
        record.error(None, "change: give exactly one of 'session' and 'paper' (its id)")
        return None
    try:
        kind = ChangeKind(record.str("change"))
    except ValueError:
        choices = ", ".join(k.value for k in ChangeKind)
        record.error("change", f"change: 'change' must be one of {choices}")
        return None
    slots = {}
    for key in ("from", "to"):
        raw = record.raw(key)
        slots[key] = _slot(raw, record.location(key).line, record) if raw is not None else None
    return Change(
        kind, kinds[0], record.str(kinds[0].value), record.str("title"), slots["from"], slots["to"]
    )


def _release(value: Any, line: int, path: str, diagnostics: Diagnostics) -> Release | None:
    record = Record(
        value, path, line, diagnostics, "release", RELEASE_KEYS, ("version", "date"),
        name_key="version",
    )  # fmt: skip
    if not record.ok:
        return None
    date = _instant(record, "date", utc=True)
    changes = [
        _change(item, item_line, path, diagnostics) for item, item_line in record.list("changes")
    ]
    if date is None:
        return None
    return Release(
        record.int("version"), date, record.str("note"), tuple(c for c in changes if c is not None)
    )


def _items(
    record: Record, key: str, sessions: dict[str, ItemState] | None = None
) -> dict[str, ItemState]:
    """The items under ``key``; a paper without its own times takes its session's
    (``sessions``: the sessions read already)."""
    items: dict[str, ItemState] = {}
    mapping = record.mapping(key)
    if mapping is None:
        return items
    for item_id, raw in mapping.items():
        line = mapping.line_of(item_id)
        what = f"{key[:-1]} '{item_id}'"
        item = Record(raw, record.path, line, record.diagnostics, what, STATE_KEYS, ("title",))
        if not item.ok:
            continue
        session = (sessions or {}).get(item.str("session"))
        if session is not None and not item.has("start"):
            slot: Slot | None = Slot(
                session.slot.start,
                session.slot.end,
                session.slot.room,
                item.str("session"),
                item.str("session_title") or session.title,
            )
        elif session is not None and not item.has("session_title"):
            found = _slot_of(item)
            slot = replace(found, session_title=session.title) if found else None
        else:
            slot = _slot_of(item)
        if slot is not None:
            items[str(item_id)] = ItemState(
                item.str("title"),
                slot,
                item.int("sequence"),
                item.int("stamp"),
                item.bool("cancelled"),
            )
    return items


def read_releases(root: Any, path: str, diagnostics: Diagnostics) -> History:
    """The history in releases.yaml; an empty file is no history."""
    if root is None:
        return History()
    top = Record(root, path, 1, diagnostics, f"the top level of {path}", ("releases", "program"))
    if not top.ok:
        return History()
    releases = [_release(item, line, path, diagnostics) for item, line in top.list("releases")]
    versions = [r.version for r in releases if r is not None]
    if versions != sorted(set(versions)):
        top.error("releases", f"the releases' versions must rise one by one ({REWRITE})")
    program = top.mapping("program")
    state = None
    if program is not None:
        inner = Record(program, path, top.location("program").line, diagnostics, "program",
                       ("sessions", "papers"))  # fmt: skip
        sessions = _items(inner, "sessions")
        state = ScheduleState(sessions, _items(inner, "papers", sessions))
    found = tuple(r for r in releases if r is not None)
    if found and state is None:
        top.error(None, f"missing 'program:', the program of the last release ({REWRITE})")
    return History(found, state if found else None)


__all__ = ["LineDict", "read_releases"]
