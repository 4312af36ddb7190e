"""Values a new site's template left for the organizers to change, still unchanged.

``confsite new`` writes data files whose values are placeholders: each marked with a
``# change me`` comment, and addresses on ``example.org``. A site published with them links
to nobody's domain and calls itself by a draft title, so each is a warning at its line (which
fails ``--strict``, as CI runs it). Addresses on any domain reserved for examples (RFC 2606:
``example.org``, ``.com``, ``.net``, any ``*.example``) count; ``.test`` and ``.invalid``,
reserved for tests and for invalid names, do not. The shipped example edition and
the toy data are fictional on purpose (``fictional: true`` in conference.yaml) and are not
checked. papers.yaml is not scanned: the template's is empty, and an import fills it from real
exports; scanning every value of 10,000 papers would cost more than it could find.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.load import Sources
from generator.load.yaml_source import LineDict, LineList
from generator.model import Conference

FILES = ("conference.yaml", "committee.yaml", "program.yaml", "speakers.yaml", "sponsors.yaml")
"""The data files the new site's template writes with values to change."""

_MARK = re.compile(r"#\s*change me\b", re.IGNORECASE)
_EXAMPLE_HOST = re.compile(
    r"(?:https?://|mailto:|@)(?:[a-z0-9-]+\.)*(?:example\.(?:org|com|net)|[a-z0-9-]+\.example)"
    r"(?=[/:?#>\s]|\Z)",
    re.IGNORECASE,
)


def _values(value: Any, line: int, key: str = "") -> Iterator[tuple[str, str, int]]:
    """(key, text, line) of every text value, with the line of the value."""
    if isinstance(value, LineDict):
        for item_key, item in value.items():
            yield from _values(item, value.line_of(item_key), str(item_key))
    elif isinstance(value, LineList):
        for index, item in enumerate(value):
            yield from _values(item, value.line_of(index), key)
    elif isinstance(value, str):
        yield key, value, line


def report(sources: Sources, conference: Conference | None, diagnostics: Diagnostics) -> None:
    if conference is None or conference.fictional:
        return
    for name in FILES:
        if not sources.usable(name):
            continue
        path = sources.path(name)
        text = (sources.data_dir / name).read_text(encoding="utf-8-sig", errors="replace")
        marked = {
            number
            for number, line in enumerate(text.splitlines(), start=1)
            if _MARK.search(line) and not line.lstrip().startswith("#")
        }
        values = list(_values(sources.yaml.get(name), 1))
        for key, value, line in values:
            if line in marked:
                diagnostics.warning(
                    Location(path, line),
                    f"'{key}' '{value}' is still the new site's placeholder (marked "
                    "'# change me'); set it, then delete the mark",
                )
        for key, value, line in values:
            match = _EXAMPLE_HOST.search(value)
            if match and line not in marked:
                domain = match.group(0).split("//")[-1].lstrip("@:")
                diagnostics.warning(
                    Location(path, line),
                    f"'{key}' '{value}' is an example address ({domain} is reserved for "
                    "examples and is nobody's site); use the real one",
                )
