"""One build date per version of the data, so the same data always gives the same bytes.

MkDocs stamps the build date into ``sitemap.xml`` (``<lastmod>``) and the gzip header of
``sitemap.xml.gz``, and reads it from ``SOURCE_DATE_EPOCH`` when that is set (the
reproducible-builds convention). Everything else the site holds is a pure function of the data,
so pinning that one variable makes two builds of the same data byte-identical.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import load_yaml_file

ENV = "SOURCE_DATE_EPOCH"


def git_commit_time(data_dir: Path) -> int | None:
    """When the data folder last changed in git (Unix seconds), or None outside a checkout."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    return int(value) if done.returncode == 0 and value.isdigit() else None


def conference_start_time(data_dir: Path) -> int | None:
    """Midnight UTC of the conference's first day, read straight from conference.yaml."""
    path = data_dir / "conference.yaml"
    if not path.is_file():
        return None
    root = load_yaml_file(path, str(path), Diagnostics())
    start = root.get("start") if isinstance(root, dict) else None
    try:
        day = date.fromisoformat(str(start))
    except ValueError:
        return None
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def data_epoch(data_dir: Path) -> int:
    """The build date the data implies: its last git commit, else the conference's start day.

    A data folder outside git (a download, a test's temporary folder) has no history, and file
    modification times change with every copy; the start date in conference.yaml does not.
    """
    for source in (git_commit_time, conference_start_time):
        epoch = source(data_dir)
        if epoch is not None:
            return epoch
    return 0


def build_date(data_dir: Path) -> datetime:
    """The build date as ``pin_build_date`` sets it (the caller's, else the data's)."""
    value = os.environ.get(ENV, "").strip()
    epoch = int(value) if value.isdigit() else data_epoch(data_dir)
    return datetime.fromtimestamp(epoch, UTC)


def pin_build_date(data_dir: Path) -> str:
    """Set ``SOURCE_DATE_EPOCH`` from the data unless the caller already set it; returns it."""
    if not os.environ.get(ENV, "").strip().isdigit():
        os.environ[ENV] = str(data_epoch(data_dir))
    return os.environ[ENV]
