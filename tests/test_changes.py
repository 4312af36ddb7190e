"""Schedule changes: the toy conference released, then edited in a second git commit (a session
moved to another room, one cancelled, one added, a paper moved to another session); the
Changes page, the Atom feed and the calendars say exactly what changed."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import icalendar
import pytest
from conftest import TOY_DATA, run_confsite
from lxml import etree
from test_ics_writer import icalendar_text

from generator.build import build_outputs
from generator.diagnostics import Diagnostics
from generator.exporters import ics
from generator.history import FILE, dump
from generator.load.yaml_source import parse_yaml
from generator.outputs import BuildResult
from generator.validate import load_and_validate
from generator.validate.releases import read_releases

RELEASED = "2030-05-01T10:00:00Z"
EDITED = "2030-05-20T08:00:00Z"
"""The second commit's date: it dates the changes not yet recorded."""
ATOM = "{http://www.w3.org/2005/Atom}"

MOVED_EVENTS = {
    "program/program.ics": {"session-s-compilers-2030@toy.example.org"},
    "program/s-compilers.ics": {"session-s-compilers-2030@toy.example.org"},
    "papers/tiny-tensors.ics": {"paper-tiny-tensors-2030@toy.example.org"},
    "papers/log-attention.ics": {"paper-log-attention-2030@toy.example.org"},
    "papers/green-serving.ics": {"paper-green-serving-2030@toy.example.org"},
}
"""Every event whose time, room or session changed, by file: the session moved to Hall C,
its two papers with it, and the paper moved from the posters into it."""

EXPECTED_PAGE = [
    "Moved (session): Compilers, from Mon 3 Jun, 10:30–12:00 CEST, Hall A "
    "to Mon 3 Jun, 10:30–12:00 CEST, Hall C",
    "Moved (paper): Green Serving, from “Poster session” "
    "(Tue 4 Jun, 10:30–12:00 CEST, Hall B) to “Compilers” (Mon 3 Jun, 10:30–12:00 CEST, Hall C)",
    "Added (session): Lunch, Mon 3 Jun, 12:00–13:00 CEST, Foyer",
    "Cancelled (session): Coffee break, was Tue 4 Jun, 10:00–10:30 CEST, Foyer",
]


def git(folder: Path, *args: str, when: str = RELEASED) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "Program chairs",
        "GIT_AUTHOR_EMAIL": "chairs@toyconf.example.org",
        "GIT_COMMITTER_NAME": "Program chairs",
        "GIT_COMMITTER_EMAIL": "chairs@toyconf.example.org",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose data folder was released, then edited in a second commit."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = tmp_path / "site" / "data"
    shutil.copytree(TOY_DATA, data)
    git(data.parent, "init", "-q")
    released = run_confsite("release", "--data", str(data), "--date", "2030-05-01 10:00")
    assert released.returncode == 0, released.stderr
    assert f"{FILE}: version 1 recorded (the first release)" in released.stderr
    git(data.parent, "add", "-A")
    git(data.parent, "commit", "-q", "-m", "First program")
    program = data / "program.yaml"
    edit(program, "room: Hall A\n        chair: Tom Berg", "room: Hall C\n        chair: Tom Berg")
    edit(
        program,
        "      - id: coffee\n        title: Coffee break\n        kind: break\n"
        '        start: "10:00"\n        end: "10:30"\n        room: Foyer\n',
        "",
    )
    edit(
        program,
        "        chair: Tom Berg\n",
        "        chair: Tom Berg\n      - id: lunch\n        title: Lunch\n        kind: break\n"
        '        start: "12:00"\n        end: "13:00"\n        room: Foyer\n',
    )
    edit(data / "papers.yaml", "session: posters", "session: s-compilers")
    git(data.parent, "commit", "-q", "-am", "Hall A is closed; lunch added", when=EDITED)
    return data


def built(data: Path) -> BuildResult:
    result = build_outputs(data)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    return result


def outputs(result: BuildResult) -> dict[str, str]:
    found = {page.uri: page.html for page in result.pages}
    found.update({f.uri: f.content for f in result.files if isinstance(f.content, str)})
    return found


def page_changes(result: BuildResult) -> list[list[str]]:
    """The Changes page as text: for each release, its list items."""
    page = outputs(result)["changes/index.md"]
    sections = re.findall(r'<section class="cs-changes".*?</section>', page, re.S)
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", item))
            for item in re.findall(r"<li[^>]*>(.*?)</li>", s, re.S)
        ]
        for s in sections
    ]


def events(result: BuildResult) -> dict[str, dict[str, icalendar.Event]]:
    """Every VEVENT of every .ics, by file and UID, as a calendar client reads it."""
    found = {}
    for uri, text in outputs(result).items():
        if uri.endswith(".ics"):
            calendar = icalendar.Calendar.from_ical(text)
            found[uri] = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    return found


