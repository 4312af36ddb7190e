"""Reading one YAML mapping into typed values, reporting every problem with its line."""

from __future__ import annotations

import builtins
import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.load.yaml_source import LineDict, LineList
from generator.text import Text
from generator.validate.latex import warn_text

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
SLUG_RULE = "lowercase letters, digits, '-' and '_', starting with a letter or digit"
_SAFE_URL = re.compile(
    r"(?:https?://[^\s<>\"]+|mailto:[^\s<>\"]+|(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s<>\"]*)\Z",
    re.IGNORECASE,
)


def type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "nothing"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"'{value}'"


def is_safe_url(url: str) -> bool:
    """http(s), mailto or a relative URL; never javascript:, data: or the like.

    Browsers drop leading control characters and tabs or newlines anywhere in a URL, so
    '\\x01javascript:' would run script: control and invisible format characters are refused.
    The value must also be safe once character references are decoded ('javascript&#58;'),
    in case a consumer of the data decodes them.
    """
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in url):
        return False
    return all(_SAFE_URL.match(form) for form in (url, html.unescape(url)))


def _parses_as_url(url: str) -> bool:
    """Whether the standard library can split it (exporters read host names from links)."""
    try:
        urlsplit(url).hostname  # noqa: B018 - the property raises on an invalid host
    except ValueError:
        return False
    return True


def _empty(value: Any) -> bool:
    """None, '' or an empty list or mapping: what a required key may not be."""
    return value is None or value == "" or (isinstance(value, list | dict) and not value)


