"""A talk slot that moves inside its session is a change: the paper's events get a new SEQUENCE
and DTSTAMP in every .ics that holds them, its session's stay as they were."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import TOY_DATA, run_confsite
from test_changes import EDITED, built, edit, events, git, page_changes

SLOTS = (
    "        chair: Tom Berg\n        papers:\n"
    '          - {id: tiny-tensors, start: "10:30", end: "10:50"}\n'
    '          - {id: log-attention, start: "10:50", end: "11:10"}\n'
)


@pytest.fixture
def released_slots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The toy with talk slots, released, then one slot moved in a second commit."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = tmp_path / "site" / "data"
    shutil.copytree(TOY_DATA, data)
    edit(data / "program.yaml", "        chair: Tom Berg\n", SLOTS)
    git(data.parent, "init", "-q")
    released = run_confsite("release", "--data", str(data), "--date", "2030-05-01 10:00")
    assert released.returncode == 0, released.stderr
    git(data.parent, "add", "-A")
    git(data.parent, "commit", "-q", "-m", "Program with talk slots")
    edit(
        data / "program.yaml",
        '{id: tiny-tensors, start: "10:30", end: "10:50"}',
        '{id: tiny-tensors, start: "11:30", end: "11:50"}',
    )
    git(data.parent, "commit", "-q", "-am", "Tiny Tensors presents last", when=EDITED)
    return data


def test_changes_talk_slot_moved_raises_only_its_events(released_slots: Path) -> None:
    result = built(released_slots)
    found = events(result)
    uid = "paper-tiny-tensors-2030@toy.example.org"

    for uri in ("program/program.ics", "program/s-compilers.ics", "papers/tiny-tensors.ics"):
        event = found[uri][uid]
        assert event["SEQUENCE"] == 1, uri
        assert event["DTSTAMP"].dt == datetime(2030, 5, 20, 8, tzinfo=UTC), uri
        assert event["DTSTART"].dt.strftime("%H:%M") == "11:30", uri
    unchanged = found["program/program.ics"]
    assert "SEQUENCE" not in unchanged["paper-log-attention-2030@toy.example.org"]
    assert "SEQUENCE" not in unchanged["session-s-compilers-2030@toy.example.org"]
    assert page_changes(result)[0] == [
        "Moved (paper): Tiny Tensors: Compiling for Microcontrollers, from “Compilers” "
        "(Mon 3 Jun, 10:30–10:50 CEST, Hall A) to “Compilers” (Mon 3 Jun, 11:30–11:50 CEST, "
        "Hall A)"
    ]
