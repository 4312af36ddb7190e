"""generator/views.py: what each page shows, in which order, as plain data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import TOY_DATA

from generator import views
from generator.model import Area, CommitteeMember
from generator.names import Name
from generator.validate import load_and_validate


@pytest.fixture(scope="module")
def index() -> views.Index:
    data, diagnostics = load_and_validate(TOY_DATA)
    assert data is not None, [str(d) for d in diagnostics.sorted()]
    return views.Index.of(data)


def test_day_label_and_time_range(index: views.Index) -> None:
    session = index.sessions["s-compilers"]

    assert (
        views.day_label(date(2030, 6, 3), index.lang),
        views.time_range(session, index.lang),
    ) == (
        "Monday 3 June 2030",
        "10:30–12:00",
    )


def test_utc_iso_converts_from_the_local_zone() -> None:
    moment = datetime(2030, 6, 3, 10, 30, tzinfo=ZoneInfo("Europe/Berlin"))

    assert views.utc_iso(moment) == "2030-06-03T08:30:00Z"


def test_program_view_days_sessions_in_time_order(index: views.Index) -> None:
    view = views.program_view(index)

    assert view["timezone"] == "Europe/Berlin"
    assert [(d["label"], [s["id"] for s in d["sessions"]]) for d in view["days"]] == [
        ("Monday 3 June 2030", ["keynote", "s-compilers"]),
        ("Tuesday 4 June 2030", ["coffee", "posters"]),
    ]
    assert view["unscheduled"] == []


def test_program_view_paper_session_lists_papers_in_file_order(index: views.Index) -> None:
    session = views.program_view(index)["days"][0]["sessions"][1]

    assert (session["room"], session["chair"], session["kind_label"]) == (
        "Hall A",
        "Tom Berg",
        "Paper session",
    )
    assert [(p["id"], p["authors"]) for p in session["papers"]] == [
        ("tiny-tensors", "José Álvarez, Mia Wong"),
        ("log-attention", "Mia Wong, Ludwig van der Berg"),
    ]


def test_program_view_keynote_links_its_speaker(index: views.Index) -> None:
    keynote = views.program_view(index)["days"][0]["sessions"][0]

    assert (keynote["speaker"]["name"], keynote["speaker"]["href"]) == (
        "Ada Quill",
        "../speakers/#ada-quill",
    )


def test_paper_view_fields(index: views.Index) -> None:
    view = views.paper_view(index.data.papers[0], index)

    assert view["title_text"] == "Tiny Tensors: Compiling for Microcontrollers"
    assert [(a["name"], a["affiliation"]) for a in view["authors"]] == [
        ("José Álvarez", "Universidad de Ejemplo"),
        ("Mia Wong", "Example Labs"),
    ]
    assert view["topics"] == ["Software systems for ML", "Hardware systems for ML"]
    assert (view["award"], view["downloads"][0]["href"]) == (
        "Best paper",
        "../../papers/tiny-tensors.bib",
    )
    assert [link["label"] for link in view["links"]] == ["PDF", "Code"]
    assert (view["session"]["day"], view["session"]["time"], view["session"]["room"]) == (
        "Monday 3 June 2030",
        "10:30–12:00",
        "Hall A",
    )


def test_paper_view_title_math_is_markup(index: views.Index) -> None:
    view = views.paper_view(index.data.papers[1], index)

    assert str(view["title"]) == (
        'Attention in <math alttext="O(n \\log n)" display="inline"><mrow><mi>O</mi>'
        '<mo stretchy="false">(</mo><mi>n</mi>'
        '<mi>log</mi><mspace width="0.1667em"></mspace><mi>n</mi><mo stretchy="false">)</mo>'
        "</mrow></math> Time"
    )


def test_proceedings_view_groups_by_first_topic(index: views.Index) -> None:
    view = views.proceedings_view(index)

    assert (view["title"], view["count"], view["bib_href"]) == (
        "Proceedings of ToyConf 2030",
        3,
        "../proceedings/proceedings.bib",
    )
    assert [(g["id"], [p["id"] for p in g["papers"]]) for g in view["groups"]] == [
        ("software", ["tiny-tensors"]),
        ("metrics", ["log-attention", "green-serving"]),
    ]


def test_authors_view_a_to_z_by_family_name_decoded(index: views.Index) -> None:
    view = views.authors_view(index)

    assert view["count"] == 4
    assert [(g["letter"], [p["sort_name"] for p in g["people"]]) for g in view["letters"]] == [
        ("A", ["Álvarez, José"]),
        ("B", ["van der Berg, Ludwig"]),
        ("P", ["Park, Zoë"]),
        ("W", ["Wong, Mia"]),
    ]
    wong = view["letters"][3]["people"][0]
    assert [p["id"] for p in wong["papers"]] == ["tiny-tensors", "log-attention"]


def test_committee_view_areas_with_counts(index: views.Index) -> None:
    view = views.committee_view(index)

    assert [(o["role"], o["name"]) for o in view["organizers"]] == [
        ("General chair", "Rosa Lind"),
        ("Program chair", "Tom Berg"),
    ]
    assert [(a["id"], a["count"], [m["name"] for m in a["members"]]) for a in view["areas"]] == [
        ("systems", 2, ["Ana Costa", "Björn Ek"]),
        ("ml", 1, ["Chen Li"]),
    ]
    assert view["total"] == 3


def test_speakers_view_links_the_keynote_slot(index: views.Index) -> None:
    (speaker,) = views.speakers_view(index)["speakers"]

    assert (speaker["name"], str(speaker["talk"]), speaker["session"]["time"]) == (
        "Ada Quill",
        "Small Is Beautiful",
        "09:00–10:00",
    )


def test_home_view_facts(index: views.Index) -> None:
    view = views.home_view(index)

    assert (view["dates"], view["paper_count"], view["session_count"], view["fictional"]) == (
        "3–4 June 2030",
        3,
        1,
        True,
    )
    assert view["venue"].place == "Kleinstadt, Germany"


def test_cfp_view_dates_in_their_own_zone(index: views.Index) -> None:
    view = views.cfp_view(index)

    assert [(d["when"], d["utc"]) for d in view["important_dates"]] == [
        ("Tuesday 15 January 2030, 23:59 AoE", "2030-01-16T11:59:00Z"),
        ("Monday 1 April 2030, 12:00 Europe/Berlin", "2030-04-01T10:00:00Z"),
    ]
    assert [t["id"] for t in view["topics"]] == ["hardware", "software", "metrics"]
    assert view["uses_aoe"] is True


def _with_committee(index: views.Index, areas: list[Area | None]) -> views.Index:
    members = tuple(
        CommitteeMember(Name.parse(name), "", area)
        for name, area in zip(["Zoë Park", "Ana Costa", "Björn Ek"], areas, strict=True)
    )
    return views.Index.of(replace(index.data, program_committee=members))


def test_committee_view_without_areas_has_no_split(index: views.Index) -> None:
    view = views.committee_view(_with_committee(index, [None, None, None]))

    assert view["areas"] == []
    assert [m["name"] for m in view["unassigned"]] == ["Ana Costa", "Björn Ek", "Zoë Park"]


def test_committee_view_lists_members_without_an_area_after_the_split(
    index: views.Index,
) -> None:
    view = views.committee_view(_with_committee(index, [None, Area.ML, None]))

    assert [(a["id"], a["count"]) for a in view["areas"]] == [("systems", 0), ("ml", 1)]
    assert [m["name"] for m in view["unassigned"]] == ["Björn Ek", "Zoë Park"]
