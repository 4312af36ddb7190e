"""conference.yaml: the facts of the edition, its topics and important dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from generator.diagnostics import Diagnostics, did_you_mean
from generator.model import Conference, ImportantDate, Topic, Venue
from generator.validate.fields import Record

AOE = timezone(timedelta(hours=-12), "AoE")
"""Anywhere on Earth: a deadline holds until it has passed everywhere, i.e. UTC-12."""

CONFERENCE_KEYS = (
    "name",
    "year",
    "title",
    "description",
    "fictional",
    "citation_pdf_elsewhere",
    "timezone",
    "start",
    "end",
    "venue",
    "url",
    "contact",
    "topics",
    "important_dates",
)
REQUIRED_KEYS = ("name", "year", "title", "timezone", "start", "end", "venue", "url")


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def zone(record: Record, key: str) -> ZoneInfo | None:
    """An IANA zone from the field ``key``, reported with a did-you-mean when unknown."""
    name = record.str(key)
    if not name:
        return None
    try:
        if name in _zone_names():
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    record.error(
        key,
        f"{record.what}: unknown time zone '{name}'{did_you_mean(name, _zone_names())}; use an "
        "IANA name such as 'America/Los_Angeles' or 'Europe/Berlin'",
    )
    return None


def read_conference(root: Any, path: str, diagnostics: Diagnostics) -> Conference | None:
    if root is None:
        diagnostics.error_at(path, 1, "the file is empty; it must describe the conference")
        return None
    record = Record(root, path, 1, diagnostics, "conference", CONFERENCE_KEYS, REQUIRED_KEYS)
    if not record.ok:
        return None
    conference_zone = zone(record, "timezone")
    start, end = record.date("start"), record.date("end")
    if start and end and end < start:
        record.error("end", f"conference: 'end' {end} is before 'start' {start}")
    year = record.int("year")
    if start and year and start.year != year:
        record.warning("year", f"conference: 'year' {year} differs from the year of 'start'")
    url = record.url("url")
    if url and not (url.lower().startswith(("http://", "https://")) and urlsplit(url).hostname):
        record.error("url", "conference: 'url' must be the full address of the site (https://...)")
        url = ""
    topics = _read_topics(record, diagnostics)
    dates = _read_important_dates(record, diagnostics)
    venue = _read_venue(record, diagnostics)
    if not (conference_zone and start and end and venue):
        return None
    return Conference(
        name=record.str("name"),
        year=year,
        title=record.str("title"),
        description=record.str("description"),
        timezone=conference_zone.key,
        start=start,
        end=end,
        venue=venue,
        url=url if url.endswith("/") else url + "/",
        topics=topics,
        important_dates=dates,
        contact=record.str("contact"),
        fictional=record.bool("fictional"),
        citation_pdf_elsewhere=record.bool("citation_pdf_elsewhere"),
    )


def _read_venue(record: Record, diagnostics: Diagnostics) -> Venue | None:
    value = record.raw("venue")
    if isinstance(value, str):
        return Venue(name=value.strip())
    if value is None:
        return None
    venue = Record(
        value,
        record.path,
        record.location("venue").line,
        diagnostics,
        "venue",
        ("name", "address", "city", "country", "url"),
        ("name",),
    )
    if not venue.ok:
        return None
    return Venue(
        name=venue.str("name"),
        address=venue.str("address"),
        city=venue.str("city"),
        country=venue.str("country"),
        url=venue.url("url"),
    )


def _read_topics(record: Record, diagnostics: Diagnostics) -> tuple[Topic, ...]:
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    for item, line in record.list("topics"):
        topic = Record(
            item,
            record.path,
            line,
            diagnostics,
            "topic",
            ("id", "name", "description"),
            ("id", "name"),
            name_key="id",
        )
        topic_id = topic.slug("id") if topic.ok else ""
        if not topic_id:
            continue
        if topic_id in seen:
            topic.error(
                "id", f"topic '{topic_id}' is defined twice (first on line {seen[topic_id]})"
            )
            continue
        seen[topic_id] = topic.location("id").line
        topics.append(Topic(topic_id, topic.str("name"), topic.text("description")))
    return tuple(topics)


def _read_important_dates(record: Record, diagnostics: Diagnostics) -> tuple[ImportantDate, ...]:
    dates: list[ImportantDate] = []
    for item, line in record.list("important_dates"):
        entry = Record(
            item,
            record.path,
            line,
            diagnostics,
            "important date",
            ("name", "date", "timezone"),
            ("name", "date"),
            name_key="name",
        )
        if not entry.ok:
            continue
        at = entry.datetime("date")
        zone_name = entry.str("timezone") or "AoE"
        tz: timezone | ZoneInfo | None = AOE if zone_name == "AoE" else zone(entry, "timezone")
        if at is None or tz is None:
            continue
        aware: datetime = at.replace(tzinfo=tz)
        dates.append(ImportantDate(entry.str("name"), aware, zone_name))
    return tuple(sorted(dates, key=lambda d: d.at))
