"""OpenReview notes exported as JSON: API v1 (plain content values) and v2 ({value: ...}).

Accepted shapes: a list of notes; ``{"notes": [...]}`` as the API returns them; and a list of
venues with ``submissions`` (what crawlers save). Whether a paper was accepted comes from, in
order: a decision reply (``notes``, ``details.directReplies`` or ``details.replies``, any note
whose invitation ends in ``/Decision`` or whose content has ``decision``), the note's own
``decision``, then ``venue``/``venueid`` ("ICLR 2024 poster" yes, "Submitted to ICLR 2024" no).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import Location
from generator.importers import jsonlines
from generator.importers.records import ImportBatch, ImportedAuthor, ImportedPaper, is_acceptance

SITE = "https://openreview.net"


def content_value(content: Any, key: str) -> Any:
    """A content field in either API version: v2 wraps every value as {"value": ...}."""
    if not isinstance(content, dict):
        return None
    value = content.get(key)
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return value


def _notes(root: Any) -> list[Any]:
    if isinstance(root, dict) and isinstance(root.get("notes"), list):
        return root["notes"]
    if (
        isinstance(root, list)
        and root
        and all(
            isinstance(item, dict) and isinstance(item.get("submissions"), list) for item in root
        )
    ):
        return [note for venue in root for note in venue["submissions"]]
    if isinstance(root, dict) and isinstance(root.get("submissions"), list):
        return root["submissions"]
    return root if isinstance(root, list) else []


def _replies(note: dict[str, Any]) -> list[Any]:
    replies: list[Any] = list(note.get("notes") or [])
    details = note.get("details")
    if isinstance(details, dict):
        for key in ("directReplies", "replies"):
            replies.extend(details.get(key) or [])
    return [reply for reply in replies if isinstance(reply, dict)]


_NOT_PUBLISHED = ("reject", "withdraw", "submission", "desk", "submitted to", "under review")
"""Words in a venue or venueid that mean the paper is not in the program."""


def decision(note: dict[str, Any]) -> str | None:
    """The decision text ("Accept (Poster)", "Reject", ...), or None when the export has none.

    A venue is turned into a decision: "ICLR 2025 Poster" -> "accepted", "Submitted to ICLR
    2025" or ".../Rejected_Submission" -> "not accepted".
    """
    for reply in _replies(note):
        value = content_value(reply.get("content"), "decision")
        if isinstance(value, str) and value:
            return value
    content = note.get("content")
    own = content_value(content, "decision")
    if isinstance(own, str) and own:
        return own
    venue = content_value(content, "venue")
    venueid = content_value(content, "venueid")
    for value in (venueid, venue):
        if isinstance(value, str) and any(w in value.casefold() for w in _NOT_PUBLISHED):
            return f"not accepted ({value})"
    if isinstance(venue, str) and venue.strip():
        return f"accepted ({venue})"
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def read(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    try:
        root = jsonlines.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 0)
        batch.diagnostics.error_at(display, line, f"not valid JSON: {exc}")
        return
    notes = _notes(root)
    if not notes:
        batch.diagnostics.error_at(
            display,
            1,
            'no OpenReview notes found: expected a list of notes, {"notes": [...]}, or a list '
            "of venues with 'submissions'",
        )
        return
    for number, note in enumerate(notes, start=1):
        where = Location(display, jsonlines.line_of(note))
        label = f"record {number}"
        if not isinstance(note, dict):
            batch.skip(where, f"{label} is not a JSON object; skipped")
            continue
        content = note.get("content")
        note_id = _text(note.get("forum")) or _text(note.get("id"))
        label = f"record {number} (note '{note_id}')" if note_id else label
        verdict = decision(note)
        if verdict is None or not is_acceptance(verdict):
            if verdict is None:
                batch.skip(where, f"{label}: no decision or venue in the export; skipped")
            batch.not_accepted += verdict is not None
            continue
        title = _text(content_value(content, "title"))
        names = content_value(content, "authors")
        if not isinstance(names, list):
            names = []
        authors = tuple(ImportedAuthor(name.strip()) for name in names if _text(name))
        if not (note_id and title and authors):
            missing = [
                w for w, v in (("id", note_id), ("title", title), ("authors", authors)) if not v
            ]
            batch.skip(where, f"{label}: no {', '.join(missing)}; skipped")
            continue
        links: list[tuple[str, str]] = []
        pdf = _text(content_value(content, "pdf"))
        if pdf:
            links.append(("pdf", SITE + pdf if pdf.startswith("/") else pdf))
        code = _text(content_value(content, "code"))
        if code.startswith(("http://", "https://")):
            links.append(("code", code))
        batch.papers.append(
            ImportedPaper(
                source_id=note_id,
                title=title,
                authors=authors,
                location=where,
                abstract=_text(content_value(content, "abstract")),
                links=tuple(links),
            )
        )
