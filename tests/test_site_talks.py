"""Talk slots, poster boards, workshops and speaker pages in the built example site (a real
`mkdocs build --strict`): what the pages and the agenda's data say."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from generator.model import SessionKind


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / path / "index.html")).getroot()


def texts(document: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in document.xpath(xpath)]


def test_site_talks_session_page_lists_papers_in_slot_order(example_site: Path) -> None:
    session = page(example_site, "program/s-compilers")

    slots = texts(session, "//li[contains(@class, 'cs-paper')]/p[@class='cs-talk-slot']")
    titles = texts(session, "//li[contains(@class, 'cs-paper')]/h3")
    assert slots == ["10:30–10:50", "10:50–11:10", "11:10–11:30", "11:30–11:50"]
    assert [t.split()[0] for t in titles] == ["Tessera:", "FuseBox:", "Attention", "ShapeShift:"]


def test_site_talks_paper_page_shows_its_own_slot(example_site: Path) -> None:
    paper = page(example_site, "papers/fusebox")

    [slot] = texts(paper, "//p[@class='cs-slot']")
    assert slot == (
        "Presented in ML Compilers and Code Generation, Monday 12 April 2027, 10:50–11:10 "
        "(America/Los_Angeles), Room A"
    )


def test_site_talks_poster_boards_on_session_and_paper_pages(example_site: Path) -> None:
    posters = page(example_site, "program/posters")
    paper = page(example_site, "papers/cost-of-robustness")

    assert texts(posters, "//p[@class='cs-board']") == [f"Board {n}" for n in range(1, 6)]
    assert texts(paper, "//p[@class='cs-slot']")[0].endswith("Exhibit Hall, board 4")


def test_site_talks_workshop_and_tutorial_have_pages_linked_from_the_program(
    example_site: Path,
) -> None:
    program = page(example_site, "program")
    workshop = page(example_site, "program/workshop-hardware-futures")
    tutorial = page(example_site, "program/tutorial-profiling")

    links = set(program.xpath("//a/@href"))
    pages = {"../program/workshop-hardware-futures/", "../program/tutorial-profiling/"}
    assert pages <= links
    assert texts(workshop, "//p[@class='cs-kind']") == ["Workshop"]
    assert texts(workshop, "//p[@class='cs-organizers']") == [
        "Organisers: Keiko Tanaka, Rahul Mehta"
    ]
    assert texts(workshop, "//p[@class='cs-talk-slot']") == ["09:15–09:45"]
    assert texts(tutorial, "//p[@class='cs-organizers']") == [
        "Organisers: Hannah Schultz, Tomás Ferreira"
    ]
    # A tutorial without papers has no empty "Papers" heading.
    assert tutorial.xpath("//h2[@id='papers']") == []


def test_site_talks_every_kind_holding_papers_has_a_page(example_site: Path) -> None:
    kinds = [k for k in SessionKind if k.holds_papers]

    assert kinds == [
        SessionKind.PAPERS,
        SessionKind.POSTER,
        SessionKind.TUTORIAL,
        SessionKind.WORKSHOP,
    ]
    agenda = json.loads((example_site / "program" / "agenda.json").read_text("utf-8"))
    for session_id, session in agenda["sessions"].items():
        if session["path"].endswith("/"):
            assert (example_site / session["path"] / "index.html").is_file(), session_id


def test_site_talks_agenda_data_carries_slots_and_boards(example_site: Path) -> None:
    agenda = json.loads((example_site / "program" / "agenda.json").read_text("utf-8"))

    assert {k: agenda["papers"]["fusebox"][k] for k in ("start", "end", "time")} == {
        "start": "2027-04-12T17:50:00Z",
        "end": "2027-04-12T18:10:00Z",
        "time": "10:50–11:10",
    }
    assert agenda["papers"]["microlower"]["board"] == "1"
    assert "start" not in agenda["papers"]["zephyr-pipeline"]
    assert agenda["papers"]["optical-moe-switching"]["session"] == "workshop-hardware-futures"


def test_site_talks_speaker_pages_linked_and_old_anchors_kept(example_site: Path) -> None:
    speakers = page(example_site, "speakers")
    speaker = page(example_site, "speakers/miriam-okafor")

    assert speakers.xpath("//section[@id='miriam-okafor']//h2/a/@href") == [
        "../speakers/miriam-okafor/"
    ]
    assert texts(speaker, "//h1") == ["Miriam Okafor"]
    assert texts(speaker, "//p[@class='cs-slot']") == [
        "Keynote: The Model Is the Workload, Monday 12 April 2027, 09:00–10:00, Grand Ballroom"
    ]
    assert speaker.xpath("//h2[@id='bio']")
    assert speaker.xpath("//p[@class='cs-slot']/a/@href") == ["../../program/#keynote-1"]
