"""The home page's facts and the call for papers."""

from __future__ import annotations

from typing import Any

from generator.changes_view import CHANGES_PAGE, FEED_FILE
from generator.model import SessionKind
from generator.urls import Urls
from generator.views.common import Index, date_in_zone, utc_iso
from generator.views.contexts import HomeView


def dates_view(index: Index) -> list[dict[str, str]]:
    return [
        {"name": d.name, "when": date_in_zone(d, index.lang), "utc": utc_iso(d.at), "zone": d.zone}
        for d in index.data.conference.important_dates
    ]


def home_view(index: Index, program: bool = True) -> HomeView:
    """``program`` False: the edition has no program pages (an archived edition of a series,
    imported from its proceedings), so the facts link its papers only."""
    conference = index.data.conference
    sessions = index.data.sessions
    urls = Urls.for_path("")
    dates = index.lang.date_span(conference.start, conference.end)
    return {
        "title": conference.title,
        "fictional": conference.fictional,
        "dates": dates,
        "venue": conference.venue,
        "timezone": conference.timezone,
        "important_dates": dates_view(index),
        "uses_aoe": any(d.zone == "AoE" for d in conference.important_dates),
        "paper_count": len(index.data.papers),
        "session_count": sum(1 for s in index.data.sessions if s.kind is SessionKind.PAPERS),
        "links": {
            "program": urls.to("program/") if program else "",
            # The program page scrolls to what runs now (or next) when opened at #now.
            "now": urls.to("program/") + "#now" if program else "",
            "proceedings": urls.to("proceedings/"),
            "cfp": urls.to("call-for-papers/"),
            "changes": urls.to(f"{CHANGES_PAGE}/") if program else "",
            "feed": urls.to(FEED_FILE) if program else "",
        },
        # The span "Now and next" may show in: the browser fetches the agenda only inside it.
        "schedule_span": (
            {
                "start": utc_iso(min(s.start for s in sessions)),
                "end": utc_iso(max(s.end for s in sessions)),
            }
            if sessions and program
            else None
        ),
        "sponsors": [
            {"name": s.name, "tier": s.tier.capitalize(), "url": s.url} for s in index.data.sponsors
        ],
    }


def cfp_view(index: Index) -> dict[str, Any]:
    conference = index.data.conference
    return {
        "title": conference.title,
        "topics": [
            {"id": t.id, "name": t.name, "description": t.description.as_html}
            for t in conference.topics
        ],
        "important_dates": dates_view(index),
        "contact": conference.contact,
        "uses_aoe": any(d.zone == "AoE" for d in conference.important_dates),
    }
