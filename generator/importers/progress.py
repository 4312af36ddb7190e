"""A progress counter for long imports, shown only to a person watching a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """'importing 120/500' rewritten in place on a TTY; silent in CI logs and pipes."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.label = label
        self.enabled = total >= 50 and self.stream.isatty()
        self.step = max(total // 100, 1)

    def update(self, done: int) -> None:
        if self.enabled and (done % self.step == 0 or done == self.total):
            self.stream.write(f"\r{self.label} {done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (len(self.label) + 24) + "\r")
            self.stream.flush()
