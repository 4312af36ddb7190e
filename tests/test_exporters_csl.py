"""CSL-JSON out: every paper's item validates against the CSL-JSON schema (vendored in
tests/data/reference/csl/) and says what its .bib entry says, for every kind of entry."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REFERENCE, TOY_DATA
from reference_sites import BIBTEX, imported_model

from generator.build import build_outputs
from generator.exporters.citation import record_of
from generator.exporters.csl import csl_item, paper_csl_json
from generator.model import ConferenceData
from generator.validate import load_and_validate

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "data" / "2027"
)  # the example series' current edition
SCHEMA = json.loads((REFERENCE / "csl" / "csl-data.json").read_text(encoding="utf-8"))
SOURCES = ["toy", "example", *sorted(p.stem for p in BIBTEX.glob("*.bib"))]


@pytest.fixture(scope="module", params=SOURCES)
def model(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> ConferenceData:
    if request.param in ("toy", "example"):
        data, _ = load_and_validate(TOY_DATA if request.param == "toy" else EXAMPLE)
        assert data is not None
        return data
    return imported_model(BIBTEX / f"{request.param}.bib", tmp_path_factory.mktemp(request.param))


def test_every_item_validates_against_the_csl_json_schema(model: ConferenceData) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA)
    for paper in model.papers:
        document = json.loads(paper_csl_json(record_of(model, paper)))
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], paper.id
        assert [item["id"] for item in document] == [paper.id]


def test_served_file_is_the_item(tmp_path: Path) -> None:
    data, _ = load_and_validate(TOY_DATA)
    assert data is not None
    files = {f.uri: f.content for f in build_outputs(TOY_DATA).files}
    for paper in data.papers:
        assert json.loads(files[f"papers/{paper.id}.csl.json"]) == [
            csl_item(record_of(data, paper))
        ]


def test_toy_paper_item() -> None:
    data, _ = load_and_validate(TOY_DATA)
    assert data is not None
    item = csl_item(record_of(data, data.papers[0]))
    assert item == {
        "id": "tiny-tensors",
        "type": "paper-conference",
        "title": "Tiny Tensors: Compiling for Microcontrollers",
        "author": [{"family": "Álvarez", "given": "José"}, {"family": "Wong", "given": "Mia"}],
        "editor": [{"family": "Lind", "given": "Rosa"}, {"family": "Berg", "given": "Tom"}],
        "issued": {"date-parts": [[2030, 6, 3]]},
        "container-title": "Proceedings of ToyConf 2030",
        "event": "ToyConf 2030: A Tiny Conference on Systems and ML",
        "page": "1-10",
        "publisher": "ToyConf",
        "publisher-place": "Kleinstadt, Germany",
        "URL": "https://toy.example.org/2030/papers/tiny-tensors/",
        "abstract": "We compile tensor programs for devices with 256 KiB of memory.",
    }


def test_acm_sample_items_are_typed_as_their_entries(tmp_path: Path) -> None:
    model = imported_model(BIBTEX / "acmart-sample-base.bib", tmp_path)
    items = {p.id: csl_item(record_of(model, p)) for p in model.papers}
    cohen = items["cohen07"]
    assert (cohen["type"], cohen["container-title"], cohen["issued"]) == (
        "article-journal",
        "J. ACM",
        {"date-parts": [[2007, 4]]},
    )
    assert (cohen["volume"], cohen["issue"], cohen["DOI"]) == ("54", "2", "10.1145/1219092.1219093")
    assert "event" not in cohen
    types = {
        "kosiur01": "book",
        "spector90": "chapter",
        "kagm-2001": "chapter",
        "smith10": "paper-conference",
        "harel78": "report",
        "anisi03": "thesis",
        "clarkson85": "thesis",
        "thornburg01": "webpage",
        "poker06": "document",
        "fear05": "report",
        "r": "software",
        "umasscitations": "dataset",
        "bornmann2019": "article",
    }
    assert {key: items[key]["type"] for key in types} == types
    assert items["clarkson85"]["genre"] == "Doctoral dissertation"
    assert items["clarkson85"]["publisher"] == "Stanford University"
