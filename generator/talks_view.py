"""What pages show of a paper's place in its session: its talk slot, its poster board.

Kept apart from views.py so that the session, paper and agenda views each add these fields
with one call.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from generator.model import Paper, Session


def slot_label(paper: Paper) -> str:
    """'10:30–10:50' for a paper with its own talk slot, else ''."""
    if paper.start and paper.end:
        return f"{paper.start:%H:%M}–{paper.end:%H:%M}"
    return ""


def talk_fields(paper: Paper) -> dict[str, str]:
    """The slot and board a list of papers shows beside each title (``slot_utc``: the slot's
    start as an instant, for the page's ``<time>``)."""
    start = paper.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if paper.start else ""
    return {"slot": slot_label(paper), "slot_utc": start, "board": paper.board}


def paper_when(paper: Paper, session: Session, utc_iso: Any, lang: Any) -> dict[str, str]:
    """When the paper's own page says it is presented: its slot, else its whole session;
    ``lang`` is the page's language (generator/i18n.py), which writes the clock times."""
    start, end = paper.slot(session)
    return {
        "time": f"{lang.clock(start)}–{lang.clock(end)}",
        "start_utc": utc_iso(start),
        "end_utc": utc_iso(end),
        "board": paper.board,
    }


def agenda_talk(paper: Paper, utc_iso: Any) -> dict[str, str]:
    """A paper's own slot and board in the agenda's data (none: it takes its session's)."""
    out: dict[str, str] = {}
    if paper.start and paper.end:
        out |= {"start": utc_iso(paper.start), "end": utc_iso(paper.end)}
        out["time"] = slot_label(paper)
    if paper.board:
        out["board"] = paper.board
    return out
