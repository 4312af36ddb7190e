"""Bad data in, exact diagnostics out: each case breaks the toy conference in one way.

Every case copies tests/data/toy/ to a temporary folder, applies one mutation, runs the real
command line (`confsite check --data data` in that folder) and compares its stderr line for
line: file, line number and message. Each must exit 1 and never show a traceback.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TOY_DATA, run_confsite

Mutation = Callable[[Path], None]


def replace(name: str, old: str, new: str) -> Mutation:
    """Replace the one occurrence of ``old`` in data file ``name``."""

    def mutate(data: Path) -> None:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


def replace_bytes(name: str, old: bytes, new: bytes) -> Mutation:
    def mutate(data: Path) -> None:
        path = data / name
        raw = path.read_bytes()
        assert raw.count(old) == 1, f"{old!r} must occur once in {name}"
        path.write_bytes(raw.replace(old, new))

    return mutate


def write(name: str, text: str) -> Mutation:
    def mutate(data: Path) -> None:
        (data / name).write_text(text, encoding="utf-8")

    return mutate


def empty(name: str) -> Mutation:
    def mutate(data: Path) -> None:
        (data / name).write_text("", encoding="utf-8")

    return mutate


def remove(name: str) -> Mutation:
    def mutate(data: Path) -> None:
        (data / name).unlink()

    return mutate


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Mutation
    expected: tuple[str, ...]
    """Every stderr line, in order, including the closing count."""


CASES = [
    Case(
        "yaml-syntax",
        replace(
            "papers.yaml",
            "topics: [metrics]\n    session: s-compilers",
            "topics: [metrics\n    session: s-compilers",
        ),
        (
            "data/papers.yaml:29: error: YAML syntax: expected ',' or ']', but got ':' (while "
            "parsing a flow sequence); check indentation, and quote values that contain ':' or "
            "start with a special character",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "yaml-duplicate-key",
        replace("speakers.yaml", "    bio: Ada", "    name: Ada Quill\n    bio: Ada"),
        (
            "data/speakers.yaml:8: error: speaker 'ada-quill': key 'name' appears twice; keep "
            "one (the last one would win silently)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "non-utf8-bytes",
        replace_bytes("speakers.yaml", b"Ada builds", b"Ad\xe4 builds"),
        (
            "data/speakers.yaml:8: error: byte 0xe4 is not valid UTF-8; save the file as UTF-8 "
            "(in most editors: 'Save with encoding' -> UTF-8)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "non-utf8-bytes-in-bibtex",
        replace_bytes("proceedings.bib", b"Jos{", b"Jos\xe9{"),
        (
            "data/proceedings.bib:14: error: byte 0xe9 is not valid UTF-8; save the file as "
            "UTF-8 (in most editors: 'Save with encoding' -> UTF-8)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "top-level-list-of-wrong-type",
        write("speakers.yaml", "speakers: Ada Quill\n"),
        (
            "data/speakers.yaml:1: error: 'speakers' must be a list of entries, each starting "
            "with '- ' (for example '- id: jane-doe')",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "empty-file",
        empty("committee.yaml"),
        (
            "data/committee.yaml:1: error: the file is empty; it must list 'organizing:' and "
            "'program_committee:'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "empty-papers-file",
        empty("papers.yaml"),
        (
            "data/papers.yaml:1: error: the file is empty; it must start with 'papers:'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "missing-required-file",
        remove("conference.yaml"),
        (
            "data/conference.yaml:1: error: the required file conference.yaml is missing; "
            "create it (see the organizer guide)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unknown-key-did-you-mean",
        replace(
            "papers.yaml",
            "affiliation: Example Labs\n    abstract: Serving",
            "afiliation: Example Labs\n    abstract: Serving",
        ),
        (
            "data/papers.yaml:34: error: paper 'green-serving': author 'Zoë Park': unknown key "
            "'afiliation' (did you mean 'affiliation'?); allowed keys: name, affiliation, orcid",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unknown-top-level-key",
        replace("committee.yaml", "program_committee:", "programme_committee:"),
        (
            "data/committee.yaml:9: error: the top level of data/committee.yaml: unknown key "
            "'programme_committee' (did you mean 'program_committee'?); allowed keys: "
            "organizing, program_committee",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "wrong-type-number",
        replace("conference.yaml", "year: 2030", "year: twenty"),
        (
            "data/conference.yaml:4: error: conference: 'year' must be a whole number, not "
            "'twenty'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "wrong-type-list",
        replace(
            "papers.yaml",
            "    authors:\n      - name: Zoë Park\n        affiliation: Example Labs",
            "    authors: Zoë Park",
        ),
        (
            "data/papers.yaml:32: error: paper 'green-serving': 'authors' must be a list, but is "
            "'Zoë Park'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "wrong-type-text",
        replace("papers.yaml", "    award: Best paper", "    award: [best, paper]"),
        (
            "data/papers.yaml:15: error: paper 'tiny-tensors': 'award' must be text, but is a list",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "bad-id",
        replace("papers.yaml", "id: green-serving", "id: Green Serving"),
        (
            "data/papers.yaml:30: error: paper 'Green Serving': 'id' is not a valid id; use "
            "lowercase letters, digits, '-' and '_', starting with a letter or digit (for example "
            "'green-serving')",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "duplicate-paper-id",
        replace("papers.yaml", "id: green-serving", "id: log-attention"),
        (
            "data/papers.yaml:30: error: paper id 'log-attention' is used twice (first at "
            "data/papers.yaml:20)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "duplicate-session-id",
        replace("program.yaml", "id: coffee", "id: keynote"),
        (
            "data/program.yaml:22: error: session id 'keynote' is used twice (first at "
            "data/program.yaml:5)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "dangling-session",
        replace("papers.yaml", "session: posters", "session: poster"),
        (
            "data/papers.yaml:37: error: paper 'green-serving': session 'poster' is not defined "
            "in program.yaml (did you mean 'posters'?) (known: coffee, keynote, posters, "
            "s-compilers)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "paper-in-break-session",
        replace("papers.yaml", "session: posters", "session: coffee"),
        (
            "data/papers.yaml:37: error: paper 'green-serving': session 'coffee' is a break "
            "session; papers go in sessions of kind 'papers', 'poster', 'tutorial', 'workshop'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "dangling-topic",
        replace("papers.yaml", "topics: [software, hardware]", "topics: [software, hardwar]"),
        (
            "data/papers.yaml:13: error: paper 'tiny-tensors': topic 'hardwar' is not defined in "
            "conference.yaml (did you mean 'hardware'?) (known: hardware, metrics, software)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "dangling-speaker",
        replace("program.yaml", "speaker: ada-quill", "speaker: ada-quil"),
        (
            "data/program.yaml:11: error: session 'keynote': speaker 'ada-quil' is not defined in "
            "speakers.yaml (did you mean 'ada-quill'?) (known: ada-quill)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unparseable-time",
        replace("program.yaml", 'start: "09:00"', 'start: "9h00"'),
        (
            "data/program.yaml:8: error: session 'keynote': 'start' '9h00' is not a time; write "
            '"HH:MM" (24-hour)',
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unquoted-sexagesimal-time",
        replace("program.yaml", 'start: "09:00"', "start: 0900"),
        (
            "data/program.yaml:8: error: session 'keynote': 'start' '0900' is not a time; write "
            '"HH:MM" (24-hour)',
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "end-before-start",
        replace(
            "program.yaml",
            'start: "10:30"\n        end: "12:00"\n        room: Hall A',
            'start: "10:30"\n        end: "10:15"\n        room: Hall A',
        ),
        (
            "data/program.yaml:17: error: session 's-compilers': ends at 10:15, before its start "
            "10:30; as a session past midnight it would last 23:45, and one may last 18 hours at "
            "most: check the times",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "overlapping-sessions-in-one-room",
        replace(
            "program.yaml",
            'start: "10:30"\n        end: "12:00"\n        room: Hall A',
            'start: "09:30"\n        end: "12:00"\n        room: Hall A',
        ),
        (
            "data/program.yaml:13: error: session 's-compilers' (09:30-12:00) overlaps session "
            "'keynote' (09:00-10:00) in room 'Hall A' on 2030-06-03 (line 5)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "day-outside-the-conference",
        replace("program.yaml", "date: 2030-06-04", "date: 2030-06-05"),
        (
            "data/program.yaml:20: error: day 2030-06-05 is outside the conference (2030-06-03 "
            "to 2030-06-04 in conference.yaml)",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unparseable-date",
        replace("program.yaml", "date: 2030-06-04", "date: 4 June 2030"),
        (
            "data/program.yaml:20: error: day: 'date' '4 June 2030' is not a date; write "
            "YYYY-MM-DD",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unknown-time-zone",
        replace(
            "conference.yaml",
            "timezone: Europe/Berlin\nstart",
            "timezone: Europe/Berlinn\nstart",
        ),
        (
            "data/conference.yaml:8: error: conference: unknown time zone 'Europe/Berlinn' (did "
            "you mean 'Europe/Berlin'?); use an IANA name such as 'America/Los_Angeles' or "
            "'Europe/Berlin'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "unknown-time-zone-of-a-date",
        replace("conference.yaml", "    timezone: Europe/Berlin", "    timezone: CEST"),
        (
            "data/conference.yaml:33: error: important date 'Camera-ready deadline': unknown time "
            "zone 'CEST' (did you mean 'EST'?); use an IANA name such as 'America/Los_Angeles' "
            "or 'Europe/Berlin'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "bad-committee-area",
        replace("committee.yaml", "area: ml", "area: ML"),
        (
            "data/committee.yaml:18: error: program committee member 'Chen Li': unknown area "
            "'ML' (did you mean 'ml'?); use 'systems' or 'ml'",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "bibtex-block-fails-to-parse",
        replace(
            "proceedings.bib",
            "year      = {2030},\n  pages     = {1--10}",
            "year      = {2030,\n  pages     = {1--10}",
        ),
        (
            # the line of 'year = {2030,', whose brace swallows the entry's closing one
            "data/proceedings.bib:16: error: this BibTeX block cannot be parsed: Unexpected block "
            "start: `@inproceedings`. Was still looking for field-value closing `,` or `}`; "
            "check its braces, quotes and the commas between fields",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "bibtex-title-disagrees",
        replace(
            "proceedings.bib", "Compiling for Microcontrollers}", "Compiling for Micro-controllers}"
        ),
        (
            "data/proceedings.bib:13: error: entry 'tiny-tensors': title disagrees with "
            "data/papers.yaml:3: the .bib has 'Tiny Tensors: Compiling for Micro-controllers', "
            "papers.yaml has 'Tiny Tensors: Compiling for Microcontrollers'; make them the same",
            "1 error(s), 0 warning(s)",
        ),
    ),
    Case(
        "bibtex-authors-disagree",
        replace("proceedings.bib", "Wong, Mia and van der Berg", "Wong, Mia and van den Berg"),
        (
            "data/proceedings.bib:22: error: entry 'log-attention': authors disagree with "
            "data/papers.yaml:20: the .bib has 'Mia Wong; Ludwig van den Berg', papers.yaml has "
            "'Mia Wong; Ludwig van der Berg'; make them the same (same people, same order)",
            "1 error(s), 0 warning(s)",
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_bad_input_reports_exact_diagnostics(case: Case, tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    case.mutate(tmp_path / "data")

    result = run_confsite("check", "--data", "data", cwd=tmp_path)

    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == list(case.expected)
    assert result.returncode == 1