def test_changes_page_lists_moved_added_and_cancelled(repository: Path) -> None:
    result = built(repository)

    assert page_changes(result) == [EXPECTED_PAGE, []]
    page = outputs(result)["changes/index.md"]
    assert '<time datetime="2030-05-20T08:00:00Z">Latest changes, Monday 20 May 2030' in page
    assert "Version 1 of the program, Wednesday 1 May 2030" in page
    assert '<a href="../program/#s-compilers">Compilers</a>' in page
    assert "<strong>Cancelled</strong> (session): Coffee break," in page  # no page to link


def test_sequence_is_raised_on_exactly_the_changed_events(repository: Path) -> None:
    result = built(repository)
    edited = datetime(2030, 5, 20, 8, tzinfo=UTC)
    usual = datetime(2030, 6, 3, tzinfo=UTC)  # the first day's stamp, as before any change

    found = events(result)
    raised = {
        uri: {uid for uid, e in by_uid.items() if "SEQUENCE" in e} for uri, by_uid in found.items()
    }
    assert {uri: uids for uri, uids in raised.items() if uids} == MOVED_EVENTS
    for uri, by_uid in found.items():
        for uid, event in by_uid.items():
            changed = uid in MOVED_EVENTS.get(uri, set())
            assert event.get("SEQUENCE", 0) == (1 if changed else 0), (uri, uid)
            assert event["DTSTAMP"].dt == (edited if changed else usual), (uri, uid)
    compilers = found["program/program.ics"]["session-s-compilers-2030@toy.example.org"]
    assert str(compilers["LOCATION"]).startswith("Hall C, ")
    assert "session-coffee-2030@toy.example.org" not in found["program/program.ics"]
    assert "session-lunch-2030@toy.example.org" in found["program/program.ics"]


def test_feed_is_valid_atom_with_one_entry_per_release(repository: Path) -> None:
    text = outputs(built(repository))["changes.xml"]

    feed = feedparser.parse(text)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.id for e in feed.entries] == [
        "tag:toy.example.org,2030:changes/version-2",
        "tag:toy.example.org,2030:changes/version-1",
    ]
    assert [e.updated for e in feed.entries] == [EDITED, RELEASED]
    assert feed.feed.updated == EDITED
    assert feed.entries[0].link == "https://toy.example.org/2030/changes/#latest"
    assert feed.entries[0].summary == "4 changes to the program."
    items = re.findall(r"<li>(.*?)</li>", feed.entries[0].content[0].value)
    assert [html.unescape(item) for item in items] == [
        "Moved: session “Compilers”, from Mon 3 Jun, 10:30–12:00 CEST, Hall A to "
        "Mon 3 Jun, 10:30–12:00 CEST, Hall C",
        "Moved: paper “Green Serving”, from “Poster session” "
        "(Tue 4 Jun, 10:30–12:00 CEST, Hall B) "
        "to “Compilers” (Mon 3 Jun, 10:30–12:00 CEST, Hall C)",
        "Added: session “Lunch”, Mon 3 Jun, 12:00–13:00 CEST, Foyer",
        "Cancelled: session “Coffee break”, Tue 4 Jun, 10:00–10:30 CEST, Foyer",
    ]
    assert rfc4287_problems(text) == []


def rfc4287_problems(text: str) -> list[str]:
    """What RFC 4287 requires of a feed and its entries (sections 3.3, 4.1.1, 4.1.2, 4.2.6,
    4.2.7) that a parser as forgiving as feedparser does not check."""
    root = etree.fromstring(text.encode("utf-8"))
    problems = []
    if root.tag != f"{ATOM}feed":
        return [f"the root is {root.tag}, not atom:feed"]

    def once(element: etree._Element, name: str, where: str) -> None:
        count = len(element.findall(f"{ATOM}{name}"))
        if count != 1:
            problems.append(f"{where}: {count} atom:{name}, not exactly one")

    def check_dates(element: etree._Element, where: str) -> None:
        for date in element.findall(f"{ATOM}updated"):
            if not re.fullmatch(
                r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", date.text or ""
            ):
                problems.append(f"{where}: atom:updated {date.text!r} is no RFC 3339 date-time")

    def check_id(element: etree._Element, where: str) -> None:
        for found in element.findall(f"{ATOM}id"):
            if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", found.text or ""):
                problems.append(f"{where}: atom:id {found.text!r} is no absolute IRI")

    def alternates_unique(element: etree._Element, where: str) -> None:
        links = [
            link
            for link in element.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        keys = [(link.get("type"), link.get("hreflang")) for link in links]
        if len(keys) != len(set(keys)):
            problems.append(f"{where}: two alternate links of one type and language")

    for name in ("id", "title", "updated"):
        once(root, name, "feed")
    check_dates(root, "feed")
    check_id(root, "feed")
    alternates_unique(root, "feed")
    if not any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")):
        problems.append("feed: no self link (SHOULD, 4.2.7.2)")
    entries = root.findall(f"{ATOM}entry")
    feed_author = root.find(f"{ATOM}author") is not None
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        for name in ("id", "title", "updated"):
            once(entry, name, where)
        check_dates(entry, where)
        check_id(entry, where)
        alternates_unique(entry, where)
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"{where}: no atom:author, and the feed has none")
        content = entry.find(f"{ATOM}content")
        has_alternate = any(
            link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")
        )
        if content is None and not has_alternate:
            problems.append(f"{where}: neither atom:content nor an alternate link")
        media = content is not None and content.get("type") not in (None, "text", "html", "xhtml")
        if media and entry.find(f"{ATOM}summary") is None:
            problems.append(f"{where}: content of a media type needs atom:summary")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    if len(ids) != len(set(ids)):
        problems.append("two entries share an atom:id")
    for author in root.iter(f"{ATOM}author"):
        once(author, "name", "author")
    return problems


