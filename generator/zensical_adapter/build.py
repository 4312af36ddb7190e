"""``confsite build --engine zensical``: stage the core's output, let Zensical build it, then
publish atomically (generator/publish.py) as the MkDocs builder does.

Zensical runs in this process through its one public call, ``zensical.build(config_file,
options)``; a fresh staging folder beside the site each time, with ``clean`` set, so that no
cache from an earlier build can leave a stale page in the new site (a warm cache would halve
Zensical's time, docs/organizer-guide.md).
"""

from __future__ import annotations

import html
import json
import re
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import escape

from generator import publish, reproducible, search, site_common
from generator.build import render_outputs
from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.mkdocs_adapter.offline import theme_colour
from generator.series.load import SiteData, load_site
from generator.zensical_adapter import guard
from generator.zensical_adapter.config import (
    ConfigError,
    Project,
    read_project,
    theme_view,
    zensical_config,
)
from generator.zensical_adapter.stage import page_url, stage

VERSION = "0.0.73"
"""The Zensical release this adapter is written against (pyproject.toml pins it)."""


class ZensicalFailure(Exception):
    """The build failed (the message says why); the previous site is intact."""


def build_site(
    project: Project,
    site_dir: Path,
    given: Mapping[str, Any],
    validated: tuple[SiteData | None, Diagnostics] | None = None,
    strict: bool = False,
) -> list[Diagnostic]:
    """Build ``project`` (its mkdocs.yml, read by ``read_project``) with Zensical into
    ``site_dir``; guard.py's warnings back. ``given`` and ``validated`` as for the MkDocs
    builder: command-line options over the plugin's settings, and the data already validated.
    """
    zensical = _zensical()
    try:
        options = project.options(dict(given))
    except ConfigError as error:
        raise ZensicalFailure(str(error)) from None
    if validated is None:
        validated = load_site(options.data_dir)
    result = render_outputs(*validated, options, streamed=True)
    errors = [d for d in result.diagnostics.sorted() if d.severity is Severity.ERROR]
    if errors:
        raise ZensicalFailure(
            f"{len(errors)} error(s) in the conference data in {options.data_dir}; fix them "
            "and build again (`confsite check` lists them)"
        )
    warnings = guard.engine_warnings(project.root)
    theme = theme_view(project)
    colour = str((project.settings.get("extra") or {}).get("theme_color") or theme_colour(theme))
    epoch = reproducible.build_epoch(options.build_date, options.data_dir)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{site_dir.name}.zensical-"
    for left in sorted(site_dir.parent.glob(prefix + "*")):  # an earlier build that stopped
        publish.remove_in_background(left)
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=site_dir.parent))
    try:
        with reproducible.pinned_build_date(epoch):
            try:
                entries = stage(result, options, project.source, work / "docs", colour)
            except site_common.HandWrittenCollision as collision:
                raise ZensicalFailure(str(collision)) from None
            staged_config = work / "mkdocs.yml"
            staged_config.write_text(
                zensical_config(
                    project,
                    result.site,
                    colour,
                    {f.uri for f in result.files},
                    result.nav_moves,
                ),
                "utf-8",
            )
            try:
                zensical.build(str(staged_config), {"clean": True, "strict": strict})
            except Exception as error:  # Zensical raises its own kinds from Rust
                raise ZensicalFailure(f"Zensical: {error}") from None
        built = work / "site"
        _add_to_zensical_search(built / "search.json", entries)
        entries += _hand_written_entries(project.source, built)
        search.SearchIndex(entries).write(built / "search")
        publish.swap_in(built, site_dir)
    finally:
        publish.remove_in_background(work)
    return warnings


def _add_to_zensical_search(index: Path, entries: list[search.Entry]) -> None:
    """The generated pages' entries added to Zensical's own search index (search.json, read
    by its search dialog, which does not take the site's worker): one item per entry, its
    record's title, names and text, as the sharded index has them. Zensical indexes the
    hand-written pages itself; the generated ones are kept out of its index (``search:
    exclude`` in their front matter) because it would index every section of their HTML."""
    document = json.loads(index.read_text(encoding="utf-8"))
    for entry in entries:
        record = entry.record
        text = " ".join(part for part in (", ".join(record.people), record.text) if part)
        item = {"location": entry.url, "level": 1, "title": str(escape(record.title))}
        document["items"].append({**item, "text": str(escape(text)), "path": [], "tags": []})
    index.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _zensical() -> Any:
    """The Zensical module, when the release this adapter is written for is installed."""
    try:
        import zensical
    except ImportError:
        raise ZensicalFailure(
            "Zensical is not installed; install it with `pip install -e '.[zensical]'`"
        ) from None
    if zensical.version() != VERSION:
        raise ZensicalFailure(
            f"Zensical {zensical.version()} is installed, but this site is built with "
            f"{VERSION} (its API changes between releases): `pip install -e '.[zensical]'`"
        )
    return zensical


def _hand_written_entries(source: Path, built: Path) -> list[search.Entry]:
    """Search entries of the hand-written pages, from the article Zensical rendered (what
    the MkDocs builder reads from ``page.content``)."""
    found: list[search.Entry] = []
    for page in sorted(source.rglob("*.md")):
        url = page_url(page.relative_to(source).as_posix())
        html_file = built / url / "index.html"
        if html_file.is_file():
            text = html_file.read_text(encoding="utf-8")
            found += search.page_entries(url, _title(text), _article(text))
    return found


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _article(page: str) -> str:
    match = _ARTICLE.search(page)
    return match.group(1) if match else ""


def _title(page: str) -> str:
    """The page's own title: the <title> up to the site name Material appends."""
    match = _TITLE.search(page)
    return html.unescape(match.group(1).rsplit(" - ", 1)[0]) if match else ""


def build_command(
    config_file: Path,
    site_dir: Path,
    strict: bool,
    given: Mapping[str, Any],
    validated: tuple[SiteData | None, Diagnostics],
) -> int:
    """``confsite build --engine zensical`` once the data is valid: its messages and exit code."""
    try:
        project = read_project(config_file)
        warnings = build_site(project, site_dir, given, validated, strict)
    except ConfigError as error:
        print(f"build failed: {error}; the previous site is unchanged", file=sys.stderr)
        return 1
    except ZensicalFailure as failure:
        print(f"build failed: {failure}; the previous site is unchanged", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{site_dir}: error: build failed: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(warning, file=sys.stderr)
    print(f"site built in {site_dir}/ by Zensical {VERSION}", file=sys.stderr)
    return 1 if strict and warnings else 0
