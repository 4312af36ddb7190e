"""`confsite import program`: real frab and pretalx schedules (XML and JSON), an iCalendar file
and a sheet into program.yaml, which then checks clean and builds."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import REFERENCE, ROOT, TOY_DATA, build_site, run_confsite

from generator.diagnostics import Diagnostics
from generator.exporters.ics import calendar_files
from generator.importers import frab_schedule
from generator.importers.records import ImportBatch
from generator.load.yaml_source import load_yaml_file
from generator.validate import load_and_validate

SCHEDULES = REFERENCE / "schedule"
PRETALX_XML = SCHEDULES / "pretalx-romhack-camp-2026.xml"
FRAB_XML = SCHEDULES / "frab-privacyweek-2016.xml"
PRETALX_JSON = SCHEDULES / "example-valid.json"


def conference_folder(root: Path, zone: str, start: str, end: str) -> Path:
    """The toy conference moved to the schedule's dates and zone, without a program."""
    data = root / "data"
    shutil.copytree(TOY_DATA, data)
    text = (data / "conference.yaml").read_text()
    text = re.sub(r"(?m)^year: .*", f"year: {start[:4]}", text)
    text = re.sub(r"(?m)^timezone: .*", f"timezone: {zone}", text)
    text = re.sub(r"(?m)^start: .*", f"start: {start}", text)
    text = re.sub(r"(?m)^end: .*", f"end: {end}", text)
    (data / "conference.yaml").write_text(text)
    (data / "program.yaml").unlink()
    papers = (data / "papers.yaml").read_text()
    (data / "papers.yaml").write_text(re.sub(r"(?m)^    session: .*\n", "", papers))
    return data


def import_program(data: Path, source: Path, *extra: str) -> list[str]:
    result = run_confsite("import", "program", str(source), "--data", str(data), *extra)
    assert result.returncode == 0, result.stderr
    return result.stderr.splitlines()


def sessions(data: Path) -> dict[str, dict]:
    root = load_yaml_file(data / "program.yaml", "program.yaml", Diagnostics())
    return {s["id"]: {**s, "date": day["date"]} for day in root["days"] for s in day["sessions"]}


def checked(data: Path):
    model, diagnostics = load_and_validate(data)
    assert [str(d) for d in diagnostics.sorted()] == []
    assert model is not None
    return model


@pytest.fixture(scope="module")
def romhack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = conference_folder(
        tmp_path_factory.mktemp("romhack"), "Europe/Rome", "2026-10-02", "2026-10-04"
    )
    log = import_program(data, PRETALX_XML)
    (data.parent / "import.log").write_text("\n".join(log))
    return data


def test_import_pretalx_xml_reports_what_it_wrote(romhack: Path) -> None:
    assert (romhack.parent / "import.log").read_text().splitlines() == [
        "sessions: imported 10, updated 0, unchanged 0; skipped 0 unreadable; read as UTF-8; "
        f"wrote {romhack / 'program.yaml'}"
    ]


def test_import_pretalx_xml_keeps_days_rooms_and_sessions_past_midnight(romhack: Path) -> None:
    found = sessions(romhack)
    assert sorted(found) == [f"s{n}" for n in (177, 178, 179, 184, 185, 193, 209, 210, 211, 212)]
    assert {s["date"] for s in found.values()} == {"2026-10-02", "2026-10-03", "2026-10-04"}
    assert {s["room"] for s in found.values()} == {"STAGE 1", "WORKSHOP 2"}
    assert (found["s211"]["start"], found["s211"]["end"]) == ("22:30", "00:30")
    assert (found["s193"]["start"], found["s193"]["end"]) == ("17:00", "08:00")
    assert found["s209"]["kind"] == "workshop"  # pretalx type "Workshop", a kind of its own
    assert found["s177"]["title"] == "RomHack Camp Opening"
    assert found["s177"]["description"].startswith("Speakers: Cyber Saiyan\n\n**Welcome to")


def test_import_pretalx_xml_checks_clean_with_ends_on_the_next_day(romhack: Path) -> None:
    model = checked(romhack)
    rome = ZoneInfo("Europe/Rome")
    ctf = next(s for s in model.sessions if s.id == "s193")
    assert (ctf.start, ctf.end) == (
        datetime(2026, 10, 2, 17, 0, tzinfo=rome),
        datetime(2026, 10, 3, 8, 0, tzinfo=rome),
    )


