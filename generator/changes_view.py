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
from generator.i18n import ENGLISH, N_, Language
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
    ChangeKind.MOVED: N_("Moved"),
    ChangeKind.ADDED: N_("Added"),
    ChangeKind.CANCELLED: N_("Cancelled"),
}
PAPER_CANCELLED = N_("Removed from the program")
ITEM_LABELS = {ItemKind.SESSION: N_("session"), ItemKind.PAPER: N_("paper")}
"""What changed, as the Changes page names it (English: the catalogue translates these)."""


def slot_text(slot: Slot, zone: str, lang: Language = ENGLISH) -> str:
    """'Mon 12 Apr, 10:30–12:00 PDT, Room A' in the conference's zone."""
    start, end = slot.start.astimezone(ZoneInfo(zone)), slot.end.astimezone(ZoneInfo(zone))
    times = f"{lang.clock(start)}–{lang.clock(end)}"
    when = f"{lang.short_day(start)}, {times} {start:%Z}"
    return f"{when}, {slot.room}" if slot.room else when


def place_text(change: Change, slot: Slot, zone: str, lang: Language = ENGLISH) -> str:
    """A slot, with the session for a paper: "'Compilers' (Mon 12 Apr, ..., Room A)"."""
    text = slot_text(slot, zone, lang)
    if change.item is ItemKind.PAPER and slot.session:
        return lang.gettext("“{session}” ({slot})").format(session=slot.session_title, slot=text)
    return text


def kind_label(change: Change, lang: Language = ENGLISH) -> str:
    if change.kind is ChangeKind.CANCELLED and change.item is ItemKind.PAPER:
        return lang.gettext(PAPER_CANCELLED)
    return lang.gettext(KIND_LABELS[change.kind])


def sentence(change: Change, zone: str, lang: Language = ENGLISH) -> str:
    """The change in one line: "Moved: session 'X' from ... to ..."."""
    head = lang.gettext("{label}: {item} “{title}”").format(
        label=kind_label(change, lang),
        item=lang.gettext(ITEM_LABELS[change.item]),
        title=change.title,
    )
    if change.before is not None and change.after is not None:
        before, after = (
            place_text(change, change.before, zone, lang),
            place_text(change, change.after, zone, lang),
        )
        return lang.gettext("{change}, from {before} to {after}").format(
            change=head, before=before, after=after
        )
    slot = change.after or change.before
    assert slot is not None
    return f"{head}, {place_text(change, slot, zone, lang)}"


def entry_title(entry: Entry, lang: Language = ENGLISH) -> str:
    day = lang.day_label(entry.date)
    if entry.version is None:
        return lang.gettext("Latest changes, {day}").format(day=day)
    return lang.gettext("Version {version} of the program, {day}").format(
        version=entry.version, day=day
    )


def entry_anchor(entry: Entry) -> str:
    return "latest" if entry.version is None else f"version-{entry.version}"


def change_view(
    change: Change, zone: str, urls: Urls, pages: Pages, lang: Language = ENGLISH
) -> dict[str, Any]:
    """One change; its title links to the item's page while the site still has that page."""
    href = ""
    if change.id in pages[change.item]:
        href = urls.paper(change.id) if change.item is ItemKind.PAPER else urls.session(change.id)
    return {
        "kind": change.kind.value,
        "label": kind_label(change, lang),
        "item": lang.gettext(ITEM_LABELS[change.item]),
        "title": change.title,
        "href": href,
        "before": place_text(change, change.before, zone, lang) if change.before else "",
        "after": place_text(change, change.after, zone, lang) if change.after else "",
    }


Pages = dict[ItemKind, set[str]]
"""The ids of the sessions in the program and of the papers with a page."""


def changes_view(
    log: ChangeLog, data: ConferenceData, path: str = CHANGES_PAGE, lang: Language = ENGLISH
) -> dict[str, Any]:
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
                "title": entry_title(entry, lang),
                "date": f"{entry.date:%Y-%m-%dT%H:%M:%SZ}",
                "note": entry.note,
                "first": entry.version == 1 and not entry.changes,
                "changes": [change_view(c, zone, urls, pages, lang) for c in entry.changes],
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