class Record:
    """One YAML mapping read field by field into typed values.

    ``what`` names the kind of object in messages ("paper"), completed by the value of
    ``name_key`` when it has one ("paper 'p1'"); ``allowed`` lists every key the mapping may
    have, so an unknown key is reported with a did-you-mean.
    """

    def __init__(
        self,
        value: Any,
        path: str,
        line: int,
        diagnostics: Diagnostics,
        what: str,
        allowed: Sequence[str],
        required: Sequence[str] = (),
        *,
        name_key: str | None = None,
    ) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.ok = isinstance(value, dict)
        self.data: LineDict = value if isinstance(value, LineDict) else LineDict()
        self.line = self.data.line or line
        name = self.data.get(name_key) if name_key else None
        # Name the object by its id or name from the start, so that even the key checks
        # below say *which* paper or session they are about.
        named = isinstance(name, str | int) and not isinstance(name, bool) and str(name).strip()
        self.what = f"{what} '{str(name).strip()}'" if named else what
        self.name_key = name_key if named else None
        what = self.what
        if not self.ok:
            self.error(
                None,
                f"{what} must be a mapping of 'key: value' lines, but this is {type_name(value)}",
            )
            return
        for key, key_line in self.data.duplicate_keys:
            diagnostics.error(
                Location(path, key_line),
                f"{what}: key '{key}' appears twice; keep one (the last one would win silently)",
            )
        for key in self.data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed)
                self.error(
                    key,
                    f"{what}: unknown key '{key}'{hint}; allowed keys: {', '.join(allowed)}",
                )
        for key in required:
            if _empty(self.data.get(key)):
                if key in self.data:
                    self.error(key, f"{what}: '{key}' is empty; it is required")
                else:
                    self.error(None, f"{what}: missing required key '{key}'")

    def location(self, key: str | None = None) -> Location:
        line = self.data.line_of(key) if key is not None else self.line
        return Location(self.path, line)

    def error(self, key: str | None, message: str) -> None:
        self.diagnostics.error(self.location(key), message)

    def warning(self, key: str | None, message: str) -> None:
        self.diagnostics.warning(self.location(key), message)

    def has(self, key: str) -> bool:
        return self.data.get(key) not in (None, "")

    def raw(self, key: str) -> Any:
        return self.data.get(key)

    # In the class body below this method, 'str' (and later 'int') name the methods, so
    # annotations spell the types builtins.str and builtins.int.
    def str(self, key: str, default: str = "") -> str:
        """A single-line or multi-line string; numbers are taken as their text."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool | dict | list):
            self.error(key, f"{self.what}: '{key}' must be text, but is {type_name(value)}")
            return default
        return str(value).strip()

    def text(self, key: builtins.str) -> Text:
        text = Text(self.str(key))
        warn_text(self.diagnostics, self.location(key), self.what, key, text)
        return text

    def int(self, key: builtins.str, default: builtins.int = 0) -> builtins.int:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{self.what}: '{key}' must be a whole number, not {type_name(value)}")
            return default
        return value

    def bool(self, key: builtins.str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, f"{self.what}: '{key}' must be true or false, not {type_name(value)}")
            return default
        return value

    def slug(self, key: builtins.str) -> builtins.str:
        value = self.str(key)
        if value and not SLUG.match(value):
            example = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_") or "my-id"
            shown = f"'{key}'" if key == self.name_key else f"'{key}' '{value}'"
            self.error(
                key,
                f"{self.what}: {shown} is not a valid id; use {SLUG_RULE} "
                f"(for example '{example}')",
            )
        return value

    def url(self, key: builtins.str) -> builtins.str:
        value = self.str(key)
        if value and not is_safe_url(value):
            self.error(
                key,
                f"{self.what}: '{key}' '{value}' is not an allowed link; use an http(s):// or "
                "mailto: address, or a path relative to the site",
            )
            return ""
        if value and not _parses_as_url(value):
            self.error(
                key,
                f"{self.what}: '{key}' '{value}' is not a valid address; check the host name "
                "(brackets are only for IPv6 addresses)",
            )
            return ""
        return value

    def date(self, key: builtins.str) -> date | None:
        value = self.str(key)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.error(key, f"{self.what}: '{key}' '{value}' is not a date; write YYYY-MM-DD")
            return None

    def time(self, key: builtins.str) -> time | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            hint = ' (quote it: "HH:MM")'
        else:
            hint = ""
        text = str(value).strip()
        match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
        if not match or hint:
            self.error(
                key, f"{self.what}: '{key}' '{text}' is not a time; write \"HH:MM\" (24-hour){hint}"
            )
            return None
        return time(int(match.group(1)), int(match.group(2)))

    def datetime(self, key: builtins.str) -> datetime | None:
        """'YYYY-MM-DD HH:MM' (or a date alone, meaning the end of that day, 23:59)."""
        value = self.str(key)
        if not value:
            return None
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return datetime.combine(date.fromisoformat(value), time(23, 59))
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is not None:
            self.error(
                key,
                f"{self.what}: '{key}' '{value}' is not a date and time; write \"YYYY-MM-DD HH:MM\""
                " and give the zone in 'timezone'",
            )
            return None
        return parsed

    def list(self, key: builtins.str) -> Iterator[tuple[Any, builtins.int]]:
        """Items of a list with their lines; a single value where a list belongs is an error."""
        value = self.data.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.error(key, f"{self.what}: '{key}' must be a list, but is {type_name(value)}")
            return
        lines = value if isinstance(value, LineList) else None
        for index, item in enumerate(value):
            yield item, (lines.line_of(index) if lines else self.location(key).line)

    def mapping(self, key: builtins.str) -> LineDict | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(key, f"{self.what}: '{key}' must be a mapping, but is {type_name(value)}")
            return None
        return value  # type: ignore[return-value]


def top_level_list(
    root: Any, key: str, path: str, diagnostics: Diagnostics, example: str, also: Sequence[str] = ()
) -> list[tuple[Any, int]]:
    """The list under the main top-level key of a data file (``papers:``, ``days:``, ...);
    ``also`` names other top-level keys the file may have (program.yaml's ``rooms:``)."""
    if root is None:
        diagnostics.error(Location(path, 1), f"the file is empty; it must start with '{key}:'")
        return []
    record = Record(root, path, 1, diagnostics, f"the top level of {path}", (key, *also))
    if not record.ok:
        return []
    if key not in record.data:
        record.error(
            None,
            f"missing the top-level key '{key}:'; start the file with '{key}:' and list "
            f"the entries under it (for example '{example}')",
        )
        return []
    if record.raw(key) is None:
        return []
    if not isinstance(record.raw(key), list):
        record.error(
            key,
            f"'{key}' must be a list of entries, each starting with '- ' (for example '{example}')",
        )
        return []
    return list(record.list(key))