def test_import_pretalx_xml_again_changes_nothing(romhack: Path) -> None:
    before = (romhack / "program.yaml").read_bytes()
    log = import_program(romhack, PRETALX_XML)
    assert log[-1] == (
        "sessions: imported 0, updated 0, unchanged 10; skipped 0 unreadable; read as UTF-8; "
        "no file changed"
    )
    assert (romhack / "program.yaml").read_bytes() == before


def test_import_program_keeps_what_organizers_added(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/Rome", "2026-10-02", "2026-10-04")
    import_program(data, PRETALX_XML)
    text = (data / "program.yaml").read_text()
    text = text.replace("      - id: s177\n", "      - id: s177\n        chair: Rosa Lind\n", 1)
    text = text.replace("kind: plenary", "kind: keynote\n        speaker: ada-quill", 1)
    text += (
        "  - date: '2026-10-04'\n    sessions:\n      - id: farewell\n        title: Farewell\n"
        "        kind: social\n        start: '18:00'\n        end: '19:00'\n"
    )
    (data / "program.yaml").write_text(text)
    log = import_program(data, PRETALX_XML)
    assert log[-1].startswith("sessions: imported 0, updated 0, unchanged 10;")
    found = sessions(data)
    assert (found["s177"]["chair"], found["s177"]["kind"]) == ("Rosa Lind", "keynote")
    assert found["s177"]["speaker"] == "ada-quill"
    assert found["farewell"]["title"] == "Farewell"
    checked(data)


def test_import_program_keeps_the_room_order(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/Rome", "2026-10-02", "2026-10-04")
    import_program(data, PRETALX_XML)
    room = next(s["room"] for s in sessions(data).values() if s.get("room"))
    program = data / "program.yaml"
    program.write_text(f"rooms:\n  - {room}\n" + program.read_text())

    import_program(data, PRETALX_XML)

    assert load_yaml_file(program, "program.yaml", Diagnostics())["rooms"] == [room]
    checked(data)


def test_import_program_moves_a_session_whose_day_changed(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/Rome", "2026-10-02", "2026-10-04")
    moved = tmp_path / "moved.xml"
    xml = PRETALX_XML.read_text()
    moved.write_text(xml.replace("2026-10-04T12:30:00+02:00", "2026-10-03T12:30:00+02:00"))
    import_program(data, PRETALX_XML)
    log = import_program(data, moved)
    assert log[-1].startswith("sessions: imported 0, updated 1, unchanged 9;")
    assert sessions(data)["s178"]["date"] == "2026-10-03"
    checked(data)


def test_import_frab_xml_as_frab_writes_it(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/Vienna", "2016-10-24", "2016-10-30")
    import_program(data, FRAB_XML)
    assert sessions(data) == {
        "s69": {
            "id": "s69",
            "date": "2016-10-24",
            "title": "Eröffnungsrede: Privatsphäre im digitalen Zeitalter",
            "kind": "plenary",
            "start": "09:30",
            "end": "10:00",
            "room": "Volkskundemuseum",
            "description": "Speakers: Peter Purgathofer",
        }
    }
    checked(data)


def test_import_pretalx_json_converts_times_into_the_conference_zone(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/London", "2020-12-14", "2020-12-16")
    log = import_program(data, PRETALX_JSON)
    assert log == [
        f"{PRETALX_JSON.relative_to(ROOT)}: note: times converted from UTC to Europe/London",
        "sessions: imported 36, updated 0, unchanged 0; skipped 0 unreadable; read as UTF-8; "
        f"wrote {data / 'program.yaml'}",
    ]
    first = sessions(data)["s25"]  # 2020-12-14T09:00:00+01:00, 30 minutes, in the Gray Room
    assert (first["date"], first["start"], first["end"]) == ("2020-12-14", "08:00", "08:30")
    assert (first["room"], first["title"]) == ("Gray Room", "Focused 5thgeneration hardware")
    checked(data)


def test_import_icalendar_gives_back_the_program_it_was_exported_from(tmp_path: Path) -> None:
    toy, _ = load_and_validate(TOY_DATA)
    assert toy is not None
    calendar = tmp_path / "program.ics"
    calendar.write_text(calendar_files(toy)["program/program.ics"])
    data = conference_folder(tmp_path, "Europe/Berlin", "2030-06-03", "2030-06-04")
    import_program(data, calendar)
    model, diagnostics = load_and_validate(data)
    assert [d.message for d in diagnostics.sorted()] == [
        "session 'session-keynote-2030': a keynote without a 'speaker'"  # a calendar has none
    ]
    assert model is not None
    assert [(s.start, s.end, s.room, s.title) for s in model.sessions] == [
        (s.start, s.end, s.room, s.title) for s in toy.sessions
    ]


SHEET = """Day,Start,End,Room,Title,Kind,Chair
1,9:00,10:00,Hall A,Opening,plenary,Rosa Lind
1,10:00,10:30, hall a ,Coffee,Coffee break,
1,22:00,24:00,Hall B,Night session,social,
2,23:30,00:45,Hall A,Café talks,papers,
2,5:00 PM,6:00 PM,Hall B,Late posters,poster,
2,nine,10:00,Hall A,Unreadable,plenary,
"""


def test_import_sheet_reads_day_numbers_midnight_and_windows_1252(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/Berlin", "2030-06-03", "2030-06-04")
    sheet = tmp_path / "program.csv"
    sheet.write_bytes(SHEET.encode("cp1252"))
    result = run_confsite("import", "program", str(sheet), "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{sheet}:7: warning: row 6: start 'nine' is not a time; skipped",
        "sessions: imported 5, updated 0, unchanged 0; skipped 1 unreadable; "
        f"read as Windows-1252; wrote {data / 'program.yaml'}",
    ]
    found = sessions(data)
    assert [
        (s["date"], s["start"], s["end"], s.get("room"), s["kind"]) for s in found.values()
    ] == [
        ("2030-06-03", "09:00", "10:00", "Hall A", "plenary"),
        ("2030-06-03", "10:00", "10:30", "Hall A", "break"),
        ("2030-06-03", "22:00", "24:00", "Hall B", "social"),
        ("2030-06-04", "23:30", "00:45", "Hall A", "papers"),
        ("2030-06-04", "17:00", "18:00", "Hall B", "poster"),
    ]
    assert found["cafe-talks"]["title"] == "Café talks"
    assert found["opening"]["chair"] == "Rosa Lind"
    checked(data)


def test_import_program_with_a_wrong_encoding_says_so(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/Berlin", "2030-06-03", "2030-06-04")
    sheet = tmp_path / "program.csv"
    sheet.write_bytes(SHEET.encode("cp1252"))
    result = run_confsite(
        "import", "program", str(sheet), "--data", str(data), "--encoding", "utf-8"
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{sheet}:5: error: byte 0xe9 cannot be read as UTF-8; pass the file's encoding with "
        "--encoding (e.g. cp1252, utf-16)"
    )
    assert not (data / "program.yaml").exists()


def test_import_program_builds_with_mkdocs(romhack: Path, tmp_path: Path) -> None:
    result = build_site(romhack, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "program" / "index.html").read_text()
    assert "After Dark - Friday Music Session (DJ TBA)" in page
    assert "22:30–00:30" in page


def test_import_pretalx_json_builds_with_mkdocs(tmp_path: Path) -> None:
    data = conference_folder(tmp_path, "Europe/London", "2020-12-14", "2020-12-16")
    import_program(data, PRETALX_JSON)
    result = build_site(data, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "program" / "index.html").read_text()
    assert "Focused 5thgeneration hardware" in page
    assert "Gray Room" in page


OLD_FRAB = """<?xml version='1.0' encoding='utf-8' ?>
<schedule>
  <conference><title>Old</title></conference>
  <day date='2014-12-27' index='1' start='2014-12-27T11:00:00+01:00'>
    <room name='Saal 1'>
      <event guid='a' id='1'>
        <start>23:00</start>
        <duration>01:00</duration>
        <title>Late</title>
        <type>lecture</type>
      </event>
      <event guid='b' id='2'>
        <start>01:30</start>
        <duration>00:45</duration>
        <title>After midnight</title>
      </event>
      <event guid='c' id='3'>
        <start>02:30</start>
        <duration>soon</duration>
        <title>Broken</title>
      </event>
    </room>
  </day>
</schedule>
"""


def test_read_frab_xml_without_dates_puts_early_starts_on_the_next_day() -> None:
    batch = ImportBatch()
    frab_schedule.read_xml(Path("old.xml"), "old.xml", OLD_FRAB, batch)
    assert [(s.source_id, s.start, s.end, s.room) for s in batch.sessions] == [
        ("1", datetime(2014, 12, 27, 23, 0), datetime(2014, 12, 28, 0, 0), "Saal 1"),
        ("2", datetime(2014, 12, 28, 1, 30), datetime(2014, 12, 28, 2, 15), "Saal 1"),
    ]
    assert [str(d) for d in batch.diagnostics.items] == [
        "old.xml:17: warning: event 3: no readable duration; skipped"
    ]
