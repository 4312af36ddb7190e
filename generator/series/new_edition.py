"""``confsite new-edition YEAR``: the next edition's folder, from the current one's facts.

The new folder gets the current edition's conference.yaml with every year moved on (title,
dates, address), each date marked "change me" for ``confsite check --strict`` to list, and an
empty papers.yaml; series.yaml then names it current. Nothing else changes: the editions
before keep their folders, and so their pages keep their addresses.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load import display_path
from generator.load.yaml_source import LineDict, load_yaml_file
from generator.series.load import SERIES_FILE, is_series, load_series

_YEAR = re.compile(r"(?<![\d.])(1[89]\d\d|2\d\d\d)(?![\d])")
_DATE_LINE = re.compile(r"^(\s*-?\s*(?:start|end|date):[^#\n]*?)(\s*#.*)?$", re.M)


class NewEditionError(Exception):
    """Why no edition was made (a message for the organizer, with the file)."""


def new_edition(data_dir: Path, year: int) -> list[Path]:
    """Make edition ``year`` of the series in ``data_dir`` current; the files written."""
    shown = display_path(data_dir)
    if not is_series(data_dir):
        raise NewEditionError(
            f"{shown}: error: not a series (no {SERIES_FILE}); see the organizer guide, "
            "'Series', to make one"
        )
    series, _diagnostics = load_series(data_dir)
    if series is None:
        raise NewEditionError(
            f"{shown}: error: the series has errors; fix them first (`confsite check --data "
            f"{shown}` lists them)"
        )
    newest = series.editions[0].year
    if year <= newest:
        raise NewEditionError(
            f"{shown}: error: the new edition's year must come after the newest one, {newest}"
        )
    current = series.current_edition
    folder = data_dir / str(year)
    source = data_dir / str(current.year) / "conference.yaml"
    conference = moved_on(source.read_text(encoding="utf-8"), year - current.year, current.year)
    folder.mkdir()
    written = [folder / "conference.yaml", folder / "papers.yaml"]
    written[0].write_text(conference, encoding="utf-8")
    papers = files("generator.scaffold").joinpath("data", "papers.yaml").read_text("utf-8")
    written[1].write_text(papers.replace("../schemas/", "../../schemas/"), encoding="utf-8")
    series_file = data_dir / SERIES_FILE
    series_file.write_text(
        with_current(series_file.read_text(encoding="utf-8"), series_file, year),
        encoding="utf-8",
    )
    return [*written, series_file]


def moved_on(text: str, years: int, old: int) -> str:
    """conference.yaml's text with every year ``years`` later and each date to check."""
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    text = text.replace("../schemas/", "../../schemas/") if "../../schemas/" not in text else text

    def mark(match: re.Match[str]) -> str:
        return f"{match.group(1)}  # change me: moved on from {old}"

    return _DATE_LINE.sub(mark, text)


def with_current(text: str, path: Path, year: int) -> str:
    """series.yaml's text with ``current`` set to ``year``, its comments kept."""
    root = load_yaml_file(path, display_path(path), Diagnostics())
    line = root.line_of("current") if isinstance(root, LineDict) else 0
    lines = text.splitlines(keepends=True)
    lines[line - 1] = re.sub(r"(current:\s*)\d+", rf"\g<1>{year}", lines[line - 1], count=1)
    return "".join(lines)
