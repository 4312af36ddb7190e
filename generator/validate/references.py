"""The ids each data file declares, read from the raw YAML whether or not the objects are valid.

Cross-references (a paper's session and topics, a keynote's speaker, a .bib key) are checked
against these, not against the objects that validated: a session with a bad time is reported
once, at the session, and not again at every paper that names it. When a file could not be
read at all, its ids are unknown (None) and references to it are not checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _items(value: Any) -> Iterable[Any]:
    return value if isinstance(value, list) else ()


def _ids(items: Iterable[Any]) -> set[str]:
    return {
        str(item["id"]).strip()
        for item in items
        if isinstance(item, dict) and item.get("id") not in (None, "")
    }


def _top(root: Any, key: str) -> Any:
    return root.get(key) if isinstance(root, dict) else None


def topic_ids(conference_root: Any) -> set[str] | None:
    """Topic ids in conference.yaml, or None when the file gave nothing to check against."""
    if not isinstance(conference_root, dict):
        return None
    return _ids(_items(conference_root.get("topics")))


def session_ids(program_root: Any) -> set[str] | None:
    """Session ids over all days of program.yaml, or None when it has no readable days."""
    days = _top(program_root, "days")
    if not isinstance(days, list):
        return None
    return _ids(
        session for day in days if isinstance(day, dict) for session in _items(day.get("sessions"))
    )


def listed_ids(root: Any, key: str) -> set[str] | None:
    """Ids of the entries under the top-level ``key`` (papers, speakers), or None."""
    entries = _top(root, key)
    if not isinstance(entries, list):
        return None
    return _ids(entries)
