"""A page per keynote speaker at /speakers/<id>/: photo, bio, talk and when it is.

The speakers list keeps an anchor per speaker (/speakers/#<id>), so links made before these
pages existed still land on the speaker.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from generator.model import Speaker
from generator.urls import Urls


def speaker_path(speaker_id: str) -> str:
    return f"speakers/{speaker_id}"


def photo_from(photo: str, depth: str) -> str:
    """The photo as the speaker's own page reaches it: a relative address in speakers.yaml is
    relative to the speakers list (/speakers/), one folder up from here."""
    if not photo or urlsplit(photo).scheme or photo.startswith(("/", "#")):
        return photo
    return depth + photo


def speaker_card(speaker: Speaker, session: Any, urls: Urls, labels: Any) -> dict[str, Any]:
    """What the speakers list and the speaker's page both show. ``session`` is the speaker's
    keynote session, or None; ``labels`` gives a session's day and time as the other pages
    write them: (day_label, time_range)."""
    day_label, time_range = labels
    return {
        "id": speaker.id,
        "href": urls.speaker(speaker.id),
        "name": speaker.name.full,
        "affiliation": speaker.affiliation,
        "talk": speaker.talk_title.as_inline_html,
        "abstract": speaker.abstract.as_html if speaker.abstract else "",
        "bio": speaker.bio.as_html if speaker.bio else "",
        "photo": speaker.photo,
        "url": speaker.url,
        "session": (
            {
                "title": session.title,
                "href": urls.session(session.id),
                "day": day_label(session.day),
                "time": time_range(session),
                "room": session.room,
            }
            if session
            else None
        ),
    }


def speaker_view(speaker: Speaker, session: Any, labels: Any) -> dict[str, Any]:
    """The speaker's own page."""
    urls = Urls.for_path(speaker_path(speaker.id))
    return {
        **speaker_card(speaker, session, urls, labels),
        "photo": photo_from(speaker.photo, "../"),
        "speakers_href": urls.to("speakers/"),
    }
