"""committee.yaml, speakers.yaml and sponsors.yaml."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.model import Area, CommitteeMember, Organizer, Speaker, Sponsor
from generator.names import Name
from generator.validate.fields import Record, top_level_list

AREAS = tuple(area.value for area in Area)
SPONSOR_TIERS = ("platinum", "gold", "silver", "bronze", "supporter")
SPEAKER_KEYS = ("id", "name", "affiliation", "talk_title", "abstract", "bio", "photo", "url")


def read_committee(
    root: Any, path: str, diagnostics: Diagnostics
) -> tuple[tuple[Organizer, ...], tuple[CommitteeMember, ...]]:
    if root is None:
        diagnostics.error_at(
            path, 1, "the file is empty; it must list 'organizing:' and 'program_committee:'"
        )
        return (), ()
    top = Record(
        root,
        path,
        1,
        diagnostics,
        f"the top level of {path}",
        ("organizing", "program_committee"),
    )
    if not top.ok:
        return (), ()
    organizers: list[Organizer] = []
    for value, line in top.list("organizing"):
        record = Record(
            value,
            path,
            line,
            diagnostics,
            "organizer",
            ("role", "name", "affiliation"),
            ("role", "name"),
            name_key="name",
        )
        if record.ok and record.has("role") and record.has("name"):
            organizers.append(
                Organizer(
                    record.str("role"), Name.parse(record.str("name")), record.str("affiliation")
                )
            )
    members: list[CommitteeMember] = []
    for value, line in top.list("program_committee"):
        record = Record(
            value,
            path,
            line,
            diagnostics,
            "program committee member",
            ("name", "affiliation", "area"),
            ("name",),
            name_key="name",
        )
        if not record.ok:
            continue
        record.what = f"program committee member '{record.str('name')}'"
        area = record.str("area")
        if area and area not in AREAS:
            record.error(
                "area",
                f"{record.what}: unknown area '{area}'{did_you_mean(area, AREAS)}; use "
                "'systems' or 'ml'",
            )
            continue
        if record.has("name"):
            members.append(
                CommitteeMember(
                    Name.parse(record.str("name")),
                    record.str("affiliation"),
                    Area(area) if area else None,
                )
            )
    return tuple(organizers), tuple(members)


def read_speakers(root: Any, path: str, diagnostics: Diagnostics) -> tuple[Speaker, ...]:
    speakers: list[Speaker] = []
    seen: dict[str, Location] = {}
    for value, line in top_level_list(root, "speakers", path, diagnostics, "- id: jane-doe"):
        record = Record(
            value, path, line, diagnostics, "speaker", SPEAKER_KEYS, ("id", "name"), name_key="id"
        )
        if not record.ok:
            continue
        speaker_id = record.slug("id")
        record.what = f"speaker '{speaker_id}'"
        if speaker_id in seen:
            record.error(
                "id", f"speaker id '{speaker_id}' is used twice (first at {seen[speaker_id]})"
            )
            continue
        seen[speaker_id] = record.location("id")
        if not (speaker_id and record.has("name")):
            continue
        speakers.append(
            Speaker(
                id=speaker_id,
                name=Name.parse(record.str("name")),
                affiliation=record.str("affiliation"),
                talk_title=record.text("talk_title"),
                abstract=record.text("abstract"),
                bio=record.text("bio"),
                photo=record.url("photo"),
                url=record.url("url"),
            )
        )
    return tuple(speakers)


def read_sponsors(root: Any, path: str, diagnostics: Diagnostics) -> tuple[Sponsor, ...]:
    sponsors: list[Sponsor] = []
    for value, line in top_level_list(root, "sponsors", path, diagnostics, "- name: Acme"):
        record = Record(
            value,
            path,
            line,
            diagnostics,
            "sponsor",
            ("name", "tier", "url", "logo"),
            ("name",),
            name_key="name",
        )
        if not record.ok:
            continue
        record.what = f"sponsor '{record.str('name')}'"
        tier = record.str("tier") or "supporter"
        if tier not in SPONSOR_TIERS:
            record.error(
                "tier",
                f"{record.what}: unknown tier '{tier}'{did_you_mean(tier, SPONSOR_TIERS)}; use "
                f"one of {', '.join(SPONSOR_TIERS)}",
            )
            continue
        if record.has("name"):
            sponsors.append(
                Sponsor(record.str("name"), tier, record.url("url"), record.url("logo"))
            )
    order = {tier: index for index, tier in enumerate(SPONSOR_TIERS)}
    return tuple(sorted(sponsors, key=lambda s: order[s.tier]))
