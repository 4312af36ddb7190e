"""JSON whose objects remember the line they start on, so messages can say FILE:LINE.

The standard library's decoder forgets positions; its pure-Python scanner lets the object
parser be wrapped, which is all this needs. Exports of a few thousand papers parse in a second.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any


class JsonObject(dict):
    """A JSON object that knows the 1-based line of its opening brace."""

    line: int = 0


class _LineDecoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__()
        newlines = [i for i, char in enumerate(text) if char == "\n"]
        plain_parse_object: Any = getattr(self, "parse_object")  # noqa: B009 - untyped in typeshed

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            value, end = plain_parse_object(s_and_end, *args)
            obj = JsonObject(value)
            # s_and_end[1] is just past the '{'; its line counts the newlines before it.
            obj.line = bisect.bisect_left(newlines, s_and_end[1] - 1) + 1
            return obj, end

        self.parse_object = parse_object
        # The pure-Python scanner calls self.parse_object; the C one would not.
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def loads(text: str) -> Any:
    """Parse JSON text; raises json.JSONDecodeError (with lineno) on bad input."""
    return _LineDecoder(text).decode(text)


def line_of(value: Any) -> int:
    return value.line if isinstance(value, JsonObject) else 0
