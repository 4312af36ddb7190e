"""Committees and speakers from a CSV sheet or a YAML list, merged into committee.yaml and
speakers.yaml.

A committee list may be as plain as one name per row (or a YAML list of names); affiliation,
area (``systems`` or ``ml``) and role are taken when the list has them. A row with a role goes
into the organizing committee, every other row into the program committee. Speakers need a
name; an ``id`` is made from it when the list has none. Merging matches committee members by
name (accents, case and 'Last, First' order aside) and speakers by id; what the list gives
replaces what the file holds, what it leaves empty is kept, and nobody is removed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.diagnostics import Location
from generator.importers.merge import MergeReport
from generator.importers.records import ImportBatch, ImportedPerson
from generator.importers.yaml_file import Literal, comparable
from generator.load.yaml_source import LineDict, LineList, parse_yaml
from generator.names import Name, slugify
from generator.validate.people import SPEAKER_KEYS

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "member", "person", "speaker"),
    "first": ("first name", "first", "given name", "firstname"),
    "last": ("last name", "last", "family name", "surname", "lastname"),
    "affiliation": ("affiliation", "institution", "organization", "organisation", "company"),
    "area": ("area", "track", "expertise"),
    "role": ("role", "position"),
    "id": ("id",),
    "talk_title": ("talk_title", "talk title", "talk", "title"),
    "abstract": ("abstract",),
    "bio": ("bio", "biography"),
    "url": ("url", "website", "homepage", "web"),
}
"""Field -> column names (or YAML keys) that hold it, compared case-insensitively."""

AREAS = {
    "systems": "systems",
    "system": "systems",
    "sys": "systems",
    "ml": "ml",
    "machine learning": "ml",
    "machine-learning": "ml",
}


def _area(value: str, where: Location, batch: ImportBatch) -> str:
    if not value.strip():
        return ""
    area = AREAS.get(" ".join(value.casefold().split()))
    if area is None:
        batch.diagnostics.warning(
            where, f"area '{value}' is neither systems nor ml; the member is listed without one"
        )
        return ""
    return area


def _person(fields: dict[str, str], where: Location, batch: ImportBatch) -> None:
    name = " ".join((fields.get("name") or "").split())
    if not name:
        name = " ".join(f"{fields.get('first', '')} {fields.get('last', '')}".split())
    if not name:
        batch.skip(where, "no name; skipped")
        return
    batch.people.append(
        ImportedPerson(
            name=name,
            location=where,
            affiliation=" ".join((fields.get("affiliation") or "").split()),
            area=_area(fields.get("area") or "", where, batch),
            role=" ".join((fields.get("role") or "").split()),
            talk_title=" ".join((fields.get("talk_title") or "").split()),
            abstract=(fields.get("abstract") or "").strip(),
            bio=(fields.get("bio") or "").strip(),
            url=(fields.get("url") or "").strip(),
            source_id=(fields.get("id") or "").strip(),
        )
    )


def _fields(mapping: dict[str, Any]) -> dict[str, str]:
    by_name = {str(k).strip().casefold(): v for k, v in mapping.items()}
    out: dict[str, str] = {}
    for field, names in COLUMNS.items():
        for name in names:
            value = by_name.get(name)
            if value is not None and not isinstance(value, dict | list):
                out[field] = str(value)
                break
    return out


def read_csv(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    """A sheet with a header row (name, affiliation, area, role, ...)."""
    rows = csv.reader(io.StringIO(text, newline=""), strict=False)
    header = next(rows, None)
    if not header:
        batch.diagnostics.error_at(display, 1, "the file is empty; expected a header row")
        return
    known = {name for names in COLUMNS.values() for name in names}
    if not any(cell.strip().casefold() in known for cell in header):
        # No header: a plain list of names, one per row.
        rows = csv.reader(io.StringIO(text, newline=""), strict=False)
        header = ["name"]
    line = rows.line_num + 1
    for row in rows:
        where, line = Location(display, line), rows.line_num + 1
        if any(cell.strip() for cell in row):
            _person(_fields(dict(zip(header, row, strict=False))), where, batch)


def _yaml_entries(root: Any) -> Iterator[tuple[Any, int, str]]:
    """(entry, line, role default) of a YAML list, or of a committee.yaml-shaped mapping."""
    lists: list[tuple[Any, str]] = []
    if isinstance(root, list):
        lists.append((root, ""))
    elif isinstance(root, dict):
        for key, value in root.items():
            if isinstance(value, list):
                lists.append((value, "organizing" if key == "organizing" else ""))
    for items, section in lists:
        for index, item in enumerate(items):
            line = items.line_of(index) if isinstance(items, LineList) else 0
            yield item, line, section


def read_yaml(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    """A YAML list of names or of mappings, or a mapping of such lists (committee.yaml)."""
    root = parse_yaml(text, display, batch.diagnostics)
    if batch.diagnostics.has_errors():
        return
    entries = list(_yaml_entries(root))
    if not entries:
        batch.diagnostics.error_at(
            display, 1, "expected a YAML list of names, or of mappings with a 'name'"
        )
        return
    for item, line, section in entries:
        where = Location(display, item.line if isinstance(item, LineDict) else line)
        if isinstance(item, str):
            _person({"name": item}, where, batch)
        elif isinstance(item, dict):
            fields = _fields(item)
            if section == "organizing" and not fields.get("role"):
                fields["role"] = "Organizer"
            _person(fields, where, batch)
        else:
            batch.skip(where, "an entry is neither a name nor a mapping; skipped")


def read(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    """By the file's name: .yaml/.yml as YAML, anything else as CSV."""
    if path.suffix.lower() in (".yaml", ".yml"):
        read_yaml(path, display, text, batch)
    else:
        read_csv(path, display, text, batch)


