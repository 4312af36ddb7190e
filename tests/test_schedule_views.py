"""Schedule views and pages: the room grid, session pages, the agenda data, escaping."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLE_DATA

from generator import views
from generator.model import ConferenceData
from generator.outputs import BuildResult
from generator.pages import render_site
from generator.validate import load_and_validate


@pytest.fixture(scope="module")
def example() -> ConferenceData:
    data, _ = load_and_validate(EXAMPLE_DATA)
    assert data is not None
    return data


def test_program_view_shows_every_session_with_conference_time(example: ConferenceData) -> None:
    program = views.program_view(views.Index.of(example))
    shown = {s["id"]: s for day in program["days"] for s in day["sessions"]}

    assert list(shown) == [s.id for s in example.sessions]
    assert shown["s-compilers"]["time"] == "10:30–12:00"
    assert shown["s-compilers"]["zone_abbr"] == "PDT"
    assert shown["s-compilers"]["start_utc"] == "2027-04-12T17:30:00Z"
    assert shown["s-compilers"]["href"] == "../program/s-compilers/"
    assert shown["coffee-1-am"]["href"] == ""


def test_agenda_data_covers_scheduled_papers_and_every_session(example: ConferenceData) -> None:
    agenda = views.agenda_data(views.Index.of(example))

    assert list(agenda["sessions"]) == [s.id for s in example.sessions]
    assert set(agenda["papers"]) == {p.id for p in example.papers if p.session_id}
    assert agenda["papers"]["tessera"]["session"] == "s-compilers"
    assert agenda["sessions"]["s-compilers"]["start"] == "2027-04-12T17:30:00Z"
    assert agenda["dtstamp"] == "20270412T000000Z"


def rendered(data: ConferenceData) -> BuildResult:
    result = BuildResult()
    render_site(data, result)
    return result


def test_each_paper_session_gets_a_page_with_its_papers(example: ConferenceData) -> None:
    result = rendered(example)
    pages = {p.uri: p for p in result.pages}

    session_pages = sorted(u for u in pages if u.startswith("program/") and u.count("/") == 2)
    holding = sorted(f"program/{s.id}/index.md" for s in example.sessions if s.kind.holds_papers)
    assert session_pages == sorted([*holding, "program/my-agenda/index.md"])
    body = pages["program/s-compilers/index.md"].html
    assert body.count('<details class="cs-abstract">') == 4
    assert 'data-star="p:tessera"' in body
    assert 'href="../../program/s-compilers.ics"' in body


def test_data_in_titles_is_escaped_on_schedule_pages(example: ConferenceData) -> None:
    hostile = "<script>alert(1)</script> & co"
    first = replace(example.days[0].sessions[3], title=hostile)
    assert first.id == "s-compilers"
    day = replace(
        example.days[0],
        sessions=(*example.days[0].sessions[:3], first, *example.days[0].sessions[4:]),
    )
    result = rendered(replace(example, days=(day, *example.days[1:])))
    pages = {p.uri: p.html for p in result.pages}

    for uri in ("program/index.md", "program/s-compilers/index.md"):
        assert "<script>alert" not in pages[uri]
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in pages[uri]
    files = {f.uri: f.content for f in result.files}
    assert json.loads(files["program/agenda.json"])["sessions"]["s-compilers"]["title"] == hostile


def test_schedule_controls_stay_out_of_the_search_index(example_site: Path) -> None:
    docs = [
        doc
        for chunk in (example_site / "search" / "docs").iterdir()
        for doc in json.loads(chunk.read_text("utf-8"))
    ]
    sessions = [doc for doc in docs if doc[0].startswith("program/s-")]

    assert "Compilers" in " ".join(doc[1] for doc in sessions)
    assert [doc[0] for doc in docs if "add to my agenda" in json.dumps(doc).lower()] == []
