"""The program's exports: .ics reparsed with icalendar, frab XML against its XSD, JSON against
its schema; all deterministic, with stable and unique ids; hostile text survives both."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import jsonschema
import pytest
from conftest import EXAMPLE_DATA, REFERENCE, TOY_DATA
from lxml import etree

from generator import synth
from generator.exporters import frab, ics
from generator.model import ConferenceData, Paper
from generator.validate import load_and_validate

SCHEDULE_REFERENCE = REFERENCE / "schedule"


def load(data_dir: Path) -> ConferenceData:
    data, diagnostics = load_and_validate(data_dir)
    assert data is not None, [str(d) for d in diagnostics.sorted()]
    return data


@pytest.fixture(scope="module")
def example() -> ConferenceData:
    return load(EXAMPLE_DATA)


@pytest.fixture(scope="module")
def toy() -> ConferenceData:
    return load(TOY_DATA)


@pytest.fixture(scope="module")
def xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEDULE_REFERENCE / "schedule.xml.xsd")))


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEDULE_REFERENCE / "schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def events_of(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def talks(data: ConferenceData) -> list[Paper]:
    """The papers with a talk slot of their own: each is an event of its own."""
    return [p for p in data.papers if p.start]


def test_program_ics_has_every_session_once_with_its_times(example: ConferenceData) -> None:
    events = events_of(ics.calendar_files(example)["program/program.ics"])

    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events) == len(example.sessions) + len(talks(example))
    for session in example.sessions:
        event = by_uid[ics.session_uid(example.conference, session)]
        assert event["SUMMARY"] == session.title
        assert event.decoded("DTSTART") == session.start
        assert event.decoded("DTEND") == session.end
        assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
        assert event.decoded("DTSTAMP") == datetime(2027, 4, 12, tzinfo=UTC)
        assert str(event["LOCATION"]).startswith(session.room)


def test_program_ics_lists_papers_and_links_session_pages(example: ConferenceData) -> None:
    events = events_of(ics.calendar_files(example)["program/program.ics"])
    compilers = next(e for e in events if str(e["UID"]).startswith("session-s-compilers-"))

    description = str(compilers["DESCRIPTION"])
    assert "- 10:30-10:50 Tessera: Auto-Scheduling Tensor Programs" in description
    assert "Chair: Matteo Ricci" in description
    assert str(compilers["URL"]) == "https://sysml.example.org/2027/program/s-compilers/"


def test_program_ics_has_each_talk_at_its_own_slot(example: ConferenceData) -> None:
    events = events_of(ics.calendar_files(example)["program/program.ics"])
    by_uid = {str(e["UID"]): e for e in events}

    zone = example.sessions[0].start.tzinfo
    fusebox = by_uid["paper-fusebox-2027@sysml.example.org"]
    assert fusebox.decoded("DTSTART") == datetime(2027, 4, 12, 10, 50, tzinfo=zone)
    assert fusebox.decoded("DTEND") == datetime(2027, 4, 12, 11, 10, tzinfo=zone)
    assert str(fusebox["URL"]) == "https://sysml.example.org/2027/papers/fusebox/"
    assert [str(e["UID"]) for e in events if "paper-" in str(e["UID"])] == [
        f"paper-{p}-2027@sysml.example.org"
        for p in ("tessera", "fusebox", "polyhedral-attention", "shapeshift")
    ] + ["paper-optical-moe-switching-2027@sysml.example.org"]


def test_session_ics_holds_the_session_then_its_talks(example: ConferenceData) -> None:
    events = events_of(ics.calendar_files(example)["program/s-compilers.ics"])

    assert [str(e["SUMMARY"])[:8] for e in events] == [
        "ML Compi",
        "Tessera:",
        "FuseBox:",
        "Attentio",
        "ShapeShi",
    ]
    description = str(events[0]["DESCRIPTION"])
    assert "- 10:50-11:10 FuseBox: Profitable Operator Fusion" in description


def test_poster_ics_names_the_boards(example: ConferenceData) -> None:
    files = ics.calendar_files(example)
    [session] = events_of(files["program/posters.ics"])
    [paper] = events_of(files["papers/gnn-locality-sampling.ics"])

    assert "- Board 3: Locality-Aware Mini-Batch Sampling" in str(session["DESCRIPTION"])
    assert "Poster board 3" in str(paper["DESCRIPTION"])


def test_program_ics_carries_the_conference_zone(example: ConferenceData) -> None:
    calendar = icalendar.Calendar.from_ical(ics.calendar_files(example)["program/program.ics"])

    zones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["America/Los_Angeles"]


def test_every_ics_file_parses_and_all_uids_are_unique(example: ConferenceData) -> None:
    files = ics.calendar_files(example)
    scheduled = [p for p in example.papers if p.session_id]

    uids = Counter()
    for uri, text in files.items():
        if not uri.startswith("papers/"):
            continue
        events = events_of(text)
        assert len(events) == 1, uri
        uids[str(events[0]["UID"])] += 1
    assert len(files) == 1 + len(example.sessions) + len(scheduled)
    assert max(uids.values()) == 1
    for uri, text in files.items():
        in_file = Counter(str(e["UID"]) for e in events_of(text))
        assert max(in_file.values()) == 1, uri


def test_paper_ics_is_the_slot_of_its_session(example: ConferenceData) -> None:
    [event] = events_of(ics.calendar_files(example)["papers/zephyr-pipeline.ics"])
    session = next(s for s in example.sessions if s.id == "s-distributed-training")

    assert event["UID"] == "paper-zephyr-pipeline-2027@sysml.example.org"
    assert event.decoded("DTSTART") == session.start
    assert event.decoded("DTEND") == session.end


def test_paper_ics_with_a_talk_slot_is_that_slot(example: ConferenceData) -> None:
    [event] = events_of(ics.calendar_files(example)["papers/tessera.ics"])
    zone = example.sessions[0].start.tzinfo

    assert event["UID"] == "paper-tessera-2027@sysml.example.org"
    assert event.decoded("DTSTART") == datetime(2027, 4, 12, 10, 30, tzinfo=zone)
    assert event.decoded("DTEND") == datetime(2027, 4, 12, 10, 50, tzinfo=zone)
    assert str(event["URL"]) == "https://sysml.example.org/2027/papers/tessera/"
    assert "Presented in ML Compilers and Code Generation" in str(event["DESCRIPTION"])


def test_unscheduled_paper_has_no_ics(example: ConferenceData) -> None:
    paper = replace(example.papers[0], session_id=None)
    data = replace(example, papers=(paper, *example.papers[1:]))

    assert f"papers/{paper.id}.ics" not in ics.calendar_files(data)


def test_calendar_text_with_commas_and_newlines_round_trips(toy: ConferenceData) -> None:
    session = replace(toy.sessions[0], title="Opening; welcome, and\nnews")
    day = replace(toy.days[0], sessions=(session, *toy.days[0].sessions[1:]))
    data = replace(toy, days=(day, *toy.days[1:]))

    [event] = events_of(ics.calendar_files(data)[f"program/{session.id}.ics"])
    assert str(event["SUMMARY"]) == "Opening; welcome, and news"


def test_exports_are_deterministic(example: ConferenceData) -> None:
    again = load(EXAMPLE_DATA)

    assert ics.calendar_files(example) == ics.calendar_files(again)
    assert frab.schedule_xml(example) == frab.schedule_xml(again)
    assert frab.schedule_json(example) == frab.schedule_json(again)


@pytest.mark.parametrize("data_dir", [EXAMPLE_DATA, TOY_DATA], ids=["example", "toy"])
def test_schedule_xml_is_valid_against_the_frab_xsd(data_dir: Path, xsd: etree.XMLSchema) -> None:
    document = etree.fromstring(frab.schedule_xml(load(data_dir)).encode("utf-8"))

    assert xsd.validate(document), str(xsd.error_log)


@pytest.mark.parametrize("data_dir", [EXAMPLE_DATA, TOY_DATA], ids=["example", "toy"])
def test_schedule_json_is_valid_against_the_schema(
    data_dir: Path, json_validator: jsonschema.protocols.Validator
) -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in json_validator.iter_errors(json.loads(frab.schedule_json(load(data_dir))))
    ]

    assert errors == []


def test_reference_example_passes_the_json_validator_used_here(
    json_validator: jsonschema.protocols.Validator,
) -> None:
    # Guards the check above: the validator accepts what the schema's authors call valid.
    example = json.loads((SCHEDULE_REFERENCE / "example-valid.json").read_text("utf-8"))

    assert list(json_validator.iter_errors(example)) == []


def test_schedule_xml_has_every_session_in_its_room(example: ConferenceData) -> None:
    root = etree.fromstring(frab.schedule_xml(example).encode("utf-8"))
    events = root.findall("day/room/event")

    rooms = {e.findtext("slug").split("-", 2)[2]: e.findtext("room") for e in events}
    # A session whose papers all have their own slot is written as its talks.
    as_talks = {"s-compilers": 4, "workshop-hardware-futures": 1}
    expected = {s.id: s.room for s in example.sessions if s.id not in as_talks}
    expected |= {p.id: "Room A" for p in example.papers if p.session_id == "s-compilers"}
    expected["optical-moe-switching"] = "Room C"
    assert rooms == expected
    training = root.find("day/room/event[slug='sysml2027-05-s-distributed-training']")
    assert training.findtext("room") == "Room B"
    assert training.findtext("start") == "10:30"
    assert training.findtext("duration") == "01:30"
    assert training.findtext("date") == "2027-04-12T10:30:00-07:00"
    assert len(training.findall("links/link")) == 4


def test_schedule_xml_has_one_event_per_talk_with_a_slot(example: ConferenceData) -> None:
    root = etree.fromstring(frab.schedule_xml(example).encode("utf-8"))

    [fusebox] = [
        e for e in root.iterfind("day/room/event") if e.findtext("slug").endswith("-fusebox")
    ]
    assert fusebox.findtext("start") == "10:50"
    assert fusebox.findtext("duration") == "00:20"
    assert fusebox.findtext("subtitle") == "ML Compilers and Code Generation"
    assert fusebox.findtext("url") == "https://sysml.example.org/2027/papers/fusebox/"
    assert fusebox.get("id") == str(len(example.sessions) + 2)
    assert fusebox.findtext("title").startswith("FuseBox: ")
    assert [p.text for p in fusebox.findall("persons/person")] == [
        a.name.full for a in next(p for p in example.papers if p.id == "fusebox").authors
    ]


def test_schedule_json_events_match_the_program(example: ConferenceData) -> None:
    conference = json.loads(frab.schedule_json(example))["schedule"]["conference"]
    events = [e for day in conference["days"] for room in day["rooms"].values() for e in room]

    talks_of = {"s-compilers", "workshop-hardware-futures"}
    titles = [s.title for s in example.sessions if s.id not in talks_of]
    titles += [p.title.as_text for p in example.papers if p.session_id in talks_of]
    assert sorted(e["title"] for e in events) == sorted(titles)
    assert len({e["guid"] for e in events}) == len(events)
    assert len({e["id"] for e in events}) == len(events)
    assert conference["acronym"] == "sysml2027"
    assert conference["daysCount"] == 3
    assert conference["time_zone_name"] == "America/Los_Angeles"


def test_frab_ids_stay_stable_when_the_timetable_changes(example: ConferenceData) -> None:
    moved = replace(example.days[0].sessions[3], room="Room Z")
    day = replace(
        example.days[0],
        sessions=(*example.days[0].sessions[:3], moved, *example.days[0].sessions[4:]),
    )
    changed = replace(example, days=(day, *example.days[1:]))

    def guids(data: ConferenceData) -> dict[str, str]:
        return {e.session.id: e.guid for e in frab.events(data)}

    assert guids(changed) == guids(example)
    assert frab.version(changed) != frab.version(example)


def test_built_site_serves_every_export(example_site: Path, xsd: etree.XMLSchema) -> None:
    program = example_site / "program"

    assert xsd.validate(etree.parse(str(program / "schedule.xml")))
    assert json.loads((program / "schedule.json").read_text("utf-8"))["schedule"]["version"]
    assert len(events_of((program / "program.ics").read_text("utf-8"))) == 28 + 5
    assert events_of((example_site / "papers" / "tessera.ics").read_text("utf-8"))
    assert (program / "s-compilers" / "index.html").is_file()
    assert (program / "my-agenda" / "index.html").is_file()
    agenda = json.loads((program / "agenda.json").read_text("utf-8"))
    assert agenda["papers"]["tessera"]["uid"] == "paper-tessera-2027@sysml.example.org"


# Hostile text and a synthetic conference: the frab files stay valid and say what the data says.


HOSTILE = "A & B <i>\"quoted\"</i> 'single'\r\nnext\tline ]]> é😀"


def hostile(data: ConferenceData) -> ConferenceData:
    """The example with markup, quotes, CR, LF and TAB in session titles, rooms and chairs."""
    first = data.days[0]
    sessions = tuple(
        replace(s, title=f"{s.title} {HOSTILE}", room=f"{s.room} {HOSTILE}", chair=HOSTILE)
        for s in first.sessions
    )
    return replace(data, days=(replace(first, sessions=sessions), *data.days[1:]))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> ConferenceData:
    root = tmp_path_factory.mktemp("synth-frab")
    synth.write(root, 200, seed=7)
    return load(root)


@pytest.fixture(scope="module")
def schedules(example: ConferenceData, synthetic: ConferenceData) -> list[ConferenceData]:
    return [example, load(TOY_DATA), synthetic, hostile(example)]


def test_hostile_schedule_xml_reads_back_to_the_titles(example: ConferenceData) -> None:
    data = hostile(example)
    root = etree.fromstring(frab.schedule_xml(data).encode("utf-8"))

    titles = [e.findtext("title") for e in root.iterfind("day/room/event")]
    rooms = [r.get("name") for r in root.iterfind("day/room")]
    # XML parsers turn a CR LF in text into LF; in an attribute, &#13;&#10; stays both.
    assert f"{data.days[0].sessions[0].title}".replace("\r\n", "\n") in titles
    assert data.days[0].sessions[0].room in rooms


def test_hostile_schedule_json_reads_back_to_the_titles(example: ConferenceData) -> None:
    data = hostile(example)
    document = json.loads(frab.schedule_json(data))

    first_day = document["schedule"]["conference"]["days"][0]
    titles = [event["title"] for events in first_day["rooms"].values() for event in events]
    expected = [s.title for s in data.days[0].sessions if s.id != "s-compilers"]
    expected += [p.title.as_text for p in data.papers if p.session_id == "s-compilers"]
    assert sorted(titles) == sorted(expected)


def test_every_schedule_is_valid_against_both_schemas(
    schedules: list[ConferenceData],
    xsd: etree.XMLSchema,
    json_validator: jsonschema.protocols.Validator,
) -> None:
    for data in schedules:
        document = etree.fromstring(frab.schedule_xml(data).encode("utf-8"))
        errors = list(json_validator.iter_errors(json.loads(frab.schedule_json(data))))

        assert xsd.validate(document), str(xsd.error_log)
        assert [e.message for e in errors] == []
