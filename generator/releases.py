"""``confsite release``: the program as it stands recorded as a new release in releases.yaml."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator import changes, history
from generator.diagnostics import Diagnostics
from generator.validate import load_and_validate


class ReleaseError(Exception):
    """The data has errors: nothing was recorded."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__(f"{len(diagnostics.errors)} error(s) in the data")
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Outcome:
    path: Path
    release: history.Release | None
    """The release recorded; None when the program is the last release's (nothing written)."""
    previous: history.Release | None
    zone: str
    """The conference's zone, to show times in."""


def release(data_dir: Path, when: datetime, note: str = "") -> Outcome:
    """Record the program of ``data_dir`` as a new release dated ``when``."""
    data, diagnostics = load_and_validate(data_dir)
    if data is None:
        raise ReleaseError(diagnostics)
    path = data_dir / history.FILE
    previous = data.history.last
    recorded = changes.record(data.history, data, when, note)
    new = recorded.last
    if previous is not None and new is not None and not new.changes and not note.strip():
        return Outcome(path, None, previous, data.conference.timezone)
    staging = path.with_name(f".{history.FILE}.new")
    staging.write_text(history.dump(recorded), encoding="utf-8")
    os.replace(staging, path)  # never a half-written file
    return Outcome(path, new, previous, data.conference.timezone)
