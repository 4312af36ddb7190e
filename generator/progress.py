"""A progress bar with counts on a terminal; silence in CI logs, where a summary is enough."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts done out of ``total``; redraws at most ~10 times a second, only on a TTY.

    Not on a terminal (CI, a pipe) it draws nothing: the caller prints one summary line.
    """

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 0)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._drawn_at = 0.0
        self._drawn = -1
        self.started = time.perf_counter()

    def advance(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count) if self.total else self.done + count
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._drawn_at >= 0.1 or self.done == self.total:
            self._drawn_at = now
            self._draw()

    def _draw(self) -> None:
        width = 30
        filled = width * self.done // self.total if self.total else width
        bar = "#" * filled + "." * (width - filled)
        self._drawn = self.done
        self.stream.write(f"\r{self.label} [{bar}] {self.done:,}/{self.total:,}")
        self.stream.flush()

    def close(self) -> float:
        """End the bar's line; returns the seconds since the bar started."""
        if self.enabled:
            if self._drawn != self.done:
                self._draw()
            self.stream.write("\n")
            self.stream.flush()
        return time.perf_counter() - self.started
