"""JSON Schemas of the data files, for editors (autocompletion, errors while typing).

They describe the files as the build's loader reads them: dates and times are strings
("2027-04-12", "09:30"), because the loader resolves only null, booleans and numbers. The key
lists come from the validators, so a new field appears here when it is added there;
``confsite schema`` writes the files, and a test keeps the committed ``schemas/`` up to date.
The validators stay the authority: a schema cannot say that a session id must exist.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.model import LINK_KINDS
from generator.series.load import NAME_KEYS, SERIES_KEYS
from generator.series.load import REQUIRED_KEYS as SERIES_REQUIRED
from generator.series.people import PERSON_KEYS
from generator.validate.conference import CONFERENCE_KEYS, REQUIRED_KEYS
from generator.validate.papers import AUTHOR_KEYS, PAPER_KEYS
from generator.validate.people import AREAS, SPEAKER_KEYS, SPONSOR_TIERS
from generator.validate.program import KINDS, SESSION_KEYS
from generator.validate.talks import TALK_KEYS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SLUG = {
    "type": "string",
    "pattern": "^[a-z0-9][a-z0-9_-]*$",
    "description": "an id: a-z, 0-9, - and _",
}
TEXT = {"type": ["string", "number"]}
MARKDOWN = {"type": "string", "description": "Markdown; $...$ for math"}
URL = {
    "type": "string",
    "pattern": "^(https?://|mailto:|[^:]*$)",
    "description": "http(s), mailto or relative",
}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "YYYY-MM-DD"}
TIME = {
    "type": "string",
    "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
    "description": 'HH:MM, quoted ("09:30"): unquoted, YAML may read it as a number',
}
END_TIME = {
    "type": "string",
    "pattern": "^(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)$",
    "description": 'HH:MM, quoted; earlier than the start means the next day, "24:00" midnight',
}
DATETIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$",
    "description": '"YYYY-MM-DD HH:MM" (a date alone means 23:59)',
}


def _object(
    keys: Sequence[str], types: dict[str, Any], required: Sequence[str] = (), title: str = ""
) -> dict[str, Any]:
    """A mapping with exactly these keys; a key the validator knows but this module does not
    get described is still allowed (any value), so the schema never rejects valid data."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key: types.get(key, {}) for key in keys},
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    if title:
        schema["title"] = title
    return schema


def _list_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": ["array", "null"], "items": item}


def _document(name: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": f"{name}.schema.json",
        "title": name,
        "description": description,
        **body,
    }


def _conference() -> dict[str, Any]:
    venue = _object(
        ("name", "address", "city", "country", "url"),
        {"name": TEXT, "address": TEXT, "city": TEXT, "country": TEXT, "url": URL},
        ("name",),
    )
    topic = _object(
        ("id", "name", "description"),
        {"id": SLUG, "name": TEXT, "description": MARKDOWN},
        ("id", "name"),
    )
    important = _object(
        ("name", "date", "timezone"),
        {
            "name": TEXT,
            "date": DATETIME,
            "timezone": {"type": "string", "description": "AoE or an IANA zone"},
        },
        ("name", "date"),
    )
    types = {
        "name": TEXT,
        "year": {"type": "integer"},
        "title": TEXT,
        "description": TEXT,
        "fictional": {"type": "boolean"},
        "citation_pdf_elsewhere": {"type": "boolean"},
        "timezone": {"type": "string", "description": "IANA zone, e.g. Europe/Berlin"},
        "start": DATE,
        "end": DATE,
        "venue": {"anyOf": [{"type": "string"}, venue]},
        "url": {"type": "string", "pattern": "^https?://"},
        "contact": TEXT,
        "topics": _list_of(topic),
        "important_dates": _list_of(important),
    }
    return _document(
        "conference.yaml",
        "The facts of the edition.",
        _object(CONFERENCE_KEYS, types, REQUIRED_KEYS),
    )


def _papers() -> dict[str, Any]:
    author = _object(
        AUTHOR_KEYS,
        {
            "name": TEXT,
            "affiliation": TEXT,
            "orcid": {"type": "string", "description": "0000-0000-0000-000X"},
        },
        ("name",),
    )
    links = _object(LINK_KINDS, dict.fromkeys(LINK_KINDS, URL))
    types = {
        "id": SLUG,
        "title": TEXT,
        "authors": {
            "type": "array",
            "minItems": 1,
            "items": {"anyOf": [{"type": "string"}, author]},
        },
        "abstract": MARKDOWN,
        "topics": _list_of(SLUG),
        "session": {"type": "string", "description": "a session id from program.yaml"},
        "award": TEXT,
        "links": links,
        "pages": TEXT,
        "doi": {"type": "string", "description": "10.NNNN/suffix"},
        "no_abstract": {
            "type": "boolean",
            "description": "true: the paper has no abstract on purpose (no warning)",
        },
    }
    paper = _object(PAPER_KEYS, types, ("id", "title", "authors"))
    return _document(
        "papers.yaml",
        "The accepted papers.",
        _object(("papers",), {"papers": _list_of(paper)}, ("papers",)),
    )


