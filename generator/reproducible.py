"""One build date per version of the data, so the same data always gives the same bytes.

MkDocs stamps the build date into ``sitemap.xml`` (``<lastmod>``) and the gzip header of
``sitemap.xml.gz``, and reads it from ``SOURCE_DATE_EPOCH`` when that is set (the
reproducible-builds convention). Everything else the site holds is a pure function of the data,
so pinning that one variable makes two builds of the same data byte-identical.

The variable is the user's to set; a build that finds it unset sets it only while it runs
(``pinned_build_date``) and puts the environment back after, so a later build in the same
process (the next one of a long ``confsite serve``, of another data folder) gets its own date.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


def _epoch(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


class _Pins:
    """The builds holding ``SOURCE_DATE_EPOCH`` now, and the value it had before the first.

    The environment belongs to the whole process, and ``confsite serve`` builds in a thread
    of its own while the main thread writes quick edits: the variable goes back to the user's
    value only when the last of them ends.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.before: str | None = None

    def requested(self) -> int | None:
        with self.lock:
            return _epoch(self.before if self.holders else os.environ.get(ENV))

    def hold(self, epoch: int) -> None:
        with self.lock:
            if self.holders == 0:
                self.before = os.environ.get(ENV)
            self.holders += 1
            os.environ[ENV] = str(epoch)

    def release(self) -> None:
        with self.lock:
            self.holders -= 1
            if self.holders:
                return
            if self.before is None:
                os.environ.pop(ENV, None)
            else:
                os.environ[ENV] = self.before


_PINS = _Pins()


def requested_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as the user set it (not as a running build pinned it), or None."""
    return _PINS.requested()


def build_epoch(build_date: int | None, data_dir: Path) -> int:
    """The build date to stamp: the one asked for, else the data's (``data_epoch``)."""
    return build_date if build_date is not None else data_epoch(data_dir)


@contextmanager
def pinned_build_date(epoch: int) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to ``epoch`` while the block runs, as it was after."""
    _PINS.hold(epoch)
    try:
        yield
    finally:
        _PINS.release()


def build_date(data_dir: Path) -> datetime:
    """The build date of a build of ``data_dir`` now: ``SOURCE_DATE_EPOCH`` (the user's, or
    the one a running build pinned), else the data's (``data_epoch``)."""
    epoch = _epoch(os.environ.get(ENV))
    return datetime.fromtimestamp(data_epoch(data_dir) if epoch is None else epoch, UTC)
