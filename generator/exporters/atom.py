"""The schedule changes as an Atom 1.0 feed (RFC 4287): one entry per release of the program.

Ids never change: the feed's is the Changes page's address, an entry's a ``tag:`` URI of the
release's version. The changes not yet recorded are the entry of the version they will become,
so recording them later updates that entry instead of adding another. Dates come from the
releases (and the build date for the changes since the last): no clock, the same bytes for
the same data. The feed is a few kilobytes, so ElementTree writes it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlsplit

from markupsafe import escape

from generator.changes import ChangeLog, Entry
from generator.changes_view import (
    CHANGES_PAGE,
    FEED_FILE,
    entry_anchor,
    entry_title,
    sentence,
)
from generator.exporters import ics
from generator.i18n import ENGLISH, Language
from generator.model import ConferenceData

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"


def rfc3339(moment: datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M:%SZ}"


def entry_id(data: ConferenceData, log: ChangeLog, entry: Entry) -> str:
    """``tag:sysml.example.org,2027:changes/version-3``: stable across builds and hosts."""
    host = urlsplit(data.conference.url).hostname or "conference.invalid"
    last = log.history.last
    version = entry.version if entry.version is not None else (last.version if last else 0) + 1
    return f"tag:{host},{data.conference.year}:changes/version-{version}"


def _content(entry: Entry, zone: str, lang: Language) -> str:
    """The entry's changes as escaped HTML: a note, then one list item per change."""
    parts = [f"<p>{escape(entry.note)}</p>"] if entry.note else []
    if entry.changes:
        items = "".join(f"<li>{escape(sentence(c, zone, lang))}</li>" for c in entry.changes)
        parts.append(f"<ul>{items}</ul>")
    elif not entry.note:
        parts.append(f"<p>{escape(lang.gettext('The program was published.'))}</p>")
    return "".join(parts)


def _summary(entry: Entry, lang: Language) -> str:
    count = len(entry.changes)
    if not count:
        return entry.note or lang.gettext("The program was published.")
    return lang.counted("{count} change to the program.", "{count} changes to the program.", count)


def feed_title(data: ConferenceData, lang: Language = ENGLISH) -> str:
    return lang.gettext("{name}: schedule changes").format(name=data.conference.short_title)


def changes_feed(data: ConferenceData, log: ChangeLog, lang: Language = ENGLISH) -> str:
    """The feed's text: UTF-8 XML, one entry per release, newest first; its words (not its
    structure) in ``lang``."""
    conference = data.conference
    page = f"{conference.url}{CHANGES_PAGE}/"
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", page)
    sub(feed, "title", feed_title(data, lang))
    subtitle = lang.gettext("Sessions and papers of {name} moved, added or cancelled.")
    sub(feed, "subtitle", subtitle.format(name=conference.title))
    sub(feed, "updated", rfc3339(log.updated or ics.stamp(conference)))
    author = sub(feed, "author")
    sub(
        author, "name", lang.gettext("The organizers of {name}").format(name=conference.short_title)
    )
    sub(author, "uri", conference.url)
    sub(feed, "link", rel="self", type=MEDIA_TYPE, href=f"{conference.url}{FEED_FILE}")
    sub(feed, "link", rel="alternate", type="text/html", href=page)
    sub(feed, "generator", "confsite")
    for entry in log.entries:
        item = sub(feed, "entry")
        sub(item, "id", entry_id(data, log, entry))
        sub(item, "title", entry_title(entry, lang))
        sub(item, "updated", rfc3339(entry.date))
        sub(item, "link", rel="alternate", type="text/html", href=f"{page}#{entry_anchor(entry)}")
        sub(item, "summary", _summary(entry, lang))
        sub(item, "content", _content(entry, conference.timezone, lang), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
