"""generator/validate/talks.py: a session's own list of papers, with talk slots and boards.

Each case edits the toy conference's program.yaml (or papers.yaml) and checks every diagnostic
`confsite check` gives, with its file and line."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import TOY_DATA

from generator.model import ConferenceData
from generator.validate import load_and_validate

COMPILERS = """        room: Hall A
        chair: Tom Berg
"""
"""The end of the toy's paper session (lines 18-19 of program.yaml): entries follow it."""
POSTERS = """        room: Hall B
"""


def check(tmp_path: Path, papers: str, after: str = COMPILERS, papers_yaml: tuple = ()):
    folder = tmp_path / "data"
    shutil.copytree(TOY_DATA, folder)
    program = folder / "program.yaml"
    text = program.read_text(encoding="utf-8")
    assert text.count(after) == 1
    program.write_text(text.replace(after, after + papers), encoding="utf-8")
    for old, new in papers_yaml:
        path = folder / "papers.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    data, diagnostics = load_and_validate(folder)
    errors = [str(d) for d in diagnostics.sorted() if d.severity.value == "error"]
    return data, [e.replace(f"{tmp_path}/", "") for e in errors]


def test_talks_slots_and_boards_reach_the_papers(tmp_path: Path) -> None:
    data, errors = check(
        tmp_path,
        "        papers:\n"
        '          - {id: log-attention, start: "10:30", end: "10:50"}\n'
        '          - {id: tiny-tensors, start: "10:50", end: "11:10"}\n',
    )

    assert errors == []
    assert isinstance(data, ConferenceData)
    zone = ZoneInfo("Europe/Berlin")
    papers = {p.id: p for p in data.papers}
    assert papers["tiny-tensors"].start == datetime(2030, 6, 3, 10, 50, tzinfo=zone)
    assert papers["tiny-tensors"].end == datetime(2030, 6, 3, 11, 10, tzinfo=zone)
    # Presented in slot order, whatever the order of papers.yaml.
    assert [p.id for p in data.papers_by_session()["s-compilers"]] == [
        "log-attention",
        "tiny-tensors",
    ]


def test_talks_board_numbers_in_a_poster_session(tmp_path: Path) -> None:
    data, errors = check(
        tmp_path, '        papers:\n          - {id: green-serving, board: "7"}\n', POSTERS
    )

    assert errors == []
    assert [p.board for p in data.papers if p.id == "green-serving"] == ["7"]


def test_talks_slot_outside_its_session(tmp_path: Path) -> None:
    _, errors = check(
        tmp_path, '        papers:\n          - {id: tiny-tensors, start: "11:50", end: "12:10"}\n'
    )

    assert errors == [
        "data/program.yaml:21: error: session 's-compilers': paper 'tiny-tensors': slot "
        "11:50-12:10 is outside its session (10:30-12:00); move it inside or change the session"
    ]


def test_talks_overlapping_slots(tmp_path: Path) -> None:
    _, errors = check(
        tmp_path,
        "        papers:\n"
        '          - {id: tiny-tensors, start: "10:30", end: "11:30"}\n'
        '          - {id: log-attention, start: "11:00", end: "11:20"}\n',
    )

    assert errors == [
        "data/program.yaml:22: error: session 's-compilers': paper 'log-attention' "
        "(11:00-11:20) overlaps paper 'tiny-tensors' (10:30-11:30, line 21)"
    ]


def test_talks_slot_with_a_start_only_and_an_end_before_its_start(tmp_path: Path) -> None:
    _, errors = check(
        tmp_path,
        "        papers:\n"
        '          - {id: tiny-tensors, start: "10:30"}\n'
        '          - {id: log-attention, start: "11:00", end: "10:40"}\n',
    )

    assert errors == [
        "data/program.yaml:21: error: session 's-compilers': paper 'tiny-tensors': a talk slot "
        "needs both 'start' and 'end'; add 'end'",
        "data/program.yaml:22: error: session 's-compilers': paper 'log-attention': ends at "
        "10:40, not after its start 11:00",
    ]


def test_talks_paper_in_two_sessions(tmp_path: Path) -> None:
    _, errors = check(
        tmp_path,
        "        papers:\n          - {id: green-serving}\n",
        POSTERS,
        (("session: posters", "session: s-compilers"),),
    )
    assert errors == [
        "data/papers.yaml:37: error: paper 'green-serving': session 's-compilers' here, but "
        "data/program.yaml:35 lists it in session 'posters'; a paper is presented in one "
        "session: keep one"
    ]


def test_talks_paper_listed_twice(tmp_path: Path) -> None:
    folder_papers = "        papers:\n          - {id: tiny-tensors}\n"
    _, errors = check(tmp_path, folder_papers + "          - {id: tiny-tensors}\n")

    assert errors == [
        "data/program.yaml:22: error: session 's-compilers': paper 'tiny-tensors' is already "
        "listed in session 's-compilers' (line 21); a paper is presented in one session: "
        "remove one of the two"
    ]


def test_talks_unknown_paper_and_taken_board(tmp_path: Path) -> None:
    _, errors = check(
        tmp_path,
        "        papers:\n"
        '          - {id: green-serving, board: "1"}\n'
        '          - {id: green-servng, board: "1"}\n',
        POSTERS,
        (("    session: posters\n", ""),),
    )

    assert errors == [
        "data/program.yaml:36: error: session 'posters': paper 'green-servng' is not in "
        "papers.yaml (did you mean 'green-serving'?)",
        "data/program.yaml:36: error: session 'posters': paper 'green-servng': board '1' is "
        "already taken by the paper on line 35; give each poster its own board",
    ]


def test_talks_papers_in_a_session_that_holds_none(tmp_path: Path) -> None:
    _, errors = check(
        tmp_path,
        "        papers:\n          - {id: green-serving}\n",
        "        room: Foyer\n",
        (("    session: posters\n", ""),),
    )

    assert errors == [
        "data/program.yaml:28: error: session 'coffee' is a break session and lists papers; "
        "papers go in sessions of kind 'papers', 'poster', 'tutorial', 'workshop'"
    ]
