"""``confsite import-edition FILE.bib``: a past edition of a series from its proceedings .bib.

What organizers keep of an edition long gone is its volume: one @proceedings entry and one
entry per paper, as PMLR publishes them. That is enough for an archived edition: the new folder
``data/<year>/`` gets a conference.yaml made from the @proceedings entry (its name, title,
year, dates and address, where it has them; each fact it lacks written as a value to change),
and the papers and the file's entries as ``confsite import bibtex`` would merge them
(papers.yaml, proceedings.bib, where the editors and publisher stay for the volume). Without a
program the edition has no program pages (``series.pages.absent_pages``). It becomes the
current edition only when it is the newest; else series.yaml stays as it was.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from generator import latex
from generator.diagnostics import Diagnostics, Location
from generator.importers import run_import, textfile
from generator.load import display_path
from generator.model import BibEntry
from generator.series.load import SERIES_FILE, edition_folders, is_series, series_value
from generator.series.new_edition import with_current
from generator.validate import load_and_validate
from generator.validate.bibtex_reader import read_entries
from generator.validate.proceedings import VOLUME_TYPES

CHANGE_ME = "# change me: not in the .bib"


@dataclass
class EditionImport:
    """What one import did: the problems, the importer's report and the files written."""

    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    lines: list[str] = field(default_factory=list)
    """The papers import's own report (notes and its summary line)."""
    wrote: list[str] = field(default_factory=list)
    year: int = 0
    current: int = 0
    """The series' current edition after the import."""

    @property
    def ok(self) -> bool:
        return bool(self.wrote) and not self.diagnostics.has_errors()


@dataclass(frozen=True)
class Volume:
    """The facts of an edition that its proceedings .bib holds."""

    year: int
    entry: BibEntry | None
    """The @proceedings entry (None: the file has none)."""


def import_edition(
    source: Path, data_dir: Path, year: int | None = None, progress: TextIO | None = None
) -> EditionImport:
    """Make ``data_dir/<year>/`` an archived edition from the .bib ``source``; never raises
    for bad input: every problem is a diagnostic at its file and line."""
    outcome = EditionImport()
    problems = outcome.diagnostics
    shown = display_path(source)
    if not is_series(data_dir):
        problems.error_at(
            display_path(data_dir),
            0,
            f"not a series (no {SERIES_FILE}); a past edition goes into a series' folder: see "
            "the organizer guide, 'Series', to make one",
        )
        return outcome
    volume = read_volume(source, shown, year, problems)
    if volume is None:
        return outcome
    folder = data_dir / str(volume.year)
    if not _free(folder, problems):
        return outcome
    series_file = data_dir / SERIES_FILE
    series_name = name_in(series_file, volume.year)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    papers = run_import("bibtex", source, folder, progress_stream=progress)
    # The importer's notes (ids it had to change) and its summary; its problems join ours.
    notes = sorted({(n.location, str(n)) for n in papers.notes})
    outcome.lines = [*(text for _where, text in notes), papers.lines()[-1]]
    problems.extend(papers.diagnostics.items)
    if not papers.ok:
        if created:
            shutil.rmtree(folder)  # leave no half edition for the next check to trip over
        return outcome
    url = _series_url(series_file)
    conference = folder / "conference.yaml"
    text = conference_yaml(volume, series_name, url, source.name)
    conference.write_text(text, encoding="utf-8")
    outcome.wrote = [display_path(conference), *papers.wrote]
    outcome.year = volume.year
    outcome.current = _current(series_file)
    others = [int(f.name) for f in edition_folders(data_dir) if f != folder]
    if all(volume.year > other for other in others):
        series_file.write_text(
            with_current(series_file.read_text(encoding="utf-8"), series_file, volume.year),
            encoding="utf-8",
        )
        outcome.current = volume.year
        outcome.wrote.append(display_path(series_file))
    _data, found = load_and_validate(folder)
    problems.extend(found.items)
    return outcome


