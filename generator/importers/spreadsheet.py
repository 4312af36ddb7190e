"""CSV exports of any submission system (CMT, EasyChair, a chair's own spreadsheet), and
Mini-Conf's ``papers.csv``.

Which column holds what is a column mapping: ``--map title="Paper Title"`` says that the field
``title`` comes from the column "Paper Title". Without one, common column names are recognised
(CMT's "Paper ID", "Paper Title", "Authors", "Status"; Mini-Conf's "UID", "title", "authors").
With a decision column, only rows whose decision is an acceptance are imported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from generator.diagnostics import Location, did_you_mean
from generator.importers.authors import parse_authors
from generator.importers.records import ImportBatch, ImportedPaper, is_acceptance
from generator.model import LINK_KINDS

FIELDS = ("id", "title", "authors", "abstract", "decision", "pages", "doi", *LINK_KINDS)
"""Fields a column can be mapped to."""

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "paper id", "paper_id", "uid", "submission id", "submission", "number", "#"),
    "title": ("title", "paper title", "paper_title"),
    "authors": ("authors", "author names", "author list", "author_names"),
    "abstract": ("abstract", "paper abstract"),
    "decision": ("decision", "status", "acceptance", "outcome"),
    "pages": ("pages",),
    "doi": ("doi", "doi_link", "doi link"),
    "pdf": ("pdf", "pdf_url", "pdf url"),
    "code": ("code", "code_url", "code url"),
    "slides": ("slides", "slides_url"),
    "video": ("video", "video_url"),
    "poster": ("poster", "poster_url"),
}
"""Column names recognised without a mapping, compared case-insensitively."""

MINICONF_COLUMNS = {"id": "UID", "title": "title", "authors": "authors", "abstract": "abstract"}


def parse_mapping(items: list[str]) -> tuple[dict[str, str], list[str]]:
    """'field=Column' strings to a mapping, and the messages for the ones that are wrong."""
    mapping: dict[str, str] = {}
    problems: list[str] = []
    for item in items:
        field, sep, column = item.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            problems.append(f"--map '{item}': write FIELD=COLUMN, e.g. --map title='Paper Title'")
        elif field not in FIELDS:
            problems.append(
                f"--map '{item}': unknown field '{field}'{did_you_mean(field, FIELDS)}; fields: "
                f"{', '.join(FIELDS)}"
            )
        else:
            mapping[field] = column
    return mapping, problems


def _resolve_columns(
    header: list[str], mapping: Mapping[str, str], display: str, batch: ImportBatch
) -> dict[str, int] | None:
    by_name = {name.strip().casefold(): index for index, name in enumerate(header)}
    columns: dict[str, int] = {}
    for field, column in mapping.items():
        index = by_name.get(column.strip().casefold())
        if index is None:
            batch.diagnostics.error_at(
                display,
                1,
                f"--map {field}={column}: no column '{column}'{did_you_mean(column, header)}; "
                f"the columns are: {', '.join(header)}",
            )
            return None
        columns[field] = index
    for field, names in DEFAULT_COLUMNS.items():
        if field in columns:
            continue
        for name in names:
            if name in by_name and by_name[name] not in columns.values():
                columns[field] = by_name[name]
                break
    missing = [field for field in ("title", "authors") if field not in columns]
    if missing:
        batch.diagnostics.error_at(
            display,
            1,
            f"no column for {' and '.join(missing)}; name it with "
            + " ".join(f"--map {field}=COLUMN" for field in missing)
            + f" (the columns are: {', '.join(header)})",
        )
        return None
    return columns


def _doi(value: str) -> str:
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value


def read(
    path: Path,
    display: str,
    text: str,
    batch: ImportBatch,
    mapping: Mapping[str, str],
    author_separator: str | None = None,
) -> None:
    """Every row of the sheet; ``mapping`` names columns for fields (field -> column name)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        header = next(reader)
    except StopIteration:
        batch.diagnostics.error_at(display, 1, "the file is empty; expected a header row")
        return
    except csv.Error as exc:
        batch.diagnostics.error_at(display, 1, f"not a readable CSV header: {exc}")
        return
    columns = _resolve_columns(header, mapping, display, batch)
    if columns is None:
        return
    next_line = reader.line_num + 1
    row_number = 0
    while True:
        start = next_line
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            batch.skip(Location(display, start), f"unreadable CSV row ({exc}); skipped")
            next_line = reader.line_num + 1
            continue
        next_line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1

        def cell(field: str, row: list[str] = row) -> str:
            index = columns.get(field)
            return row[index].strip() if index is not None and index < len(row) else ""

        where = Location(display, start)
        label = f"row {row_number}"
        if "decision" in columns and not is_acceptance(cell("decision")):
            batch.not_accepted += 1
            continue
        title = cell("title")
        authors = tuple(parse_authors(cell("authors"), author_separator))
        source_id = cell("id") or str(row_number)
        if not (title and authors):
            missing = [w for w, v in (("title", title), ("authors", authors)) if not v]
            batch.skip(where, f"{label}: no {' or '.join(missing)}; skipped")
            continue
        links = tuple(
            (kind, url) for kind in LINK_KINDS if (url := cell(kind)).startswith(("http", "/"))
        )
        batch.papers.append(
            ImportedPaper(
                source_id=source_id,
                title=" ".join(title.split()),
                authors=authors,
                location=where,
                abstract=cell("abstract").replace("\r\n", "\n"),
                pages=cell("pages"),
                doi=_doi(cell("doi")),
                links=links,
            )
        )


def read_miniconf(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    """Mini-Conf's papers.csv: authors are 'Name (Affiliation) | ...' groups."""
    header = next(csv.reader(text.splitlines()[:1]), [])
    known = {name.casefold() for name in header}
    mapping = {f: c for f, c in MINICONF_COLUMNS.items() if c.casefold() in known}
    read(path, display, text, batch, mapping, author_separator="|")
