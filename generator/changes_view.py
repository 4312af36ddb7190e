"""The schedule changes as people read them: the Changes page, the feed and ``confsite release``.

Times are shown in the conference's zone, as the program shows them; an item that is still in
the program links to its page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from generator.changes import ChangeLog, Entry, EventVersion
from generator.history import Change, ChangeKind, ItemKind, Slot
from generator.model import ConferenceData
from generator.urls import Urls

if TYPE_CHECKING:
    from generator.releases import Outcome

CHANGES_PAGE = "changes"
"""Where the Changes page is served, from the site's root."""
FEED_FILE = "changes.xml"
"""The Atom feed of the changes, from the site's root. Beside sitemap.xml, not in changes/:
Material's instant navigation takes every <link rel="alternate"> for a translation of the
site and fetches sitemap.xml from its folder (a 404, and an error in the console, from
changes/)."""

KIND_LABELS = {
    ChangeKind.MOVED: "Moved",
    ChangeKind.ADDED: "Added",
    ChangeKind.CANCELLED: "Cancelled",
}
PAPER_CANCELLED = "Removed from the program"


def slot_text(slot: Slot, zone: str) -> str:
    """'Mon 12 Apr, 10:30–12:00 PDT, Room A' in the conference's zone."""
    start, end = slot.start.astimezone(ZoneInfo(zone)), slot.end.astimezone(ZoneInfo(zone))
    when = f"{start:%a} {start.day} {start:%b}, {start:%H:%M}–{end:%H:%M} {start:%Z}"
    return f"{when}, {slot.room}" if slot.room else when


def place_text(change: Change, slot: Slot, zone: str) -> str:
    """A slot, with the session for a paper: "'Compilers' (Mon 12 Apr, ..., Room A)"."""
    text = slot_text(slot, zone)
    if change.item is ItemKind.PAPER and slot.session:
        return f"“{slot.session_title}” ({text})"
    return text


def kind_label(change: Change) -> str:
    if change.kind is ChangeKind.CANCELLED and change.item is ItemKind.PAPER:
        return PAPER_CANCELLED
    return KIND_LABELS[change.kind]


def sentence(change: Change, zone: str) -> str:
    """The change in one line: "Moved: session 'X' from ... to ..."."""
    head = f"{kind_label(change)}: {change.item.value} “{change.title}”"
    if change.before is not None and change.after is not None:
        before, after = (
            place_text(change, change.before, zone),
            place_text(change, change.after, zone),
        )
        return f"{head}, from {before} to {after}"
    slot = change.after or change.before
    assert slot is not None
    return f"{head}, {place_text(change, slot, zone)}"


def entry_title(entry: Entry) -> str:
    day = f"{entry.date:%A} {entry.date.day} {entry.date:%B %Y}"
    if entry.version is None:
        return f"Latest changes, {day}"
    return f"Version {entry.version} of the program, {day}"


def entry_anchor(entry: Entry) -> str:
    return "latest" if entry.version is None else f"version-{entry.version}"


def change_view(change: Change, zone: str, urls: Urls, pages: Pages) -> dict[str, Any]:
    """One change; its title links to the item's page while the site still has that page."""
    href = ""
    if change.id in pages[change.item]:
        href = urls.paper(change.id) if change.item is ItemKind.PAPER else urls.session(change.id)
    return {
        "kind": change.kind.value,
        "label": kind_label(change),
        "item": change.item.value,
        "title": change.title,
        "href": href,
        "before": place_text(change, change.before, zone) if change.before else "",
        "after": place_text(change, change.after, zone) if change.after else "",
    }


Pages = dict[ItemKind, set[str]]
"""The ids of the sessions in the program and of the papers with a page."""


def changes_view(log: ChangeLog, data: ConferenceData, path: str = CHANGES_PAGE) -> dict[str, Any]:
    """The Changes page: every release, newest first, its changes moved, added, cancelled."""
    urls = Urls.for_path(path)
    zone = data.conference.timezone
    pages = {
        ItemKind.SESSION: {s.id for s in data.sessions},
        ItemKind.PAPER: {p.id for p in data.papers},
    }
    entries = []
    for entry in log.entries:
        entries.append(
            {
                "id": entry_anchor(entry),
                "title": entry_title(entry),
                "date": f"{entry.date:%Y-%m-%dT%H:%M:%SZ}",
                "note": entry.note,
                "first": entry.version == 1 and not entry.changes,
                "changes": [change_view(c, zone, urls, pages) for c in entry.changes],
            }
        )
    return {
        "timezone": zone,
        "entries": entries,
        "feed_href": urls.to(FEED_FILE),
        "program_href": urls.to("program/"),
    }


def agenda_version(version: EventVersion) -> dict[str, Any]:
    """A changed event's SEQUENCE and DTSTAMP for agenda.json (the agenda's own .ics), as the
    site's calendars write them; nothing for an event that never changed."""
    if not version.sequence or version.stamp is None:
        return {}
    return {"sequence": version.sequence, "dtstamp": f"{version.stamp:%Y%m%dT%H%M%SZ}"}


def release_lines(outcome: Outcome) -> Iterator[str]:
    """What ``confsite release`` tells the organizer."""
    if outcome.release is None:
        version = outcome.previous.version if outcome.previous else 0
        yield f"{outcome.path}: the program is version {version}'s; nothing recorded"
        return
    release = outcome.release
    count = len(release.changes)
    what = "the first release" if outcome.previous is None else f"{count} change(s)"
    yield f"{outcome.path}: version {release.version} recorded ({what}), {_utc(release.date)}"
    for change in release.changes:
        yield f"  {sentence(change, outcome.zone)}"
    yield "commit it with the data; the next build shows it on the Changes page and in the feed"


def _utc(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"