def _program() -> dict[str, Any]:
    # A paper the session lists: its talk slot (start and end inside the session), its board.
    talk_types = {
        "id": {"type": "string", "description": "a paper id from papers.yaml"},
        "start": TIME,
        "end": TIME,
        "board": TEXT,
    }
    talk = _object(TALK_KEYS, talk_types, ("id",))
    talk["dependentRequired"] = {"start": ["end"], "end": ["start"]}
    types = {
        "id": SLUG,
        "title": TEXT,
        "kind": {"enum": list(KINDS)},
        "start": TIME,
        "end": END_TIME,
        "room": TEXT,
        "chair": TEXT,
        "speaker": {"type": "string", "description": "a speaker id from speakers.yaml"},
        "description": MARKDOWN,
        "organizers": _list_of(TEXT),
        "papers": _list_of(talk),
    }
    session = _object(SESSION_KEYS, types, ("id", "title", "kind", "start", "end"))
    day = _object(("date", "sessions"), {"date": DATE, "sessions": _list_of(session)}, ("date",))
    rooms = {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "uniqueItems": True,
        "description": "the program grid's room columns, left to right",
    }
    return _document(
        "program.yaml",
        "Days and sessions.",
        _object(("rooms", "days"), {"rooms": rooms, "days": _list_of(day)}, ("days",)),
    )


def _committee() -> dict[str, Any]:
    organizer = _object(
        ("role", "name", "affiliation"),
        {"role": TEXT, "name": TEXT, "affiliation": TEXT},
        ("role", "name"),
    )
    member = _object(
        ("name", "affiliation", "area"),
        {"name": TEXT, "affiliation": TEXT, "area": {"enum": list(AREAS)}},
        ("name",),
    )
    body = _object(
        ("organizing", "program_committee"),
        {"organizing": _list_of(organizer), "program_committee": _list_of(member)},
    )
    return _document("committee.yaml", "Organizers and program committee.", body)


def _speakers() -> dict[str, Any]:
    types = {
        "id": SLUG,
        "name": TEXT,
        "affiliation": TEXT,
        "talk_title": TEXT,
        "abstract": MARKDOWN,
        "bio": MARKDOWN,
        "photo": URL,
        "url": URL,
    }
    speaker = _object(SPEAKER_KEYS, types, ("id", "name"))
    return _document(
        "speakers.yaml",
        "Keynote and invited speakers.",
        _object(("speakers",), {"speakers": _list_of(speaker)}, ("speakers",)),
    )


def _sponsors() -> dict[str, Any]:
    sponsor = _object(
        ("name", "tier", "url", "logo"),
        {"name": TEXT, "tier": {"enum": list(SPONSOR_TIERS)}, "url": URL, "logo": URL},
        ("name",),
    )
    return _document(
        "sponsors.yaml",
        "Sponsors by tier.",
        _object(("sponsors",), {"sponsors": _list_of(sponsor)}, ("sponsors",)),
    )


def _series() -> dict[str, Any]:
    year = {"type": "integer", "minimum": 1000, "maximum": 9999}
    name = _object(NAME_KEYS, {"name": TEXT, "since": year, "until": year}, ("name", "since"))
    types = {
        "name": TEXT,
        "url": URL,
        "description": TEXT,
        "current": {**year, "description": "the year of the current edition (its folder)"},
        "names": _list_of(name),
        "moved_from_root": {
            **year,
            "description": "the edition that was the whole site before the series: its old "
            "addresses lead to /<year>/",
        },
    }
    return _document(
        "series.yaml",
        "A series of editions: its name, its names over the years, its address and its "
        "current edition; each edition's files are in a folder named by its year.",
        _object(SERIES_KEYS, types, SERIES_REQUIRED),
    )


def _people() -> dict[str, Any]:
    names = {"type": ["array", "null"], "items": TEXT}
    types = {
        "id": SLUG,
        "name": TEXT,
        "variants": names,
        "orcid": {"type": "string", "pattern": r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"},
        "papers": {
            "type": ["array", "null"],
            "items": {"type": "string", "pattern": r"^\d{4}/[^/\s]+$"},
            "description": "'<year>/<paper id>' of the papers this person wrote",
        },
    }
    person = _object(PERSON_KEYS, types, ("id", "name"))
    return _document(
        "people.yaml",
        "Who is who across a series' editions, where names alone would mislead.",
        _object(("people",), {"people": _list_of(person)}, ("people",)),
    )


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every YAML data file."""
    return {
        "conference.schema.json": _conference(),
        "papers.schema.json": _papers(),
        "program.schema.json": _program(),
        "committee.schema.json": _committee(),
        "speakers.schema.json": _speakers(),
        "sponsors.schema.json": _sponsors(),
        "series.schema.json": _series(),
        "people.schema.json": _people(),
    }


def render(schema: dict[str, Any]) -> str:
    """Stable text: same schema, same bytes."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
