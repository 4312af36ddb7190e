"""generator/validate/conference.py: conference.yaml into a Conference."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.validate.conference import read_conference

MINIMAL = """\
name: Toy
year: 2030
title: Toy 2030
timezone: Europe/Berlin
start: 2030-06-03
end: 2030-06-04
venue: Lindenhall
url: https://toy.example.org
"""


def read(text: str) -> tuple[object, list[str]]:
    diagnostics = Diagnostics()
    conference = read_conference(parse_yaml(text, "c.yaml", diagnostics), "c.yaml", diagnostics)
    return conference, [str(d) for d in diagnostics.sorted()]


def test_read_conference_minimal() -> None:
    conference, problems = read(MINIMAL)

    assert problems == []
    assert conference.short_title == "Toy 2030"
    assert (conference.start, conference.end) == (date(2030, 6, 3), date(2030, 6, 4))
    assert conference.venue.name == "Lindenhall"
    assert conference.url == "https://toy.example.org/"
    assert (conference.topics, conference.important_dates) == ((), ())


def test_read_conference_important_dates_sorted_with_zones() -> None:
    text = MINIMAL + (
        "important_dates:\n"
        '  - {name: Late, date: "2030-03-01 12:00", timezone: Asia/Tokyo}\n'
        '  - {name: Early, date: "2030-01-15"}\n'
    )

    conference, problems = read(text)

    assert problems == []
    early, late = conference.important_dates
    assert (early.name, early.zone, early.at.utcoffset()) == ("Early", "AoE", timedelta(hours=-12))
    assert early.at.replace(tzinfo=None) == datetime(2030, 1, 15, 23, 59)
    assert (late.name, late.zone, late.at.utcoffset()) == ("Late", "Asia/Tokyo", timedelta(hours=9))


def test_read_conference_end_before_start() -> None:
    _conference, problems = read(MINIMAL.replace("end: 2030-06-04", "end: 2030-06-01"))

    assert problems == [
        "c.yaml:6: error: conference: 'end' 2030-06-01 is before 'start' 2030-06-03"
    ]


def test_read_conference_year_differs_from_start_is_a_warning() -> None:
    _conference, problems = read(MINIMAL.replace("year: 2030", "year: 2031"))

    assert problems == [
        "c.yaml:2: warning: conference: 'year' 2031 differs from the year of 'start'"
    ]


def test_read_conference_relative_url_is_an_error() -> None:
    _conference, problems = read(MINIMAL.replace("https://toy.example.org", "toy/"))

    assert problems == [
        "c.yaml:8: error: conference: 'url' must be the full address of the site (https://...)"
    ]


def test_read_conference_missing_keys_and_duplicate_topic() -> None:
    text = "name: Toy\ntopics:\n  - {id: a, name: A}\n  - {id: a, name: B}\n"

    conference, problems = read(text)

    assert conference is None
    assert problems == [
        "c.yaml:1: error: conference: missing required key 'end'",
        "c.yaml:1: error: conference: missing required key 'start'",
        "c.yaml:1: error: conference: missing required key 'timezone'",
        "c.yaml:1: error: conference: missing required key 'title'",
        "c.yaml:1: error: conference: missing required key 'url'",
        "c.yaml:1: error: conference: missing required key 'venue'",
        "c.yaml:1: error: conference: missing required key 'year'",
        "c.yaml:4: error: topic 'a' is defined twice (first on line 3)",
    ]


def test_read_conference_empty_file() -> None:
    conference, problems = read("")

    assert (conference, problems) == (
        None,
        ["c.yaml:1: error: the file is empty; it must describe the conference"],
    )


def test_read_conference_url_with_a_broken_host_is_an_error() -> None:
    _conference, problems = read(MINIMAL.replace("https://toy.example.org", "https://toy[.example"))

    assert problems == [
        "c.yaml:8: error: conference: 'url' 'https://toy[.example' is not a valid address; check "
        "the host name (brackets are only for IPv6 addresses)"
    ]
