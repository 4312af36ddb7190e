"""generator/model.py: the small behaviours of the domain objects."""

from __future__ import annotations

from generator.diagnostics import Location
from generator.model import Area, BibEntry, SessionKind, Venue


def test_session_kind_papers_posters_tutorials_workshops_hold_papers() -> None:
    holding = [kind.value for kind in SessionKind if kind.holds_papers]

    assert holding == ["papers", "poster", "tutorial", "workshop"]


def test_session_kind_labels() -> None:
    assert [SessionKind.PAPERS.label, SessionKind.POSTER.label, SessionKind.KEYNOTE.label] == [
        "Paper session",
        "Poster session",
        "Keynote",
    ]


def test_area_labels() -> None:
    assert [area.label for area in Area] == ["Systems", "Machine learning"]


def test_venue_place_joins_what_is_known() -> None:
    assert [Venue("V", city="Kleinstadt", country="Germany").place, Venue("V").place] == [
        "Kleinstadt, Germany",
        "",
    ]


def test_bib_entry_get_first_field_or_default() -> None:
    entry = BibEntry("k", "inproceedings", (("title", "T"), ("year", "2030")), "", Location("b"))

    assert (entry.get("year"), entry.get("pages"), entry.get("pages", "-")) == ("2030", "", "-")
