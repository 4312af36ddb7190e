"""Problems found in the data, reported as data (never as exceptions)."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """Where a value came from: a data file and a 1-based line (0 when unknown)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is, how bad it is, and what to do about it."""

    location: Location
    severity: Severity
    message: str

    def sort_key(self) -> tuple[str, int, str]:
        return (self.location.path, self.location.line, self.message)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"


@dataclass
class Diagnostics:
    """Collects every problem of one run, so an organizer sees all of them at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str) -> None:
        self.items.append(Diagnostic(location, Severity.ERROR, message))

    def warning(self, location: Location, message: str) -> None:
        self.items.append(Diagnostic(location, Severity.WARNING, message))

    def error_at(self, path: str, line: int, message: str) -> None:
        self.error(Location(path, line), message)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self.items)
        return sorted(unique, key=Diagnostic.sort_key)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' hint, or '' when nothing is close.

    Case is ignored when comparing ('ML' suggests 'ml'): a wrong case is the commonest slip.
    """
    by_folded = {str(choice).casefold(): str(choice) for choice in choices}
    close = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=0.6)
    return f" (did you mean '{by_folded[close[0]]}'?)" if close else ""


def known(choices: Iterable[str], limit: int = 8) -> str:
    """A short list of valid values for a message, e.g. "known: a, b, c"."""
    values = sorted(choices)
    if not values:
        return "none are defined"
    shown = ", ".join(values[:limit])
    more = f", ... ({len(values) - limit} more)" if len(values) > limit else ""
    return f"known: {shown}{more}"
