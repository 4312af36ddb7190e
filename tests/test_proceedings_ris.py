"""RIS out: one well-formed record per paper that reparses to the paper's facts."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_outputs
from generator.exporters.citation import record_of
from generator.exporters.ris import paper_ris
from generator.validate import load_and_validate

ROOT = Path(__file__).resolve().parent.parent
TOY = ROOT / "tests" / "data" / "toy"
EXAMPLE = ROOT / "data" / "2027"  # the example series' current edition


def parse_ris(text: str) -> list[tuple[str, str]]:
    """RIS lines to (tag, value) pairs, checking the line format on the way."""
    assert text.endswith("\r\n")
    pairs = []
    for line in text.split("\r\n")[:-1]:
        assert "\n" not in line and "\r" not in line
        assert line[2:6] == "  - ", line
        pairs.append((line[:2], line[6:]))
    return pairs


def test_ris_reparses_to_the_citation_record() -> None:
    data, _ = load_and_validate(TOY)
    assert data is not None
    paper = next(p for p in data.papers if p.id == "tiny-tensors")
    record = record_of(data, paper)
    pairs = parse_ris(paper_ris(record))
    tags = dict(pairs)
    assert pairs[0] == ("TY", "CPAPER")
    assert pairs[-1] == ("ER", "")
    assert [v for t, v in pairs if t == "AU"] == ["Álvarez, José", "Wong, Mia"]
    assert [v for t, v in pairs if t == "ED"] == ["Lind, Rosa", "Berg, Tom"]
    assert tags["TI"] == "Tiny Tensors: Compiling for Microcontrollers"
    assert tags["T2"] == "Proceedings of ToyConf 2030"
    assert (tags["PY"], tags["DA"]) == ("2030", "2030/06/03")
    assert (tags["SP"], tags["EP"]) == ("1", "10")
    assert tags["UR"] == "https://toy.example.org/2030/papers/tiny-tensors/"
    assert tags["L1"] == "https://toy.example.org/2030/papers/tiny-tensors.pdf"
    assert tags["AB"] == "We compile tensor programs for devices with 256 KiB of memory."
    assert "DO" not in tags


def test_ris_spells_math_out_as_plain_text() -> None:
    data, _ = load_and_validate(TOY)
    assert data is not None
    paper = next(p for p in data.papers if p.id == "log-attention")
    tags = dict(parse_ris(paper_ris(record_of(data, paper))))
    assert tags["TI"] == "Attention in O(n log n) Time"
    assert tags["AB"] == "A kernel that needs O(n log n) time and little memory."


def test_every_example_paper_has_a_well_formed_ris_file() -> None:
    result = build_outputs(EXAMPLE)
    data, _ = load_and_validate(EXAMPLE)
    assert data is not None
    files = {f.uri: f.content for f in result.files}
    for paper in data.papers:
        pairs = parse_ris(files[f"papers/{paper.id}.ris"])
        assert [v for t, v in pairs if t == "AU"] == [a.name.last_first for a in paper.authors]
        assert dict(pairs)["ID"] == paper.id
        assert "\\" not in dict(pairs)["TI"]