def test_recording_the_changes_keeps_the_sequences(repository: Path) -> None:
    before = built(repository)
    recorded = run_confsite("release", "--data", str(repository), "--date", "2030-05-21 09:00")
    assert recorded.returncode == 0, recorded.stderr
    assert "version 2 recorded (4 change(s)), 2030-05-21 09:00 UTC" in recorded.stderr
    after = built(repository)

    assert page_changes(after) == page_changes(before)
    assert "Version 2 of the program, Tuesday 21 May 2030" in outputs(after)["changes/index.md"]
    for uri, uids in MOVED_EVENTS.items():
        for uid in uids:
            event = events(after)[uri][uid]
            assert event["SEQUENCE"] == 1
            assert event["DTSTAMP"].dt == datetime(2030, 5, 21, 9, tzinfo=UTC)
    again = run_confsite("release", "--data", str(repository))
    assert "the program is version 2's; nothing recorded" in again.stderr


def test_a_second_move_raises_the_sequence_again(repository: Path) -> None:
    run_confsite("release", "--data", str(repository), "--date", "2030-05-21 09:00")
    edit(repository / "program.yaml", "room: Hall C", "room: Hall D")

    found = events(built(repository))

    assert (
        found["program/s-compilers.ics"]["session-s-compilers-2030@toy.example.org"]["SEQUENCE"]
        == 2
    )
    assert (
        found["program/program.ics"]["session-keynote-2030@toy.example.org"].get("SEQUENCE") is None
    )


def test_same_data_and_history_give_the_same_bytes(repository: Path) -> None:
    assert outputs(built(repository)) == outputs(built(repository))


def test_without_releases_there_are_no_recorded_changes() -> None:
    result = built(TOY_DATA)

    page = outputs(result)["changes/index.md"]
    assert "No changes are recorded" in page
    feed = feedparser.parse(outputs(result)["changes.xml"])
    assert feed.bozo == 0 and feed.entries == []
    assert rfc4287_problems(outputs(result)["changes.xml"]) == []
    assert not any(
        "SEQUENCE" in text for uri, text in outputs(result).items() if uri.endswith(".ics")
    )


def test_releases_file_reads_back_to_what_was_written(repository: Path) -> None:
    run_confsite("release", "--data", str(repository), "--date", "2030-05-21 09:00")
    text = (repository / FILE).read_text(encoding="utf-8")
    diagnostics = Diagnostics()

    history = read_releases(parse_yaml(text, FILE, diagnostics), FILE, diagnostics)

    assert diagnostics.sorted() == []
    assert dump(history) == text
    assert [r.version for r in history.releases] == [1, 2]


def test_broken_releases_file_is_reported_at_its_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    (data / FILE).write_text(
        "releases:\n  - version: 1\n    date: yesterday\n    changes: []\nprogram:\n"
        "  sessions:\n    keynote: {title: Keynote, start: '2030-06-03T09:00', end: x}\n"
        "  papers: {}\n",
        encoding="utf-8",
    )

    checked = run_confsite("check", "--data", str(data))

    assert checked.returncode == 1
    lines = [line for line in checked.stderr.splitlines() if "error:" in line]
    assert lines == [
        f"{data / FILE}:3: error: release '1': 'date' 'yesterday' is not a date and time "
        "like 2027-04-01T09:30:00Z",
        f"{data / FILE}:7: error: session 'keynote': 'end' 'x' is not a date and time like "
        "2027-04-12T10:30:00-07:00",
        f"{data / FILE}:7: error: session 'keynote': 'start' '2030-06-03T09:00' is not a date "
        "and time like 2027-04-12T10:30:00-07:00",
    ]


def test_changed_calendars_are_icalendars_bytes(repository: Path) -> None:
    """SEQUENCE and the changed DTSTAMP sit where icalendar itself writes them."""
    data, _ = load_and_validate(repository)
    assert data is not None
    writer = ics.Writer(data.conference)

    for calendar in ics.calendars(data).values():
        assert writer.calendar(calendar) == icalendar_text(data.conference, calendar)
