"""data/series.yaml and one folder per edition, each edition through today's loader."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostics, Location
from generator.load import BIBTEX_FILE, OPTIONAL_FILES, REQUIRED_FILES, display_path
from generator.load.digest import files_digest, read_with_digest
from generator.load.yaml_source import LineDict, load_yaml_file
from generator.model import ConferenceData
from generator.series import people
from generator.series.model import Edition, Series, SeriesName
from generator.validate import load_and_validate
from generator.validate.fields import Record

SERIES_FILE = "series.yaml"
SERIES_KEYS = ("name", "url", "description", "current", "names", "moved_from_root")
REQUIRED_KEYS = ("name", "url", "current")
NAME_KEYS = ("name", "since", "until")
EDITION_FOLDER = re.compile(r"\d{4}\Z")
"""An edition's folder is named by its year."""

SiteData = ConferenceData | Series
"""What a data folder holds: one edition, or a series of them."""


def is_series(data_dir: Path) -> bool:
    """A data folder with series.yaml is a series; any other is one edition, as always."""
    return (data_dir / SERIES_FILE).is_file()


def load_site(data_dir: Path) -> tuple[SiteData | None, Diagnostics]:
    """One edition's model or the series', with every problem of every file."""
    if is_series(data_dir):
        return load_series(data_dir)
    return load_and_validate(data_dir)


def current_edition_folder(data_dir: Path) -> Path:
    """Where a command that writes one edition's files (import, release) works when it is given
    a series: the current edition's folder. A single edition's folder is itself; so is a series
    whose series.yaml names no current edition that has a folder (check reports why)."""
    if not is_series(data_dir):
        return data_dir
    current = series_value(data_dir, "current")
    folder = data_dir / str(current)
    return folder if isinstance(current, int) and folder.is_dir() else data_dir


def series_value(data_dir: Path, key: str) -> object:
    """A value of the series' series.yaml as written, unchecked (None where the file cannot
    be read): for commands that need one fact of it without checking the whole series."""
    path = data_dir / SERIES_FILE
    root = load_yaml_file(path, display_path(path), Diagnostics())
    return root.get(key) if isinstance(root, LineDict) else None


def edition_folders(data_dir: Path) -> list[Path]:
    """The edition folders of a series, oldest first."""
    return sorted(p for p in data_dir.iterdir() if p.is_dir() and EDITION_FOLDER.match(p.name))


def load_series(data_dir: Path) -> tuple[Series | None, Diagnostics]:
    """series.yaml, people.yaml and every edition folder, each validated; the series only
    when none of them has an error."""

    def own_files() -> str:
        return files_digest(data_dir, (data_dir / SERIES_FILE, data_dir / people.PEOPLE_FILE))

    (series, diagnostics), inputs = read_with_digest(lambda: _load_series(data_dir), own_files)
    return (None if series is None else replace(series, inputs=inputs)), diagnostics


def _load_series(data_dir: Path) -> tuple[Series | None, Diagnostics]:
    diagnostics = Diagnostics()
    path = display_path(data_dir / SERIES_FILE)
    root = load_yaml_file(data_dir / SERIES_FILE, path, diagnostics)
    for name in (*REQUIRED_FILES, *OPTIONAL_FILES, BIBTEX_FILE):
        if (data_dir / name).is_file():
            diagnostics.warning(
                Location(display_path(data_dir / name)),
                "in a series each edition keeps its files in its own folder (data/<year>/); "
                "this file is not read: move it into its edition's folder",
            )
    folders = edition_folders(data_dir)
    editions = [_edition(folder, diagnostics) for folder in folders]
    found = [e for e in editions if e is not None]
    rules = people.read_people(data_dir, diagnostics)
    series = _read_series(root, path, diagnostics, [int(f.name) for f in folders])
    if series is None or diagnostics.has_errors() or len(found) != len(editions):
        return None, diagnostics
    at_home = tuple(_served_at(e, f"{series.url}{e.year}/") for e in reversed(found))
    series = replace(series, editions=at_home, people=rules)
    people.check(series, diagnostics)
    _warn_shared_keys(series, diagnostics)
    return (None if diagnostics.has_errors() else series), diagnostics


def _served_at(edition: Edition, url: str) -> Edition:
    """The edition with its address in the series: every absolute link the pipeline writes
    (canonical links, BibTeX ``url``, calendars, metadata) comes from ``conference.url``."""
    conference = replace(edition.data.conference, url=url)
    return replace(edition, data=replace(edition.data, conference=conference))