def read_volume(source: Path, shown: str, year: int | None, problems: Diagnostics) -> Volume | None:
    """The file's @proceedings entry and the edition's year, or None with the reason."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        problems.error_at(shown, 0, f"cannot read the file: {exc.strerror}")
        return None
    decoded = textfile.decode(data, shown, None, problems)
    if decoded is None:
        return None
    entries = read_entries(decoded[0], shown, Diagnostics())  # the import reports them
    volumes = [e for e in entries if e.entry_type in VOLUME_TYPES]
    if len(entries) == len(volumes):
        problems.error_at(
            shown,
            1,
            "no paper entries: a proceedings .bib holds one @proceedings entry for the volume "
            "and an @inproceedings entry for each paper",
        )
        return None
    entry = volumes[0] if volumes else None
    written = entry.get("year").strip() if entry else ""
    found = int(written) if re.fullmatch(r"\d{4}", written) else 0
    if entry is not None and year and found and found != year:
        problems.error(
            entry.field_location("year"),
            f"entry '{entry.key}': 'year' {found} differs from --year {year}; an edition's "
            "folder is named by its year",
        )
        return None
    if not (year or found):
        where = entry.location if entry else Location(shown, 1)
        problems.error(
            where,
            "no year: the file has no @proceedings entry with a 'year'; give it with --year YYYY",
        )
        return None
    return Volume(year or found, entry)


def _free(folder: Path, problems: Diagnostics) -> bool:
    """An edition goes into a folder of its own: new, or empty."""
    if folder.is_dir():
        held = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    else:
        held = [folder] if folder.exists() else []
    if not held:
        return True
    conference = folder / "conference.yaml"
    first = conference if conference in held else held[0]
    problems.error_at(
        display_path(first),
        1 if first.is_file() else 0,
        f"edition {folder.name} already has its data in {display_path(folder)}; to merge these "
        f"papers into it, run `confsite import bibtex FILE --data {display_path(folder)}`",
    )
    return False


def name_in(series_file: Path, year: int) -> str:
    """The series' name in ``year`` as series.yaml gives it (``names``, else ``name``)."""
    present = str(series_value(series_file.parent, "name") or "").strip()
    names = series_value(series_file.parent, "names")
    for item in names if isinstance(names, list) else []:
        if isinstance(item, dict):
            since, until = _number(item.get("since")), _number(item.get("until"))
            if since <= year and (not until or year <= until):
                return str(item.get("name") or "").strip() or present
    return present


def _number(value: object) -> int:
    return value if isinstance(value, int) else 0


def _series_url(series_file: Path) -> str:
    url = str(series_value(series_file.parent, "url") or "").strip()
    return url if url.endswith("/") else url + "/"


def _current(series_file: Path) -> int:
    return _number(series_value(series_file.parent, "current"))


def _q(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _text(entry: BibEntry | None, *names: str) -> str:
    """The first of the fields the entry has, as plain text."""
    for name in names:
        value = latex.decode(entry.get(name)) if entry else ""
        if value.strip():
            return " ".join(value.split())
    return ""


def _date(entry: BibEntry | None, name: str) -> str:
    value = entry.get(name).strip() if entry else ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return ""


def venue_lines(address: str) -> list[str]:
    """'Hall, Taipei, Taiwan' as conference.yaml's venue: the last part the country, the one
    before the city, the rest the venue's name."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if not parts:
        return [f'venue: "To be found"  {CHANGE_ME}']
    if len(parts) < 3:
        city, country = parts[0], parts[-1] if len(parts) == 2 else ""
        lines = ["venue:", f"  name: {_q(city)}"]
        return lines + ([f"  country: {_q(country)}"] if country else [])
    name = ", ".join(parts[:-2])
    return [
        "venue:",
        f"  name: {_q(name)}",
        f"  city: {_q(parts[-2])}",
        f"  country: {_q(parts[-1])}",
    ]


def conference_yaml(volume: Volume, series_name: str, url: str, file_name: str) -> str:
    """The edition's conference.yaml from its @proceedings entry (from ``file_name``)."""
    entry, year = volume.entry, volume.year
    name = _text(entry, "shortname") or series_name
    title = _text(entry, "name", "booktitle", "title") or f"{name} {year}"
    start, end = _date(entry, "start"), _date(entry, "end")
    if start and (not end or end < start):
        end = start
    dates = (
        [f"start: {start}", f"end: {end}"]
        if start
        else [f"start: {year}-01-01  {CHANGE_ME}", f"end: {year}-01-01  {CHANGE_ME}"]
    )
    lines = [
        "# yaml-language-server: $schema=../../schemas/conference.schema.json",
        f"# {name} {year}, an archived edition: imported from its proceedings ({file_name}) by",
        "# `confsite import-edition`. The volume's editors and publisher are in proceedings.bib.",
        f"name: {_q(name)}",
        f"year: {year}",
        f"title: {_q(title)}",
        "timezone: UTC  # not in the .bib; only a program's times need it",
        *dates,
        *venue_lines(_text(entry, "address")),
        f"url: {_q(f'{url}{year}/')}  # the series serves each edition at its url + year",
    ]
    return "\n".join(lines) + "\n"
