"""generator/validate/people.py: committee.yaml, speakers.yaml, sponsors.yaml."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import parse_yaml
from generator.model import Area
from generator.validate.people import read_committee, read_speakers, read_sponsors


def parse(text: str) -> tuple[object, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_yaml(text, "f.yaml", diagnostics), diagnostics


def test_read_committee_organizers_and_areas() -> None:
    root, diagnostics = parse(
        "organizing:\n  - {role: Chair, name: Ann Lee, affiliation: U}\n"
        "program_committee:\n  - {name: Bo Ek, area: systems}\n  - {name: Cy Li, area: ml}\n"
    )

    organizers, members = read_committee(root, "f.yaml", diagnostics)

    assert [(o.role, o.name.full, o.affiliation) for o in organizers] == [("Chair", "Ann Lee", "U")]
    assert [(m.name.full, m.area) for m in members] == [("Bo Ek", Area.SYSTEMS), ("Cy Li", Area.ML)]
    assert diagnostics.items == []


def test_read_committee_area_is_optional_but_an_unknown_one_is_an_error() -> None:
    root, diagnostics = parse(
        "program_committee:\n  - {name: Bo Ek}\n  - {name: Cy Li, area: hardware}\n"
        "  - {name: Di Wu, area: ml}\n"
    )

    _organizers, members = read_committee(root, "f.yaml", diagnostics)

    assert [(m.name.full, m.area) for m in members] == [("Bo Ek", None), ("Di Wu", Area.ML)]
    assert [str(d) for d in diagnostics.sorted()] == [
        "f.yaml:3: error: program committee member 'Cy Li': unknown area 'hardware'; use "
        "'systems' or 'ml'",
    ]


def test_read_speakers_fields() -> None:
    root, diagnostics = parse(
        "speakers:\n  - id: ann\n    name: Ann Lee\n    talk_title: On $x$\n"
        "    photo: img/ann.jpg\n"
    )

    (speaker,) = read_speakers(root, "f.yaml", diagnostics)

    assert (speaker.id, speaker.name.full, speaker.talk_title.source, speaker.photo) == (
        "ann",
        "Ann Lee",
        "On $x$",
        "img/ann.jpg",
    )
    assert diagnostics.items == []


def test_read_speakers_duplicate_id() -> None:
    root, diagnostics = parse("speakers:\n  - {id: ann, name: A}\n  - {id: ann, name: B}\n")

    speakers = read_speakers(root, "f.yaml", diagnostics)

    assert [s.name.full for s in speakers] == ["A"]
    assert [str(d) for d in diagnostics.sorted()] == [
        "f.yaml:3: error: speaker id 'ann' is used twice (first at f.yaml:2)"
    ]


def test_read_sponsors_sorted_by_tier_with_default_supporter() -> None:
    root, diagnostics = parse(
        "sponsors:\n  - {name: Small}\n  - {name: Big, tier: platinum}\n"
        "  - {name: Mid, tier: gold}\n"
    )

    sponsors = read_sponsors(root, "f.yaml", diagnostics)

    assert [(s.name, s.tier) for s in sponsors] == [
        ("Big", "platinum"),
        ("Mid", "gold"),
        ("Small", "supporter"),
    ]


def test_read_sponsors_unknown_tier() -> None:
    root, diagnostics = parse("sponsors:\n  - {name: X, tier: golden}\n")

    assert read_sponsors(root, "f.yaml", diagnostics) == ()
    assert [str(d) for d in diagnostics.sorted()] == [
        "f.yaml:2: error: sponsor 'X': unknown tier 'golden' (did you mean 'gold'?); use one of "
        "platinum, gold, silver, bronze, supporter"
    ]