def _edition(folder: Path, diagnostics: Diagnostics) -> Edition | None:
    data, found = load_and_validate(folder)
    diagnostics.extend(found.items)
    if data is None:
        return None
    year = int(folder.name)
    if data.conference.year != year:
        path = display_path(folder / "conference.yaml")
        root = load_yaml_file(folder / "conference.yaml", path, Diagnostics())
        line = root.line_of("year") if isinstance(root, LineDict) else 0
        diagnostics.error_at(
            path,
            line,
            f"conference: 'year' {data.conference.year} differs from its folder's name "
            f"'{folder.name}'; an edition's folder is named by its year",
        )
        return None
    return Edition(year=year, data=data, folder=display_path(folder))


def _read_series(root: Any, path: str, diagnostics: Diagnostics, years: list[int]) -> Series | None:
    if root is None:
        diagnostics.error_at(path, 1, "the file is empty; it must name the series")
        return None
    record = Record(root, path, 1, diagnostics, "series", SERIES_KEYS, REQUIRED_KEYS)
    if not record.ok:
        return None
    url = record.url("url")
    if url and not (url.lower().startswith(("http://", "https://")) and urlsplit(url).hostname):
        record.error("url", "series: 'url' must be the full address of the site (https://...)")
    current = record.int("current")
    shown = ", ".join(map(str, years)) or "none"
    if not years:
        record.error(
            None,
            "series: no edition folders; put each edition's files in a folder named by its "
            "year (data/2026/conference.yaml, ...)",
        )
    elif current and current not in years:
        record.error("current", f"series: 'current' {current} is not an edition (folders: {shown})")
    moved = record.int("moved_from_root")
    if years and moved and moved not in years:
        record.error(
            "moved_from_root",
            f"series: 'moved_from_root' {moved} is not an edition (folders: {shown})",
        )
    names = _read_names(record, diagnostics)
    if diagnostics.has_errors():
        return None
    return Series(
        name=record.str("name"),
        names=names,
        url=url if url.endswith("/") else url + "/",
        description=record.str("description"),
        current=current,
        editions=(),
        moved_from_root=moved,
    )


def _read_names(record: Record, diagnostics: Diagnostics) -> tuple[SeriesName, ...]:
    """The names the series had, each with its years; oldest first, never overlapping."""
    names: list[SeriesName] = []
    for item, line in record.list("names"):
        entry = Record(
            item,
            record.path,
            line,
            diagnostics,
            "series name",
            NAME_KEYS,
            ("name", "since"),
            name_key="name",
        )
        if not entry.ok:
            continue
        name = SeriesName(entry.str("name"), entry.int("since"), entry.int("until"))
        if name.until and name.until < name.since:
            entry.error(
                "until", f"{entry.what}: 'until' {name.until} is before 'since' {name.since}"
            )
        elif names and (not names[-1].until or names[-1].until >= name.since):
            entry.error(
                "since",
                f"{entry.what}: 'since' {name.since} overlaps the name before it; list the names "
                "oldest first, each 'since' after the previous 'until'",
            )
        names.append(name)
    return tuple(names)


def _bibtex_keys(edition: Edition) -> dict[str, Location]:
    """The keys of the edition's volume BibTeX, each where it is written (a generated entry's
    key is its paper's id, from papers.yaml)."""
    data = edition.data
    keys = {e.key: e.location for e in data.bib_entries.values()}
    if data.volume is not None:
        keys[data.volume.key] = data.volume.location
    for paper in data.papers:
        if paper.id not in data.bib_entries:
            keys[paper.id] = paper.location
    return keys


def _warn_shared_keys(series: Series, diagnostics: Diagnostics) -> None:
    """Two editions with one BibTeX key: the series' .bib would hold both, which BibTeX
    reports and cites as one."""
    seen: dict[str, int] = {}
    for edition in reversed(series.editions):  # oldest first: the later one is reported
        for key, location in _bibtex_keys(edition).items():
            if key in seen:
                diagnostics.warning(
                    location,
                    f"BibTeX key '{key}' is also used in {seen[key]}; the series' BibTeX holds "
                    "every edition's entries, so give this one a key of its own",
                )
            else:
                seen[key] = edition.year
