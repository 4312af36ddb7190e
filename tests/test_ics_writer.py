"""The calendar writer against icalendar: every byte it writes is the byte icalendar writes.

``icalendar_text`` below is the reference: the calendar built with the icalendar library and
serialised by it in one ``to_ical()``, as the exporter did before it wrote the lines itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import EXAMPLE_DATA, TOY_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import example as also_with
from hypothesis import strategies as st
from icalendar.parser.string import _escape_char, _foldline

from generator import synth
from generator.exporters import ical_text, ics
from generator.model import Conference, ConferenceData
from generator.validate import load_and_validate

PROPERTY = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def icalendar_event(conference: Conference, event: ics.Event) -> icalendar.Event:
    out = icalendar.Event()
    out.add("uid", event.uid)
    out.add("dtstamp", event.version.stamp or ics.stamp(conference))
    if event.version.sequence:
        out.add("sequence", event.version.sequence)
    out.add("dtstart", event.start)
    out.add("dtend", event.end)
    out.add("summary", event.summary)
    out.add("location", event.location)
    out.add("description", event.description)
    out.add("url", event.url)
    out.add("categories", [event.category])
    return out


def icalendar_text(
    conference: Conference, calendar: ics.Calendar, zone: icalendar.Timezone | None = None
) -> str:
    """The reference: the whole calendar built and serialised by icalendar."""
    out = icalendar.Calendar()
    out.add("prodid", ics.PRODID)
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("x-wr-calname", icalendar.vText(ics.one_line(calendar.name)))
    out.add("x-wr-timezone", conference.timezone)
    out.add_component(zone or ics.zone_component(conference))
    for event in calendar.events:
        out.add_component(icalendar_event(conference, event))
    return out.to_ical().decode("utf-8")


def load(data_dir: Path) -> ConferenceData:
    data, diagnostics = load_and_validate(data_dir)
    assert data is not None, [str(d) for d in diagnostics.sorted()]
    return data


@pytest.fixture(scope="module")
def example_data() -> ConferenceData:
    return load(EXAMPLE_DATA)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> ConferenceData:
    root = tmp_path_factory.mktemp("synth-ics")
    synth.write(root, 200, seed=11)
    return load(root)


def assert_same_as_icalendar(data: ConferenceData) -> None:
    files = ics.calendar_files(data)
    expected = {
        path: icalendar_text(data.conference, calendar)
        for path, calendar in ics.calendars(data).items()
    }

    assert list(files) == list(expected)
    different = [path for path in files if files[path] != expected[path]]
    assert different == []


@pytest.mark.parametrize("data_dir", [EXAMPLE_DATA, TOY_DATA], ids=["example", "toy"])
def test_every_calendar_of_the_data_is_icalendars_bytes(data_dir: Path) -> None:
    assert_same_as_icalendar(load(data_dir))


def test_every_calendar_of_a_synthetic_conference_is_icalendars_bytes(
    synthetic: ConferenceData,
) -> None:
    files = ics.calendar_files(synthetic)

    assert len(files) == 1 + len(synthetic.sessions) + len(synthetic.papers)
    assert_same_as_icalendar(synthetic)


# Pieces that stress escaping and folding: the escaped characters, every line ending, icalendar's
# '\N', the fold's own escape starts ('\\' and '^'), characters of 2, 3 and 4 UTF-8 octets,
# combining marks, quotes and colons.
PIECES = [
    ",",
    ";",
    "\\",
    "\\N",
    "\\n",
    "^",
    "\n",
    "\r\n",
    "\r",
    '"',
    "'",
    ":",
    " ",
    "\t",
    "é",
    "ß",
    "e\u0301",
    "\u0308",
    "€",
    "中文",
    "\u2028",
    "😀",
    "𝔸",
    "👩\u200d🔬",
    "\x00",
    "\x7f",
    "a" * 13,
]
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
texts = st.one_of(
    any_text,
    st.tuples(
        # ASCII padding of every length shifts the pieces across the 75-octet fold.
        st.integers(min_value=0, max_value=150).map(lambda n: "x" * n),
        st.lists(
            st.sampled_from(PIECES)
            | st.text(st.characters(exclude_categories=("Cs",)), max_size=3),
            max_size=120,
        ).map("".join),
    ).map("".join),
)


@PROPERTY
@given(texts)
@also_with("x" * 73 + "\\,")
@also_with("x" * 72 + "😀" + "y" * 80)
@also_with("é" * 200)
def test_escaping_and_folding_are_icalendars(text: str) -> None:
    escaped = ical_text.escape_text(text)
    line = f"DESCRIPTION:{escaped}"

    assert escaped == _escape_char(text)
    assert ical_text.fold(line) == _foldline(line)


ZONES: list[tzinfo | None] = [
    ZoneInfo("America/Los_Angeles"),
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Europe/Paris"),
    ZoneInfo("UTC"),
    ZoneInfo("Etc/UTC"),
    UTC,
    None,
]
moments = st.builds(
    lambda start, zone, minutes: (start.replace(tzinfo=zone), minutes),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)),
    st.sampled_from(ZONES),
    st.integers(min_value=0, max_value=600),
)
uris = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), max_size=120)
events = st.builds(
    lambda moment, uid, summary, location, description, url, category: ics.Event(
        uid=uid,
        start=moment[0],
        end=moment[0] + timedelta(minutes=moment[1]),
        summary=summary,
        location=location,
        description=description,
        url=url,
        category=category,
    ),
    moments,
    texts,
    texts,
    texts,
    texts,
    uris,
    texts.filter(bool),
)


@dataclass(frozen=True)
class Setting:
    """A conference with its writer and its VTIMEZONE, built once: building a zone is slow."""

    conference: Conference
    writer: ics.Writer
    zone: icalendar.Timezone


@pytest.fixture(scope="module")
def settings_(example_data: ConferenceData) -> list[Setting]:
    conference = example_data.conference
    conferences = [
        conference,
        replace(conference, timezone="Europe/Paris"),
        replace(conference, timezone="UTC", start=conference.start.replace(year=2031)),
    ]
    return [Setting(c, ics.Writer(c), ics.zone_component(c)) for c in conferences]


@PROPERTY
@given(
    index=st.integers(min_value=0, max_value=2),
    name=texts,
    calendar_events=st.lists(events, min_size=1, max_size=3),
)
def test_written_calendar_is_icalendars_bytes(
    settings_: list[Setting], index: int, name: str, calendar_events: list[ics.Event]
) -> None:
    setting = settings_[index]
    calendar = ics.Calendar(name, tuple(calendar_events))

    written = setting.writer.calendar(calendar)

    assert written == icalendar_text(setting.conference, calendar, setting.zone)


def test_uri_with_a_line_break_is_refused_as_icalendar_refuses_it() -> None:
    with pytest.raises(ValueError, match="CR or LF"):
        ical_text.uri_line("URL", "https://example.org/\r\nX-INJECTED:1")
    with pytest.raises(ValueError, match="CR or LF"):
        icalendar.vUri("https://example.org/\r\nX-INJECTED:1")