def _upsert(
    entries: list[dict[str, Any]],
    index: dict[str, int],
    key: str,
    fields: dict[str, str],
    report: MergeReport,
    label: str,
) -> None:
    position = index.get(key)
    if position is None:
        index[key] = len(entries)
        entries.append({k: v for k, v in fields.items() if v})
        report.imported.append(label)
        return
    before = entries[position]
    updated = dict(before)
    updated.update({k: v for k, v in fields.items() if v})
    if comparable(updated) == comparable(before):
        report.unchanged.append(label)
    else:
        entries[position] = updated
        report.updated.append(label)


def merge_committee(
    root: dict[str, Any], people: list[ImportedPerson]
) -> tuple[dict[str, Any], MergeReport]:
    report = MergeReport()
    organizing = [dict(e) for e in root.get("organizing") or []]
    members = [dict(e) for e in root.get("program_committee") or []]

    def identity(entry: dict[str, Any]) -> str:
        return Name.parse(str(entry.get("name") or "")).identity

    by_member = {identity(e): i for i, e in enumerate(members)}
    by_organizer = {
        f"{identity(e)}|{str(e.get('role')).casefold()}": i for i, e in enumerate(organizing)
    }
    for person in people:
        who = Name.parse(person.name).identity
        if person.role:
            fields = {"role": person.role, "name": person.name, "affiliation": person.affiliation}
            key = f"{who}|{person.role.casefold()}"
            _upsert(organizing, by_organizer, key, fields, report, person.name)
        else:
            fields = {"name": person.name, "affiliation": person.affiliation, "area": person.area}
            _upsert(members, by_member, who, fields, report, person.name)
    order = (("role", "name", "affiliation"), ("name", "affiliation", "area"))
    return {
        "organizing": [_keys_in_order(e, order[0]) for e in organizing],
        "program_committee": [_keys_in_order(e, order[1]) for e in members],
    }, report


def merge_speakers(
    root: dict[str, Any], people: list[ImportedPerson]
) -> tuple[dict[str, Any], MergeReport]:
    """Speakers matched by id: the list's own, or one made from the name ('Ada Quill' ->
    'ada-quill'), so a re-import of a list without ids finds the same speakers."""
    report = MergeReport()
    speakers = [dict(e) for e in root.get("speakers") or []]
    by_id = {str(e.get("id")): i for i, e in enumerate(speakers)}
    for person in people:
        speaker_id = slugify(person.source_id or person.name) or "speaker"
        fields = {
            "id": speaker_id,
            "name": person.name,
            "affiliation": person.affiliation,
            "talk_title": person.talk_title,
            "abstract": person.abstract,
            "bio": person.bio,
            "url": person.url,
        }
        _upsert(speakers, by_id, speaker_id, fields, report, speaker_id)
    return {"speakers": [_keys_in_order(e, SPEAKER_KEYS) for e in speakers]}, report


def _keys_in_order(entry: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {k: entry[k] for k in keys if entry.get(k) not in (None, "")}
    out.update({k: v for k, v in entry.items() if k not in out and k not in keys})
    for key, value in out.items():
        if isinstance(value, str) and "\n" in value:
            out[key] = Literal(value)
    return out
